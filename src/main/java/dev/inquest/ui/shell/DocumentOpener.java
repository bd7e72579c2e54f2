package dev.inquest.ui.shell;

import java.nio.file.Path;

/** Opens one kind of file into the window: loads it through the task runner, then adds its tab. */
@FunctionalInterface
public interface DocumentOpener {
    void open(Path file, MainWindow window);
}
