package dev.inquest.heap.graph;

import dev.inquest.progress.Progress;

import java.lang.foreign.Arena;
import java.util.function.LongConsumer;

/**
 * Reachability questions the dominator tree cannot answer alone. The retained set of a set S of
 * objects is what the collector could free if S's members were gone: the objects reachable from
 * the roots that stop being reachable once S is removed. For a single object that is exactly its
 * dominator subtree; for a set it can be larger than the union of the members' subtrees (an
 * object kept alive by two members together is dominated by neither).
 */
public final class Reachability {
    private Reachability() {
    }

    /** Size of a retained set: how many objects and the sum of their shallow sizes. */
    public record RetainedSet(long objects, long shallowSize) {
    }

    /**
     * The exact retained set of {@code set}: the nodes reachable before (per {@code tree}) that a
     * breadth-first search not entering members of the set no longer reaches. The search starts
     * at the lowest common dominator of the members and stays in its subtree when there is one
     * (the usual case: the elements of one collection), else it starts from the roots.
     * {@code each}, when not null, receives the node index of every object of the retained set.
     */
    public static RetainedSet retainedSet(ObjectGraph graph, DominatorTree tree, long[] set, LongConsumer each,
                                          Progress progress) {
        long d = commonDominator(tree, set);
        if (d == DominatorTree.UNREACHABLE) {
            return new RetainedSet(0, 0);
        }
        if (d != DominatorTree.VIRTUAL_ROOT) {
            return retainedUnder(graph, tree, d, set, each, progress);
        }
        return retainedFromRoots(graph, tree, set, each, progress);
    }

    /**
     * The lowest node of the dominator tree that dominates every reachable member (a member
     * itself when it dominates the others), {@link DominatorTree#VIRTUAL_ROOT} when only the
     * virtual root does, {@link DominatorTree#UNREACHABLE} when no member is reachable. Each
     * node's idom chain is walked at most once (a walk stops at a node an earlier one passed), so
     * a long chain (a linked list) costs its length, not its square.
     */
    static long commonDominator(DominatorTree tree, long[] set) {
        long first = -1;
        for (long x : set) {
            if (tree.isReachable(x)) {
                first = x;
                break;
            }
        }
        if (first < 0) {
            return DominatorTree.UNREACHABLE;
        }
        try (Arena arena = Arena.ofConfined()) {
            LongLongMap chain = new LongLongMap(arena, 64); // the first member's ancestors, by height
            BitSet64 walked = new BitSet64(arena, tree.nodeCount());
            long height = 0;
            for (long y = first; y >= 0; y = tree.idom(y)) {
                chain.putIfAbsent(y, height++);
                walked.set(y);
            }
            long best = 0;
            for (long x : set) {
                if (!tree.isReachable(x)) {
                    continue;
                }
                long y = x;
                while (y >= 0 && !walked.get(y)) {
                    walked.set(y);
                    y = tree.idom(y);
                }
                if (y < 0) {
                    return DominatorTree.VIRTUAL_ROOT;
                }
                // A walked node off the chain was reached by an earlier walk, whose meeting point is already in best.
                best = Math.max(best, chain.get(y, 0));
            }
            long d = first;
            for (long h = 0; h < best; h++) {
                d = tree.idom(d);
            }
            return d;
        }
    }

