package dev.inquest.heap.store;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.Arrays;

/**
 * A few long values by node, where a column stores a marker instead (a retained size of 4 GB or
 * more, a record offset that is not near its block's): the nodes ascending, stored as (node,
 * value) pairs of 8 bytes each, so a lookup is a binary search.
 */
public final class SparseLongs {
    private final long[] nodes;
    private final long[] values;

    private SparseLongs(long[] nodes, long[] values) {
        this.nodes = nodes;
        this.values = values;
    }

    /** From the pairs {@code (node, value, node, value...)} as collected, nodes ascending. */
    public static SparseLongs of(LongList pairs) {
        int k = Math.toIntExact(pairs.size() / 2);
        long[] n = new long[k];
        long[] v = new long[k];
        for (int i = 0; i < k; i++) {
            n[i] = pairs.get(2L * i);
            v[i] = pairs.get(2L * i + 1);
        }
        return new SparseLongs(n, v);
    }

    /** As stored; null when the bytes are not whole pairs or the nodes do not ascend (a damaged file). */
    public static SparseLongs read(MemorySegment stored) {
        if (stored.byteSize() % 16 != 0 || stored.byteSize() / 16 > Integer.MAX_VALUE - 8) {
            return null;
        }
        int k = (int) (stored.byteSize() / 16);
        long[] n = new long[k];
        long[] v = new long[k];
        for (int i = 0; i < k; i++) {
            n[i] = stored.getAtIndex(ValueLayout.JAVA_LONG_UNALIGNED, 2L * i);
            v[i] = stored.getAtIndex(ValueLayout.JAVA_LONG_UNALIGNED, 2L * i + 1);
            if (i > 0 && n[i] <= n[i - 1]) {
                return null;
            }
        }
        return new SparseLongs(n, v);
    }

    /** The value of {@code node}; it must be one of the nodes. */
    public long get(long node) {
        int at = Arrays.binarySearch(nodes, node);
        if (at < 0) {
            throw new IllegalStateException("node " + node + " is not in the table");
        }
        return values[at];
    }

    /** The nodes, ascending (a copy). */
    public long[] nodes() {
        return nodes.clone();
    }

    /** The pairs as stored. */
    public byte[] stored() {
        MemorySegment s = MemorySegment.ofArray(new byte[nodes.length * 16]);
        for (int i = 0; i < nodes.length; i++) {
            s.setAtIndex(ValueLayout.JAVA_LONG_UNALIGNED, 2L * i, nodes[i]);
            s.setAtIndex(ValueLayout.JAVA_LONG_UNALIGNED, 2L * i + 1, values[i]);
        }
        return s.toArray(ValueLayout.JAVA_BYTE);
    }
}
