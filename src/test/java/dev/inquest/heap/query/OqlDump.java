package dev.inquest.heap.query;

import dev.inquest.testing.ChildJvm;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The {@code OqlShapes} workload's dump, written once per test JVM for the query tests (engine and CLI). */
public final class OqlDump {
    private static Path dump;

    private OqlDump() {
    }

    public static synchronized Path path() {
        if (dump == null) {
            try {
                Path dir = dev.inquest.testing.TempDirs.deletedAtExit("inquest-oql");
                Path classes = dir.resolve("classes");
                Path src = ChildJvm.workloadSource("OqlShapes", dir);
                // Compiled, then run as a class: source-file mode would put the compiler in the dump.
                int rc = javax.tools.ToolProvider.getSystemJavaCompiler().run(null, null, null, "-d", classes.toString(), src.toString());
                if (rc != 0) {
                    throw new IllegalStateException("cannot compile OqlShapes");
                }
                Path p = dir.resolve("oql.hprof");
                ChildJvm.run(List.of(ChildJvm.java().toString(), "-Xmx64m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                        "-cp", classes.toString(), "OqlShapes", p.toString()), dir, 120);
                if (!Files.isRegularFile(p)) {
                    throw new IllegalStateException("OqlShapes wrote no dump");
                }
                dump = p;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return dump;
    }
}
