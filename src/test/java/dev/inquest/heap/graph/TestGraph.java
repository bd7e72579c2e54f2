package dev.inquest.heap.graph;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/** A small in-memory {@link ObjectGraph} for tests: plain arrays, edges grouped by source. */
final class TestGraph implements ObjectGraph {
    final int n;
    final long[] edgeStart; // n + 1
    final long[] targets;
    final long[] roots;
    final long[] shallow;

    TestGraph(int n, long[] edgeStart, long[] targets, long[] roots, long[] shallow) {
        this.n = n;
        this.edgeStart = edgeStart;
        this.targets = targets;
        this.roots = roots;
        this.shallow = shallow;
    }

    /** From an adjacency list; shallow size of node i is {@code 10 + i} unless given. */
    static TestGraph of(List<long[]> adjacency, long[] roots, long[] shallow) {
        int n = adjacency.size();
        long[] start = new long[n + 1];
        for (int i = 0; i < n; i++) {
            start[i + 1] = start[i] + adjacency.get(i).length;
        }
        long[] targets = new long[(int) start[n]];
        for (int i = 0; i < n; i++) {
            System.arraycopy(adjacency.get(i), 0, targets, (int) start[i], adjacency.get(i).length);
        }
        if (shallow == null) {
            shallow = new long[n];
            for (int i = 0; i < n; i++) {
                shallow[i] = 10 + i;
            }
        }
        return new TestGraph(n, start, targets, roots, shallow);
    }

    /** Random graph with several roots, cycles, self-loops, duplicate edges and unreachable parts. */
    static TestGraph random(Random rnd, int n) {
        List<long[]> adj = new ArrayList<>();
        double density = rnd.nextDouble() * 3;
        for (int i = 0; i < n; i++) {
            int k = (int) (rnd.nextDouble() * density * 2);
            long[] out = new long[k];
            for (int j = 0; j < k; j++) {
                int kind = rnd.nextInt(10);
                if (kind == 0) {
                    out[j] = i; // self-loop
                } else if (kind == 1 && j > 0) {
                    out[j] = out[j - 1]; // duplicate edge
                } else if (kind < 6) {
                    out[j] = Math.min(n - 1, i + 1 + rnd.nextInt(4)); // mostly forward: long paths
                } else {
                    out[j] = rnd.nextInt(n);
                }
            }
            adj.add(out);
        }
        int rootCount = 1 + rnd.nextInt(Math.max(1, Math.min(4, n)));
        long[] roots = rnd.ints(0, n).distinct().limit(rootCount).asLongStream().toArray();
        long[] shallow = rnd.longs(n, 1, 100).toArray();
        return of(adj, roots, shallow);
    }

    @Override
    public long nodeCount() {
        return n;
    }

    @Override
    public long edgeStart(long node) {
        return edgeStart[(int) node];
    }

    @Override
    public long edgeEnd(long node) {
        return edgeStart[(int) node + 1];
    }

    @Override
    public long edgeTarget(long edge) {
        return targets[(int) edge];
    }

    @Override
    public long rootCount() {
        return roots.length;
    }

    @Override
    public long root(long i) {
        return roots[(int) i];
    }

    @Override
    public long shallowSize(long node) {
        return shallow[(int) node];
    }

    long[] out(int node) {
        return Arrays.copyOfRange(targets, (int) edgeStart[node], (int) edgeStart[node + 1]);
    }
}
