package dev.inquest.heap.query;

import com.sun.management.OperatingSystemMXBean;
import dev.inquest.heap.index.DumpInternals;
import dev.inquest.heap.model.HeapDump;
import dev.inquest.heap.model.OpenOptions;
import dev.inquest.progress.Progress;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Not a test: times every query on one dump (and the comparison against a baseline when given).
 * The dump is opened first (from its index file when there is one); each query is then timed on
 * its own, twice: cold (first run in this JVM: JIT, page cache, per-dump caches still empty) and
 * warm. Wall time and process CPU time (all threads: some queries run in parallel) are recorded;
 * with {@code -Dbench.out=FILE} the table is also written as Markdown, with the machine, the load
 * average before and after, and {@code -Dbench.command} (the command line that ran it).
 *
 * <pre>java -Xmx4g -cp target/classes:target/test-classes:DEPS dev.inquest.heap.query.QueriesBench DUMP [BASELINE]</pre>
 */
public final class QueriesBench {
    private static final OperatingSystemMXBean OS = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

    /** One query's two runs. */
    private static final class Row {
        final String name;
        long[] wall = new long[2];
        long[] cpu = new long[2];
        String result = "";

        Row(String name) {
            this.name = name;
        }
    }

    private static final Map<String, Row> ROWS = new LinkedHashMap<>();
    /** Runs of each query: the first is the cold one, the warm figures are the best of the others (the box is shared). */
    private static final int ROUNDS = Math.max(2, Integer.getInteger("bench.rounds", 3));

