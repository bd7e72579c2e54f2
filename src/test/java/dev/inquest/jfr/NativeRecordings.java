package dev.inquest.jfr;

import dev.inquest.testing.ChildJvm;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Recordings of {@code workloads/NativeMemoryWorkload.java}, written once per test JVM and shared:
 * {@link #growing()} keeps direct buffers and FFM global-arena memory alive while the heap stays
 * flat, with native memory tracking on; {@link #flat()} only makes garbage, without NMT. The heap is
 * fixed and pre-touched ({@code -Xms32m -Xmx32m -XX:+AlwaysPreTouch}) so the committed heap is flat
 * and resident, and the gap between resident set and heap moves only with what is outside it.
 *
 * @param direct bytes the workload kept in direct buffers (as it printed)
 * @param arena  bytes it kept in global-arena segments
 * @param steps  allocation steps (one direct buffer and one segment each when growing)
 */
public record NativeRecordings(Path file, long direct, long arena, int steps) {
    public static final int STEPS = 20;
    private static NativeRecordings growing;
    private static NativeRecordings flat;

    public static synchronized NativeRecordings growing() {
        if (growing == null) {
            growing = record("grow", List.of("-XX:NativeMemoryTracking=summary"));
        }
        return growing;
    }

    public static synchronized NativeRecordings flat() {
        if (flat == null) {
            flat = record("flat", List.of());
        }
        return flat;
    }

    private static NativeRecordings record(String mode, List<String> extra) {
        try {
            Path dir = Files.createTempDirectory("inquest-native-test");
            Path out = dir.resolve(mode + ".jfr");
            List<String> options = new ArrayList<>(List.of("-Xms32m", "-Xmx32m", "-XX:+AlwaysPreTouch",
                    "-XX:MaxDirectMemorySize=1g"));
            options.addAll(extra);
            ChildJvm.Result r = ChildJvm.runWorkload("NativeMemoryWorkload", dir, options, out.toString(), mode,
                    Integer.toString(STEPS));
            dir.toFile().deleteOnExit();
            out.toFile().deleteOnExit();
            return new NativeRecordings(out, number(r.output(), "direct (\\d+)"), number(r.output(), "native (\\d+)"), STEPS);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
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
