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
     * The exact retained set of {@code set}: one breadth-first search from the roots that does not
     * enter members of the set, then every node reachable before (per {@code tree}) but not now.
     * {@code each}, when not null, receives the node index of every object of the retained set.
     */
    public static RetainedSet retainedSet(ObjectGraph graph, DominatorTree tree, long[] set, LongConsumer each,
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
