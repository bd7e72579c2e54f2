package dev.inquest.heap.graph;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

/**
 * The textbook data-flow definition, deliberately unlike {@link Dominators}: with a virtual root
 * V whose only successors are the roots (and which is a root's only predecessor),
 * {@code dom(V) = {V}} and {@code dom(x) = {x} ∪ ⋂ dom(p)} over x's reachable predecessors,
 * iterated to a fixed point. Retained size is summed from the definition (every y that x
 * dominates), not from the tree. Quadratic: small graphs only.
 */
final class NaiveDominators {
    final long[] idom;       // -1 top level, -2 unreachable
    final long[] retained;   // 0 when unreachable
    final BitSet reachable = new BitSet();

    NaiveDominators(TestGraph g) {
        int n = g.n;
        int v = n; // virtual root
        BitSet isRoot = new BitSet();
        for (long r : g.roots) {
            isRoot.set((int) r);
        }
        ArrayDeque<Integer> queue = new ArrayDeque<>();
        for (long r : g.roots) {
            if (!reachable.get((int) r)) {
                reachable.set((int) r);
                queue.add((int) r);
            }
        }
        while (!queue.isEmpty()) {
            int x = queue.poll();
            for (long t : g.out(x)) {
                if (!reachable.get((int) t)) {
                    reachable.set((int) t);
                    queue.add((int) t);
                }
            }
        }
        List<List<Integer>> preds = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            preds.add(new ArrayList<>());
        }
        for (int x = 0; x < n; x++) {
            if (!reachable.get(x)) {
                continue;
            }
            for (long t : g.out(x)) {
                if (!isRoot.get((int) t)) {
                    preds.get((int) t).add(x);
                }
            }
        }
        for (long r : g.roots) {
            preds.get((int) r).clear();
            preds.get((int) r).add(v);
        }
        BitSet[] dom = new BitSet[n + 1];
        BitSet all = (BitSet) reachable.clone();
        all.set(v);
        for (int x = 0; x < n; x++) {
            dom[x] = reachable.get(x) ? (BitSet) all.clone() : new BitSet();
        }
        dom[v] = new BitSet();
        dom[v].set(v);
        boolean changed = true;
        while (changed) {
            changed = false;
            for (int x = 0; x < n; x++) {
                if (!reachable.get(x)) {
                    continue;
                }
                BitSet d = (BitSet) all.clone();
                for (int p : preds.get(x)) {
                    d.and(dom[p]);
                }
                d.set(x);
                if (!d.equals(dom[x])) {
                    dom[x] = d;
                    changed = true;
                }
            }
        }
        idom = new long[n];
        retained = new long[n];
        for (int x = 0; x < n; x++) {
            if (!reachable.get(x)) {
                idom[x] = -2;
                continue;
            }
            // The immediate dominator is the strict dominator that all other strict dominators dominate:
            // the one with the most dominators of its own.
            int best = v;
            int bestSize = 1;
            for (int d = dom[x].nextSetBit(0); d >= 0 && d < n; d = dom[x].nextSetBit(d + 1)) {
                if (d != x && dom[d].cardinality() > bestSize) {
                    best = d;
                    bestSize = dom[d].cardinality();
                }
            }
            idom[x] = best == v ? -1 : best;
            for (int y = 0; y < n; y++) {
                if (reachable.get(y) && dom[y].get(x)) {
                    retained[x] += g.shallow[x == y ? x : y];
                }
            }
        }
    }
}
