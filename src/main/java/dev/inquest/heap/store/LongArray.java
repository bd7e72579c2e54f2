package dev.inquest.heap.store;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/**
 * A {@code long[]} indexed by {@code long}: no 2^31 ceiling, and backed by a
 * {@link MemorySegment} so the same structure lives off-heap while it is built and is mapped
 * straight from the index file when a dump is reopened (no copy, no parse).
 */
public final class LongArray {
    private static final ValueLayout.OfLong LAYOUT = ValueLayout.JAVA_LONG_UNALIGNED;

    private final MemorySegment segment;
    private final long length;

    private LongArray(MemorySegment segment) {
        this.segment = segment;
        this.length = segment.byteSize() / Long.BYTES;
    }

    /** Zero-filled. */
    public static LongArray allocate(Arena arena, long length) {
        return new LongArray(NativeMemory.allocate(arena, Math.max(1, length) * Long.BYTES).asSlice(0, length * Long.BYTES));
    }

    /** Views an existing segment (for example a slice of a mapped index file). */
    public static LongArray wrap(MemorySegment segment) {
        return new LongArray(segment);
    }

    public long get(long index) {
        return segment.getAtIndex(LAYOUT, index);
    }

    public void set(long index, long value) {
        segment.setAtIndex(LAYOUT, index, value);
    }

    public long length() {
        return length;
    }

    public void fill(long value) {
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