    /**
     * The retained set when a real node {@code d} dominates every member: it lies within d's
     * dominator subtree (every path to a retained object passes a member, and every path to a
     * member passes d), and a path from the roots enters that subtree only through d (any other
     * entry would bypass d). So one search from d that stays in the subtree and does not enter
     * members finds what stays alive; the rest of the subtree is the retained set. Cost: the
     * subtree's size, not the dump's, so the members of one container cost what the container holds.
     */
    private static RetainedSet retainedUnder(ObjectGraph graph, DominatorTree tree, long d, long[] set, LongConsumer each,
                                             Progress progress) {
        try (Arena arena = Arena.ofConfined()) {
            long n = graph.nodeCount();
            BitSet64 removed = new BitSet64(arena, n);
            for (long x : set) {
                removed.set(x);
            }
            BitSet64 inside = new BitSet64(arena, n);
            LongQueue stack = new LongQueue(arena, 1024);
            // The subtree, breadth first (a FIFO: no recursion, and no deeper than the tree is wide).
            stack.add(d);
            inside.set(d);
            long size = 0;
            progress.checkCancelled();
            while (!stack.isEmpty()) {
                long x = stack.poll();
                for (long i = 0, c = tree.childCount(x); i < c; i++) {
                    long ch = tree.child(x, i);
                    inside.set(ch);
                    stack.add(ch);
                }
                if ((++size & (Dominators.CHECK_EVERY - 1)) == 0) {
                    progress.checkCancelled();
                }
            }
            progress.phase("Retained set: what stays reachable", size, Progress.Unit.ITEMS);
            BitSet64 alive = new BitSet64(arena, n);
            long steps = 0;
            if (!removed.get(d)) {
                LongQueue queue = new LongQueue(arena, 1024);
                alive.set(d);
                queue.add(d);
                while (!queue.isEmpty()) {
                    long x = queue.poll();
                    for (long e = graph.edgeStart(x), end = graph.edgeEnd(x); e < end; e++) {
                        long t = graph.edgeTarget(e);
                        if (inside.get(t) && !alive.get(t) && !removed.get(t)) {
                            alive.set(t);
                            queue.add(t);
                        }
                    }
                    if ((++steps & (Dominators.CHECK_EVERY - 1)) == 0) {
                        progress.checkCancelled();
                        progress.progress(steps);
                    }
                }
            }
            progress.phase("Retained set: what is freed", size, Progress.Unit.ITEMS);
            long objects = 0;
            long shallow = 0;
            steps = 0;
            stack.add(d);
            while (!stack.isEmpty()) {
                long x = stack.poll();
                if (!alive.get(x)) {
                    objects++;
                    shallow += graph.shallowSize(x);
                    if (each != null) {
                        each.accept(x);
                    }
                }
                for (long i = 0, c = tree.childCount(x); i < c; i++) {
                    stack.add(tree.child(x, i));
                }
                if ((++steps & (Dominators.CHECK_EVERY - 1)) == 0) {
                    progress.checkCancelled();
                    progress.progress(steps);
                }
            }
            return new RetainedSet(objects, shallow);
        }
    }

    /** The general case: members under no common real dominator. One search from the roots, linear in the dump. */
    private static RetainedSet retainedFromRoots(ObjectGraph graph, DominatorTree tree, long[] set, LongConsumer each,
                                                 Progress progress) {
        long n = graph.nodeCount();
        boolean wide = IndexArray.needsWide(n);
        try (Arena arena = Arena.ofConfined()) {
            BitSet64 removed = new BitSet64(arena, n);
            for (long x : set) {
                removed.set(x);
            }
            BitSet64 seen = new BitSet64(arena, n);
            IndexArray queue = IndexArray.allocate(arena, n, wide);
            long tail = 0;
            progress.phase("Retained set: what stays reachable", tree.reachableCount(), Progress.Unit.ITEMS);
            for (long i = 0, rc = graph.rootCount(); i < rc; i++) {
                long r = graph.root(i);
                if (!removed.get(r) && !seen.get(r)) {
                    seen.set(r);
                    queue.set(tail++, r);
                }
            }
            for (long head = 0; head < tail; head++) {
                long x = queue.get(head);
                for (long e = graph.edgeStart(x), end = graph.edgeEnd(x); e < end; e++) {
                    long t = graph.edgeTarget(e);
                    if (!seen.get(t) && !removed.get(t)) {
                        seen.set(t);
                        queue.set(tail++, t);
                    }
                }
                if ((head & (Dominators.CHECK_EVERY - 1)) == 0) {
                    progress.checkCancelled();
                    progress.progress(head);
                }
            }
            progress.phase("Retained set: what is freed", n, Progress.Unit.ITEMS);
            long objects = 0;
            long shallow = 0;
            for (long x = 0; x < n; x++) {
                if ((x & (Dominators.CHECK_EVERY - 1)) == 0) {
                    progress.checkCancelled();
                    progress.progress(x);
                }
                if (!seen.get(x) && tree.isReachable(x)) {
                    objects++;
                    shallow += graph.shallowSize(x);
                    if (each != null) {
                        each.accept(x);
                    }
                }
            }
            return new RetainedSet(objects, shallow);
        }
    }
}
