package dev.inquest.heap.index;

import dev.inquest.heap.store.LongArray;
import java.lang.foreign.Arena;

/** A fixed-size bit set over long indices, off-heap. */
public final class Bits {
    private final LongArray words;
    private final long size;

    public Bits(Arena arena, long size) {
        this.size = size;
        this.words = LongArray.allocate(arena, (size + 63) >>> 6);
    }

    public Bits(LongArray words, long size) {
        this.words = words;
        this.size = size;
    }

    public boolean get(long i) {
        return (words.get(i >>> 6) & (1L << i)) != 0;
    }

    public void set(long i) {
        long w = i >>> 6;
        words.set(w, words.get(w) | (1L << i));
    }

    /** Sets the bit; returns false when it was already set. */
    public boolean add(long i) {
        long w = i >>> 6;
        long old = words.get(w);
        long bit = 1L << i;
        if ((old & bit) != 0) {
            return false;
        }
        words.set(w, old | bit);
        return true;
    }

    public long size() {
        return size;
    }

    public long cardinality() {
        long c = 0;
        for (long w = 0; w < words.length(); w++) {
            c += Long.bitCount(words.get(w));
        }
        return c;
    }

    public LongArray words() {
        return words;
    }
}
