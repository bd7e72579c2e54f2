package dev.inquest.ui.notebook;

import static org.assertj.core.api.Assertions.assertThat;

import dev.inquest.investigation.model.Case;
import dev.inquest.investigation.model.Section;
import dev.inquest.investigation.session.CaseSession;
import dev.inquest.investigation.session.Edits;
import dev.inquest.investigation.store.CaseFile;
import dev.inquest.ui.settings.Settings;
import dev.inquest.ui.shell.MainWindow;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The case file is the user's work: a broken file offers its backup, a conflict asks who wins. */
@ExtendWith(ApplicationExtension.class)
class NotebookRecoveryTest {
    private MainWindow window;
    private Notebook notebook;
    private Path dir;

    @Start
    void start(Stage stage) throws Exception {
        dir = Files.createTempDirectory("inquest-notebook-recovery");
        window = new MainWindow(stage, new Settings(dir.resolve("settings.properties")));
        notebook = Notebook.install(window);
        stage.show();
    }

    @Test
    void brokenFileOpensReadOnlyAndTheBackupCanBeRestored(FxRobot robot) throws Exception {
        Path f = dir.resolve("broken.inquest");
        CaseSession s = CaseSession.create(f, Case.create("Metaspace leak", LocalDate.of(2026, 11, 2)));
        s.apply(Edits.addItem(Section.FINDINGS, "`ClassLoader` count doubles per redeploy"));
        Case good = s.current();
        s.apply(Edits.title("Metaspace leak after redeploy"));
        Files.writeString(f, "{\"formatVersion\": 2, \"title\": ");

        robot.interact(() -> window.open(f));
        CaseSession opened = notebook.session().orElseThrow();
        assertThat(opened.readOnly()).isTrue();
        javafx.scene.layout.HBox bar = robot.lookup("#save-problem").queryAs(javafx.scene.layout.HBox.class);
        assertThat(((Label) bar.getChildren().getFirst()).getText())
                .startsWith("Read-only: ").contains("not a valid case file");
        // Nothing can be changed while it is broken: there are no editors, and edits are refused.
        assertThat(robot.lookup("#add-findings").tryQuery()).isEmpty();
        robot.interact(() -> notebook.apply(Edits.title("x")));
        assertThat(window.status().getText()).startsWith("This case is read-only");

        robot.clickOn("#restore-backup");
        assertThat(opened.readOnly()).isFalse();
        assertThat(opened.current()).isEqualTo(good);
        assertThat(CaseFile.read(f).value()).isEqualTo(good);
        assertThat(robot.lookup("#save-problem").queryAs(javafx.scene.Node.class).isVisible()).isFalse();
        assertThat(robot.lookup("#add-findings").queryAs(TextField.class).isDisabled()).isFalse();
    }

    @Test
    void conflictWithAnotherWriterOffersKeepMineOrTakeTheirs(FxRobot robot) throws Exception {
        Path f = dir.resolve("shared.inquest");
        CaseSession.create(f, Case.create("Direct buffer growth", LocalDate.of(2026, 11, 2))).save();
        robot.interact(() -> window.open(f));
        CaseSession mine = notebook.session().orElseThrow();

        // Someone else (another window, a git pull) writes the file.
        CaseSession other = CaseSession.open(f);
        other.apply(Edits.addItem(Section.ACTIONS, "Set -XX:MaxDirectMemorySize=512m"));

        robot.interact(() -> notebook.apply(Edits.addItem(Section.ACTIONS, "Dumped the heap at 09:00")));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> mine.saveProblem().isPresent());
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#save-state").queryAs(Label.class).getText()).startsWith("Save failed: ");
        assertThat(robot.lookup("#take-theirs").tryQuery()).isPresent();

        robot.clickOn("#take-theirs");
        assertThat(mine.current().actions()).containsExactly("Set -XX:MaxDirectMemorySize=512m");
        assertThat(robot.lookup("#keep-mine").tryQuery()).isEmpty();

        // The other way round: ours wins and lands on disk.
        other.apply(Edits.title("Direct buffer growth (theirs)"));
        robot.interact(() -> notebook.apply(Edits.title("Direct buffer growth (mine)")));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> mine.saveProblem().isPresent());
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn("#keep-mine");
        assertThat(CaseFile.read(f).value().title()).isEqualTo("Direct buffer growth (mine)");
        assertThat(mine.dirty()).isFalse();
    }
}
