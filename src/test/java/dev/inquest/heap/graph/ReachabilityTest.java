package dev.inquest.heap.graph;

import dev.inquest.progress.Progress;
import org.junit.jupiter.api.Test;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class ReachabilityTest {

    private static BitSet reachableWithout(TestGraph g, BitSet removed) {
        BitSet seen = new BitSet();
        ArrayDeque<Integer> q = new ArrayDeque<>();
        for (long r : g.roots) {
            if (!removed.get((int) r) && !seen.get((int) r)) {
                seen.set((int) r);
                q.add((int) r);
            }
        }
        while (!q.isEmpty()) {
            int x = q.poll();
            for (long t : g.out(x)) {
                if (!removed.get((int) t) && !seen.get((int) t)) {
                    seen.set((int) t);
                    q.add((int) t);
                }
            }
        }
        return seen;
    }

    @Test
    void retainedSetsMatchRemovalOnRandomGraphs() {
        Random rnd = new Random(5);
        for (int round = 0; round < 200; round++) {
            TestGraph g = TestGraph.random(rnd, 1 + rnd.nextInt(50));
            DominatorTree tree = Dominators.compute(g, Progress.NONE);
            BitSet before = reachableWithout(g, new BitSet());
            for (int x = 0; x < g.n; x++) {
                // A single object's retained set is its dominator subtree.
                Reachability.RetainedSet one = Reachability.retainedSet(g, tree, new long[] {x}, null, Progress.NONE);
                assertThat(one.shallowSize()).as("retained(%d)", x).isEqualTo(tree.retained(x));
            }
            long[] set = rnd.ints(1 + rnd.nextInt(5), 0, g.n).asLongStream().toArray();
            BitSet removed = new BitSet();
            Arrays.stream(set).forEach(x -> removed.set((int) x));
            BitSet freed = (BitSet) before.clone();
            freed.andNot(reachableWithout(g, removed));
            BitSet reported = new BitSet();
            Reachability.RetainedSet rs = Reachability.retainedSet(g, tree, set, x -> reported.set((int) x), Progress.NONE);
            assertThat(reported).isEqualTo(freed);
            assertThat(rs.objects()).isEqualTo(freed.cardinality());
            assertThat(rs.shallowSize()).isEqualTo(freed.stream().mapToLong(x -> g.shallow[x]).sum());
            // The tree's quick figure: members under no other member, each counted once; never above the exact one.
            long quick = 0;
            long[] distinct = Arrays.stream(set).distinct().toArray();
            for (long x : distinct) {
                boolean under = false;
                for (long y : distinct) {
                    under |= y != x && tree.dominates(y, x);
                }
                quick += under ? 0 : tree.retained(x);
            }
            assertThat(tree.retainedSizeOfSet(set)).isEqualTo(quick).isLessThanOrEqualTo(rs.shallowSize());
        }
    }

    @Test
    void twoHoldersTogetherRetainWhatNeitherDominates() {
        // root 0 -> 1, 0 -> 2, 1 -> 3, 2 -> 3: 3 is retained by {1, 2} but by neither alone.
        TestGraph g = TestGraph.of(List.of(new long[] {1, 2}, new long[] {3}, new long[] {3}, new long[0]),
                new long[] {0}, new long[] {16, 24, 32, 100});
        DominatorTree tree = Dominators.compute(g, Progress.NONE);
        assertThat(tree.retainedSizeOfSet(new long[] {1, 2})).isEqualTo(56);
        assertThat(Reachability.retainedSet(g, tree, new long[] {1, 2}, null, Progress.NONE))
                .isEqualTo(new Reachability.RetainedSet(3, 156));
    }

    @Test
    void aSetUnderOneObjectIsSearchedInItsSubtreeEvenDownALongChain() {
        // 0 -> 1 -> ... -> n-1, and 0 -> n (a bystander): the members' lowest common dominator bounds the search.
        int n = 200_000;
        List<long[]> out = new java.util.ArrayList<>();
        for (int i = 0; i < n - 1; i++) {
            out.add(i == 0 ? new long[] {1, n} : new long[] {i + 1});
        }
        out.add(new long[0]);
        out.add(new long[0]);
        long[] shallow = new long[n + 1];
        Arrays.fill(shallow, 16);
        TestGraph g = TestGraph.of(out, new long[] {0}, shallow);
        DominatorTree tree = Dominators.compute(g, Progress.NONE);
        long[] all = new long[n - 1];
        Arrays.setAll(all, i -> i + 1);
        assertThat(Reachability.commonDominator(tree, all)).isEqualTo(1);
        assertThat(Reachability.commonDominator(tree, new long[] {n - 1, n - 2})).isEqualTo(n - 2);
        assertThat(Reachability.commonDominator(tree, new long[] {n - 1, n})).isZero();
        assertThat(Reachability.retainedSet(g, tree, all, null, Progress.NONE))
                .isEqualTo(new Reachability.RetainedSet(n - 1, 16L * (n - 1)));
        assertThat(Reachability.retainedSet(g, tree, new long[] {n - 1, n}, null, Progress.NONE))
                .isEqualTo(new Reachability.RetainedSet(2, 32));
    }
}
