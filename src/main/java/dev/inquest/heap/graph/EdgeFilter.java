package dev.inquest.heap.graph;

/**
 * Which edges a path search may follow. The HPROF reader passes one that refuses
 * weak/soft/phantom {@code referent} fields, since those do not keep an object alive.
 */
@FunctionalInterface
public interface EdgeFilter {
    EdgeFilter ALL = (source, edge, target) -> true;

    /** Whether the reference held in forward edge {@code edge} (from {@code source} to {@code target}) counts. */
    boolean follow(long source, long edge, long target);
}
