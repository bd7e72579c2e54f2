package dev.inquest.heap.graph;

import dev.inquest.heap.store.LongArray;
import dev.inquest.progress.Progress;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;

/**
 * The reverse of an {@link ObjectGraph}'s edges, in compressed-sparse-row form: the inbound
 * edges of {@code node} are {@code inboundStart(node) .. inboundEnd(node)-1}, each with its
 * source node, in ascending source order (a source that holds the node in several fields
 * appears once per field). Built by a two-pass counting sort, no per-edge objects. Which field
 * holds a reference is read from the source when it is shown, never stored: that would cost 4
 * bytes an edge, as much as the sources themselves.
 *
 * <p>Entries are 4 bytes while node and edge counts stay below 2^31 and 8 bytes beyond, so 30M
 * edges cost 120 MB rather than 240 MB; {@link #wide()} says which, and the two segments can be
 * persisted as they are and mapped back with {@link #wrap}.
 */
public final class InboundEdges {
    private final IndexArray start;
    private final IndexArray source;
    private final boolean wide;

    private InboundEdges(IndexArray start, IndexArray source, boolean wide) {
        if (start.length() < 1 || start.get(start.length() - 1) != source.length()) {
            throw new IllegalArgumentException("inbound arrays disagree");
        }
        this.start = start;
        this.source = source;
        this.wide = wide;
    }

    /** Wraps 8-byte arrays: {@code start} has one entry per node plus one, {@code source} one per edge. */
    public InboundEdges(LongArray start, LongArray source) {
        this(IndexArray.wrap(start.segment(), true), IndexArray.wrap(source.segment(), true), true);
    }

    /** Wraps segments written from {@link #startSegment()} and {@link #sourceSegment()} of an index built with the same {@link #wide()}. */
    public static InboundEdges wrap(MemorySegment start, MemorySegment source, boolean wide) {
        return new InboundEdges(IndexArray.wrap(start, wide), IndexArray.wrap(source, wide), wide);
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
        for (long v = 0; v < n; v++) {
            m += graph.edgeEnd(v) - graph.edgeStart(v);
        }
        boolean wide = forceWide || IndexArray.needsWide(Math.max(n, m) + 1);
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
        for (long v = n - 1; v >= 0; v--) {
            long first = graph.edgeStart(v);
            for (long e = graph.edgeEnd(v) - 1; e >= first; e--) {
                long t = graph.edgeTarget(e);
                long at = start.get(t + 1) - 1;
                start.set(t + 1, at);
                source.set(at, v);
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
        return new InboundEdges(start, source, wide);
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
}
