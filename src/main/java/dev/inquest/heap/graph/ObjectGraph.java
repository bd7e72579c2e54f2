package dev.inquest.heap.graph;

/**
 * The object graph of one heap dump as the graph algorithms see it: dense node indices
 * {@code 0 .. nodeCount()-1} (instances, arrays and class objects alike), outbound edges in
 * compressed-sparse-row form, the dominator-tree roots chosen by MAT's rules, and shallow sizes.
 *
 * <p>Everything is {@code long}-indexed: a dump may hold more than 2^31 objects or edges.
 * The HPROF reader builds the implementation; the algorithms in this package never see HPROF.
 */
public interface ObjectGraph {

    long nodeCount();

    /** First edge of {@code node}; its edges are {@code edgeStart(node) .. edgeEnd(node)-1}. */
    long edgeStart(long node);

    /** One past the last edge of {@code node}; rows are in node order, so this never decreases as {@code node} grows. */
    long edgeEnd(long node);

    /** The node an edge points at. */
    long edgeTarget(long edge);

    /** Number of dominator-tree roots (GC roots after MAT's thread-local folding), without duplicates. */
    long rootCount();

    /** The {@code i}-th root, a node index. */
    long root(long i);

    /** Shallow size in bytes, per MAT's rules. */
    long shallowSize(long node);
}
