package dev.inquest.testing;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/** The shared public corpus; tests that need it skip (not fail) when it is absent. */
public final class Corpus {
    private Corpus() {
    }

    public static Path root() {
        return Path.of(System.getProperty("inquest.corpus", "../shared/corpus"));
    }

    /** A corpus file, or a skipped test when the corpus (or that file) is not there. */
    public static Path file(String relative) {
        Path p = root().resolve(relative);
        assumeTrue(Files.isRegularFile(p), "corpus file absent: " + p);
        return p;
    }
}
