package dev.inquest.heap.graph;

import dev.inquest.heap.store.LongArray;
import dev.inquest.progress.Progress;

import java.lang.foreign.Arena;

/**
 * Exact immediate dominators of an {@link ObjectGraph}, from a virtual root whose successors are
 * the graph's roots (MAT's rule: every root has the virtual root as its only predecessor, so
 * every root is top-level even when another object points at it).
 *
 * <p>The algorithm is Semi-NCA (Georgiadis and Tarjan): Lengauer-Tarjan's semidominators with
 * path compression, then each immediate dominator as the nearest common ancestor of the parent
 * and the semidominator, found by walking up the partially built dominator tree. It gives exactly
 * Lengauer-Tarjan's answer, has no buckets, and is the faster of the two on real graphs (LLVM
 * switched to it for that reason). Everything is iterative: the DFS, the path compression and the
 * tree walk use explicit arrays, so a million-object linked list cannot overflow a stack.
 *
 * <p>All per-node state lives off-heap in {@link IndexArray}s numbered by DFS preorder, 4 bytes
 * an element while the graph has fewer than 2^31 nodes and edges, 8 bytes beyond. Scratch
 * memory is released phase by phase (see docs/notes/heap-graph.md for the byte budget).
 */
public final class Dominators {
    static final int CHECK_EVERY = 1 << 16;
    /** {@code -Dinquest.graph.trace=true} prints each step's wall time to stderr (for benchmarks). */
    private static final boolean TRACE = Boolean.getBoolean("inquest.graph.trace");
    private static long traceStart;
    private static long traceCpu;

    private static void trace(String step) {
        if (TRACE) {
            long now = System.nanoTime();
            long cpu = java.lang.management.ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
            System.err.printf("  %-22s %6d ms wall %6d ms cpu%n", step, (now - traceStart) / 1_000_000,
                    (cpu - traceCpu) / 1_000_000);
            traceStart = now;
            traceCpu = cpu;
        }
    }

    private Dominators() {
    }

    /** The dominator tree with its arrays in a GC-managed arena. */
    public static DominatorTree compute(ObjectGraph graph, Progress progress) {
        return compute(graph, progress, Arena.ofAuto());
    }

    /** The dominator tree with its four result arrays allocated in {@code results}. */
    public static DominatorTree compute(ObjectGraph graph, Progress progress, Arena results) {
        return compute(graph, progress, results, false);
    }

    /** {@code forceWide} runs the 8-byte code path on small graphs, for tests. */
    static DominatorTree compute(ObjectGraph graph, Progress progress, Arena results, boolean forceWide) {
        trace("start");
        long n = graph.nodeCount();
        long maxEdge = 0;
        for (long v = 0; v < n; v++) {
            maxEdge = Math.max(maxEdge, graph.edgeEnd(v));
        }
        boolean wide = forceWide || IndexArray.needsWide(Math.max(n + 1, maxEdge + 1));
        progress.phase("Dominators", 4 * n, Progress.Unit.ITEMS);

        try (Arena keep = Arena.ofConfined()) {
            // Live until the result arrays are written.
            IndexArray vertex = IndexArray.allocate(keep, n + 1, wide); // dfs number -> node
            IndexArray idom = IndexArray.allocate(keep, n + 1, wide);   // dfs number -> idom's dfs number
            long reachable;
            try (Arena work = Arena.ofConfined()) {
                IndexArray ancestor = IndexArray.allocate(work, n + 1, wide); // DFS parent, then compressed
                IndexArray cursor = IndexArray.allocate(work, n + 1, wide);   // DFS edge cursor, fill cursor, eval stack
                IndexArray predStart;
                IndexArray preds;
                try (Arena dfsArena = Arena.ofConfined()) {
                    BitSet64 isRoot = new BitSet64(dfsArena, n);
                    IndexArray dfnum = IndexArray.allocate(dfsArena, n, wide); // node -> dfs number, 0 = unseen
                    for (long i = 0, rc = graph.rootCount(); i < rc; i++) {
                        long r = graph.root(i);
                        if (r < 0 || r >= n) {
                            throw new IllegalArgumentException("root " + r + " outside 0.." + (n - 1));
                        }
                        isRoot.set(r);
                    }
                    trace("setup");
                    reachable = depthFirst(graph, isRoot, dfnum, vertex, ancestor, cursor, progress);
                    trace("depth-first search");
                    progress.progress(n);
                    long predCount = countPredecessors(graph, isRoot, dfnum, n, reachable, cursor, progress);
                    predStart = IndexArray.allocate(work, reachable + 2, wide);
                    preds = IndexArray.allocate(work, predCount, wide);
                    trace("count predecessors");
                    fillPredecessors(graph, isRoot, dfnum, n, reachable, cursor, predStart, preds, progress);
                    trace("fill predecessors");
                    progress.progress(2 * n);
                }
                for (long d = 0; d <= reachable; d++) {
                    idom.set(d, ancestor.get(d));
                }
                IndexArray semi = IndexArray.allocate(work, reachable + 1, wide);
                IndexArray label = IndexArray.allocate(work, reachable + 1, wide);
                trace("free, init");
                semiDominators(reachable, ancestor, semi, label, predStart, preds, cursor, progress, n);
                progress.progress(3 * n);
                trace("semidominators");
                immediateDominators(reachable, idom, semi, progress);
                trace("immediate dominators");
                progress.progress(4 * n);
            }
            return buildTree(graph, n, reachable, vertex, idom, results, progress);
        }
    }

