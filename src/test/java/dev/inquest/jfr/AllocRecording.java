package dev.inquest.jfr;

import dev.inquest.testing.ChildJvm;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The recording of {@code workloads/JfrAllocWorkload.java}, written once per test JVM and shared
 * by the JFR test classes (a child JVM costs seconds; the recording is read-only).
 *
 * @param bytesEighty what HotSpot counted as allocated by thread "alloc-eighty"
 */
public record AllocRecording(Path file, long bytesEighty, long bytesTwenty) {
    private static AllocRecording instance;

    public static synchronized AllocRecording get() {
        if (instance == null) {
            try {
                Path dir = Files.createTempDirectory("inquest-jfr-test");
                Path out = dir.resolve("alloc.jfr");
                ChildJvm.Result r = ChildJvm.runWorkload("JfrAllocWorkload", dir, List.of("-Xmx256m"), out.toString(), "200");
                instance = new AllocRecording(out, number(r.output(), "thread alloc-eighty (\\d+)"),
                        number(r.output(), "thread alloc-twenty (\\d+)"));
                dir.toFile().deleteOnExit();
                out.toFile().deleteOnExit();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return instance;
    }

    private static long number(String text, String regex) {
        Matcher m = Pattern.compile(regex).matcher(text);
        if (!m.find()) {
            throw new AssertionError("workload output lacks " + regex + ":\n" + text);
        }
        return Long.parseLong(m.group(1));
    }

    /** Event counts by type as the JDK's own {@code jfr summary} tool reports them: an independent oracle. */
    public static java.util.Map<String, Long> jdkSummaryCounts(Path recording) {
        Path jfr = ChildJvm.java().resolveSibling("jfr");
        ChildJvm.Result r = ChildJvm.run(List.of(jfr.toString(), "summary", recording.toString()),
                recording.getParent(), 120);
        java.util.Map<String, Long> counts = new java.util.TreeMap<>();
        Matcher m = Pattern.compile("(?m)^ (\\S+)\\s+(\\d+)\\s+\\d+\\s*$").matcher(r.output());
        while (m.find()) {
            counts.put(m.group(1), Long.parseLong(m.group(2)));
        }
        return counts;
    }
}
