package dev.inquest.input;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.inquest.heap.model.HeapDump;
import dev.inquest.heap.model.OpenOptions;
import dev.inquest.jfr.Recording;
import dev.inquest.progress.Progress;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The engines' own open paths (the window goes straight to them, not through the command line)
 * name a directory, a FIFO and a link loop in words, and never open a FIFO (that would block).
 */
class EngineOpenFileTest {
    @TempDir
    Path dir;

    interface Opener {
        void open(Path p) throws IOException;
    }

    private static final Opener HEAP = p -> HeapDump.open(p, OpenOptions.DEFAULT, Progress.NONE).close();
    private static final Opener HEAP_LIST = p -> HeapDump.listDumps(p, Progress.NONE);
    private static final Opener RECORDING = p -> Recording.open(p, Progress.NONE).close();

    @Test
    void aDirectoryIsNamedAsOne() throws IOException {
        Path d = Files.createDirectory(dir.resolve("dump.hprof"));
        for (Opener o : new Opener[] {HEAP, HEAP_LIST, RECORDING}) {
            assertThatThrownBy(() -> o.open(d)).isInstanceOf(BadInputException.class)
                    .hasMessageContaining(d.toString()).hasMessageContaining("is a directory, not a file");
        }
    }

    @Test
    void aFifoIsNamedAndNeverOpened() throws Exception {
        Path fifo = dir.resolve("rec.jfr");
        assumeTrue(mkfifo(fifo), "mkfifo is available");
        for (Opener o : new Opener[] {HEAP, HEAP_LIST, RECORDING}) {
            // Opening the FIFO for reading would block this thread until a writer comes: none will.
            var t = Thread.ofVirtual().start(() -> {
                assertThatThrownBy(() -> o.open(fifo)).isInstanceOf(BadInputException.class)
                        .hasMessageContaining(fifo.toString()).hasMessageContaining("is not a regular file (a FIFO)");
            });
            assertThat(t.join(java.time.Duration.ofSeconds(20))).as("returned without blocking").isTrue();
        }
        // A failed assertion in the thread would have been lost: check once more on this one.
        assertThatThrownBy(() -> RECORDING.open(fifo)).hasMessageContaining("(a FIFO)");
        assertThatThrownBy(() -> HEAP.open(fifo)).hasMessageContaining("(a FIFO)");
    }

    @Test
    void aLinkLoopIsNamedInWords() throws IOException {
        Path a = dir.resolve("a.hprof");
        Path b = dir.resolve("b.hprof");
        Files.createSymbolicLink(a, b);
        Files.createSymbolicLink(b, a);
        for (Opener o : new Opener[] {HEAP, HEAP_LIST, RECORDING}) {
            assertThatThrownBy(() -> o.open(a)).isInstanceOf(IOException.class)
                    .satisfies(e -> assertThat(FileProblems.describe((IOException) e))
                            .isEqualTo(a + ": too many levels of symbolic links (a link loop?)"));
        }
    }

    @Test
    void aMissingFileIsStillNoSuchFile() {
        Path missing = dir.resolve("gone.jfr");
        for (Opener o : new Opener[] {HEAP, HEAP_LIST, RECORDING}) {
            assertThatThrownBy(() -> o.open(missing)).isInstanceOf(java.nio.file.NoSuchFileException.class)
                    .satisfies(e -> assertThat(FileProblems.describe((IOException) e)).isEqualTo(missing + ": no such file"));
        }
    }

    private static boolean mkfifo(Path p) throws Exception {
        try {
            Process proc = new ProcessBuilder("mkfifo", p.toString()).inheritIO().start();
            return proc.waitFor(10, TimeUnit.SECONDS) && proc.exitValue() == 0;
        } catch (IOException e) {
            return false;
        }
    }
}
