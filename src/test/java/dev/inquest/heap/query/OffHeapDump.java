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
 * The {@code OffHeapBuffers} workload's dump (issue 20): eight 1 MB direct buffers held by
 * {@code OffHeapBuffers.pool}, three views of the first held by {@code OffHeapBuffers.views}, a
 * 256 KB mapped file in {@code OffHeapBuffers.mapped}, two 512 KB direct buffers dropped but not
 * cleaned (the dump is taken without a GC), three threads started with a 512 KB stack. The JVM
 * runs with {@code -Xss768k}, and says so in a system property as Gradle's daemon does
 * ({@code org.gradle.jvmargs}). Written by one child JVM once per test JVM and shared by the
 * engine, command-line and window tests.
 */
public final class OffHeapDump {
    public static final int MB = 1024 * 1024;
    private static Path file;

    private OffHeapDump() {
    }

    public static synchronized Path file() {
        if (file == null) {
            try {
                Path d = dev.inquest.testing.TempDirs.deletedAtExit("inquest-offheap");
                Path classes = d.resolve("classes");
                Path src = ChildJvm.workloadSource("OffHeapBuffers", d);
                int rc = javax.tools.ToolProvider.getSystemJavaCompiler().run(null, null, null, "-d", classes.toString(),
                        src.toString());
                if (rc != 0) {
                    throw new IllegalStateException("cannot compile OffHeapBuffers");
                }
                Path f = d.resolve("offheap.hprof");
                ChildJvm.run(List.of(ChildJvm.java().toString(), "-Xmx64m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                        "-XX:MaxDirectMemorySize=256m", "-Xss768k", "-Dorg.gradle.jvmargs=-Xmx64m -Xss768k",
                        "-cp", classes.toString(), "OffHeapBuffers", f.toString(), d.resolve("mapped.bin").toString()), d, 120);
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
