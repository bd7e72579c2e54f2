package dev.inquest.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.inquest.jfr.Recording;
import dev.inquest.jfr.summary.RecordingSummary;
import dev.inquest.progress.ConsoleProgress;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code inquest jfr summary RECORDING [--json]}. */
@Command(name = "summary", mixinStandardHelpOptions = true,
        description = "JVM, duration, chunks and event counts by type of a flight recording (.jfr or .jfr.gz).")
public final class JfrSummaryCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "RECORDING")
    Path file;

    @Option(names = "--json", description = "Print JSON: {file, jvm, start, durationMillis, chunks, events, byType, truncated, ...}.")
    boolean json;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    static ObjectMapper mapper() {
        return new ObjectMapper().registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .enable(SerializationFeature.INDENT_OUTPUT);
    }

    @Override
    public Integer call() throws Exception {
        ConsoleProgress progress = ConsoleProgress.forStderr();
        RecordingSummary s;
        try (Recording source = Recording.open(file, progress)) {
            s = source.summary(progress);
        } finally {
            progress.finish();
        }
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(mapper().writeValueAsString(s));
        } else {
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
            for (String note : s.notes()) {
                out.println("note      " + note);
            }
            s.byType().entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                    .forEach(e -> out.printf(Locale.ROOT, "  %12d  %s%n", e.getValue(), e.getKey()));
        }
        out.flush();
        return 0;
    }
}
