package dev.inquest.heap.graph;

import dev.inquest.heap.store.Spill;
import dev.inquest.progress.Progress;
import org.junit.jupiter.api.Test;

import java.lang.foreign.Arena;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The tree-building step (retained sizes, child lists, the lists' sort on two cores): on forests
 * whose dominator tree is known by construction, with nodes numbered at random so that node order
 * and DFS order differ, one core and two give the same arrays, and both the figures the forest
 * implies. (Written for a four-stage rewrite of the step that was measured in session 11 and not
 * kept: 3 % off the open, slower under a memory cap.)
 */
class DominatorTreeBuildTest {

    /**
     * A random forest: its own parent array (-1 for a root, -2 for an unreachable node), the
     * graph's edges parent to child only, so every idom is the parent. Child-list sizes mix the
     * step's cases: one, two, up to 16, more, one list bigger than the sort's buffer, and a 100,000-deep chain.
     */
    record Forest(TestGraph graph, long[] parent, int[] creation) {
    }

    static Forest forest(Random rnd, int n, int roots, int bigList) {
        int[] label = new int[n]; // creation order -> node index: a random permutation
        for (int i = 0; i < n; i++) {
            label[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = rnd.nextInt(i + 1);
            int t = label[i];
            label[i] = label[j];
            label[j] = t;
        }
        long[] parent = new long[n];
        java.util.Arrays.fill(parent, -2);
        List<List<Long>> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(new ArrayList<>());
        }
        long[] rootNodes = new long[roots];
        int made = 0;
        for (int r = 0; r < roots; r++) {
            rootNodes[r] = label[made];
            parent[label[made++]] = -1;
        }
        int unreachable = n / 50;
        int limit = n - unreachable;
        // A chain from the first root, then one big list under the second.
        long at = rootNodes[0];
        for (int k = 0; k < 100_000 && made < limit; k++) {
            long c = label[made++];
            parent[(int) c] = at;
            out.get((int) at).add(c);
            at = c;
        }
        for (int k = 0; k < bigList && made < limit; k++) {
            long c = label[made++];
            parent[(int) c] = rootNodes[1];
            out.get((int) rootNodes[1]).add(c);
        }
        // The rest under random earlier nodes, lists sized 1, 2, 3..16 or up to 200.
        for (int p = 0; made < limit; p++) {
            long holder = label[rnd.nextInt(made)];
            int kind = rnd.nextInt(100);
            int size = kind < 40 ? 1 : kind < 80 ? 2 : kind < 97 ? 3 + rnd.nextInt(14) : 17 + rnd.nextInt(184);
            for (int k = 0; k < size && made < limit; k++) {
                long c = label[made++];
                parent[(int) c] = holder;
                out.get((int) holder).add(c);
            }
        }
        // Unreachable nodes point into the forest: they must change nothing.
        for (int i = limit; i < n; i++) {
            out.get(label[i]).add((long) label[rnd.nextInt(limit)]);
        }
        long[] shallow = new long[n];
        for (int i = 0; i < n; i++) {
            shallow[i] = 16L * (1 + rnd.nextInt(4)); // few values: many equal retained sizes
        }
        List<long[]> adjacency = new ArrayList<>();
        for (List<Long> o : out) {
            adjacency.add(o.stream().mapToLong(Long::longValue).toArray());
        }
        return new Forest(TestGraph.of(adjacency, rootNodes, shallow), parent, label);
    }

    @Test
    void oneCoreAndTwoGiveTheForestsTreeExactly() {
        Random rnd = new Random(16);
        for (int round = 0; round < 4; round++) {
            int n = 300_000 + rnd.nextInt(50_000);
            Forest f = forest(rnd, n, 2 + rnd.nextInt(5_000), 70_000 + rnd.nextInt(5_000));
            boolean wide = round % 2 == 1;
            DominatorTree one = Dominators.compute(f.graph(), Progress.NONE, Arena.ofAuto(), wide, false, Spill.NONE);
            DominatorTree two = Dominators.compute(f.graph(), Progress.NONE, Arena.ofAuto(), wide, true, Spill.NONE);
            assertMatchesForest(f, one);
            assertMatchesForest(f, two);
        }
    }

    /** idom is the parent, retained the subtree's sum, every child list the parent's children sorted. */
    static void assertMatchesForest(Forest f, DominatorTree tree) {
        TestGraph g = f.graph();
        long[] parent = f.parent();
        int n = g.n;
        // Every node is created after its parent: in reverse creation order a node's sum is complete.
        long[] retained = new long[n];
        long used = 0;
        long reachable = 0;
        long[] expectedIdom = new long[n];
        long[] expectedChildren = new long[n + 1];
        for (int i = n - 1; i >= 0; i--) {
            int v = f.creation()[i];
            expectedIdom[v] = parent[v] == -1 ? DominatorTree.TOP_LEVEL
                    : parent[v] == -2 ? DominatorTree.UNREACHABLE : parent[v];
            if (parent[v] == -2) {
                continue;
            }
            retained[v] += g.shallow[v];
            used += g.shallow[v];
            reachable++;
            expectedChildren[(int) parent[v] + 1]++;
            if (parent[v] >= 0) {
                retained[(int) parent[v]] += retained[v];
            }
        }
        long[] idom = new long[n];
        long[] sizes = new long[n];
        long[] children = new long[n + 1];
        for (int v = 0; v < n; v++) {
            idom[v] = tree.idom(v);
            sizes[v] = tree.retained(v);
        }
        String misplaced = null;
        for (long p = -1; p < n && misplaced == null; p++) {
            long count = tree.childCount(p);
            children[(int) p + 1] = count;
            for (long i = 0; i < count && misplaced == null; i++) {
                long c = tree.child(p, i);
                if (parent[(int) c] != p) {
                    misplaced = "child " + i + " of " + p + " is " + c + ", whose parent is " + parent[(int) c];
                } else if (i > 0) {
                    long prev = tree.child(p, i - 1);
                    if (!(retained[(int) prev] > retained[(int) c] || retained[(int) prev] == retained[(int) c] && prev < c)) {
                        misplaced = "child " + i + " of " + p + " (" + c + ") comes after " + prev;
                    }
                }
            }
        }
        assertThat(tree.reachableCount()).isEqualTo(reachable);
        assertThat(tree.reachableShallowSum()).isEqualTo(used);
        assertThat(idom).isEqualTo(expectedIdom);
        assertThat(sizes).isEqualTo(retained);
        assertThat(misplaced).isNull();
        assertThat(children).isEqualTo(expectedChildren);
    }
}