    public static void main(String[] args) throws Exception {
        Path file = Path.of(args[0]);
        String loadBefore = loadAverage();
        long t0 = System.nanoTime();
        long c0 = OS.getProcessCpuTime();
        long objects;
        long openMs;
        long openCpu;
        List<String> notes = new ArrayList<>();
        try (HeapDump d = HeapDump.open(file, OpenOptions.DEFAULT, Progress.NONE)) {
            openMs = ms(t0);
            openCpu = (OS.getProcessCpuTime() - c0) / 1_000_000;
            objects = DumpInternals.of(d).dominatorTree().reachableCount();
            System.out.printf(Locale.ROOT, "open %s: %,d ms (cpu %,d ms), %,d objects%n", file, openMs, openCpu, objects);
            // Built by the first query that needs them otherwise: timed apart, so the cold rows compare with the warm ones.
            // Each is built and kept beside the index on a dump's first run, and mapped from there on later runs.
            time(0, "inbound index (once per dump, shared by paths)", () -> DumpInternals.of(d).inboundEdges(Progress.NONE), x -> origin(d));
            time(0, "class instance index (once per dump, shared)", () -> ClassInstances.of(d, Progress.NONE), x -> origin(d));
            time(0, "shortest strong paths (once per dump, why-alive)", () -> WhyAlive.StrongParents.of(d, Progress.NONE),
                    x -> origin(d));
            DumpInternals.of(d).derivedStore().awaitSaves(); // the files are written in the background: not during the timed queries
            SuspectReport[] suspects = new SuspectReport[1];
            for (int round = 0; round < ROUNDS; round++) {
                System.out.println("round " + (round + 1));
                suspects[0] = time(round, "suspects", () -> LeakSuspects.find(d, Progress.NONE),
                        r -> r.suspects().size() + " suspects");
                time(round, "duplicate strings (top 100)", () -> DuplicateStrings.find(d, 100, false, Progress.NONE), QueriesBench::rows);
                time(round, "duplicate objects by key (top 100)", () -> DuplicateObjects.find(d, 100, false, Progress.NONE),
                        QueriesBench::rows);
                time(round, "collection fill", () -> CollectionFill.compute(d, Progress.NONE), QueriesBench::rows);
                time(round, "threads", () -> ThreadOverview.compute(d, Progress.NONE), QueriesBench::rows);
                time(round, "class loaders", () -> ClassLoaders.compute(d, Progress.NONE),
                        r -> r.loaders().size() + " loaders, " + r.duplicatedClasses().size() + " duplicated classes");
                String cls = suspects[0].suspects().isEmpty() || suspects[0].suspects().getFirst().container() == null
                        ? "java.lang.String" : suspects[0].suspects().getFirst().container().elementClass();
                time(round, "why alive (" + cls + ")", () -> WhyAlive.forClass(d, cls, Progress.NONE),
                        r -> String.format(Locale.ROOT, "%,d instances, %d top rows", r.instances(), r.roots().size()));
                // Issue 19's query language: a WHERE on a field over a class of 1.9M instances, a GROUP
                // BY over every object, and how soon the first row of a streamed query arrives.
                time(round, "OQL: WHERE on a field, 1.9M instances", () -> oql(d,
                        "SELECT e.name, e.code FROM HeapWorkload$Event e WHERE e.code > 495"),
                        r -> String.format(Locale.ROOT, "%,d rows", r.rows().size()));
                time(round, "OQL: GROUP BY class over all objects", () -> oql(d,
                        "SELECT toString(classof(o)) AS cls, count(*) AS n, sum(o.@usedHeapSize) AS shallow"
                                + " FROM INSTANCEOF java.lang.Object o GROUP BY toString(classof(o))"),
                        r -> String.format(Locale.ROOT, "%,d groups", r.rows().size()));
                long[] firstRow = {-1};
                time(round, "OQL: first streamed row (all Strings, LIKE)", () -> {
                    // The clock starts with the query, after time()'s full GC.
                    long streamStart = System.nanoTime();
                    try {
                        return OqlQuery.parse("SELECT s FROM java.lang.String s WHERE toString(s) LIKE \"session-f.*\"")
                                .run(d, -1, row -> {
                                    if (firstRow[0] < 0) {
                                        firstRow[0] = ms(streamStart);
                                    }
                                }, Progress.NONE);
                    } catch (QuerySyntaxError e) {
                        throw new IllegalStateException(e);
                    }
                }, r -> String.format(Locale.ROOT, "%,d rows, first after %,d ms", r.rows().size(), firstRow[0]));
                long top = DumpInternals.of(d).dominatorTree().topLevel(0);
                time(round, "inspect top dominator", () -> ObjectInspector.inspect(d, top, false, Progress.NONE),
                        r -> r.retainedSet().size() + " classes in the retained set");
            }
            for (Suspect s : suspects[0].suspects()) {
                System.out.println("  suspect: " + s.title());
                notes.add("suspect: " + s.title());
            }
            if (args.length > 1) {
                long t1 = System.nanoTime();
                try (HeapDump b = HeapDump.open(Path.of(args[1]), OpenOptions.DEFAULT, Progress.NONE)) {
                    System.out.printf(Locale.ROOT, "open baseline %s: %,d ms, %,d objects%n", args[1], ms(t1),
                            DumpInternals.of(b).dominatorTree().reachableCount());
                    notes.add(String.format(Locale.ROOT, "baseline: %s (%,d objects)", Path.of(args[1]).getFileName(),
                            DumpInternals.of(b).dominatorTree().reachableCount()));
                    for (int round = 0; round < ROUNDS; round++) {
                        Comparison byClass = time(round, "compare by class (+ dominator paths)",
                                () -> HeapComparison.compare(b, d, false, Progress.NONE), QueriesBench::comparison);
                        time(round, "compare with packages", () -> HeapComparison.compare(b, d, Progress.NONE),
                                c -> comparison(c) + ", " + c.packages().size() + " packages");
                        if (round == ROUNDS - 1 && !byClass.classes().isEmpty()) {
                            ClassDelta g = byClass.classes().getFirst();
                            notes.add(String.format(Locale.ROOT, "grew most: %s %+,d instances, %+,d bytes retained",
                                    g.name(), g.countDelta(), g.retainedDelta()));
                        }
                    }
                }
            }
        }
        String out = System.getProperty("bench.out");
        if (out != null) {
            write(Path.of(out), file, objects, openMs, openCpu, loadBefore, loadAverage(), notes);
            System.out.println("table written to " + out);
        }
    }

    private static int loadsSeen;

    /** Whether the structure just timed came from the derived store or was built (and is being stored). */
    private static String origin(HeapDump d) {
        int loads = DumpInternals.of(d).derivedStore().loads();
        String origin = loads > loadsSeen ? "mapped from the stored file" : "built (stored for the next open)";
        loadsSeen = loads;
        return origin;
    }

    private static String rows(Collection<?> c) {
        return c.size() + " rows";
    }

    private static String comparison(Comparison c) {
        return c.classes().size() + " classes, " + c.dominators().size() + " grown dominators";
    }

    private static OqlResult oql(HeapDump d, String query) {
        try {
            return OqlQuery.parse(query).run(d, -1, null, Progress.NONE);
        } catch (QuerySyntaxError e) {
            throw new IllegalStateException(query + ": " + e.getMessage(), e);
        }
    }

