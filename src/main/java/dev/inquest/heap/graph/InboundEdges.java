package dev.inquest.heap.graph;

import dev.inquest.heap.store.LongArray;
import dev.inquest.progress.Progress;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;

/**
 * The reverse of an {@link ObjectGraph}'s edges, in compressed-sparse-row form: the inbound
 * edges of {@code node} are {@code inboundStart(node) .. inboundEnd(node)-1}, each with its
 * source node and the index of the forward edge it mirrors (so a caller can name the field or
 * array slot the reference sits in, or skip weak referents). Within a node, inbound edges are in
 * ascending source order. Built by a two-pass counting sort, no per-edge objects.
 *
 * <p>Entries are 4 bytes while node and edge counts stay below 2^31 and 8 bytes beyond, so 30M
 * edges cost 240 MB rather than 480 MB; {@link #wide()} says which, and the three segments can be
 * persisted as they are and mapped back with {@link #wrap}.
 */
public final class InboundEdges {
    private final IndexArray start;
    private final IndexArray source;
    private final IndexArray forwardEdge;
    private final boolean wide;

    private InboundEdges(IndexArray start, IndexArray source, IndexArray forwardEdge, boolean wide) {
        if (source.length() != forwardEdge.length() || start.length() < 1
                || start.get(start.length() - 1) != source.length()) {
            throw new IllegalArgumentException("inbound arrays disagree");
        }
        this.start = start;
        this.source = source;
        this.forwardEdge = forwardEdge;
        this.wide = wide;
    }

    /** Wraps 8-byte arrays: {@code start} has one entry per node plus one, the others one per edge. */
    public InboundEdges(LongArray start, LongArray source, LongArray forwardEdge) {
        this(IndexArray.wrap(start.segment(), true), IndexArray.wrap(source.segment(), true),
                IndexArray.wrap(forwardEdge.segment(), true), true);
    }

    /** Wraps segments written from {@link #startSegment()} etc. of an index built with the same {@link #wide()}. */
    public static InboundEdges wrap(MemorySegment start, MemorySegment source, MemorySegment forwardEdge, boolean wide) {
        return new InboundEdges(IndexArray.wrap(start, wide), IndexArray.wrap(source, wide),
                IndexArray.wrap(forwardEdge, wide), wide);
    }

    public static InboundEdges build(ObjectGraph graph, Progress progress) {
        return build(graph, progress, Arena.ofAuto());
    }

    public static InboundEdges build(ObjectGraph graph, Progress progress, Arena arena) {
        return build(graph, progress, arena, false);
    }

    static InboundEdges build(ObjectGraph graph, Progress progress, Arena arena, boolean forceWide) {
        long n = graph.nodeCount();
        progress.phase("Inbound references", 3 * n, Progress.Unit.ITEMS);
        long m = 0;
        long maxEdge = 0;
        for (long v = 0; v < n; v++) {
            long end = graph.edgeEnd(v);
            m += end - graph.edgeStart(v);
            maxEdge = Math.max(maxEdge, end);
        }
        boolean wide = forceWide || IndexArray.needsWide(Math.max(Math.max(n, m), maxEdge) + 1);
        IndexArray start = IndexArray.allocate(arena, n + 1, wide);
        for (long v = 0; v < n; v++) {
            for (long e = graph.edgeStart(v), end = graph.edgeEnd(v); e < end; e++) {
                long t = graph.edgeTarget(e);
                if (t < 0 || t >= n) {
                    throw new IllegalArgumentException("edge " + e + " of node " + v + " points at " + t);
                }
                start.set(t + 1, start.get(t + 1) + 1);
            }
            if ((v & (Dominators.CHECK_EVERY - 1)) == 0) {
                progress.checkCancelled();
                progress.progress(n + v);
            }
        }
        for (long t = 1; t <= n; t++) {
            start.set(t, start.get(t) + start.get(t - 1));
        }
        // start[t+1] is now the end of t's range; filling backwards by decrementing it leaves the
        // range's start there and puts sources in ascending order.
        IndexArray source = IndexArray.allocate(arena, m, wide);
        IndexArray forward = IndexArray.allocate(arena, m, wide);
        for (long v = n - 1; v >= 0; v--) {
            long first = graph.edgeStart(v);
            for (long e = graph.edgeEnd(v) - 1; e >= first; e--) {
                long t = graph.edgeTarget(e);
                long at = start.get(t + 1) - 1;
                start.set(t + 1, at);
                source.set(at, v);
                forward.set(at, e);
            }
            if ((v & (Dominators.CHECK_EVERY - 1)) == 0) {
                progress.checkCancelled();
                progress.progress(3 * n - v);
            }
        }
        for (long t = 0; t < n; t++) {
            start.set(t, start.get(t + 1));
        }
        start.set(n, m);
        progress.progress(3 * n);
        return new InboundEdges(start, source, forward, wide);
    }

    public long nodeCount() {
        return start.length() - 1;
    }

    public long edgeCount() {
        return source.length();
    }

    public long inboundStart(long node) {
        return start.get(node);
    }

    public long inboundEnd(long node) {
        return start.get(node + 1);
    }

    /** The node the {@code i}-th inbound edge comes from. */
    public long source(long i) {
        return source.get(i);
    }

    /** The index, in the forward graph, of the edge the {@code i}-th inbound edge mirrors. */
    public long forwardEdge(long i) {
        return forwardEdge.get(i);
    }

    /** Whether entries are 8 bytes (else 4). */
    public boolean wide() {
        return wide;
    }

    public MemorySegment startSegment() {
        return start.segment();
    }

    public MemorySegment sourceSegment() {
        return source.segment();
    }

    public MemorySegment forwardEdgeSegment() {
        return forwardEdge.segment();
    }
}
