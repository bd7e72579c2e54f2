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

    /** Whether {@code thread} may read these sizes (their memory is not confined to another thread). */
    public boolean accessibleBy(Thread thread) {
        return (wide != null ? wide.segment() : narrow.segment()).isAccessibleBy(thread);
    }

    public long length() {
        return wide != null ? wide.length() : narrow.length();
    }

    /**
     * Writes sizes {@code from .. from+count-1} as stored ({@code into}: 4 bytes each) and adds
     * the (node, size) pairs that overflow to {@code overflow}.
     */
    public void storeNarrow(long from, int count, MemorySegment into, LongList overflow) {
        // Through Java arrays a group at a time, branch-free but for groups with a size that does
        // not fit: this runs once, 15M times on a 1 GB dump, and the same loop over native memory
        // was compiled four times in one open (each a speculation that failed).
        int group = 1 << 12;
        long[] sizes = new long[Math.min(group, count)];
        int[] stored = new int[sizes.length];
        for (int g = 0; g < count; g += group) {
            int m = Math.min(group, count - g);
            if (wide != null) {
                MemorySegment.copy(wide.segment(), ValueLayout.JAVA_LONG_UNALIGNED, 8 * (from + g), sizes, 0, m);
            } else {
                for (int i = 0; i < m; i++) {
                    sizes[i] = get(from + g + i);
                }
            }
            if (packGroup(sizes, stored, m)) {
                for (int i = 0; i < m; i++) {
                    if (sizes[i] >= 0xffffffffL) {
                        overflow.add(from + g + i);
                        overflow.add(sizes[i]);
                    }
                }
            }
            MemorySegment.copy(stored, 0, into, ValueLayout.JAVA_INT_UNALIGNED, 4L * g, m);
        }
    }

    /**
     * The stored form of {@code sizes[0 .. m-1]} into {@code stored}; true when one overflows. A
     * method of its own, called once a group: compiled as a method early on, not replaced in the
     * middle of one long loop.
     */
    private static boolean packGroup(long[] sizes, int[] stored, int m) {
        long anyOver = 0;
        for (int i = 0; i < m; i++) {
            long v = sizes[i];
            long over = ~((v - 0xffffffffL) >> 63); // v >= 0xffffffff: all ones
            stored[i] = (int) ((v & ~over) | (OVERFLOW & over));
            anyOver |= over;
        }
        return anyOver != 0;
    }
}
