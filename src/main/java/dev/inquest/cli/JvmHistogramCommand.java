package dev.inquest.cli;

import dev.inquest.capture.CaptureKind;
import picocli.CommandLine.Command;

/** {@code inquest jvm histogram PID [--out F] [--json]} (or {@code --jmx HOST:PORT}). */
@Command(name = "histogram", mixinStandardHelpOptions = true, description = "The class histogram of a running JVM (jcmd GC.class_histogram; live objects, after a full GC).")
public final class JvmHistogramCommand extends JvmSnapshotVerb {
    @Override
    CaptureKind kind() {
        return CaptureKind.CLASS_HISTOGRAM;
    }
}
