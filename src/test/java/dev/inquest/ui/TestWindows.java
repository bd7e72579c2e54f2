package dev.inquest.ui;

import dev.inquest.ui.settings.Settings;
import dev.inquest.ui.shell.MainWindow;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.stage.Stage;

/** Windows for GUI tests. */
public final class TestWindows {
    private TestWindows() {
    }

    /** A window on {@code stage} whose settings live in a fresh folder under {@code home}: no test sees another's recent files or layouts. */
    public static MainWindow withFreshSettings(Stage stage, Path home) throws IOException {
        return new MainWindow(stage, new Settings(Files.createTempDirectory(home, "s").resolve("settings.properties")));
    }
}
