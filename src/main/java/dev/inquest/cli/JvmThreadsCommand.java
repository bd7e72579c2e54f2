package dev.inquest.cli;

import dev.inquest.capture.CaptureKind;
import picocli.CommandLine.Command;

/** {@code inquest jvm threads PID [--out F] [--json]} (or {@code --jmx HOST:PORT}). */
@Command(name = "threads", mixinStandardHelpOptions = true, description = "A thread dump of a running JVM, with locks (jcmd Thread.print -l).")
public final class JvmThreadsCommand extends JvmSnapshotVerb {
    @Override
    CaptureKind kind() {
        return CaptureKind.THREAD_DUMP;
    }
}
