package dev.inquest.cli;

import dev.inquest.capture.CaptureKind;
import picocli.CommandLine.Command;

/** {@code inquest jvm native PID [--out F] [--json]} (or {@code --jmx HOST:PORT}). */
@Command(name = "native", mixinStandardHelpOptions = true, description = "The native memory summary of a JVM that runs with -XX:NativeMemoryTracking (jcmd VM.native_memory summary).")
public final class JvmNativeCommand extends JvmSnapshotVerb {
    @Override
    CaptureKind kind() {
        return CaptureKind.NATIVE_MEMORY;
    }
}
