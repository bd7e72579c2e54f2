package dev.inquest.heap.graph;

import dev.inquest.heap.store.Spill;
import dev.inquest.progress.Progress;
import org.junit.jupiter.api.Test;

import java.lang.foreign.Arena;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CancellationException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DominatorsTest {

    /** The Lengauer-Tarjan paper's example, as CreateSampleDump builds it for MAT's tests. */
    static final String LT_NAMES = "ABCDEFGHIJKLR";

    static TestGraph lengauerTarjanExample() {
        Map<Character, String> out = Map.ofEntries(
                Map.entry('A', "D"), Map.entry('B', "ADE"), Map.entry('C', "FG"), Map.entry('D', "L"),
                Map.entry('E', "H"), Map.entry('F', "I"), Map.entry('G', "IJ"), Map.entry('H', "EK"),
                Map.entry('I', "K"), Map.entry('J', "I"), Map.entry('K', "IR"), Map.entry('L', "H"),
                Map.entry('R', "ABC"));
        List<long[]> adj = new ArrayList<>();
        for (char c : LT_NAMES.toCharArray()) {
            adj.add(out.get(c).chars().mapToLong(LT_NAMES::indexOf).toArray());
        }
        return TestGraph.of(adj, new long[] {LT_NAMES.indexOf('R')}, null);
    }

    private static long node(char c) {
        return LT_NAMES.indexOf(c);
    }

    @Test
    void lengauerTarjanExampleHasThePublishedDominators() {
        TestGraph g = lengauerTarjanExample();
        DominatorTree tree = Dominators.compute(g, Progress.NONE);
        for (char c : "ABCDEHIK".toCharArray()) {
            assertThat(tree.idom(node(c))).as("idom(%s)", c).isEqualTo(node('R'));
        }
        assertThat(tree.idom(node('F'))).isEqualTo(node('C'));
        assertThat(tree.idom(node('G'))).isEqualTo(node('C'));
        assertThat(tree.idom(node('L'))).isEqualTo(node('D'));
        assertThat(tree.idom(node('J'))).isEqualTo(node('G'));
        assertThat(tree.idom(node('R'))).isEqualTo(DominatorTree.TOP_LEVEL);
        assertThat(tree.childCount(node('R'))).isEqualTo(8);
        assertThat(tree.topLevelCount()).isEqualTo(1);
        long all = 0;
        for (long s : g.shallow) {
            all += s;
        }
        assertThat(tree.retained(node('R'))).isEqualTo(all);
        assertThat(tree.reachableShallowSum()).isEqualTo(all);
        assertThat(tree.reachableCount()).isEqualTo(13);
        // C retains C, F, G, J: 12 + 15 + 16 + 19
        assertThat(tree.retained(node('C'))).isEqualTo(12 + 15 + 16 + 19);
        assertAgreesWithNaive(g, tree);
    }

    @Test
    void agreesWithTheDataFlowDefinitionOnRandomGraphs() {
        Random rnd = new Random(20261122);
        for (int round = 0; round < 600; round++) {
            TestGraph g = TestGraph.random(rnd, 1 + rnd.nextInt(round < 300 ? 12 : 80));
            boolean wide = round % 2 == 1;
            boolean parallel = round % 4 < 2;
            DominatorTree tree = Dominators.compute(g, Progress.NONE, Arena.ofAuto(), wide, parallel);
            assertAgreesWithNaive(g, tree);
        }
    }

    @Test
    void agreesWithCooperHarveyKennedyOnLargerRandomGraphs() {
        // Too big for the quadratic definition: a second real algorithm checks every node instead.
        Random rnd = new Random(77);
        for (int round = 0; round < 30; round++) {
            TestGraph g = TestGraph.random(rnd, 2_000 + rnd.nextInt(20_000));
            long[] expected = CooperHarveyKennedy.idoms(g);
            DominatorTree tree = Dominators.compute(g, Progress.NONE, Arena.ofAuto(), round % 2 == 1, round % 3 == 0);
            long mismatches = 0;
            for (int x = 0; x < g.n; x++) {
                if (tree.idom(x) != expected[x]) {
                    mismatches++;
                }
            }
            assertThat(mismatches).as("round %d, %d nodes", round, g.n).isZero();
        }
    }

    @Test
    void predecessorsOverSeveralBufferChunksAgreeWithCooperHarveyKennedy() {
        // Small chunks for the back and cross edges' pairs: the halves placed forward and backward
        // cross chunk boundaries and meet inside a chunk, with many slots split between the halves.
        Random rnd = new Random(16);
        for (int round = 0; round < 12; round++) {
            TestGraph g = TestGraph.random(rnd, 2_000 + rnd.nextInt(20_000));
            long[] expected = CooperHarveyKennedy.idoms(g);
            int chunk = new int[] {1, 2, 7, 1000}[round % 4];
            boolean parallel = round % 3 != 1;
            DominatorTree tree = Dominators.compute(g, Progress.NONE, Arena.ofAuto(), round % 2 == 1, parallel,
                    Spill.NONE, chunk);
            long mismatches = 0;
            for (int x = 0; x < g.n; x++) {
                if (tree.idom(x) != expected[x]) {
                    mismatches++;
                }
            }
            assertThat(mismatches).as("round %d, %d nodes, chunks of %d", round, g.n, chunk).isZero();
        }
    }

    @Test
    void cooperHarveyKennedyAgreesWithTheDefinition() {
        // The cross-checking algorithm is itself checked, so a shared mistake cannot hide.
        Random rnd = new Random(78);
        for (int round = 0; round < 300; round++) {
            TestGraph g = TestGraph.random(rnd, 1 + rnd.nextInt(60));
            assertThat(CooperHarveyKennedy.idoms(g)).isEqualTo(new NaiveDominators(g).idom);
        }
        assertThat(CooperHarveyKennedy.idoms(lengauerTarjanExample())).isEqualTo(new NaiveDominators(lengauerTarjanExample()).idom);
    }

    /** A graph whose arrays, like a reader's confined segments, may only be read by one thread. */
    record OwnedGraph(TestGraph g, Thread owner) implements ObjectGraph {
        private void check() {
            if (Thread.currentThread() != owner) {
                throw new IllegalStateException("graph read from " + Thread.currentThread());
            }
        }

        @Override
        public long nodeCount() {
            check();
            return g.nodeCount();
        }

        @Override
        public long edgeStart(long node) {
            check();
            return g.edgeStart(node);
        }

        @Override
        public long edgeEnd(long node) {
            check();
            return g.edgeEnd(node);
        }

        @Override
        public long edgeTarget(long edge) {
            check();
            return g.edgeTarget(edge);
        }

        @Override
        public long rootCount() {
            check();
            return g.rootCount();
        }

        @Override
        public long root(long i) {
            check();
            return g.root(i);
        }

        @Override
        public long shallowSize(long node) {
            check();
            return g.shallowSize(node);
        }
    }

    @Test
    void theHelperThreadNeverReadsTheGraphOrReportsProgress() {
        Thread me = Thread.currentThread();
        Progress owned = new Progress() {
            @Override
            public void phase(String name, long total, Unit unit) {
                assertThat(Thread.currentThread()).isSameAs(me);
            }

            @Override
            public void progress(long done) {
                assertThat(Thread.currentThread()).isSameAs(me);
            }

            @Override
            public boolean isCancelled() {
                assertThat(Thread.currentThread()).isSameAs(me);
                return false;
            }
        };
        Random rnd = new Random(12);
        for (int round = 0; round < 40; round++) {
            TestGraph g = TestGraph.random(rnd, 1 + rnd.nextInt(round < 30 ? 60 : 200_000));
            DominatorTree tree = Dominators.compute(new OwnedGraph(g, me), owned, Arena.ofAuto(), false, true);
            if (g.n <= 60) {
                assertAgreesWithNaive(g, tree);
            } else {
                assertThat(tree.reachableCount()).isEqualTo(new NaiveReach(g).count());
            }
        }
    }

    /** Reachable-node count by plain BFS, for graphs too big for the naive dominators. */
    record NaiveReach(TestGraph g) {
        long count() {
            java.util.BitSet seen = new java.util.BitSet(g.n);
            java.util.ArrayDeque<Integer> q = new java.util.ArrayDeque<>();
            for (long r : g.roots) {
                if (!seen.get((int) r)) {
                    seen.set((int) r);
                    q.add((int) r);
                }
            }
            while (!q.isEmpty()) {
                int x = q.poll();
                for (long e = g.edgeStart(x); e < g.edgeEnd(x); e++) {
                    int t = (int) g.edgeTarget(e);
                    if (!seen.get(t)) {
                        seen.set(t);
                        q.add(t);
                    }
                }
            }
            return seen.cardinality();
        }
    }

    @Test
    void resultsInAConfinedArenaStayOnTheCallingThread() {
        // A confined result arena cannot be written by the helper thread: the sequential path must be taken.
        Random rnd = new Random(11);
        for (int round = 0; round < 50; round++) {
            TestGraph g = TestGraph.random(rnd, 1 + rnd.nextInt(60));
            try (Arena confined = Arena.ofConfined()) {
                assertAgreesWithNaive(g, Dominators.compute(g, Progress.NONE, confined, false, true));
            }
        }
    }

    @Test
    void hugeSizesSortWithoutPackingKeys() {
        // 40..63 nodes (6 bits) of about 2^52 bytes (used heap above 2^57) leave no room to pack size and
        // node index into one long, so the comparator sort runs.
        Random rnd = new Random(3);
        for (int round = 0; round < 100; round++) {
            TestGraph g = TestGraph.random(rnd, 40 + rnd.nextInt(24));
            for (int i = 0; i < g.n; i++) {
                g.shallow[i] = (1L << 52) + ((long) rnd.nextInt(4) << 50);
            }
            assertAgreesWithNaive(g, Dominators.compute(g, Progress.NONE));
        }
    }

    static void assertAgreesWithNaive(TestGraph g, DominatorTree tree) {
        NaiveDominators naive = new NaiveDominators(g);
        assertThat(tree.nodeCount()).isEqualTo(g.n);
        long reachable = 0;
        long used = 0;
        for (int x = 0; x < g.n; x++) {
            assertThat(tree.idom(x)).as("idom(%d)", x).isEqualTo(naive.idom[x]);
            assertThat(tree.retained(x)).as("retained(%d)", x).isEqualTo(naive.retained[x]);
            assertThat(tree.isReachable(x)).isEqualTo(naive.reachable.get(x));
            if (naive.reachable.get(x)) {
                reachable++;
                used += g.shallow[x];
            }
        }
        assertThat(tree.reachableCount()).isEqualTo(reachable);
        assertThat(tree.reachableShallowSum()).isEqualTo(used);
        // Children lists: exactly the nodes whose idom is the parent, largest retained first.
        for (long parent = -1; parent < g.n; parent++) {
            List<Long> expected = new ArrayList<>();
            for (int x = 0; x < g.n; x++) {
                if (naive.idom[x] == parent && naive.reachable.get(x)) {
                    expected.add((long) x);
                }
            }
            expected.sort((a, b) -> {
                int c = Long.compare(naive.retained[(int) (long) b], naive.retained[(int) (long) a]);
                return c != 0 ? c : Long.compare(a, b);
            });
            List<Long> actual = new ArrayList<>();
            for (long i = 0; i < tree.childCount(parent); i++) {
                actual.add(tree.child(parent, i));
            }
            assertThat(actual).as("children of %d", parent).isEqualTo(expected);
        }
    }

    @Test
    void aRootThatAnotherObjectReferencesIsStillTopLevel() {
        // 0 -> 1 -> 2, 0 -> 2; roots 0 and 2; 3 is shared by both roots; 4 is unreachable and points at 1.
        TestGraph g = TestGraph.of(List.of(new long[] {1, 2, 3}, new long[] {2}, new long[] {3}, new long[0],
                new long[] {1}), new long[] {0, 2}, new long[] {10, 20, 30, 40, 50});
        DominatorTree tree = Dominators.compute(g, Progress.NONE);
        assertThat(tree.idom(0)).isEqualTo(DominatorTree.TOP_LEVEL);
        assertThat(tree.idom(2)).isEqualTo(DominatorTree.TOP_LEVEL);
        assertThat(tree.idom(3)).isEqualTo(DominatorTree.TOP_LEVEL);
        assertThat(tree.idom(1)).isEqualTo(0);
        assertThat(tree.idom(4)).isEqualTo(DominatorTree.UNREACHABLE);
        assertThat(tree.retained(4)).isZero();
        assertThat(tree.retained(0)).isEqualTo(30);
        assertThat(tree.retained(2)).isEqualTo(30);
        assertThat(tree.reachableShallowSum()).isEqualTo(100);
        // top level sorted by retained (40, 30, 30), ties by index
        assertThat(List.of(tree.topLevel(0), tree.topLevel(1), tree.topLevel(2))).containsExactly(3L, 0L, 2L);
        assertThat(tree.retainedSizeOfSet(new long[] {0, 1, 3, 4})).isEqualTo(70);
        assertThat(tree.dominates(0, 1)).isTrue();
        assertThat(tree.dominates(0, 3)).isFalse();
        assertAgreesWithNaive(g, tree);
    }

    @Test
    void millionNodeChainNeedsNoStack() {
        int n = 1_000_000;
        long[] start = new long[n + 1];
        long[] targets = new long[n - 1];
        for (int i = 0; i < n; i++) {
            start[i + 1] = Math.min(i + 1, n - 1);
            if (i < n - 1) {
                targets[i] = i + 1;
            }
        }
        long[] shallow = new long[n];
        long sum = 0;
        for (int i = 0; i < n; i++) {
            shallow[i] = 16 + (i % 7) * 8;
            sum += shallow[i];
        }
        TestGraph g = new TestGraph(n, start, targets, new long[] {0}, shallow);
        DominatorTree tree = Dominators.compute(g, Progress.NONE);
        assertThat(tree.retained(0)).isEqualTo(sum);
        assertThat(tree.retained(n - 1)).isEqualTo(shallow[n - 1]);
        assertThat(tree.retained(1)).isEqualTo(sum - shallow[0]);
        assertThat(tree.idom(n - 1)).isEqualTo(n - 2);
        assertThat(tree.childCount(500_000)).isEqualTo(1);
        assertThat(tree.child(500_000, 0)).isEqualTo(500_001);
        // A back edge from the tail to the head's successor changes nothing below the head.
        assertThat(tree.dominates(0, n - 1)).isTrue();
    }

    @Test
    void millionChildrenAreSortedByRetainedSize() {
        int n = 1_000_001;
        long[] start = new long[n + 1];
        long[] targets = new long[n - 1];
        for (int i = 0; i < n - 1; i++) {
            targets[i] = i + 1;
        }
        for (int i = 1; i <= n; i++) {
            start[i] = n - 1;
        }
        long[] shallow = new long[n];
        Random rnd = new Random(7);
        long sum = 0;
        for (int i = 0; i < n; i++) {
            shallow[i] = 8 * (1 + rnd.nextInt(1000)); // many ties: the index must break them
            sum += shallow[i];
        }
        TestGraph g = new TestGraph(n, start, targets, new long[] {0}, shallow);
        DominatorTree tree = Dominators.compute(g, Progress.NONE);
        assertThat(tree.childCount(0)).isEqualTo(n - 1);
        assertThat(tree.retained(0)).isEqualTo(sum);
        long prev = tree.child(0, 0);
        long misplaced = -1;
        java.util.BitSet seen = new java.util.BitSet(n);
        seen.set((int) prev);
        for (long i = 1; i < n - 1 && misplaced < 0; i++) {
            long c = tree.child(0, i);
            seen.set((int) c);
            boolean ordered = shallow[(int) prev] > shallow[(int) c] || shallow[(int) prev] == shallow[(int) c] && prev < c;
            if (!ordered) {
                misplaced = i;
            }
            prev = c;
        }
        assertThat(misplaced).as("first child out of order").isEqualTo(-1);
        assertThat(seen.cardinality()).as("every child listed once").isEqualTo(n - 1);
        assertThat(seen.get(0)).isFalse();
    }

    @Test
    void stopsWhenCancelled() {
        int n = 300_000;
        long[] start = new long[n + 1];
        long[] targets = new long[n - 1];
        for (int i = 0; i < n; i++) {
            start[i + 1] = Math.min(i + 1, n - 1);
            if (i < n - 1) {
                targets[i] = i + 1;
            }
        }
        TestGraph g = new TestGraph(n, start, targets, new long[] {0}, new long[n]);
        List<String> phases = new ArrayList<>();
        Progress cancelling = new Progress() {
            long calls;

            @Override
            public void phase(String name, long total, Unit unit) {
                phases.add(name);
            }

            @Override
            public void progress(long done) {
            }

            @Override
            public boolean isCancelled() {
                return ++calls > 2;
            }
        };
        assertThatThrownBy(() -> Dominators.compute(g, cancelling)).isInstanceOf(CancellationException.class);
        assertThat(phases).containsExactly("Dominators");
    }

    @Test
    void aStoredTreeCountsItsChildOffsetsFromTheIdoms() {
        Random rnd = new Random(7);
        for (int round = 0; round < 100; round++) {
            TestGraph g = TestGraph.random(rnd, 1 + rnd.nextInt(80));
            DominatorTree built = Dominators.compute(g, Progress.NONE);
            // As an index file stores it: idoms, retained sizes, the child lists, the top level's size.
            DominatorTree stored = new DominatorTree(built.idomArray(), built.retainedSizes(), built.topLevelCount(),
                    built.childrenArray());
            assertThat(stored.retained(DominatorTree.VIRTUAL_ROOT)).isEqualTo(built.retained(DominatorTree.VIRTUAL_ROOT));
            for (long i = 0; i < built.topLevelCount(); i++) {
                assertThat(stored.topLevel(i)).isEqualTo(built.topLevel(i));
            }
            for (long v = 0; v < g.n; v++) {
                assertThat(stored.childCount(v)).as("children of %d", v).isEqualTo(built.childCount(v));
                for (long i = 0; i < built.childCount(v); i++) {
                    assertThat(stored.child(v, i)).isEqualTo(built.child(v, i));
                }
            }
            for (long s = 0; s < g.n + 2; s++) {
                assertThat(stored.childOffsetsArray().get(s)).isEqualTo(built.childOffsetsArray().get(s));
            }
        }
    }

    @Test
    void reportsBothPhases() {
        dev.inquest.testing.PhaseLog phases = dev.inquest.testing.PhaseLog.watching();
        Dominators.compute(lengauerTarjanExample(), phases);
        assertThat(phases.phases()).containsExactly("Dominators", "Retained sizes");
    }
}
