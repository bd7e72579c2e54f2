package dev.inquest.heap.query;

/** A set of node indices as a plain bitmap (nodes are dense, so one bit each beats hashing). */
final class NodeSet {
    private final long[] words;

    NodeSet(long nodeCount) {
        words = new long[(int) ((nodeCount + 63) >>> 6)];
    }

    /** Adds the node; whether it was new. */
    boolean add(long node) {
        int w = (int) (node >>> 6);
        long bit = 1L << (node & 63);
        if ((words[w] & bit) != 0) {
            return false;
        }
        words[w] |= bit;
        return true;
    }

    /** The first node at or after {@code from} in the set, or -1. */
    long next(long from) {
        int w = (int) (from >>> 6);
        if (w >= words.length) {
            return -1;
        }
        long bits = words[w] & (-1L << (from & 63));
        while (bits == 0) {
            if (++w == words.length) {
                return -1;
            }
            bits = words[w];
        }
        return ((long) w << 6) + Long.numberOfTrailingZeros(bits);
    }

    boolean contains(long node) {
        return (words[(int) (node >>> 6)] & (1L << (node & 63))) != 0;
    }
}
