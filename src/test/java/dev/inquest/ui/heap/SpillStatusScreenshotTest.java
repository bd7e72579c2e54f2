package dev.inquest.ui.heap;

import static org.assertj.core.api.Assertions.assertThat;

import dev.inquest.heap.MemoryBudget;
import dev.inquest.progress.Progress;
import dev.inquest.ui.Screenshots;
import dev.inquest.ui.notebook.Notebook;
import dev.inquest.ui.settings.Settings;
import dev.inquest.ui.settings.Theme;
import dev.inquest.ui.shell.MainWindow;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The status of an open that spills (issue 16): the phase with the engine's note, whole at the
 * window's small and usual sizes, light and dark, with the notebook open.
 */
@ExtendWith(ApplicationExtension.class)
class SpillStatusScreenshotTest {
    @TempDir
    Path home;

    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    @Test
    void theSpillNoteIsShownWhole(FxRobot robot) throws Exception {
        MainWindow[] window = new MainWindow[1];
        robot.interact(() -> {
            window[0] = new MainWindow(stage, new Settings(home.resolve("settings.properties")));
            stage.show();
            Notebook.install(window[0]).create(home.resolve("checkout-oom.inquest"), "Checkout service OOM");
        });
        String note = MemoryBudget.engine(1536L << 20).spillNote();
        CountDownLatch release = new CountDownLatch(1);
        robot.interact(() -> window[0].tasks().submit("Opening checkout-service.hprof", p -> {
            Progress noted = Progress.noting(p, note);
            noted.phase("Extracting references", 100, Progress.Unit.ITEMS);
            noted.progress(45);
            release.await(30, TimeUnit.SECONDS);
            return null;
        }, ok -> { }, failed -> { }));
        Label status = robot.lookup("#task-message").queryAs(Label.class);
        String expected = "Extracting references (" + note + ")  45 %";
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> expected.equals(status.getText()));
        try {
            for (int[] size : new int[][] {{1024, 700}, {1280, 800}}) {
                for (Theme theme : Theme.values()) {
                    robot.interact(() -> {
                        theme.apply();
                        stage.setWidth(size[0]);
                        stage.setHeight(size[1]);
                    });
                    WaitForAsyncUtils.waitForFxEvents();
                    robot.interact(() -> Screenshots.capture(stage.getScene(),
                            "spill-status-" + size[0] + "-" + theme.name().toLowerCase()));
                    // Whole: the label is as wide as its text wants, not ellipsized.
                    robot.interact(() -> assertThat(status.getWidth()).as("status at %d px", size[0])
                            .isGreaterThanOrEqualTo(status.prefWidth(-1) - 0.5));
                }
            }
        } finally {
            release.countDown();
            robot.interact(Theme.LIGHT::apply);
        }
    }
}