    /**
     * Iterative DFS from the virtual root (dfs number 0). Edges into roots are ignored: a root's
     * only predecessor is the virtual root. Fills preorder numbers and DFS parents.
     */
    private static long depthFirst(ObjectGraph g, BitSet64 isRoot, IndexArray dfnum, IndexArray vertex,
                                   IndexArray parent, IndexArray cursor, Progress progress) {
        long next = 1;
        long rootCount = g.rootCount();
        for (long i = 0; i < rootCount; i++) {
            long root = g.root(i);
            if (dfnum.get(root) != 0) {
                continue; // duplicate root
            }
            long d = next++;
            dfnum.set(root, d);
            vertex.set(d, root);
            parent.set(d, 0);
            cursor.set(d, g.edgeStart(root));
            while (d != 0) {
                long v = vertex.get(d);
                long e = cursor.get(d);
                long end = g.edgeEnd(v);
                boolean descended = false;
                while (e < end) {
                    long t = g.edgeTarget(e++);
                    if (dfnum.get(t) == 0 && !isRoot.get(t)) {
                        cursor.set(d, e);
                        long c = next++;
                        dfnum.set(t, c);
                        vertex.set(c, t);
                        parent.set(c, d);
                        cursor.set(c, g.edgeStart(t));
                        d = c;
                        descended = true;
                        if ((c & (CHECK_EVERY - 1)) == 0) {
                            progress.checkCancelled();
                            progress.progress(c);
                        }
                        break;
                    }
                }
                if (!descended) {
                    d = parent.get(d);
                }
            }
        }
        return next - 1;
    }

    /**
     * Counts in-edges per reachable non-root node into {@code count[d]}; returns the total. Walks
     * the sources in node order rather than DFS order so the graph's edge arrays are read
     * sequentially; only the targets' lookups are random.
     */
    private static long countPredecessors(ObjectGraph g, BitSet64 isRoot, IndexArray dfnum, long n,
                                          long reachable, IndexArray count, Progress progress) {
        for (long d = 0; d <= reachable; d++) {
            count.set(d, 0);
        }
        long total = 0;
        for (long v = 0; v < n; v++) {
            if (dfnum.get(v) != 0) {
                for (long e = g.edgeStart(v), end = g.edgeEnd(v); e < end; e++) {
                    long t = g.edgeTarget(e);
                    if (!isRoot.get(t)) {
                        long td = dfnum.get(t);
                        count.set(td, count.get(td) + 1);
                        total++;
                    }
                }
            }
            if ((v & (CHECK_EVERY - 1)) == 0) {
                progress.checkCancelled();
            }
        }
        return total;
    }

    /** Predecessors in CSR form, in dfs numbers: preds of d are preds[start[d] .. start[d+1]). */
    private static void fillPredecessors(ObjectGraph g, BitSet64 isRoot, IndexArray dfnum, long n,
                                         long reachable, IndexArray cursor, IndexArray start, IndexArray preds,
                                         Progress progress) {
        long sum = 0;
        for (long d = 0; d <= reachable; d++) {
            start.set(d, sum);
            long c = cursor.get(d);
            cursor.set(d, sum);
            sum += c;
        }
        start.set(reachable + 1, sum);
        for (long v = 0; v < n; v++) {
            long d = dfnum.get(v);
            if (d != 0) {
                for (long e = g.edgeStart(v), end = g.edgeEnd(v); e < end; e++) {
                    long t = g.edgeTarget(e);
                    if (!isRoot.get(t)) {
                        long td = dfnum.get(t);
                        long at = cursor.get(td);
                        preds.set(at, d);
                        cursor.set(td, at + 1);
                    }
                }
            }
            if ((v & (CHECK_EVERY - 1)) == 0) {
                progress.checkCancelled();
            }
        }
    }

