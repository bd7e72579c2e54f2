package dev.inquest.ui.notebook;

import static org.assertj.core.api.Assertions.assertThat;

import dev.inquest.investigation.session.Edits;
import dev.inquest.ui.shell.MainWindow;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.scene.Node;
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
 * Issue 18, point 7: "New investigation" asked where to save (in the working directory) before
 * anything else, then showed an empty notebook with no hint. It now starts at once in the cases
 * folder, under a free dated name, and the empty notebook says what to do first.
 */
@ExtendWith(ApplicationExtension.class)
class NewInvestigationTest {
    @TempDir
    static Path home;

    private MainWindow window;
    private Notebook notebook;
    private Stage stage;
    private Path cases;
    private final AtomicInteger asked = new AtomicInteger();

    @Start
    void start(Stage stage) throws Exception {
        this.stage = stage;
        window = dev.inquest.ui.TestWindows.withFreshSettings(stage, home);
        notebook = Notebook.install(window);
        cases = Files.createTempDirectory(home, "c").resolve("Inquest cases");
        notebook.setNewCaseFolder(() -> cases);
        notebook.setNewCaseChooser((owner, suggested) -> {
            asked.incrementAndGet();
            return null;
        });
        stage.show();
    }

    @Test
    void theWelcomeButtonStartsACaseWithoutAskingAndSaysWhatToDoFirst(FxRobot robot) throws Exception {
        robot.clickOn("#welcome-new-case");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(asked).as("no file dialog first").hasValue(0);
        Path file = cases.resolve("investigation-" + LocalDate.now() + ".inquest");
        assertThat(notebook.session().orElseThrow().path()).contains(file);
        assertThat(file).exists();
        assertThat(notebook.session().orElseThrow().current().title()).isEqualTo("New investigation");
        assertThat(window.sidePanelShown()).isTrue();
        Label hint = (Label) notebook.panel().lookup("#notebook-hint");
        assertThat(hint).isNotNull();
        assertThat(hint.getText()).contains("Ctrl+H").contains("Ctrl+P").contains(file.toString());
        assertThat(window.status().getText()).contains(file.getFileName().toString()).contains(cases.toString());
        robot.interact(() -> dev.inquest.ui.Screenshots.capture(stage.getScene(), "notebook-new-investigation"));

        // Edits are saved to that file as they happen (the session's atomic autosave).
        robot.interact(() -> notebook.apply(Edits.addHypothesis("Who holds the response wrappers?")));
        assertThat(notebook.flush()).isTrue();
        assertThat(Files.readString(file)).contains("Who holds the response wrappers?");
        Node gone = notebook.panel().lookup("#notebook-hint");
        assertThat(gone).as("the hint leaves once there is a hypothesis").isNull();

        // A second one the same day takes the next free name; nothing is replaced.
        robot.interact(notebook::newInvestigation);
        assertThat(notebook.session().orElseThrow().path()).contains(cases.resolve("investigation-" + LocalDate.now() + "-2.inquest"));
        assertThat(Files.readString(file)).contains("Who holds the response wrappers?");
    }

    @Test
    void theCasesFolderIsNeverTheWorkingDirectory() {
        String was = System.getProperty("inquest.home");
        try {
            System.clearProperty("inquest.home");
            Path folder = Notebook.defaultCaseFolder();
            assertThat(folder.getFileName().toString()).isEqualTo("Inquest cases");
            assertThat(folder.startsWith(Path.of(System.getProperty("user.home")))).isTrue();
            assertThat(folder.toAbsolutePath()).isNotEqualTo(Path.of("").toAbsolutePath());
        } finally {
            if (was != null) {
                System.setProperty("inquest.home", was);
            }
        }
    }
}
