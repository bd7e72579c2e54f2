package dev.inquest.demo;

import dev.inquest.demo.service.LeakyService;
import dev.inquest.format.Units;
import dev.inquest.heap.model.Grouping;
import dev.inquest.heap.model.HeapDump;
import dev.inquest.heap.model.HistogramRow;
import dev.inquest.heap.model.OpenOptions;
import dev.inquest.investigation.artifact.ArtifactFiles;
import dev.inquest.investigation.model.Case;
import dev.inquest.investigation.model.Evidence;
import dev.inquest.investigation.model.EvidenceKind;
import dev.inquest.investigation.model.EvidenceView;
import dev.inquest.investigation.model.Locator;
import dev.inquest.investigation.model.NextStep;
import dev.inquest.investigation.model.Priority;
import dev.inquest.investigation.model.Section;
import dev.inquest.investigation.session.CaseSession;
import dev.inquest.investigation.session.Edits;
import dev.inquest.progress.Progress;
import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * Runs the bundled leaky service ({@link LeakyService}) in a child JVM and turns what it wrote into
 * a case: real files from a real JVM, so a new user sees every view working on their machine.
 *
 * <p>Writes {@code baseline.hprof}, {@code after.hprof}, {@code service.jfr} and {@code demo.inquest}
 * into the folder; files of an earlier demo there are replaced.
 */
public final class Demo {
    public static final String CASE_FILE = "demo.inquest";
    /** The class the service leaks, as heap dumps name it. */
    public static final String LEAKING_CLASS = LeakyService.class.getName() + "$Receipt";

    private static final int TIMEOUT_SECONDS = 300;

    private Demo() {
    }

    /**
     * Where the window keeps its demo: {@code DIR/demo} with {@code -Dinquest.home=DIR} (tests),
     * else the user's data folder ({@code $XDG_DATA_HOME/inquest/demo}, {@code ~/.local/share/inquest/demo};
     * {@code %LOCALAPPDATA%\Inquest\demo} on Windows; {@code ~/Library/Application Support/Inquest/demo} on macOS).
     */
    public static Path defaultDir() {
        String home = System.getProperty("inquest.home");
        if (home != null) {
            return Path.of(home, "demo");
        }
        String os = System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT);
        String user = System.getProperty("user.home");
        if (os.startsWith("windows") && System.getenv("LOCALAPPDATA") != null) {
            return Path.of(System.getenv("LOCALAPPDATA"), "Inquest", "demo");
        }
        if (os.startsWith("mac")) {
            return Path.of(user, "Library", "Application Support", "Inquest", "demo");
        }
        String xdg = System.getenv("XDG_DATA_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(user, ".local", "share");
        return base.resolve("inquest").resolve("demo");
    }

    /** The files a finished demo in {@code dir} left, case first; empty when a file is missing. */
    public static List<Path> existing(Path dir) {
        List<Path> files = List.of(dir.resolve(CASE_FILE), dir.resolve("after.hprof"), dir.resolve("baseline.hprof"),
                dir.resolve("service.jfr"));
        return files.stream().allMatch(Files::isRegularFile) ? files : List.of();
    }

    public static DemoResult run(Path dir, DemoOptions options, Progress progress) throws IOException {
        long t0 = System.nanoTime();
        Files.createDirectories(dir);
        Path baseline = dir.resolve("baseline.hprof");
        Path after = dir.resolve("after.hprof");
        Path jfr = dir.resolve("service.jfr");
        Path caseFile = dir.resolve(CASE_FILE);
        for (Path p : List.of(baseline, after, jfr, caseFile)) {
            Files.deleteIfExists(p);
        }
        int[] leaked = runService(dir, options, progress);

        progress.phase("Comparing the two heap dumps", -1, Progress.Unit.ITEMS);
        // The engines' own phases would drown the demo's few steps: pass on only cancellation.
        Progress quiet = Progress.cancelledWith(progress);
        Map<String, Long> before = counts(baseline, quiet);
        Map<String, Long> later = counts(after, quiet);
        String grewMost = null;
        long grewBy = Long.MIN_VALUE;
        for (Map.Entry<String, Long> e : later.entrySet()) {
            if (!applicationClass(e.getKey())) {
                continue;
            }
            long d = e.getValue() - before.getOrDefault(e.getKey(), 0L);
            if (d > grewBy) {
                grewBy = d;
                grewMost = e.getKey();
            }
        }
        progress.checkCancelled();
        progress.phase("Writing the case", -1, Progress.Unit.ITEMS);
        writeCase(dir, caseFile, List.of(baseline, after, jfr), leaked, grewMost, grewBy,
                before.getOrDefault(LEAKING_CLASS, 0L), later.getOrDefault(LEAKING_CLASS, 0L));
        long ms = (System.nanoTime() - t0) / 1_000_000;
        return new DemoResult(baseline, after, jfr, caseFile, LEAKING_CLASS, leaked[0], leaked[1], grewMost, grewBy, ms);
    }

    /**
     * Arrays and JDK classes grow along with any leak (the receipt's byte[], the map's nodes); the
     * finding names the service's own class, which is where a reader starts.
     */
    static boolean applicationClass(String name) {
        return !name.endsWith("[]") && !name.startsWith("java.") && !name.startsWith("javax.")
                && !name.startsWith("jdk.") && !name.startsWith("sun.") && !name.startsWith("com.sun.");
    }

    /** The child's command: this JVM's java and class path, so the service is the one in this build. */
    static List<String> command(Path dir, DemoOptions options) {
        return command(dir, options, System.getProperty("java.class.path"));
    }

