package dev.inquest.heap.model;

import dev.inquest.testing.ChildJvm;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The {@code HeapShapes} workload's dumps, written once per test JVM and shared by the test
 * classes that need a real HotSpot dump (each child JVM costs seconds).
 */
final class ShapesDump {
    private static Path dir;
    private static Path plain;
    private static Path chunked;

    private ShapesDump() {
    }

    static synchronized Path dir() {
        if (dir == null) {
            try {
                dir = dev.inquest.testing.TempDirs.deletedAtExit("inquest-shapes");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return dir;
    }

    static synchronized Path plain() {
        if (plain == null) {
            Path p = dir().resolve("shapes.hprof");
            run(p.toString());
            plain = p;
        }
        return plain;
    }

    static synchronized Path chunkedGzip() {
        if (chunked == null) {
            Path p = dir().resolve("shapes-jcmd.hprof.gz");
            run(p.toString(), "gz");
            chunked = p;
        }
        return chunked;
    }

    /**
     * Compiles the workload once and runs the class rather than the source file: source-file mode
     * loads the compiler into the child, which would make its dump five times larger and every
     * test that reads it slower.
     */
    private static void run(String... args) {
        Path classes = dir().resolve("classes");
        if (!Files.isDirectory(classes)) {
            Path src = ChildJvm.workloadSource("HeapShapes", dir());
            int rc = javax.tools.ToolProvider.getSystemJavaCompiler().run(null, null, null, "-d", classes.toString(), src.toString());
            if (rc != 0) {
                throw new IllegalStateException("cannot compile HeapShapes");
            }
        }
        List<String> cmd = new java.util.ArrayList<>();
        cmd.add(ChildJvm.java().toString());
        cmd.addAll(jvm());
        cmd.addAll(List.of("-cp", classes.toString(), "HeapShapes"));
        cmd.addAll(List.of(args));
        ChildJvm.run(cmd, dir(), 120);
    }

    private static List<String> jvm() {
        return List.of("-Xmx64m", "-XX:+UseCompressedOops", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1");
    }
}
