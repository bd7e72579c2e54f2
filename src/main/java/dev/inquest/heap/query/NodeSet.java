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

    boolean contains(long node) {
        return (words[(int) (node >>> 6)] & (1L << (node & 63))) != 0;
    }
}
