package dev.inquest.capture;

import dev.inquest.investigation.model.Fingerprint;
import java.nio.file.Path;
import java.time.Instant;

/**
 * A capture saved to a file: what the case keeps as the artifact's provenance.
 *
 * @param kind        what was taken
 * @param file        where it is
 * @param remote      the file is on the remote JVM's machine (a heap dump over JMX), not here
 * @param fingerprint the file's fingerprint, as a case keeps it; null when the file is remote
 * @param jvm         the JVM it came from
 * @param taken       when the capture started
 * @param millis      how long it took
 * @param command     the equivalent jcmd command ("jcmd 4242 GC.heap_dump -gz=1 /tmp/a.hprof.gz")
 */
public record CaptureResult(CaptureKind kind, Path file, boolean remote, Fingerprint fingerprint, JvmIdentity jvm,
        Instant taken, long millis, String command) {
}
