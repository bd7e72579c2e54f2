package dev.inquest.heap.query;

import dev.inquest.heap.model.HeapDump;
import dev.inquest.heap.model.OpenOptions;
import dev.inquest.progress.Progress;
import dev.inquest.testing.ChildJvm;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The {@code LeakPatterns} workload's dumps (one per pattern, plus two of a growing process),
 * written by one child JVM once per test JVM and shared by every query test.
 */
public final class LeakDumps {
    private static Path dir;

    private LeakDumps() {
    }

    /**
     * Compiles the workload and runs the class rather than the source file: source-file mode loads
     * the compiler into the child, which would make every dump several times larger.
     */
    public static synchronized Path dir() {
        if (dir == null) {
            try {
                Path d = dev.inquest.testing.TempDirs.deletedAtExit("inquest-leaks");
                Path classes = d.resolve("classes");
                Path src = ChildJvm.workloadSource("LeakPatterns", d);
                int rc = javax.tools.ToolProvider.getSystemJavaCompiler().run(null, null, null, "-d", classes.toString(),
                        src.toString());
                if (rc != 0) {
                    throw new IllegalStateException("cannot compile LeakPatterns");
                }
                ChildJvm.run(List.of(ChildJvm.java().toString(), "-Xmx128m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                        "-cp", classes.toString(), "LeakPatterns", d.toString()), d, 180);
                dir = d;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return dir;
    }

    public static Path file(String name) {
        return dir().resolve(name + ".hprof");
    }

    public static HeapDump open(String name) throws IOException {
        return HeapDump.open(file(name), OpenOptions.DEFAULT.withIndexFile(false), Progress.NONE);
    }
}
