package dev.inquest.heap.graph;

import dev.inquest.heap.store.LongArray;
import dev.inquest.progress.Progress;

import java.lang.foreign.Arena;

/**
 * The reverse of an {@link ObjectGraph}'s edges, in compressed-sparse-row form: the inbound
 * edges of {@code node} are {@code inboundStart(node) .. inboundEnd(node)-1}, each with its
 * source node and the index of the forward edge it mirrors (so a caller can name the field or
 * array slot the reference sits in, or skip weak referents). Within a node, inbound edges are in
 * ascending source order. Built by a two-pass counting sort, no per-edge objects.
 */
public final class InboundEdges {
    private final LongArray start;
    private final LongArray source;
    private final LongArray forwardEdge;

    /** Wraps arrays built by {@link #build} or mapped back from an index file. */
    public InboundEdges(LongArray start, LongArray source, LongArray forwardEdge) {
        if (source.length() != forwardEdge.length() || start.length() < 1
                || start.get(start.length() - 1) != source.length()) {
            throw new IllegalArgumentException("inbound arrays disagree");
        }
        this.start = start;
        this.source = source;
        this.forwardEdge = forwardEdge;
    }

    public static InboundEdges build(ObjectGraph graph, Progress progress) {
        return build(graph, progress, Arena.ofAuto());
    }

    public static InboundEdges build(ObjectGraph graph, Progress progress, Arena arena) {
        long n = graph.nodeCount();
        progress.phase("Inbound references", 2 * n, Progress.Unit.ITEMS);
        LongArray start = LongArray.allocate(arena, n + 1);
        long m = 0;
        for (long v = 0; v < n; v++) {
            for (long e = graph.edgeStart(v), end = graph.edgeEnd(v); e < end; e++) {
                long t = graph.edgeTarget(e);
                if (t < 0 || t >= n) {
                    throw new IllegalArgumentException("edge " + e + " of node " + v + " points at " + t);
                }
                start.set(t + 1, start.get(t + 1) + 1);
                m++;
            }
            if ((v & (Dominators.CHECK_EVERY - 1)) == 0) {
                progress.checkCancelled();
                progress.progress(v);
            }
        }
        for (long t = 1; t <= n; t++) {
            start.set(t, start.get(t) + start.get(t - 1));
        }
        // start[t+1] is now the end of t's range; filling backwards by decrementing it leaves the
        // range's start there and puts sources in ascending order.
        LongArray source = LongArray.allocate(arena, m);
        LongArray forward = LongArray.allocate(arena, m);
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
                progress.progress(2 * n - v);
            }
        }
        for (long t = 0; t < n; t++) {
            start.set(t, start.get(t + 1));
        }
        start.set(n, m);
        progress.progress(2 * n);
        return new InboundEdges(start, source, forward);
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

    public LongArray startArray() {
        return start;
    }

    public LongArray sourceArray() {
        return source;
    }

    public LongArray forwardEdgeArray() {
        return forwardEdge;
    }
}
