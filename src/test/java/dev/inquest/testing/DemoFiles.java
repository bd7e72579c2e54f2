package dev.inquest.testing;

import dev.inquest.demo.Demo;
import dev.inquest.demo.DemoOptions;
import dev.inquest.demo.DemoResult;
import dev.inquest.progress.Progress;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The demo service's heap dumps and recording ({@link DemoOptions#SMALL}), written once per test JVM
 * and shared by the cross-link tests: the child JVM costs seconds and the files are only read.
 */
public final class DemoFiles {
    private static DemoResult instance;

    private DemoFiles() {
    }

    public static synchronized DemoResult get() {
        if (instance == null) {
            try {
                // Some 40 MB of dumps, case and index files: removed when the test JVM ends.
                Path dir = TempDirs.deletedAtExit("inquest-demo-test");
                instance = Demo.run(dir, DemoOptions.SMALL, Progress.NONE);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return instance;
    }
}
