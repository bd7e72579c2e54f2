package dev.inquest.heap.graph;

import dev.inquest.heap.store.IntArray;
import dev.inquest.heap.store.LongArray;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.Arrays;

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
    private final long[] bigNodes;
    private final long[] bigSizes;

    private RetainedSizes(LongArray wide, IntArray narrow, long[] bigNodes, long[] bigSizes) {
        this.wide = wide;
        this.narrow = narrow;
        this.bigNodes = bigNodes;
        this.bigSizes = bigSizes;
    }

    /** Sizes as computed, 8 bytes each. */
    public static RetainedSizes of(LongArray sizes) {
        return new RetainedSizes(sizes, null, null, null);
    }

    /**
     * Sizes as stored: {@code narrow} 4 bytes a node, {@code overflow} (node, size) pairs of 8
     * bytes each, ascending by node, for every node whose size does not fit. Null when the two
     * disagree (a damaged file).
     */
    public static RetainedSizes wrap(MemorySegment narrow, MemorySegment overflow) {
        if (overflow.byteSize() % 16 != 0) {
            return null;
        }
        int pairs = Math.toIntExact(overflow.byteSize() / 16);
        long[] nodes = new long[pairs];
        long[] sizes = new long[pairs];
        for (int i = 0; i < pairs; i++) {
            nodes[i] = overflow.getAtIndex(ValueLayout.JAVA_LONG_UNALIGNED, 2L * i);
            sizes[i] = overflow.getAtIndex(ValueLayout.JAVA_LONG_UNALIGNED, 2L * i + 1);
            if ((i > 0 && nodes[i] <= nodes[i - 1]) || sizes[i] < 0xffffffffL) {
                return null;
            }
        }
        return new RetainedSizes(null, IntArray.wrap(narrow), nodes, sizes);
    }

    public long get(long node) {
        if (wide != null) {
            return wide.get(node);
        }
        int v = narrow.get(node);
        if (v != OVERFLOW) {
            return v & 0xffffffffL;
        }
        int at = Arrays.binarySearch(bigNodes, node);
        if (at < 0) {
            throw new IllegalStateException("retained size of node " + node + " is missing from the overflow table");
        }
        return bigSizes[at];
    }

    public long length() {
        return wide != null ? wide.length() : narrow.length();
    }

    /**
     * Writes sizes {@code from .. from+count-1} as stored ({@code into}: 4 bytes each) and adds
     * the (node, size) pairs that overflow to {@code overflow}.
     */
    public void storeNarrow(long from, int count, MemorySegment into, dev.inquest.heap.store.LongList overflow) {
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

    /** The overflow table as stored, from the pairs {@link #storeNarrow} collected. */
    public static byte[] storedOverflow(dev.inquest.heap.store.LongList pairs) {
        MemorySegment out = MemorySegment.ofArray(new byte[Math.toIntExact(pairs.size() * 8)]);
        for (long i = 0; i < pairs.size(); i++) {
            out.setAtIndex(ValueLayout.JAVA_LONG_UNALIGNED, i, pairs.get(i));
        }
        return out.toArray(ValueLayout.JAVA_BYTE);
    }
}
