package dev.inquest.cli;

import dev.inquest.capture.CaptureResult;
import dev.inquest.capture.JvmConnection;
import dev.inquest.capture.RecordingRequest;
import dev.inquest.capture.RecordingSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code inquest jvm record PID --duration 60s --out F [--settings NAME] [--json]}. */
@Command(name = "record", mixinStandardHelpOptions = true,
        description = "Record a running JVM for a while (jcmd JFR.start duration=...) and save the recording here "
                + "(also from a remote JVM with --jmx).")
public final class JvmRecordCommand implements Callable<Integer> {
    private static final Pattern DURATION = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(ms|s|m|min|h)?");

    @CommandLine.Mixin
    JvmTarget jvm;

    @CommandLine.Mixin
    OutputFormat format;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @CommandLine.Option(names = "--duration", required = true, paramLabel = "TIME",
            description = "How long to record: 60s, 2m, 1500ms, 1h (a bare number is seconds).")
    String duration;

    @CommandLine.Option(names = "--out", required = true, paramLabel = "FILE", description = "The recording file (.jfr).")
    Path out;

    @CommandLine.Option(names = "--settings", defaultValue = "memory", paramLabel = "NAME",
            description = "memory (default: allocations, old objects with paths to GC roots, GC, heap and native memory), "
                    + "default, profile, or a .jfc file.")
    String settings;

    @Override
    public Integer call() throws Exception {
        jvm.target();
        Duration time = parseDuration();
        RecordingSettings chosen;
        try {
            chosen = RecordingSettings.parse(settings);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--settings: " + e.getMessage() + ".");
        }
        CaptureResult r = Meter.run(progress -> {
            try (JvmConnection c = jvm.connect(progress)) {
                return c.record(new RecordingRequest(out, time, chosen), progress);
            }
        });
        if (format.json()) {
            format.printJson(CaptureJson.result(r));
        } else {
            CaptureJson.print(format.out(), r);
        }
        return 0;
    }

    private Duration parseDuration() {
        Matcher m = DURATION.matcher(duration.strip());
        if (m.matches()) {
            double v = Double.parseDouble(m.group(1));
            String unit = m.group(2) == null ? "s" : m.group(2);
            double millis = switch (unit) {
                case "ms" -> v;
                case "m", "min" -> v * 60_000;
                case "h" -> v * 3_600_000;
                default -> v * 1000;
            };
            if (millis >= 1 && millis <= 7L * 24 * 3_600_000) {
                return Duration.ofMillis((long) millis);
            }
        }
        throw new CommandLine.ParameterException(spec.commandLine(),
                "--duration: '" + duration + "' is not a time from 1 ms to a week: use 60s, 2m, 1500ms or 1h.");
    }
}
