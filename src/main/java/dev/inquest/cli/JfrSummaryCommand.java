package dev.inquest.cli;

import dev.inquest.jfr.Recording;
import dev.inquest.jfr.summary.RecordingSummary;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code inquest jfr summary RECORDING [--json]}. */
@Command(name = "summary", mixinStandardHelpOptions = true,
        description = "JVM, duration, chunks and event counts by type of a flight recording (.jfr or .jfr.gz).")
public final class JfrSummaryCommand implements Callable<Integer> {
    @CommandLine.Mixin
    RecordingArgument input;

    @CommandLine.Mixin
    OutputFormat output;

    @Override
    public Integer call() throws Exception {
        RecordingSummary s = Meter.run(progress -> {
            try (Recording source = input.open(progress)) {
                return source.summary(progress);
            }
        });
        if (output.json()) {
            output.printJson(s);
            return 0;
        }
        PrintWriter out = output.out();
        out.printf(Locale.ROOT, "file      %s%n", s.file());
        out.printf(Locale.ROOT, "jvm       %s%n", s.jvm());
        if (s.gc() != null) {
            out.printf(Locale.ROOT, "gc        %s%n", s.gc());
        }
        if (s.maxHeapBytes() > 0) {
            out.printf(Locale.ROOT, "heap      initial %d MB, max %d MB%n", s.initialHeapBytes() >> 20, s.maxHeapBytes() >> 20);
        }
        out.printf(Locale.ROOT, "start     %s%n", s.start());
        out.printf(Locale.ROOT, "duration  %.1f s%n", s.durationMillis() / 1000.0);
        out.printf(Locale.ROOT, "chunks    %d%n", s.chunks());
        out.printf(Locale.ROOT, "events    %,d%n", s.events());
        // Said in so many words (like heap summary's Truncated row): a skipped chunk's note alone reads as a remark.
        out.println("truncated " + (s.truncated() ? "yes: events are missing (" + s.problems().size()
                + (s.problems().size() == 1 ? " problem" : " problems") + ", below); the figures count the chunks read"
                : "no"));
        for (String note : s.notes()) {
            out.println("note      " + note);
        }
        s.byType().entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .forEach(e -> out.printf(Locale.ROOT, "  %12d  %s%n", e.getValue(), e.getKey()));
        out.flush();
        return 0;
    }
}
