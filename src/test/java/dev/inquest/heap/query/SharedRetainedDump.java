package dev.inquest.heap.query;

import dev.inquest.heap.model.HeapDump;
import dev.inquest.heap.model.OpenOptions;
import dev.inquest.progress.Progress;
import dev.inquest.testing.ChildJvm;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;

/**
 * The {@code SharedRetained} workload's dump (two holders sharing a 200,000-byte payload, and a
 * subclass instance beside them), written by one child JVM once per test JVM and shared by the
 * engine, command-line and window tests of the retained set of a selection.
 */
public final class SharedRetainedDump {
    private static Path file;

    private SharedRetainedDump() {
    }

    public static synchronized Path file() {
        if (file == null) {
            try {
                Path d = dev.inquest.testing.TempDirs.deletedAtExit("inquest-shared-retained");
                Path classes = d.resolve("classes");
                Path src = ChildJvm.workloadSource("SharedRetained", d);
                int rc = javax.tools.ToolProvider.getSystemJavaCompiler().run(null, null, null, "-d", classes.toString(),
                        src.toString());
                if (rc != 0) {
                    throw new IllegalStateException("cannot compile SharedRetained");
                }
                Path f = d.resolve("shared.hprof");
                ChildJvm.run(List.of(ChildJvm.java().toString(), "-Xmx64m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                        "-cp", classes.toString(), "SharedRetained", f.toString()), d, 120);
                file = f;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return file;
    }

    public static HeapDump open() throws IOException {
        return HeapDump.open(file(), OpenOptions.DEFAULT.withIndexFile(false), Progress.NONE);
    }
}
