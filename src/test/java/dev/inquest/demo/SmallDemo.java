package dev.inquest.demo;

import dev.inquest.cli.InquestCommand;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * One {@code inquest demo DIR --size small} run per test JVM, shared by the demo's command-line
 * test and the window's demo button test (the child JVM costs 10-40 s on a loaded machine). The
 * folder is read-only for its users: a test that opens the files in the window copies them first,
 * since the window writes index files and autosaves the case beside them.
 */
public record SmallDemo(Path dir, int exitCode, String output) {
    private static SmallDemo instance;

    public static synchronized SmallDemo get() {
        if (instance == null) {
            try {
                Path dir = dev.inquest.testing.TempDirs.deletedAtExit("inquest-demo-test");
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                PrintStream old = System.out;
                int code;
                try {
                    System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
                    code = InquestCommand.run("demo", dir.toString(), "--size", "small");
                } finally {
                    System.setOut(old);
                }
                instance = new SmallDemo(dir, code, out.toString(StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return instance;
    }

    /** A private copy of the finished demo in {@code target}, for a test that opens it in the window. */
    public Path copyTo(Path target) throws IOException {
        Files.createDirectories(target);
        for (Path p : Demo.existing(dir)) {
            Files.copy(p, target.resolve(p.getFileName()));
        }
        return target;
    }
}
