package dev.inquest.heap.graph;

/**
 * Which edges a path search may follow. The HPROF reader passes one that refuses
 * weak/soft/phantom {@code referent} fields, since those do not keep an object alive.
 */
@FunctionalInterface
public interface EdgeFilter {
    EdgeFilter ALL = (source, target) -> true;

    /**
     * Whether the references from {@code source} to {@code target} count. By the pair, not by the
     * field: the inbound index keeps no forward-edge column (4 bytes an edge), and no filter needs
     * more (the weak one reads the source's {@code referent}).
     */
    boolean follow(long source, long target);
}
