package dev.inquest.capture;

import java.nio.file.Path;

/**
 * A heap dump to take.
 *
 * @param out  where it goes (on the JVM's machine: for a remote JVM, a path there)
 * @param live only the objects still reachable (the JVM runs a full GC first), as jcmd's default
 * @param gz   compressed as {@code jcmd GC.heap_dump -gz=1} writes it (chunked gzip, compressed here after
 *             the JVM's dump: its dump MBean cannot compress); local JVMs only
 */
public record HeapDumpRequest(Path out, boolean live, boolean gz) {
    public HeapDumpRequest {
        java.util.Objects.requireNonNull(out, "out");
    }
}
