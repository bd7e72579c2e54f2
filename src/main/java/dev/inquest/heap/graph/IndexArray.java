package dev.inquest.heap.graph;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/**
 * Array of node or edge indices whose element width is chosen once per computation:
 * 4 bytes while every value fits in an {@code int}, 8 bytes beyond. Halving the per-node
 * working set is what keeps a 15M-object dominator computation in a few hundred megabytes; the
 * wide form keeps graphs past 2^31 nodes or edges working. One final class with a predictable
 * branch (rather than two subclasses) so every call site stays monomorphic. The unaligned
 * layouts skip a per-access alignment check (3.5 % of a first open's samples); the memory is
 * 8-byte aligned anyway.
 */
public final class IndexArray {
    private final MemorySegment segment;
    private final boolean wide;
    private final long length;

    private IndexArray(MemorySegment segment, boolean wide, long length) {
        this.segment = segment;
        this.wide = wide;
        this.length = length;
    }

    /** Zero-filled. */
    public static IndexArray allocate(Arena arena, long length, boolean wide) {
        int width = wide ? Long.BYTES : Integer.BYTES;
        MemorySegment segment = dev.inquest.heap.store.NativeMemory.allocate(arena, Math.max(1, length) * width).asSlice(0, length * width);
        return new IndexArray(segment, wide, length);
    }

    /** Views an existing segment (for example a mapped index file) as 4- or 8-byte elements. */
    public static IndexArray wrap(MemorySegment segment, boolean wide) {
        return new IndexArray(segment, wide, segment.byteSize() / (wide ? Long.BYTES : Integer.BYTES));
    }

    public MemorySegment segment() {
        return segment;
    }

    /** Whether values up to {@code maxValue} (and the sentinel -1) need 8-byte elements. */
    public static boolean needsWide(long maxValue) {
        return maxValue >= Integer.MAX_VALUE;
    }

    public long get(long index) {
        return wide ? segment.getAtIndex(ValueLayout.JAVA_LONG_UNALIGNED, index) : segment.getAtIndex(ValueLayout.JAVA_INT_UNALIGNED, index);
    }

    public void set(long index, long value) {
        if (wide) {
            segment.setAtIndex(ValueLayout.JAVA_LONG_UNALIGNED, index, value);
        } else {
            segment.setAtIndex(ValueLayout.JAVA_INT_UNALIGNED, index, (int) value);
        }
    }

    public long length() {
        return length;
    }

    public boolean wide() {
        return wide;
    }
}
