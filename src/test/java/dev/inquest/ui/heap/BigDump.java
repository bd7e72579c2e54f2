package dev.inquest.ui.heap;

import dev.inquest.testing.ChildJvm;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The {@code BigHeap} workload's dump (about 1.1 million objects, 80 MB): one array dominating
 * {@link #WIDE} leaves and {@link #CLASSES} generated classes. Written once under
 * {@code target/} and reused by later runs, since the child JVM takes seconds.
 */
final class BigDump {
    static final int CLASSES = 50_000;
    static final int WIDE = 200_000;
    private static Path file;

    private BigDump() {
    }

    static synchronized Path file() {
        if (file != null) {
            return file;
        }
        try {
            Path dir = Files.createDirectories(Path.of("target", "heapui-big").toAbsolutePath());
            Path dump = dir.resolve("big-" + CLASSES + "-" + WIDE + ".hprof");
            if (!Files.exists(dump)) {
                Path classes = dir.resolve("classes");
                Path src = ChildJvm.workloadSource("BigHeap", dir);
                int rc = javax.tools.ToolProvider.getSystemJavaCompiler().run(null, null, null, "-d", classes.toString(), src.toString());
                if (rc != 0) {
                    throw new IllegalStateException("cannot compile BigHeap");
                }
                Path partial = dir.resolve("partial.hprof");
                Files.deleteIfExists(partial);
                ChildJvm.run(List.of(ChildJvm.java().toString(), "-Xmx512m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                        "-cp", classes.toString(), "BigHeap", partial.toString(),
                        Integer.toString(CLASSES), Integer.toString(WIDE)), dir, 180);
                Files.move(partial, dump);
            }
            file = dump;
            return dump;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
