package dev.inquest.cli;

import dev.inquest.capture.CaptureKind;
import dev.inquest.capture.CaptureResult;
import dev.inquest.capture.JvmConnection;
import dev.inquest.capture.TextSnapshot;
import dev.inquest.progress.Progress;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;

/** What {@code jvm histogram}, {@code jvm threads} and {@code jvm native} share: print the JVM's text, or save it. */
abstract class JvmSnapshotVerb implements Callable<Integer> {
    @CommandLine.Mixin
    JvmTarget jvm;

    @CommandLine.Mixin
    OutputFormat format;

    @CommandLine.Option(names = "--out", paramLabel = "FILE", description = "Also save the text to FILE (a case artifact).")
    Path out;

    abstract CaptureKind kind();

    @Override
    public Integer call() throws Exception {
        jvm.target();
        TextSnapshot s;
        try (JvmConnection c = jvm.connect(Progress.NONE)) {
            s = c.snapshot(kind());
        }
        CaptureResult saved = out == null ? null : JvmConnection.save(s, out);
        if (format.json()) {
            format.printJson(CaptureJson.snapshot(s, saved));
            return 0;
        }
        if (saved != null) {
            // The text went to the file; say where, on stderr, so stdout stays the JVM's text.
            format.err().println("inquest: saved to " + saved.file() + "; equivalent: " + s.command());
            format.err().flush();
        }
        format.out().print(s.text().endsWith("\n") ? s.text() : s.text() + "\n");
        format.out().flush();
        return 0;
    }
}
