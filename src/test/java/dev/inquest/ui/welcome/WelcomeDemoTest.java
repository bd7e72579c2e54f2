package dev.inquest.ui.welcome;

import static org.assertj.core.api.Assertions.assertThat;

import dev.inquest.demo.Demo;
import dev.inquest.demo.SmallDemo;
import dev.inquest.launch.MemoryRelaunch;
import dev.inquest.ui.heap.HeapViews;
import dev.inquest.ui.jfr.JfrViews;
import dev.inquest.ui.notebook.Notebook;
import dev.inquest.ui.settings.Settings;
import dev.inquest.ui.settings.SettingsDialog;
import dev.inquest.ui.shell.DocumentArea;
import dev.inquest.ui.shell.MainWindow;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.DialogPane;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.Spinner;
import javafx.scene.control.Tab;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The welcome page's demo button opens a finished demo's case, both dumps and the recording; File >
 * Settings shows the stored memory share and stores a new one. Each test closes its tabs and its
 * window: the dumps stay mapped and the window stays on screen for the next test class otherwise.
 */
@ExtendWith(ApplicationExtension.class)
class WelcomeDemoTest {
    @TempDir
    Path home;

    private Stage stage;
    private MainWindow window;

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    private MainWindow show(Settings settings) {
        MainWindow w = new MainWindow(stage, settings);
        Notebook.install(w);
        dev.inquest.ui.Views.heap(w);
        JfrViews.install(w);
        stage.show();
        return w;
    }

    @AfterEach
    void closeWindow(FxRobot robot) throws Exception {
        if (window != null) {
            WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> !window.tasks().busyProperty().get());
            robot.interact(() -> {
                List.copyOf(window.documents().allTabs()).forEach(window.documents()::close);
                stage.close();
            });
        }
    }

    @Test
    void demoButtonOpensTheFinishedDemo(FxRobot robot) throws Exception {
        Path demo = SmallDemo.get().copyTo(home.resolve("demo"));
        robot.interact(() -> {
            window = show(new Settings(home.resolve("settings.properties")));
            window.setDemoFolder(demo);
        });
        Button button = robot.from(window.root()).lookup("#welcome-demo").queryButton();
        assertThat(button.getText()).isEqualTo("Open the demo investigation");
        robot.clickOn(button);

        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> window.documents().allTabs().size() == 4
                && !window.tasks().busyProperty().get());
        assertThat(window.documents().allTabs()).extracting(DocumentArea::title)
                .containsExactlyInAnyOrder("Welcome", "after.hprof", "baseline.hprof", "service.jfr");
        for (String name : List.of("after.hprof", "baseline.hprof")) {
            Tab tab = window.documents().allTabs().stream().filter(t -> DocumentArea.title(t).equals(name)).findFirst().orElseThrow();
            assertThat(DocumentArea.fileOf(tab)).isEqualTo(demo.resolve(name).toAbsolutePath().normalize());
            assertThat(HeapViews.documentOf(tab)).as(name + " opened in the heap views").isNotNull();
        }
        // The demo's case is the notebook's: the one the demo wrote, with its hypothesis.
        var session = Notebook.of(window).orElseThrow().session().orElseThrow();
        assertThat(session.path()).contains(demo.resolve(Demo.CASE_FILE));
        assertThat(session.current().hypotheses()).singleElement()
                .satisfies(h -> assertThat(h.statement()).isEqualTo("The order cache never evicts"));
        assertThat(session.current().artifacts()).hasSize(3);

        // Pressed again (back on the welcome page): the demo's tabs come forward, nothing opens twice.
        Tab welcome = window.documents().allTabs().stream().filter(t -> DocumentArea.title(t).equals("Welcome")).findFirst().orElseThrow();
        robot.interact(() -> welcome.getTabPane().getSelectionModel().select(welcome));
        robot.clickOn(button);
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> !window.tasks().busyProperty().get());
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(window.documents().allTabs()).extracting(DocumentArea::title)
                .containsExactlyInAnyOrder("Welcome", "after.hprof", "baseline.hprof", "service.jfr");
        assertThat(DocumentArea.title(welcome.getTabPane().getSelectionModel().getSelectedItem())).isEqualTo("service.jfr");
    }

    @Test
    void settingsShowTheStoredShareAndStoreANewOne(FxRobot robot) throws Exception {
        Path file = home.resolve("settings.properties");
        Files.writeString(file, MemoryRelaunch.SETTING + "=35\n");
        robot.interact(() -> window = show(new Settings(file)));
        MenuBar bar = robot.from(window.root()).lookup("#menu-bar").queryAs(MenuBar.class);
        MenuItem item = bar.getMenus().getFirst().getItems().stream()
                .filter(i -> "menu-settings".equals(i.getId())).findFirst().orElseThrow();
        // showAndWait blocks the FX event it runs in: fire it later, not inside interact().
        Platform.runLater(item::fire);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> dialogPane() != null);
        DialogPane pane = dialogPane();
        @SuppressWarnings("unchecked")
        Spinner<Integer> spinner = (Spinner<Integer>) pane.lookup("#settings-max-ram");
        assertThat(spinner.getValue()).isEqualTo(35);

        // The user types a new share and presses OK.
        robot.clickOn(spinner.getEditor()).press(KeyCode.CONTROL, KeyCode.A).release(KeyCode.A, KeyCode.CONTROL).write("60");
        robot.clickOn((Button) pane.lookupButton(ButtonType.OK));
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> dialogPane() == null);

        assertThat(window.settings().get(MemoryRelaunch.SETTING, null)).isEqualTo("60");
        assertThat(window.status().getText()).isEqualTo("Memory setting saved: it applies when Inquest starts again");
        // Stored in the file, and what the dialog shows next time (a restart reads the same file).
        Settings reread = new Settings(file);
        assertThat(reread.get(MemoryRelaunch.SETTING, null)).isEqualTo("60");
        Integer[] shown = new Integer[1];
        robot.interact(() -> shown[0] = ((Spinner<?>) new SettingsDialog(stage, reread).getDialogPane()
                .lookup("#settings-max-ram")).getValue() instanceof Integer i ? i : null);
        assertThat(shown[0]).isEqualTo(60);
    }

    /** The open settings dialog of this test's window, or null (the window list is read on the FX thread). */
    private DialogPane dialogPane() throws Exception {
        return WaitForAsyncUtils.asyncFx(this::findDialogPane).get(20, TimeUnit.SECONDS);
    }

    private DialogPane findDialogPane() {
        for (Window w : Window.getWindows()) {
            if (w.isShowing() && w instanceof Stage s && s.getOwner() == stage && w.getScene() != null
                    && w.getScene().getRoot() instanceof DialogPane pane && pane.lookup("#settings-max-ram") != null) {
                return pane;
            }
        }
        return null;
    }
}
