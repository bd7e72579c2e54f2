package dev.inquest.input;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Issue 17: the one translation of I/O failures into words (permission tests cannot run as root, so the exceptions are built here). */
class FileProblemsTest {
    @Test
    void eachFailureInWords() {
        assertThat(FileProblems.describe(new AccessDeniedException("d.hprof"))).isEqualTo("d.hprof: permission denied");
        assertThat(FileProblems.describe(new AccessDeniedException("/nonexistent"))).isEqualTo("/nonexistent: permission denied");
        assertThat(FileProblems.describe(new NoSuchFileException("x.jfr"))).isEqualTo("x.jfr: no such file");
        assertThat(FileProblems.describe(new FileSystemLoopException("loop"))).isEqualTo("loop: too many levels of symbolic links");
        assertThat(FileProblems.describe(new NotDirectoryException("f"))).isEqualTo("f: not a folder");
        assertThat(FileProblems.describe(new FileSystemException("c.inquest", null, "Is a directory")))
                .isEqualTo("c.inquest: is a directory, not a file");
        assertThat(FileProblems.describe(new FileSystemException("l", null,
                "Too many levels of symbolic links or unable to access attributes of symbolic link")))
                .isEqualTo("l: too many levels of symbolic links (a link loop?)");
        assertThat(FileProblems.describe(new FileSystemException("o.svg", null, "No space left on device")))
                .isEqualTo("o.svg: no space left on device");
        assertThat(FileProblems.describe(new FileSystemException("o.svg"))).isEqualTo("o.svg: cannot be read or written");
        assertThat(FileProblems.describe(new IOException("Stream closed"))).isEqualTo("Stream closed");
        assertThat(FileProblems.describe(new IOException())).isEqualTo("input/output error");
    }

    @TempDir
    Path dir;

    @Test
    @Timeout(value = 30, unit = TimeUnit.SECONDS)
    void onlyRegularFilesAreOpenedToProbeThem() throws Exception {
        Path d = Files.createDirectory(dir.resolve("d.hprof"));
        assertThatThrownBy(() -> FileKind.detect(d)).isInstanceOf(BadInputException.class)
                .hasMessage(d + ": is a directory, not a file");
        Path fifo = dir.resolve("p.jfr");
        assumeTrue(new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor() == 0);
        // Opening it would block until a writer came: refused from its type instead.
        assertThatThrownBy(() -> FileKind.detect(fifo)).isInstanceOf(BadInputException.class)
                .hasMessage(fifo + ": is not a regular file (a FIFO)");
    }

    @Test
    void smallFilesAreReadWholeAndLargerOnesRefused() throws Exception {
        Path f = Files.writeString(dir.resolve("c.inquest"), "0123456789");
        assertThat(FileProblems.readSmallFile(f, 10, "a case file")).hasSize(10);
        assertThatThrownBy(() -> FileProblems.readSmallFile(f, 9, "a case file")).isInstanceOf(BadInputException.class)
                .hasMessage(f + ": larger than 0 MB (10 bytes or more), too large for a case file at byte 9");
    }
}
