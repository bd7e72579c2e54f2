package dev.inquest.heap.graph;

import dev.inquest.progress.Progress;
import org.junit.jupiter.api.Test;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class ShortestPathsTest {

    private static long node(char c) {
        return DominatorsTest.LT_NAMES.indexOf(c);
    }

    @Test
    void pathFromJToTheRootOfTheLengauerTarjanExample() {
        TestGraph g = DominatorsTest.lengauerTarjanExample();
        ShortestPaths sp = new ShortestPaths(g, InboundEdges.build(g, Progress.NONE), EdgeFilter.ALL);
        List<ShortestPaths.Path> paths = sp.toRoots(node('J'), 5, Progress.NONE);
        assertThat(paths).hasSize(1);
        assertThat(paths.get(0).nodes()).containsExactly(node('J'), node('G'), node('C'), node('R'));
        // K is reached from I (via F/G/J) and from H; the shortest is K <- I <- F <- C <- R or via G: length 5.
        assertThat(sp.toRoots(node('K'), 1, Progress.NONE).get(0).length()).isEqualTo(5);
        assertThat(sp.toRoots(node('R'), 3, Progress.NONE)).singleElement()
                .satisfies(p -> assertThat(p.nodes()).containsExactly(node('R')));
    }

    @Test
    void aRefusedEdgeIsRoutedAround() {
        // 0 (root) -> 2 directly, and 1 (root) -> 3 -> 2; refusing 0 -> 2 (a weak referent, say) leaves 2 <- 3 <- 1.
        TestGraph g = TestGraph.of(List.of(new long[] {2}, new long[] {3}, new long[0], new long[] {2}),
                new long[] {0, 1}, null);
        InboundEdges in = InboundEdges.build(g, Progress.NONE);
        ShortestPaths all = new ShortestPaths(g, in, EdgeFilter.ALL);
        assertThat(all.toRoots(2, 1, Progress.NONE).get(0).nodes()).containsExactly(2, 0);
        assertThat(all.toRoots(2, 5, Progress.NONE)).extracting(ShortestPaths.Path::root).containsExactly(0L, 1L);
        ShortestPaths strong = new ShortestPaths(g, in, (source, target) -> !(source == 0 && target == 2));
        assertThat(strong.toRoots(2, 5, Progress.NONE)).singleElement()
                .satisfies(p -> assertThat(p.nodes()).containsExactly(2, 3, 1));
        ShortestPaths.MergedPaths merged = strong.merged(new long[] {2, 3}, Progress.NONE);
        assertThat(merged.paths()).isEqualTo(2);
        assertThat(merged.roots()).singleElement().satisfies(r -> {
            assertThat(r.node()).isEqualTo(1);
            assertThat(r.objects()).isEqualTo(2);
            assertThat(r.objectsShallow()).isEqualTo(12 + 13);
            assertThat(r.children()).singleElement().satisfies(c -> {
                assertThat(c.node()).isEqualTo(3);
                assertThat(c.objects()).isEqualTo(2);
                assertThat(c.children()).singleElement().satisfies(cc -> assertThat(cc.node()).isEqualTo(2));
            });
        });
        ShortestPaths none = new ShortestPaths(g, in, (source, target) -> false);
        assertThat(none.merged(new long[] {2, 3}, Progress.NONE).unreached()).isEqualTo(2);
    }

    /** Distance from root r to every node, never entering another root (a path ends at the first root). */
    private static int[] distancesFrom(TestGraph g, long r, BitSet roots, EdgeFilter filter) {
        int[] dist = new int[g.n];
        Arrays.fill(dist, -1);
        dist[(int) r] = 0;
        ArrayDeque<Integer> q = new ArrayDeque<>(List.of((int) r));
        while (!q.isEmpty()) {
            int x = q.poll();
            for (long e = g.edgeStart(x); e < g.edgeEnd(x); e++) {
                int t = (int) g.edgeTarget(e);
                if (dist[t] < 0 && !roots.get(t) && filter.follow(x, t)) {
                    dist[t] = dist[x] + 1;
                    q.add(t);
                }
            }
        }
        return dist;
    }

    @Test
    void pathsAreShortestOnRandomGraphs() {
        Random rnd = new Random(99);
        for (int round = 0; round < 150; round++) {
            TestGraph g = TestGraph.random(rnd, 2 + rnd.nextInt(40));
            // Refuse the references of one (source, target) pair, that of a random edge.
            long skip = rnd.nextInt(Math.max(1, g.targets.length + 1));
            long skipSource = -1;
            for (int v = 0; v < g.n; v++) {
                if (skip >= g.edgeStart(v) && skip < g.edgeEnd(v)) {
                    skipSource = v;
                }
            }
            long refusedSource = skipSource;
            long refusedTarget = skip < g.targets.length ? g.targets[(int) skip] : -1;
            EdgeFilter filter = (s, t) -> s != refusedSource || t != refusedTarget;
            ShortestPaths sp = new ShortestPaths(g, InboundEdges.build(g, Progress.NONE), filter);
            BitSet roots = new BitSet();
            Arrays.stream(g.roots).forEach(r -> roots.set((int) r));
            int[][] dist = new int[g.roots.length][];
            for (int i = 0; i < g.roots.length; i++) {
                dist[i] = distancesFrom(g, g.roots[i], roots, filter);
            }
            for (int x = 0; x < g.n; x++) {
                int limit = 1 + rnd.nextInt(3);
                List<ShortestPaths.Path> paths = sp.toRoots(x, limit, Progress.NONE);
                int reaching = 0;
                for (int i = 0; i < g.roots.length; i++) {
                    reaching += dist[i][x] >= 0 ? 1 : 0;
                }
                assertThat(paths).hasSize(Math.min(limit, reaching));
                Set<Long> found = new HashSet<>();
                int longest = 0;
                for (ShortestPaths.Path p : paths) {
                    assertThat(p.object()).isEqualTo(x);
                    assertThat(found.add(p.root())).isTrue();
                    int ri = indexOf(g.roots, p.root());
                    assertThat(p.length()).isEqualTo(dist[ri][x] + 1);
                    longest = Math.max(longest, p.length());
                    for (int k = 0; k + 1 < p.length(); k++) {
                        assertThat(hasEdge(g, p.nodes()[k + 1], p.nodes()[k], filter)).isTrue();
                    }
                }
                for (int i = 0; i < g.roots.length; i++) {
                    if (!found.contains(g.roots[i]) && dist[i][x] >= 0) {
                        assertThat(dist[i][x] + 1).as("a skipped root is no closer").isGreaterThanOrEqualTo(longest);
                    }
                }
            }
            // Merged: every member sits at its distance to the nearest root, counts add up.
            long[] members = rnd.ints(1 + rnd.nextInt(g.n), 0, g.n).asLongStream().toArray();
            ShortestPaths.MergedPaths merged = sp.merged(members, Progress.NONE);
            long[] distinct = Arrays.stream(members).distinct().toArray();
            long expectedReached = Arrays.stream(distinct).filter(m -> nearest(dist, (int) m) >= 0).count();
            assertThat(merged.paths()).isEqualTo(expectedReached);
            assertThat(merged.unreached()).isEqualTo(distinct.length - expectedReached);
            assertThat(merged.roots().stream().mapToLong(ShortestPaths.PathNode::objects).sum()).isEqualTo(expectedReached);
            Set<Long> memberSet = new HashSet<>();
            Arrays.stream(distinct).forEach(memberSet::add);
            for (ShortestPaths.PathNode r : merged.roots()) {
                assertThat(roots.get((int) r.node())).isTrue();
                check(g, r, 0, memberSet, dist, filter);
            }
        }
    }

    private static int nearest(int[][] dist, int x) {
        int best = -1;
        for (int[] d : dist) {
            if (d[x] >= 0 && (best < 0 || d[x] < best)) {
                best = d[x];
            }
        }
        return best;
    }

    private static void check(TestGraph g, ShortestPaths.PathNode p, int depth, Set<Long> members, int[][] dist,
                              EdgeFilter filter) {
        long sum = members.contains(p.node()) ? 1 : 0;
        long shallow = members.contains(p.node()) ? g.shallow[(int) p.node()] : 0;
        if (members.contains(p.node())) {
            assertThat(depth).isEqualTo(nearest(dist, (int) p.node()));
        }
        long prev = Long.MAX_VALUE;
        for (ShortestPaths.PathNode c : p.children()) {
            assertThat(hasEdge(g, p.node(), c.node(), filter)).isTrue();
            assertThat(c.objects()).isLessThanOrEqualTo(prev);
            prev = c.objects();
            sum += c.objects();
            shallow += c.objectsShallow();
            check(g, c, depth + 1, members, dist, filter);
        }
        assertThat(p.objects()).isEqualTo(sum);
        assertThat(p.objectsShallow()).isEqualTo(shallow);
    }

    private static boolean hasEdge(TestGraph g, long from, long to, EdgeFilter filter) {
        for (long e = g.edgeStart(from); e < g.edgeEnd(from); e++) {
            if (g.edgeTarget(e) == to && filter.follow(from, to)) {
                return true;
            }
        }
        return false;
    }

    private static int indexOf(long[] a, long v) {
        for (int i = 0; i < a.length; i++) {
            if (a[i] == v) {
                return i;
            }
        }
        return -1;
    }
}
