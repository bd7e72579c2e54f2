package dev.inquest.heap.query;

import dev.inquest.heap.model.HeapDump;
import dev.inquest.heap.model.OpenOptions;
import dev.inquest.progress.Progress;
import java.nio.file.Path;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * Not a test: times every query on one dump (and the comparison against a baseline when given).
 * The dump is opened first (from its index file when there is one); each query is then timed on
 * its own, twice (the second run shows the cost once the JIT and the page cache are warm).
 *
 * <pre>java -Xmx3g -cp target/classes:target/test-classes:DEPS dev.inquest.heap.query.QueriesBench DUMP [BASELINE]</pre>
 */
public final class QueriesBench {
    public static void main(String[] args) throws Exception {
        Path file = Path.of(args[0]);
        long t0 = System.nanoTime();
        try (HeapDump d = HeapDump.open(file, OpenOptions.DEFAULT, Progress.NONE)) {
            System.out.printf(Locale.ROOT, "open %s: %,d ms, %,d objects%n", file, ms(t0), d.dominatorTree().reachableCount());
            time("inbound index (built once, shared by paths)", () -> d.inboundEdges(Progress.NONE));
            SuspectReport[] suspects = new SuspectReport[1];
            for (int round = 1; round <= 2; round++) {
                System.out.println("round " + round);
                suspects[0] = time("suspects", () -> LeakSuspects.find(d, Progress.NONE));
                time("duplicate strings (top 100)", () -> DuplicateStrings.find(d, 100, false, Progress.NONE));
                time("collection fill", () -> CollectionFill.compute(d, Progress.NONE));
                time("threads", () -> ThreadOverview.compute(d, Progress.NONE));
                time("class loaders", () -> ClassLoaders.compute(d, Progress.NONE));
                String cls = suspects[0].suspects().isEmpty() || suspects[0].suspects().getFirst().container() == null
                        ? "java.lang.String" : suspects[0].suspects().getFirst().container().elementClass();
                WhyAlive.Result why = time("why alive (" + cls + ")", () -> WhyAlive.forClass(d, cls, Progress.NONE));
                System.out.printf(Locale.ROOT, "    %,d instances%n", why.instances());
                long top = d.dominatorTree().topLevel(0);
                time("inspect top dominator", () -> ObjectInspector.inspect(d, top, false, Progress.NONE));
            }
            for (Suspect s : suspects[0].suspects()) {
                System.out.println("  suspect: " + s.title());
            }
            if (args.length > 1) {
                long t1 = System.nanoTime();
                try (HeapDump b = HeapDump.open(Path.of(args[1]), OpenOptions.DEFAULT, Progress.NONE)) {
                    System.out.printf(Locale.ROOT, "open baseline: %,d ms%n", ms(t1));
                    for (int round = 1; round <= 2; round++) {
                        time("compare by class (round " + round + ")", () -> HeapComparison.compare(b, d, false, Progress.NONE));
                        time("compare with packages (round " + round + ")", () -> HeapComparison.compare(b, d, Progress.NONE));
                    }
                }
            }
        }
    }

    private static <T> T time(String what, Supplier<T> query) {
        long t = System.nanoTime();
        T result = query.get();
        System.out.printf(Locale.ROOT, "  %-45s %,8d ms%n", what, ms(t));
        return result;
    }

    private static long ms(long since) {
        return (System.nanoTime() - since) / 1_000_000;
    }
}