    /**
     * Semi-NCA step 1: semidominators in reverse preorder. {@code ancestor} starts as the DFS
     * parent and is path-compressed in place; {@code label[v]} is the vertex of minimum semi on
     * the compressed path above v. A vertex counts as linked once it has been processed, so
     * {@code eval(v, w+1)} only compresses through vertices numbered above w.
     */
    private static void semiDominators(long reachable, IndexArray ancestor, IndexArray semi, IndexArray label,
                                       IndexArray predStart, IndexArray preds, IndexArray stack,
                                       Progress progress, long n) {
        for (long d = 0; d <= reachable; d++) {
            semi.set(d, d);
            label.set(d, d);
        }
        for (long w = reachable; w >= 1; w--) {
            long s = ancestor.get(w); // the DFS parent: w's ancestor is not compressed before w is linked
            for (long i = predStart.get(w), end = predStart.get(w + 1); i < end; i++) {
                long u = eval(preds.get(i), w + 1, ancestor, semi, label, stack);
                long su = semi.get(u);
                if (su < s) {
                    s = su;
                }
            }
            semi.set(w, s);
            if ((w & (CHECK_EVERY - 1)) == 0) {
                progress.checkCancelled();
                progress.progress(2 * n + (reachable - w));
            }
        }
    }

    private static long eval(long v, long lastLinked, IndexArray ancestor, IndexArray semi, IndexArray label,
                             IndexArray stack) {
        long a = ancestor.get(v);
        if (a < lastLinked) {
            return label.get(v);
        }
        long top = 0;
        do {
            stack.set(top++, v);
            v = a;
            a = ancestor.get(v);
        } while (a >= lastLinked);
        // v is now the highest linked vertex on the path; compress everything below it onto its ancestor.
        long p = v;
        long pLabel = label.get(p);
        long pAncestor = a;
        long vLabel;
        do {
            v = stack.get(--top);
            ancestor.set(v, pAncestor);
            vLabel = label.get(v);
            if (semi.get(pLabel) < semi.get(vLabel)) {
                label.set(v, pLabel);
                vLabel = pLabel;
            } else {
                pLabel = vLabel;
            }
        } while (top > 0);
        return vLabel;
    }

    /** Semi-NCA step 2: idom(w) = nearest common ancestor of parent(w) and semi(w), in preorder. */
    private static void immediateDominators(long reachable, IndexArray idom, IndexArray semi, Progress progress) {
        for (long w = 1; w <= reachable; w++) {
            long s = semi.get(w);
            long c = idom.get(w);
            while (c > s) {
                c = idom.get(c);
            }
            idom.set(w, c);
            if ((w & (CHECK_EVERY - 1)) == 0) {
                progress.checkCancelled();
            }
        }
    }

    private static DominatorTree buildTree(ObjectGraph g, long n, long reachable, IndexArray vertex, IndexArray idom,
                                           Arena results, Progress progress) {
        progress.phase("Retained sizes", 3 * reachable, Progress.Unit.ITEMS);
        LongArray idomOut = LongArray.allocate(results, n);
        LongArray retained = LongArray.allocate(results, n);
        LongArray offsets = LongArray.allocate(results, n + 2);
        LongArray children = LongArray.allocate(results, reachable);
        idomOut.fill(DominatorTree.UNREACHABLE);

        // Reverse preorder visits every node after all the nodes it dominates (they come later in preorder).
        for (long d = reachable; d >= 1; d--) {
            long v = vertex.get(d);
            long id = idom.get(d);
            long parentNode = id == 0 ? DominatorTree.VIRTUAL_ROOT : vertex.get(id);
            idomOut.set(v, parentNode);
            long r = retained.get(v) + g.shallowSize(v);
            retained.set(v, r);
            if (id != 0) {
                retained.set(parentNode, retained.get(parentNode) + r);
            }
            long slot = parentNode + 1;
            offsets.set(slot + 1, offsets.get(slot + 1) + 1);
            if ((d & (CHECK_EVERY - 1)) == 0) {
                progress.checkCancelled();
                progress.progress(reachable - d);
            }
        }
        trace("retained sizes");
        // Prefix sums give each slot's end; placing children by decrementing leaves each slot's start.
        for (long s = 1; s < n + 2; s++) {
            offsets.set(s, offsets.get(s) + offsets.get(s - 1));
        }
        for (long d = reachable; d >= 1; d--) {
            long v = vertex.get(d);
            long slot = idomOut.get(v) + 2;
            long at = offsets.get(slot) - 1;
            offsets.set(slot, at);
            children.set(at, v);
        }
        // offsets[slot+1] now holds slot's start; shift down by one so offsets[slot] is the start.
        for (long s = 0; s < n + 1; s++) {
            offsets.set(s, offsets.get(s + 1));
        }
        offsets.set(n + 1, reachable);
        trace("children lists");
        progress.progress(2 * reachable);
        LongSort.Comparator byRetained = (a, b) -> {
            int c = Long.compare(retained.get(b), retained.get(a));
            return c != 0 ? c : Long.compare(a, b);
        };
        for (long s = 0; s < n + 1; s++) {
            long from = offsets.get(s);
            long to = offsets.get(s + 1);
            if (to - from > 1) {
                LongSort.sort(children, from, to, byRetained);
            }
            if ((s & (CHECK_EVERY - 1)) == 0) {
                progress.checkCancelled();
            }
        }
        progress.progress(3 * reachable);
        trace("sort children");
        return new DominatorTree(idomOut, retained, offsets, children);
    }
}
