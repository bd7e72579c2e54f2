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
        MainWindow w = new MainWindow(stage, new Settings(Files.createTempDirectory(home, "s").resolve("settings.properties")));
        // TestFX shares one stage across test classes: a size an earlier class set explicitly (1024x700,
        // say) would outlive its scene; every window starts at its scene's own 1280x800.
        stage.sizeToScene();
        return w;
    }
}
