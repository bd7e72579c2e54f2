package dev.inquest.capture;

import java.nio.file.Path;

/**
 * A heap dump to take.
 *
 * @param out  where it goes (on the JVM's machine: for a remote JVM, a path there)
 * @param live only the objects still reachable (the JVM runs a full GC first), as jcmd's default
 * @param gz   compressed ({@code -gz=1}), when the JVM supports it (JDK 15 and later)
 */
public record HeapDumpRequest(Path out, boolean live, boolean gz) {
    public HeapDumpRequest {
        java.util.Objects.requireNonNull(out, "out");
    }
}
