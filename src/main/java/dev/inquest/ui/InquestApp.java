package dev.inquest.ui;

import dev.inquest.ui.debug.FxWatchdog;
import dev.inquest.ui.settings.Settings;
import dev.inquest.ui.shell.MainWindow;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.application.Application;
import javafx.stage.Stage;

/** The JavaFX application: one main window, opened on the files named on the command line. */
public final class InquestApp extends Application {

    /** Called by {@link dev.inquest.Main} through reflection so the CLI path never loads JavaFX. */
    public static void launchApp(String[] args) {
        Application.launch(InquestApp.class, args);
    }

    @Override
    public void start(Stage stage) {
        if (Boolean.getBoolean("inquest.watchdog")) {
            new FxWatchdog(50).start();
        }
        MainWindow window = new MainWindow(stage, Settings.loadDefault());
        Views.Installed views = Views.installAll(window);
        for (int size : new int[] {16, 32, 64, 128, 256}) {
            var icon = InquestApp.class.getResource("icons/inquest-" + size + ".png");
            if (icon != null) {
                stage.getIcons().add(new javafx.scene.image.Image(icon.toExternalForm()));
            }
        }
        stage.show();
        openArguments(window, getParameters().getUnnamed());
        if (Training.wanted()) {
            Training.start(window, views.recordings());
        }
    }

    /** Opens the files named on the command line; names that do not exist are skipped. */
    public static void openArguments(MainWindow window, java.util.List<String> args) {
        for (String arg : args) {
            Path p = Path.of(arg);
            if (Files.exists(p)) {
                window.open(p);
            }
        }
    }
}
