package dev.inquest.heap.graph;

import dev.inquest.heap.store.IntArray;
import dev.inquest.heap.store.LongArray;
import dev.inquest.progress.Progress;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;

/**
 * Not a test: times {@link Dominators} and {@link InboundEdges} on a synthetic heap-shaped graph
 * (default 15M nodes, ~30M edges) and prints wall time and the process's peak RSS. Shape: 5,000
 * class objects (all roots), every object has an edge to its class, objects form a random-fanout
 * tree under 1,000 thread-like roots (fanout 0..4, so chains are short and some subtrees deep), and
 * 10 % of objects carry one extra edge to a random object (sharing, cycles).
 *
 * <pre>java -cp target/classes:target/test-classes dev.inquest.heap.graph.DominatorsBench [nodes]</pre>
 */
public final class DominatorsBench {
    public static void main(String[] args) throws IOException {
        long n = args.length > 0 ? Long.parseLong(args[0]) : 15_000_000L;
        int classes = 5_000;
        int threadRoots = 1_000;
        Arena arena = Arena.ofShared();
        SplittableRandom rnd = new SplittableRandom(1);
        long t0 = System.nanoTime();
        LongArray start = LongArray.allocate(arena, n + 1);
        // Tree: node i's tree children are the next unassigned nodes, breadth-first.
        long nextChild = classes + threadRoots;
        long capacity = n * 2 + n / 10 + 16;
        IntArray targets = IntArray.allocate(arena, capacity);
        long e = 0;
        for (long v = 0; v < n; v++) {
            start.set(v, e);
            if (v < classes) {
                continue;
            }
            targets.set(e++, rnd.nextInt(classes));
            int fanout = rnd.nextInt(100) < 50 ? 0 : 1 + rnd.nextInt(3);
            if (v < classes + threadRoots) {
                fanout = 8;
            }
            for (int k = 0; k < fanout && nextChild < n; k++) {
                targets.set(e++, (int) nextChild++);
            }
            if (rnd.nextInt(10) == 0) {
                targets.set(e++, (int) (classes + rnd.nextLong(n - classes)));
            }
        }
        // Whatever the tree did not reach hangs off the thread roots, round-robin.
        long orphan = 0;
        start.set(n, e);
        long edges = e;
        long leftover = n - nextChild;
        long[] extra = new long[(int) Math.max(0, leftover)];
        for (long i = 0; i < leftover; i++) {
            extra[(int) i] = nextChild + i;
            orphan++;
        }
        long roots = classes + threadRoots;
        ObjectGraph g = new ObjectGraph() {
            @Override
            public long nodeCount() {
                return n;
            }

            @Override
            public long edgeStart(long node) {
                return start.get(node);
            }

            @Override
            public long edgeEnd(long node) {
                return start.get(node + 1);
            }

            @Override
            public long edgeTarget(long edge) {
                return targets.get(edge);
            }

            @Override
            public long rootCount() {
                return roots + extra.length;
            }

            @Override
            public long root(long i) {
                return i < roots ? i : extra[(int) (i - roots)];
            }

            @Override
            public long shallowSize(long node) {
                return node < classes ? 512 : 16 + (node % 5) * 8;
            }
        };
        long built = System.nanoTime();
        System.out.printf("graph: %,d nodes, %,d edges, %,d roots (%,d orphans) built in %d ms%n",
                n, edges, g.rootCount(), orphan, (built - t0) / 1_000_000);
        long rssGraph = rssKb("VmRSS");
        for (int run = 0; run < 3; run++) {
            long a = System.nanoTime();
            DominatorTree tree = Dominators.compute(g, Progress.NONE, Arena.ofAuto());
            long b = System.nanoTime();
            System.out.printf("run %d: Dominators.compute %d ms; reachable %,d, used heap %,d, top-level %,d, "
                            + "biggest %,d%n", run, (b - a) / 1_000_000, tree.reachableCount(), tree.reachableShallowSum(),
                    tree.topLevelCount(), tree.retained(tree.topLevel(0)));
            tree = null;
            System.gc();
        }
        long a = System.nanoTime();
        InboundEdges in = InboundEdges.build(g, Progress.NONE);
        long b = System.nanoTime();
        System.out.printf("InboundEdges.build %d ms (%,d edges)%n", (b - a) / 1_000_000, in.edgeCount());
        System.out.printf("RSS after graph %,d MB; peak RSS %,d MB; java heap max %,d MB%n", rssGraph / 1024,
                rssKb("VmHWM") / 1024, Runtime.getRuntime().maxMemory() >> 20);
    }

    private static long rssKb(String field) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith(field + ":")) {
                return Long.parseLong(line.replaceAll("[^0-9]", ""));
            }
        }
        return -1;
    }
}