    private static <T> T time(int round, String what, Supplier<T> query, Function<T, String> size) {
        // Collect the previous query's garbage first: process CPU counts the GC threads, and one
        // query's leftovers (arrays of millions of entries) would otherwise be billed to the next.
        System.gc();
        long t = System.nanoTime();
        long c = OS.getProcessCpuTime();
        T result = query.get();
        long wall = ms(t);
        long cpu = (OS.getProcessCpuTime() - c) / 1_000_000;
        Row row = ROWS.computeIfAbsent(what, Row::new);
        int slot = Math.min(round, 1);
        if (slot == 0 || row.wall[1] == 0 || wall < row.wall[1]) {
            row.wall[slot] = wall;
        }
        if (slot == 0 || row.cpu[1] == 0 || cpu < row.cpu[1]) {
            row.cpu[slot] = cpu;
        }
        row.result = size.apply(result);
        // A digest of the whole answer, so two builds can be checked to give the same results.
        System.out.printf(Locale.ROOT, "  %-52s %,8d ms  cpu %,8d ms  %s  [digest %08x]%n", what, wall, cpu, row.result,
                deep(result).hashCode());
        return result;
    }

    /** The value as text, record components and array elements included (a record's own toString prints arrays by identity). */
    private static String deep(Object o) {
        if (o instanceof Record r) {
            StringBuilder s = new StringBuilder(r.getClass().getSimpleName()).append('[');
            for (var c : r.getClass().getRecordComponents()) {
                try {
                    s.append(c.getName()).append('=').append(deep(c.getAccessor().invoke(r))).append(", ");
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException(e);
                }
            }
            return s.append(']').toString();
        }
        if (o instanceof Collection<?> c) {
            StringBuilder s = new StringBuilder("[");
            for (Object x : c) {
                s.append(deep(x)).append(", ");
            }
            return s.append(']').toString();
        }
        if (o instanceof long[] a) {
            return java.util.Arrays.toString(a);
        }
        return String.valueOf(o);
    }

    private static void write(Path out, Path dump, long objects, long openMs, long openCpu, String loadBefore,
                              String loadAfter, List<String> notes) throws IOException {
        StringBuilder s = new StringBuilder();
        s.append("## Heap queries\n\n");
        s.append(String.format(Locale.ROOT, "Dump `%s` (%,d MB, %,d reachable objects), opened from its index in %,d ms "
                + "(cpu %,d ms).  \n", dump.getFileName(), Files.size(dump) >> 20, objects, openMs, openCpu));
        s.append("Machine: ").append(machine()).append(".  \n");
        s.append("Load average (1/5/15 min) before: ").append(loadBefore).append("; after: ").append(loadAfter).append(".  \n");
        s.append("Date: ").append(Instant.now().truncatedTo(ChronoUnit.SECONDS)).append(".  \n");
        s.append("Command: `").append(System.getProperty("bench.command", "QueriesBench " + dump)).append("`\n\n");
        s.append("Cold = first run in the JVM (JIT and per-dump caches empty), warm = best of the next " + (ROUNDS - 1)
                + " runs (wall and CPU each). CPU = process CPU time (all threads, GC included) during the query; a full GC runs "
                + "before each query so none pays for the previous one's garbage.\n\n");
        s.append("| query | cold wall | cold CPU | warm wall | warm CPU | result |\n|---|---:|---:|---:|---:|---|\n");
        for (Row r : ROWS.values()) {
            boolean once = r.name.contains("built once");
            s.append(String.format(Locale.ROOT, "| %s | %s | %s | %s | %s | %s |%n", r.name, sec(r.wall[0]), sec(r.cpu[0]),
                    once ? "-" : sec(r.wall[1]), once ? "-" : sec(r.cpu[1]), r.result));
        }
        s.append('\n');
        for (String n : notes) {
            s.append("- ").append(n).append('\n');
        }
        Files.createDirectories(out.toAbsolutePath().getParent());
        Files.writeString(out, s.toString());
    }

    private static String sec(long ms) {
        return ms < 1000 ? ms + " ms" : String.format(Locale.ROOT, "%.2f s", ms / 1000.0);
    }

    private static String machine() {
        String cpu = "unknown CPU";
        try {
            for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
                if (line.startsWith("model name")) {
                    cpu = line.substring(line.indexOf(':') + 1).trim();
                    break;
                }
            }
        } catch (IOException | RuntimeException e) {
            // Not Linux: the CPU model is a nicety.
        }
        return String.format(Locale.ROOT, "%s, %d cores, %,d GB RAM, %s %s, Java %s, -Xmx%,d MB", cpu,
                Runtime.getRuntime().availableProcessors(), OS.getTotalMemorySize() >> 30, System.getProperty("os.name"),
                System.getProperty("os.arch"), System.getProperty("java.version"), Runtime.getRuntime().maxMemory() >> 20);
    }

    private static String loadAverage() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return f[0] + " / " + f[1] + " / " + f[2];
        } catch (IOException | RuntimeException e) {
            return String.format(Locale.ROOT, "%.2f", OS.getSystemLoadAverage());
        }
    }

    private static long ms(long since) {
        return (System.nanoTime() - since) / 1_000_000;
    }
}
