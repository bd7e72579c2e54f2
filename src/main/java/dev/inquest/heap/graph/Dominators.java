package dev.inquest.heap.graph;

import dev.inquest.concurrent.Threads;
import dev.inquest.heap.store.LongArray;
import dev.inquest.heap.store.NativeMemory;
import dev.inquest.heap.store.Spill;
import dev.inquest.progress.Progress;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

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
    /** {@code -Dinquest.graph.trace=true} prints each step's wall and CPU time to stderr (for benchmarks). */
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

    /** As {@link #compute(ObjectGraph, Progress, Arena)}, with the scratch arrays in {@code spill}'s files when it is active. */
    public static DominatorTree compute(ObjectGraph graph, Progress progress, Arena results, Spill spill) {
        return compute(graph, progress, results, false, Runtime.getRuntime().availableProcessors() > 1, spill);
    }

    /** {@code forceWide} runs the 8-byte code path on small graphs, for tests. */
    static DominatorTree compute(ObjectGraph graph, Progress progress, Arena results, boolean forceWide) {
        return compute(graph, progress, results, forceWide, Runtime.getRuntime().availableProcessors() > 1);
    }

    /** {@code parallel} lets the tree-building steps use a second thread (tests force both ways). */
    static DominatorTree compute(ObjectGraph graph, Progress progress, Arena results, boolean forceWide,
                                 boolean parallel) {
        return compute(graph, progress, results, forceWide, parallel, Spill.NONE);
    }

    static DominatorTree compute(ObjectGraph graph, Progress progress, Arena results, boolean forceWide,
                                 boolean parallel, Spill spill) {
        return compute(graph, progress, results, forceWide, parallel, spill, PairBuffer.CHUNK_PAIRS);
    }

    /** {@code pairChunk} sizes the back and cross edges' buffer chunks (tests make them small). */
    static DominatorTree compute(ObjectGraph graph, Progress progress, Arena results, boolean forceWide,
                                 boolean parallel, Spill spill, int pairChunk) {
        if (TRACE) {
            traceStart = System.nanoTime();
            traceCpu = java.lang.management.ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
        }
        long n = graph.nodeCount();
        // Edges are in node order (compressed sparse rows), so the last node's end is the largest:
        // no pass over every node's end (0.1 s of the serial part on 15M objects, in a fresh JVM).
        long maxEdge = n == 0 ? 0 : graph.edgeEnd(n - 1);
        boolean wide = forceWide || IndexArray.needsWide(Math.max(n + 1, maxEdge + 1));
        progress.phase("Dominators", 3 * n, Progress.Unit.ITEMS);

        // Shared: the tree-building helper thread reads vertex and idom.
        try (Arena keep = spill.shared()) {
            // Live until the result arrays are written.
            IndexArray vertex = IndexArray.allocate(keep, n + 1, wide); // dfs number -> node
            IndexArray idom;                                             // dfs number -> idom's dfs number
            long reachable;
            // Shared too: predecessors are grouped on both cores (fillPredecessors).
            try (Arena work = spill.shared()) {
                IndexArray ancestor = IndexArray.allocate(work, n + 1, wide); // DFS parent, then compressed
                IndexArray semi = IndexArray.allocate(work, n + 1, wide);
                IndexArray cursor = IndexArray.allocate(work, n + 1, wide);   // DFS edge cursor, fill cursor, eval stack
                IndexArray predStart = IndexArray.allocate(work, n + 2, wide); // counts, then CSR starts
                IndexArray preds;
                try (Arena dfsArena = spill.shared()) {
                    BitSet64 isRoot = new BitSet64(dfsArena, n);
                    IndexArray dfnum = IndexArray.allocate(dfsArena, n, wide); // node -> dfs number, 0 = unseen
                    for (long i = 0, rc = graph.rootCount(); i < rc; i++) {
                        long r = graph.root(i);
                        if (r < 0 || r >= n) {
                            throw new IllegalArgumentException("root " + r + " outside 0.." + (n - 1));
                        }
                        isRoot.set(r);
                    }
                    PairBuffer later = new PairBuffer(dfsArena, wide, pairChunk);
                    trace("setup");
                    // The search's own arrays, faulted in on the other core while it runs (see populate).
                    AtomicLong reached = new AtomicLong();
                    Thread faults = parallel && !spill.active()
                            ? populate(dfnum, new IndexArray[] {vertex, ancestor, semi, cursor, predStart}, reached)
                            : null;
                    try {
                        reachable = depthFirst(graph, isRoot, dfnum, vertex, ancestor, semi, cursor, predStart, later,
                                progress, reached);
                    } finally {
                        if (faults != null) {
                            reached.set(Long.MAX_VALUE);
                            Threads.joinUninterruptibly(faults);
                        }
                    }
                    progress.progress(n);
                    trace("depth-first search");
                    preds = IndexArray.allocate(work, later.size(), wide);
                    fillPredecessors(reachable, later, cursor, dfnum, predStart, preds, parallel);
                    trace("later predecessors");
                }
                idom = IndexArray.allocate(keep, reachable + 1, wide);
                IndexArray label = IndexArray.allocate(work, reachable + 1, wide);
                // idom starts as the DFS parent: one bulk copy (both arrays have the same width).
                MemorySegment.copy(ancestor.segment(), 0, idom.segment(), 0, idom.segment().byteSize());
                for (long d = 0; d <= reachable; d++) {
                    label.set(d, d);
                }
                trace("init");
                semiDominators(reachable, ancestor, semi, label, predStart, preds, cursor, progress, n);
                progress.progress(2 * n);
                trace("semidominators");
                immediateDominators(reachable, idom, semi, progress);
                progress.progress(3 * n);
                trace("immediate dominators");
            }
            return buildTree(graph, n, reachable, vertex, idom, results, progress, parallel);
        }
    }

    /**
     * Iterative DFS from the virtual root (dfs number 0), which also does the predecessor work
     * while each edge's target number is at hand, so the edges are read exactly once:
     * <ul>
     *   <li>an edge from v to a later-numbered w (tree or forward edge) offers w the semidominator
     *       candidate v itself, so {@code semi[w]} keeps the least of those right away (it starts
     *       at the DFS parent);</li>
     *   <li>an edge to an earlier-numbered w (back or cross edge) needs Lengauer-Tarjan's EVAL when
     *       w is processed, so it is recorded as a (w, v) pair and counted per w.</li>
     * </ul>
     * Edges into roots are ignored: a root's only predecessor is the virtual root. Self-loops
     * never matter for dominators.
     */
    private static long depthFirst(ObjectGraph g, BitSet64 isRoot, IndexArray dfnum, IndexArray vertex,
                                   IndexArray parent, IndexArray semi, IndexArray cursor, IndexArray laterCount,
                                   PairBuffer later, Progress progress, AtomicLong reached) {
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
            semi.set(d, 0);
            cursor.set(d, g.edgeStart(root));
            while (d != 0) {
                long v = vertex.get(d);
                long e = cursor.get(d);
                long end = g.edgeEnd(v);
                boolean descended = false;
                while (e < end) {
                    long t = g.edgeTarget(e++);
                    long td = dfnum.get(t);
                    if (td == 0) {
                        if (isRoot.get(t)) {
                            continue;
                        }
                        cursor.set(d, e);
                        long c = next++;
                        dfnum.set(t, c);
                        vertex.set(c, t);
                        parent.set(c, d);
                        semi.set(c, d);
                        cursor.set(c, g.edgeStart(t));
                        d = c;
                        descended = true;
                        if ((c & (CHECK_EVERY - 1)) == 0) {
                            reached.setRelease(c);
                            progress.checkCancelled();
                            progress.progress(c);
                        }
                        break;
                    } else if (td > d) {
                        // Forward edge. A root target needs no test: its semi is 0 already.
                        if (d < semi.get(td)) {
                            semi.set(td, d);
                        }
                    } else {
                        // Back or cross edge, recorded; a self-loop or an edge into a root is not.
                        // Without a branch on those: edges into roots are rare until the last
                        // roots' small trees, where a compiled branch that had never seen one
                        // trapped to the interpreter 70-150 times in a row.
                        long keep = ((td - d) >>> 63) & (1 - isRoot.bit(t));
                        later.addIf(td, d, keep);
                        laterCount.set(td, laterCount.get(td) + keep);
                    }
                }
                if (!descended) {
                    d = parent.get(d);
                }
            }
        }
        return next - 1;
    }

    /** How far ahead of the search's numbering {@link #populate} keeps the arrays faulted in. */
    private static final long POPULATE_AHEAD = 4L << 20;

    /**
     * Starts a thread that has the kernel allocate the pages of {@code random} (indexed by node,
     * all of it at once) and of {@code inOrder} (indexed by DFS number, up to
     * {@link #POPULATE_AHEAD} numbers beyond {@code reached}, the search's last checkpoint, so the
     * process grows no sooner than it did), until {@code reached} is {@code Long.MAX_VALUE}.
     *
     * <p>Why: in a first open every page of a fresh array faults once, and on the build machine (a
     * virtual machine) a fault that zeroes a page costs 1.2-1.4 ms a MB in 2 MB pages: 0.5 s for
     * the search's 360 MB of scratch on 15M objects, paid on the one core the search runs on (the
     * search took 1.0-1.2 s instead of 1.85-2.0 s once its arrays had been touched).
     * {@code MADV_POPULATE_WRITE} leaves the contents alone, so it may run while the search writes.
     */
    private static Thread populate(IndexArray random, IndexArray[] inOrder, AtomicLong reached) {
        return Thread.ofPlatform().name("inquest-page-faults").daemon().start(() -> {
            NativeMemory.advise(random.segment(), NativeMemory.Access.POPULATE);
            long[] done = new long[inOrder.length]; // bytes faulted in, from the start, in whole huge pages
            while (true) {
                long upTo = reached.getAcquire();
                if (upTo == Long.MAX_VALUE) {
                    return;
                }
                boolean more = false;
                for (int i = 0; i < inOrder.length; i++) {
                    MemorySegment segment = inOrder[i].segment();
                    long width = inOrder[i].wide() ? Long.BYTES : Integer.BYTES;
                    long to = Math.min(segment.byteSize(), (upTo + POPULATE_AHEAD) * width);
                    if (to < segment.byteSize()) {
                        to -= to % NativeMemory.HUGE_PAGE;
                        more = true;
                    }
                    if (to > done[i]) {
                        NativeMemory.advise(segment, done[i], to, NativeMemory.Access.POPULATE);
                        done[i] = to;
                    }
                }
                if (!more) {
                    return;
                }
                LockSupport.parkNanos(1_000_000);
            }
        });
    }

    /**
     * Groups the recorded (w, v) pairs by w: preds of w are {@code preds[start[w] .. start[w+1])},
     * each w's in the order recorded ({@code start} holds the counts the DFS took). The pairs are
     * placed on both cores: the first half forward from each slot's start through {@code cursor},
     * the second half backward from each slot's end through {@code spare} (the DFS numbers, free
     * now; at least {@code reachable} elements), so the two meet where the halves divide.
     */
    private static void fillPredecessors(long reachable, PairBuffer later, IndexArray cursor, IndexArray spare,
                                         IndexArray start, IndexArray preds, boolean parallel) {
        long pairs = later.size();
        long half = pairs / 2;
        // w = 0 (the virtual root) is never a recorded target: spare[w - 1] is the end of w's slot.
        start.set(0, 0);
        cursor.set(0, 0);
        long sum = 0;
        for (long w = 1; w <= reachable; w++) {
            long c = start.get(w);
            start.set(w, sum);
            cursor.set(w, sum);
            sum += c;
            spare.set(w - 1, sum);
        }
        start.set(reachable + 1, sum);
        both(parallel, () -> placeForward(later, 0, half, cursor, preds),
                () -> placeBackward(later, half, pairs, spare, preds));
    }

    /** Places the v of each pair {@code from .. to-1}, in order, at {@code cursor[w]}, which it advances. */
    private static void placeForward(PairBuffer later, long from, long to, IndexArray cursor, IndexArray preds) {
        int per = later.chunkPairs();
        for (long p = from; p < to; ) {
            int k = (int) (p / per);
            IndexArray chunk = later.chunk(k);
            long end = Math.min(to, (long) (k + 1) * per);
            for (long i = p - (long) k * per, last = end - (long) k * per; i < last; i++) {
                long w = chunk.get(2 * i);
                long at = cursor.get(w);
                preds.set(at, chunk.get(2 * i + 1));
                cursor.set(w, at + 1);
            }
            p = end;
        }
    }

    /** Places the v of each pair {@code to-1 .. from}, last first, just below {@code end[w - 1]}, which it lowers. */
    private static void placeBackward(PairBuffer later, long from, long to, IndexArray end, IndexArray preds) {
        int per = later.chunkPairs();
        for (long p = to; p > from; ) {
            int k = (int) ((p - 1) / per);
            IndexArray chunk = later.chunk(k);
            long first = Math.max(from, (long) k * per);
            for (long i = p - 1 - (long) k * per, stop = first - (long) k * per; i >= stop; i--) {
                long w = chunk.get(2 * i) - 1;
                long at = end.get(w) - 1;
                preds.set(at, chunk.get(2 * i + 1));
                end.set(w, at);
            }
            p = first;
        }
    }

    /**
     * Semi-NCA step 1: semidominators in reverse preorder, finishing the minimum the DFS started
     * with the back and cross edges' candidates (the least semi on the compressed forest path
     * above each such predecessor). {@code ancestor} starts as the DFS
     * parent and is path-compressed in place; {@code label[v]} is the vertex of minimum semi on
     * the compressed path above v. A vertex counts as linked once it has been processed, so
     * {@code eval(v, w+1)} only compresses through vertices numbered above w.
     */
    private static void semiDominators(long reachable, IndexArray ancestor, IndexArray semi, IndexArray label,
                                       IndexArray predStart, IndexArray preds, IndexArray stack,
                                       Progress progress, long n) {
        for (long w = reachable; w >= 1; w--) {
            long s = semi.get(w); // already the least earlier-numbered predecessor (the parent at worst)
            // Latest-numbered predecessors first, and no further once s is 0 (the virtual root,
            // the least a semidominator can be): a predecessor in a later root's tree has that
            // root, semi 0, on its path, so hubs such as an application class with a million
            // instances usually settle after a few evals (38 % of the evals on the benchmark dump).
            // Skipping an eval skips only its path compression, which no answer depends on.
            for (long i = predStart.get(w + 1) - 1, first = predStart.get(w); i >= first && s > 0; i--) {
                long u = eval(preds.get(i), w + 1, ancestor, semi, label, stack);
                long su = semi.get(u);
                if (su < s) {
                    s = su;
                }
            }
            semi.set(w, s);
            if ((w & (CHECK_EVERY - 1)) == 0) {
                progress.checkCancelled();
                progress.progress(n + (reachable - w));
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

    /**
     * Runs {@code helper} on a second thread while the caller runs {@code main}, or both on the
     * caller when not {@code parallel}. Helpers never touch the ObjectGraph (the reader's arrays
     * may be confined to the caller's thread) nor Progress.
     */
    private static void both(boolean parallel, Runnable main, Runnable helper) {
        if (!parallel) {
            main.run();
            helper.run();
            return;
        }
        Throwable[] failure = new Throwable[1];
        Thread thread = Thread.ofPlatform().name("inquest-dominators").daemon().start(() -> {
            try {
                helper.run();
            } catch (Throwable t) {
                failure[0] = t;
            }
        });
        try {
            main.run();
        } finally {
            Threads.joinUninterruptibly(thread);
        }
        if (failure[0] instanceof RuntimeException e) {
            throw e;
        } else if (failure[0] instanceof Error e) {
            throw e;
        }
    }

    /**
     * Sorts the child lists of slots {@code fromSlot .. toSlot-1} by retained size descending,
     * then node index. When the node index and the used heap fit in 63 bits together (15M objects
     * and up to 512 GB, say) each child becomes one packed long so lists sort with
     * {@code Arrays.sort} on contiguous memory instead of a comparator chasing {@code retained[]}.
     */
    private static void sortChildren(long fromSlot, long toSlot, long n, long total, LongArray retained,
                                     IndexArray offsets, IndexArray children, Progress progress) {
        int nodeBits = 64 - Long.numberOfLeadingZeros(Math.max(1, n));
        int sizeBits = 64 - Long.numberOfLeadingZeros(Math.max(1, total));
        boolean packable = nodeBits + sizeBits <= 63;
        long nodeMask = (1L << nodeBits) - 1;
        long[] buffer = new long[64];
        LongSort.Comparator byRetained = (a, b) -> {
            int c = Long.compare(retained.get(b), retained.get(a));
            return c != 0 ? c : Long.compare(a, b);
        };
        for (long s = fromSlot; s < toSlot; s++) {
            long from = offsets.get(s);
            long count = offsets.get(s + 1) - from;
            if (count > 1) {
                if (packable && count < Integer.MAX_VALUE - 8) {
                    int k = (int) count;
                    if (buffer.length < k) {
                        buffer = new long[Math.max(k, (int) Math.min(Integer.MAX_VALUE - 8, buffer.length * 2L))];
                    }
                    for (int i = 0; i < k; i++) {
                        long c = children.get(from + i);
                        buffer[i] = ((total - retained.get(c)) << nodeBits) | c;
                    }
                    Arrays.sort(buffer, 0, k);
                    for (int i = 0; i < k; i++) {
                        children.set(from + i, buffer[i] & nodeMask);
                    }
                } else {
                    LongSort.sort(children, from, from + count, byRetained);
                }
            }
            if (progress != null && (s & (CHECK_EVERY - 1)) == 0) {
                progress.checkCancelled();
            }
        }
    }

    /**
     * Retained sizes and child lists. With {@code parallel} they run side by side: retained sizes
     * accumulate in reverse preorder on the caller (it reads shallow sizes from the graph) while
     * the helper writes idoms in node order and builds the child lists, which need only the idoms;
     * then the two threads sort the child lists by halves.
     */
    private static DominatorTree buildTree(ObjectGraph g, long n, long reachable, IndexArray vertex, IndexArray idom,
                                           Arena results, Progress progress, boolean parallel) {
        progress.phase("Retained sizes", 4 * reachable, Progress.Unit.ITEMS);
        // Node-valued results in 4 bytes while nodes fit: the tree outlives the computation.
        boolean wideNodes = IndexArray.needsWide(n + 2);
        IndexArray idomOut = IndexArray.allocate(results, n, wideNodes);
        LongArray retained = LongArray.allocate(results, n);
        IndexArray offsets = IndexArray.allocate(results, n + 2, wideNodes);
        IndexArray children = IndexArray.allocate(results, reachable, wideNodes);
        // A confined result arena cannot be written from a second thread.
        boolean threads = parallel && reachable > 1
                && idomOut.segment().isAccessibleBy(Thread.ofPlatform().unstarted(() -> { }));
        long[] used = new long[1];
        both(threads, () -> {
            // Reverse preorder reaches every node after all the nodes it dominates.
            long sum = 0;
            for (long d = reachable; d >= 1; d--) {
                long v = vertex.get(d);
                long shallow = g.shallowSize(v);
                sum += shallow;
                long r = retained.get(v) + shallow;
                retained.set(v, r);
                long id = idom.get(d);
                if (id != 0) {
                    long parentNode = vertex.get(id);
                    retained.set(parentNode, retained.get(parentNode) + r);
                }
                if ((d & (CHECK_EVERY - 1)) == 0) {
                    progress.checkCancelled();
                    progress.progress(reachable - d);
                }
            }
            used[0] = sum;
        }, () -> {
            // On the helper, off the serial path: the retained sizes never read idomOut.
            for (long v = 0; v < n; v++) {
                idomOut.set(v, DominatorTree.UNREACHABLE);
            }
            childLists(n, reachable, vertex, idom, idomOut, offsets, children);
        });
        progress.progress(2 * reachable);
        trace("retained sizes | idoms, child lists");
        // Split the slots where about half of the children lie before.
        long halfChildren = reachable / 2;
        long lo = 0;
        long hi = n + 1;
        while (lo < hi) {
            long mid = (lo + hi) >>> 1;
            if (offsets.get(mid) < halfChildren) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        long split = lo;
        long total = used[0];
        both(threads, () -> sortChildren(0, split, n, total, retained, offsets, children, progress),
                () -> sortChildren(split, n + 1, n, total, retained, offsets, children, null));
        progress.progress(4 * reachable);
        trace("sort children");
        return new DominatorTree(idomOut, retained, offsets, children);
    }

    /** idom per node, child counts, then the child lists by counting sort (no retained sizes needed). */
    private static void childLists(long n, long reachable, IndexArray vertex, IndexArray idom, IndexArray idomOut,
                                   IndexArray offsets, IndexArray children) {
        for (long d = 1; d <= reachable; d++) {
            long id = idom.get(d);
            long parentNode = id == 0 ? DominatorTree.VIRTUAL_ROOT : vertex.get(id);
            idomOut.set(vertex.get(d), parentNode);
            offsets.set(parentNode + 2, offsets.get(parentNode + 2) + 1);
        }
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
    }
}
