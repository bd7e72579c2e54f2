package dev.inquest.heap.graph;

import dev.inquest.heap.store.IntArray;
import dev.inquest.heap.store.LongArray;
import dev.inquest.heap.store.LongList;
import dev.inquest.heap.store.SparseLongs;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/**
 * Retained sizes by node. Computed as 8 bytes each; stored (the index file) as 4 bytes each,
 * unsigned, with the few sizes of 4 GB and more in a table sorted by node: only the ancestors of
 * a few huge structures retain that much, so the file saves 4 bytes an object for a table of a
 * few entries.
 */
public final class RetainedSizes {
    /** The stored marker for "look in the table". */
    static final int OVERFLOW = -1;

    private final LongArray wide;
    private final IntArray narrow;
    private final SparseLongs big;

    private RetainedSizes(LongArray wide, IntArray narrow, SparseLongs big) {
        this.wide = wide;
        this.narrow = narrow;
        this.big = big;
    }

    /** Sizes as computed, 8 bytes each. */
    public static RetainedSizes of(LongArray sizes) {
        return new RetainedSizes(sizes, null, null);
    }

    /**
     * Sizes as stored: {@code narrow} 4 bytes a node, {@code overflow} the {@link SparseLongs}
     * of every node whose size does not fit. Null when the table is damaged.
     */
    public static RetainedSizes wrap(MemorySegment narrow, MemorySegment overflow) {
        SparseLongs big = SparseLongs.read(overflow);
        return big == null ? null : new RetainedSizes(null, IntArray.wrap(narrow), big);
    }

    public long get(long node) {
        if (wide != null) {
            return wide.get(node);
        }
        int v = narrow.get(node);
        return v != OVERFLOW ? v & 0xffffffffL : big.get(node);
    }

    public long length() {
        return wide != null ? wide.length() : narrow.length();
    }

    /**
     * Writes sizes {@code from .. from+count-1} as stored ({@code into}: 4 bytes each) and adds
     * the (node, size) pairs that overflow to {@code overflow}.
     */
    public void storeNarrow(long from, int count, MemorySegment into, LongList overflow) {
        // One tight loop over the computed column: this runs once, 15M times on a 1 GB dump, and
        // must be compiled well on its first call.
        MemorySegment src = wide != null ? wide.segment() : null;
        for (int i = 0; i < count; i++) {
            long v = src != null ? src.getAtIndex(ValueLayout.JAVA_LONG_UNALIGNED, from + i) : get(from + i);
            if (v >= 0xffffffffL) {
                into.setAtIndex(ValueLayout.JAVA_INT_UNALIGNED, i, OVERFLOW);
                overflow.add(from + i);
                overflow.add(v);
            } else {
                into.setAtIndex(ValueLayout.JAVA_INT_UNALIGNED, i, (int) v);
            }
        }
    }
}
