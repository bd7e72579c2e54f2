package dev.inquest.ui.heap;

import static org.assertj.core.api.Assertions.assertThat;

import dev.inquest.heap.MemoryBudget;
import dev.inquest.launch.MemoryRelaunch;
import dev.inquest.ui.Views;
import dev.inquest.ui.settings.Settings;
import dev.inquest.ui.shell.MainWindow;
import java.nio.file.Path;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The window's memory share (File > Settings) bounds the indexing of the dumps it opens (issue 16). */
@ExtendWith(ApplicationExtension.class)
class HeapViewsMemoryTest {
    @TempDir
    Path dir;

    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    @AfterEach
    void close(FxRobot robot) {
        robot.interact(stage::close);
    }

    private HeapViews install(FxRobot robot, Settings settings) {
        HeapViews[] views = new HeapViews[1];
        robot.interact(() -> views[0] = Views.heap(new MainWindow(stage, settings)));
        return views[0];
    }

    @Test
    void theSettingsShareIsTheBudgetAndWithoutItTheEngineDetectsOne(FxRobot robot) {
        Settings chosen = new Settings(dir.resolve("chosen").resolve("settings.properties"));
        chosen.put(MemoryRelaunch.SETTING, "20");
        MemoryBudget budget = install(robot, chosen).openOptions().memory();
        MemoryBudget expected = MemoryBudget.shareOfMachine(20);
        assertThat(budget).isNotNull();
        assertThat(budget.processBytes()).isEqualTo(expected.processBytes());
        assertThat(budget.source()).isEqualTo(expected.source());
        assertThat(budget.processBytes()).isLessThan(MemoryBudget.detect().processBytes());

        Settings none = new Settings(dir.resolve("none").resolve("settings.properties"));
        assertThat(install(robot, none).openOptions().memory()).as("detected at each open").isNull();
    }
}
