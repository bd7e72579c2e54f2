package dev.inquest.heap.store;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/**
 * A {@code int[]} indexed by {@code long}: no 2^31 ceiling, and backed by a
 * {@link MemorySegment} so the same structure lives off-heap while it is built and is mapped
 * straight from the index file when a dump is reopened (no copy, no parse).
 */
public final class IntArray {
    private static final ValueLayout.OfInt LAYOUT = ValueLayout.JAVA_INT_UNALIGNED;

    private final MemorySegment segment;
    private final long length;

    private IntArray(MemorySegment segment) {
        this.segment = segment;
        this.length = segment.byteSize() / Integer.BYTES;
    }

    /** Zero-filled. */
    public static IntArray allocate(Arena arena, long length) {
        return new IntArray(NativeMemory.allocate(arena, Math.max(1, length) * Integer.BYTES).asSlice(0, length * Integer.BYTES));
    }

    /** Views an existing segment (for example a slice of a mapped index file). */
    public static IntArray wrap(MemorySegment segment) {
        return new IntArray(segment);
    }

    public int get(long index) {
        return segment.getAtIndex(LAYOUT, index);
    }

    public void set(long index, int value) {
        segment.setAtIndex(LAYOUT, index, value);
    }

    public long length() {
        return length;
    }

    public void fill(int value) {
        if (value == 0) {
            segment.fill((byte) 0);
            return;
        }
        for (long i = 0; i < length; i++) {
            segment.setAtIndex(LAYOUT, i, value);
        }
    }

    public MemorySegment segment() {
        return segment;
    }
}
