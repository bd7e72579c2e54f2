package dev.inquest.jfr;

import dev.inquest.testing.ChildJvm;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The recordings of {@code workloads/RulesWorkload.java}, one per mode, written once per test JVM
 * (the children run side by side: they mostly sleep, and each records about 12 s).
 *
 * @param retained what the mode kept reachable during the recording, as the workload counted it
 * @param classes  the classes it defined in fresh loaders
 */
public record RulesRecordings(Path file, long retained, long classes) {
    public static final List<String> MODES = List.of("leak", "queue", "classleak", "systemgc", "flat");
    private static Map<String, RulesRecordings> all;

    public static synchronized RulesRecordings get(String mode) {
        if (all == null) {
            all = record();
        }
        return all.get(mode);
    }

    private static Map<String, RulesRecordings> record() {
        ExecutorService pool = Executors.newFixedThreadPool(MODES.size());
        try {
            Path dir = Files.createTempDirectory("inquest-rules-test");
            dir.toFile().deleteOnExit();
            Map<String, Future<RulesRecordings>> futures = new LinkedHashMap<>();
            for (String mode : MODES) {
                futures.put(mode, pool.submit(() -> {
                    Path modeDir = Files.createDirectories(dir.resolve(mode));
                    Path out = modeDir.resolve(mode + ".jfr");
                    // A small, fixed young generation: a GC every few hundred milliseconds, so the
                    // rules have enough GCs to judge even on a loaded machine.
                    ChildJvm.Result r = ChildJvm.runWorkload("RulesWorkload", modeDir,
                            List.of("-XX:+UseG1GC", "-Xmx256m", "-Xmn8m"), mode, out.toString(), "12");
                    out.toFile().deleteOnExit();
                    return new RulesRecordings(out, number(r.output(), "retained (\\d+)"), number(r.output(), "classes (\\d+)"));
                }));
            }
            Map<String, RulesRecordings> done = new LinkedHashMap<>();
            for (var e : futures.entrySet()) {
                done.put(e.getKey(), e.getValue().get());
            }
            return done;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (Exception e) {
            throw new AssertionError(e);
        } finally {
            pool.shutdownNow();
        }
    }

    private static long number(String text, String regex) {
        Matcher m = Pattern.compile(regex).matcher(text);
        if (!m.find()) {
            throw new AssertionError("workload output lacks " + regex + ":\n" + text);
        }
        return Long.parseLong(m.group(1));
    }
}
