package dev.inquest.capture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.inquest.progress.Progress;
import dev.inquest.testing.CaptureTarget;
import dev.inquest.testing.RunningJvm;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A JVM killed while it writes its heap dump: a clear message, and no file, partial or not. */
@Tag("slow")
class ExitDuringDumpTest {

    @Test
    void aJvmThatExitsMidDumpLeavesAMessageAndNoFile(@TempDir Path dir) throws Exception {
        // 300 MB in 1 KB arrays: a dump that takes long enough to be caught half written.
        try (RunningJvm child = RunningJvm.start(CaptureTarget.class, List.of("-Xmx640m"), "10", "300")) {
            Path out = dir.resolve("never.hprof");
            AtomicLong seen = new AtomicLong();
            Progress killWhenGrowing = new Progress() {
                @Override
                public void phase(String name, long total, Unit unit) {
                }

                @Override
                public void progress(long done) {
                    if (done > (1 << 20) && seen.compareAndSet(0, done)) {
                        child.kill();
                    }
                }

                @Override
                public boolean isCancelled() {
                    return false;
                }
            };
            try (JvmConnection c = Jvms.connect(new Target.Local(child.pid()), Progress.NONE)) {
                assertThatThrownBy(() -> c.heapDump(new HeapDumpRequest(out, false, false), killWhenGrowing))
                        .isInstanceOf(CaptureException.class)
                        .hasMessage("pid " + child.pid() + " (" + CaptureTarget.class.getName()
                                + "): the JVM exited during the heap dump; no file was kept");
            }
            assertThat(seen.get()).as("the dump was killed while its file grew").isGreaterThan(1 << 20);
            try (Stream<Path> files = Files.list(dir)) {
                assertThat(files).isEmpty();
            }
        }
    }
}
