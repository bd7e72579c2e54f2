package dev.inquest.heap.graph;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/** A long-indexed bit set off the Java heap: one bit per node costs 2 MB for 15M objects. */
final class BitSet64 {
    private final MemorySegment words;
    private final long size;

    BitSet64(Arena arena, long size) {
        this.size = size;
        this.words = dev.inquest.heap.store.NativeMemory.allocate(arena, Math.max(1, (size + 63) >>> 6) * Long.BYTES);
    }

    boolean get(long i) {
        return (words.getAtIndex(ValueLayout.JAVA_LONG_UNALIGNED, i >>> 6) & (1L << i)) != 0;
    }

    /** 1 when bit {@code i} is set, else 0, without a branch. */
    long bit(long i) {
        return (words.getAtIndex(ValueLayout.JAVA_LONG_UNALIGNED, i >>> 6) >>> i) & 1;
    }

    void set(long i) {
        long w = i >>> 6;
        words.setAtIndex(ValueLayout.JAVA_LONG_UNALIGNED, w, words.getAtIndex(ValueLayout.JAVA_LONG_UNALIGNED, w) | (1L << i));
    }

    long size() {
        return size;
    }
}
