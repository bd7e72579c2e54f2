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
 * cleaned (the dump is taken without a GC), a 256 KB one held after its cleaner ran, three threads
 * started with a 512 KB stack. The JVM
 * runs with {@code -Xss768k}, and says so in a system property as Gradle's daemon does
 * ({@code org.gradle.jvmargs}). Written by one child JVM once per test JVM and shared by the
 * engine, command-line and window tests.
 */
public final class OffHeapDump {
    public static final int MB = 1024 * 1024;
    private static Path dir;
    private static Path file;
    private static Path afterGc;

    private OffHeapDump() {
    }

    public static synchronized Path file() {
        if (file == null) {
            file = write("offheap.hprof");
        }
        return file;
    }

    /** The same workload dumped after a GC ({@code live=true}): the dropped buffers are gone, their deallocators not. */
    public static synchronized Path afterGc() {
        if (afterGc == null) {
            afterGc = write("offheap-live.hprof", "live");
        }
        return afterGc;
    }

    private static Path write(String name, String... more) {
        try {
            if (dir == null) {
                dir = dev.inquest.testing.TempDirs.deletedAtExit("inquest-offheap");
                Path src = ChildJvm.workloadSource("OffHeapBuffers", dir);
                int rc = javax.tools.ToolProvider.getSystemJavaCompiler().run(null, null, null, "-d",
                        dir.resolve("classes").toString(), src.toString());
                if (rc != 0) {
                    throw new IllegalStateException("cannot compile OffHeapBuffers");
                }
            }
            Path f = dir.resolve(name);
            List<String> cmd = new java.util.ArrayList<>(List.of(ChildJvm.java().toString(), "-Xmx64m", "-XX:+UseSerialGC",
                    "-XX:TieredStopAtLevel=1", "-XX:MaxDirectMemorySize=256m", "-Xss768k",
                    "-Dorg.gradle.jvmargs=-Xmx64m -Xss768k", "-cp", dir.resolve("classes").toString(), "OffHeapBuffers",
                    f.toString(), dir.resolve(name + ".mapped").toString()));
            cmd.addAll(List.of(more));
            ChildJvm.run(cmd, dir, 120);
            return f;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static HeapDump open() throws IOException {
        return HeapDump.open(file(), OpenOptions.DEFAULT.withIndexFile(false), Progress.NONE);
    }
}
