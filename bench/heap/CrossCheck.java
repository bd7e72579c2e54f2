package dev.inquest.heap.graph;

import dev.inquest.heap.index.DumpInternals;
import dev.inquest.heap.index.HeapIndex;
import dev.inquest.heap.model.HeapDump;
import dev.inquest.heap.model.OpenOptions;
import dev.inquest.progress.Progress;

import java.nio.file.Path;

/**
 * One-off correctness check on real dumps (not part of the build: it needs the HPROF reader of
 * branch heap and the test classes of this package). Opens a dump, recomputes the dominator tree,
 * compares every idom with the independent Cooper-Harvey-Kennedy algorithm from src/test, the
 * tree stored in the index file with the fresh one, and checks retained = shallow + children and
 * the child order.
 *
 * <pre>
 * ./mvnw -q -o package -DskipTests && ./mvnw -q -o test-compile
 * javac -d target/crosscheck -cp target/inquest.jar:target/test-classes bench/heap/CrossCheck.java
 * java -Xmx6g -XX:MaxDirectMemorySize=12g -cp target/crosscheck:target/inquest.jar:target/test-classes \
 *      dev.inquest.heap.graph.CrossCheck DUMP
 * </pre>
 */
public class CrossCheck {
    public static void main(String[] args) throws Exception {
        try (HeapDump dump = HeapDump.open(Path.of(args[0]), OpenOptions.DEFAULT, Progress.NONE)) {
            HeapIndex g = DumpInternals.of(dump).index();
            DominatorTree stored = DumpInternals.of(dump).dominatorTree();
            long t0 = System.nanoTime();
            DominatorTree fresh = Dominators.compute(g, Progress.NONE);
            long t1 = System.nanoTime();
            long[] chk = CooperHarveyKennedy.idoms(g);
            long t2 = System.nanoTime();
            long n = g.nodeCount();
            long idomMismatch = 0, storedMismatch = 0, formulaMismatch = 0, orderMismatch = 0;
            for (long x = 0; x < n; x++) {
                if (fresh.idom(x) != chk[(int) x]) idomMismatch++;
                if (stored.idom(x) != fresh.idom(x) || stored.retained(x) != fresh.retained(x)) storedMismatch++;
                if (fresh.isReachable(x)) {
                    long sum = g.shallowSize(x);
                    long prev = Long.MAX_VALUE;
                    for (long i = 0; i < fresh.childCount(x); i++) {
                        long c = fresh.child(x, i);
                        sum += fresh.retained(c);
                        if (fresh.retained(c) > prev) orderMismatch++;
                        prev = fresh.retained(c);
                        if (fresh.idom(c) != x) formulaMismatch++;
                    }
                    if (sum != fresh.retained(x)) formulaMismatch++;
                }
            }
            System.out.printf("nodes %,d reachable %,d; Dominators.compute %d ms, Cooper-Harvey-Kennedy %d ms%n",
                    n, fresh.reachableCount(), (t1 - t0) / 1_000_000, (t2 - t1) / 1_000_000);
            System.out.printf("idom mismatches vs CHK: %d; stored-vs-fresh mismatches: %d; retained-formula mismatches: %d; child-order mismatches: %d%n",
                    idomMismatch, storedMismatch, formulaMismatch, orderMismatch);
        }
    }
}
