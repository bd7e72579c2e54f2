package dev.inquest.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.inquest.ui.settings.Settings;
import dev.inquest.ui.shell.DocumentArea;
import dev.inquest.ui.shell.MainWindow;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TabPane;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

@ExtendWith(ApplicationExtension.class)
class MainWindowTest {

    @TempDir
    static Path home;

    private MainWindow window;
    private Stage stage;
    private final AtomicInteger chooserCalls = new AtomicInteger();

    @Start
    void start(Stage stage) throws Exception {
        this.stage = stage;
        Path settings = Files.createTempDirectory(home == null ? Path.of(System.getProperty("java.io.tmpdir")) : home, "s")
                .resolve("settings.properties");
        window = new MainWindow(stage, new Settings(settings));
        window.setFileChooser(owner -> {
            chooserCalls.incrementAndGet();
            return List.of();
        });
        stage.show();
    }

    @Test
    void opensOnTheWelcomePage(FxRobot robot) {
        TabPane documents = robot.lookup("#documents").queryAs(TabPane.class);
        assertThat(documents.getTabs()).hasSize(1);
        assertThat(DocumentArea.title(documents.getSelectionModel().getSelectedItem())).isEqualTo("Welcome");
        assertThat(robot.lookup("#welcome-open").queryButton().getText()).isEqualTo("Open file...");
        assertThat(robot.lookup("#welcome-page .title-1").queryAs(Label.class).getText()).isEqualTo("Inquest");
    }

    @Test
    void menuBarHasFileViewHelp(FxRobot robot) {
        MenuBar bar = robot.lookup("#menu-bar").queryAs(MenuBar.class);
        assertThat(bar.getMenus()).extracting(Menu::getText).containsExactly("File", "View", "Help");
        MenuItem open = bar.getMenus().getFirst().getItems().getFirst();
        assertThat(open.getText()).isEqualTo("Open...");
        assertThat(open.getAccelerator()).isEqualTo(new KeyCodeCombination(KeyCode.O, KeyCombination.SHORTCUT_DOWN));
    }

    @Test
    void ctrlOAsksForAFile(FxRobot robot) {
        robot.press(KeyCode.CONTROL, KeyCode.O).release(KeyCode.O, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(chooserCalls).hasValue(1);
    }

    @Test
    void welcomeButtonAsksForAFile(FxRobot robot) {
        robot.clickOn("#welcome-open");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(chooserCalls).hasValue(1);
    }

    /**
     * TestFX gives every test class the same primary stage, as an app may reuse a stage: a window
     * built on it later must not inherit this one's notebook, and this one ends (layout saved) when
     * replaced instead of saving again on every later hide.
     */
    @Test
    void aLaterWindowOnTheSameStageSharesNothingWithThisOne(FxRobot robot) throws Exception {
        Path caseFile = home.resolve("first.inquest");
        dev.inquest.ui.notebook.Notebook[] first = new dev.inquest.ui.notebook.Notebook[1];
        MainWindow[] second = new MainWindow[1];
        robot.interact(() -> {
            first[0] = dev.inquest.ui.notebook.Notebook.install(window);
            first[0].create(caseFile, "First");
            second[0] = new MainWindow(stage, new Settings(home.resolve("second").resolve("settings.properties")));
        });
        assertThat(dev.inquest.ui.notebook.Notebook.of(second[0])).isEmpty();
        assertThat(dev.inquest.ui.notebook.Notebook.of(window)).containsSame(first[0]);
        Path layout = window.caseLayouts().fileFor(caseFile);
        assertThat(layout).as("the replaced window saved its layout when it ended").exists();
        Files.delete(layout);
        robot.interact(() -> {
            stage.hide();
            stage.show();
        });
        assertThat(layout).as("hiding the stage of the second window does not save the first's again").doesNotExist();
    }
}