    static List<String> command(Path dir, DemoOptions options, String classPath) {
        Path java = Path.of(System.getProperty("java.home"), "bin", isWindows() ? "java.exe" : "java");
        List<String> cmd = new ArrayList<>();
        cmd.add(java.toString());
        // A fixed, small heap keeps the dumps the same size on every machine.
        cmd.add("-Xmx256m");
        // A sample is taken when an allocation needs a new TLAB, and large objects trigger most
        // refills: with adaptive TLABs a run this short sampled the 24-byte receipt 0 to 15 times.
        // Small fixed TLABs give some 1,700 samples, 50 or more of them receipts.
        cmd.add("-XX:TLABSize=16k");
        cmd.add("-XX:-ResizeTLAB");
        cmd.add("-cp");
        // Absolute entries: the child runs in DIR, where "java -jar target/inquest.jar"'s relative
        // class path would name nothing.
        cmd.add(Arrays.stream(classPath.split(File.pathSeparator))
                .filter(e -> !e.isEmpty()).map(e -> Path.of(e).toAbsolutePath().toString())
                .collect(Collectors.joining(File.pathSeparator)));
        cmd.add(LeakyService.class.getName());
        cmd.add(dir.toAbsolutePath().toString());
        cmd.add(Integer.toString(options.ordersBefore()));
        cmd.add(Integer.toString(options.ordersAfter()));
        return cmd;
    }

    private static boolean isWindows() {
        return System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT).startsWith("windows");
    }

    /** Runs the service, relaying its steps as progress phases; returns the receipts it held at each dump. */
    private static int[] runService(Path dir, DemoOptions options, Progress progress) throws IOException {
        List<String> cmd = command(dir, options);
        Path log = dir.resolve("service.log");
        Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true).start();
        int[] leaked = null;
        List<String> output = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                output.add(line);
                if (line.startsWith("step ")) {
                    progress.phase("Demo service: " + line.substring(5), -1, Progress.Unit.ITEMS);
                } else if (line.startsWith("leaked ")) {
                    String[] f = line.split(" ");
                    leaked = new int[] {Integer.parseInt(f[1]), Integer.parseInt(f[2])};
                }
                if (progress.isCancelled()) {
                    p.destroyForcibly();
                    progress.checkCancelled();
                }
            }
            if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IOException("the demo service did not finish in " + TIMEOUT_SECONDS + " s");
            }
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while the demo service ran", e);
        }
        Files.write(log, output, StandardCharsets.UTF_8);
        if (p.exitValue() != 0 || leaked == null) {
            throw new IOException("the demo service failed (exit " + p.exitValue() + "); its output is in " + log
                    + (output.isEmpty() ? "" : ": " + output.getLast()));
        }
        return leaked;
    }

    private static Map<String, Long> counts(Path dump, Progress progress) throws IOException {
        // No index file: each dump is read once here, and the window builds its own when the user opens it.
        try (HeapDump h = HeapDump.open(dump, OpenOptions.DEFAULT.withIndexFile(false), progress)) {
            Map<String, Long> out = new HashMap<>();
            for (HistogramRow row : h.histogram(Grouping.CLASS)) {
                out.merge(row.name(), row.count(), Long::sum);
            }
            return out;
        }
    }

    private static void writeCase(Path dir, Path caseFile, List<Path> files, int[] leaked, String grewMost,
                                  long grewBy, long countBefore, long countAfter) throws IOException {
        CaseSession s = CaseSession.create(caseFile, Case.create("Demo: the order service's memory keeps growing",
                LocalDate.now()));
        s.apply(Edits.summary("The demo order service's heap grows with every order. Two heap dumps and a flight "
                + "recording from one run are attached; the first hypothesis is the receipt cache."));
        s.apply(Edits.addItem(Section.CONTEXT, "A small order-processing service bundled with Inquest, run by "
                + "`inquest demo` in a child JVM on this machine (-Xmx256m)."));
        s.apply(Edits.addItem(Section.CONTEXT, "Orders pass through a bounded queue and are priced with throwaway "
                + "strings and arrays (churn); each order's receipt is put in a cache map keyed by order id."));
        s.apply(Edits.addItem(Section.CONTEXT, "`baseline.hprof` was dumped after " + Units.count(leaked[0]) + " orders, "
                + "`after.hprof` after " + Units.count(leaked[1]) + "; `service.jfr` covers the whole run with allocation "
                + "sampling and old-object samples with paths to GC roots."));
        List<String> ids = new ArrayList<>();
        for (Path f : files) {
            s.apply(Edits.addArtifact(ArtifactFiles.describe(f, dir)));
            ids.add(s.current().artifacts().getLast().id());
        }
        s.apply(Edits.addItem(Section.FINDINGS, "Between the two dumps, `" + grewMost + "` grew by " + Units.count(grewBy)
                + " instances, more than any other class of the service (arrays and JDK classes aside)."));
        s.apply(Edits.addHypothesis("The order cache never evicts"));
        String h = s.current().hypotheses().getLast().id();
        s.apply(Edits.pinEvidence(h, Evidence.builder(EvidenceKind.HISTOGRAM_DELTA)
                .summary("`" + LEAKING_CLASS + "` instances grew from " + Units.count(countBefore) + " to " + Units.count(countAfter)
                        + " between the baseline and the second dump")
                .count("before", countBefore)
                .count("after", countAfter)
                .count("delta", countAfter - countBefore)
                .source(ids.get(1), EvidenceView.HEAP_HISTOGRAM, new Locator.HeapClass(LEAKING_CLASS))
                .build(), Instant.now()));
        s.apply(Edits.addNextStep(NextStep.of("Find what holds the `Receipt` instances: open after.hprof, "
                + "Dominators, and follow the path to GC roots of the biggest holder")
                .withPriority(Priority.P1).withHypothesis(h)));
        if (!s.save()) {
            throw s.saveProblem().orElse(new IOException("could not save " + caseFile));
        }
    }
}
