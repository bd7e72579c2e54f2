package dev.inquest.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;

/** Temporary folders for files shared by the tests of one JVM (dumps, recordings, the demo), removed when it ends. */
public final class TempDirs {
    private TempDirs() {
    }

    /** A new temporary folder, deleted with everything in it when the test JVM exits. */
    public static Path deletedAtExit(String prefix) throws IOException {
        Path dir = Files.createTempDirectory(prefix);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteTree(dir)));
        return dir;
    }

    private static void deleteTree(Path dir) {
        try (var files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            // Best effort at exit: a temp folder left behind is not worth failing a build for.
        }
    }
}
