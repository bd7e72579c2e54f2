package dev.inquest.ui.notebook;

import static org.assertj.core.api.Assertions.assertThat;

import dev.inquest.investigation.model.Hypothesis;
import dev.inquest.investigation.session.CaseSession;
import dev.inquest.investigation.session.Edits;
import dev.inquest.ui.shell.MainWindow;
import java.nio.file.Path;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Typing bursts are one undo step: "Cache never evicts" typed key by key into a hypothesis
 * statement or its notes goes away with one Ctrl+Z, before and after the field commits.
 */
@ExtendWith(ApplicationExtension.class)
class NotebookTypingTest {
    private static final String TYPED = "Cache never evicts";
    private static final String QUESTION = "Is the cache bounded?";

    @TempDir
    static Path home;

    private MainWindow window;
    private Notebook notebook;

    @Start
    void start(Stage stage) throws Exception {
        window = dev.inquest.ui.TestWindows.withFreshSettings(stage, home);
        notebook = Notebook.install(window);
        stage.show();
    }

    private Hypothesis h1() {
        return notebook.session().orElseThrow().current().hypothesis("H1").orElseThrow();
    }

    private static void keys(FxRobot robot, KeyCode... keys) {
        robot.press(keys);
        for (int i = keys.length - 1; i >= 0; i--) {
            robot.release(keys[i]);
        }
        WaitForAsyncUtils.waitForFxEvents();
    }

    private String text(FxRobot robot, String query) {
        return robot.lookup(query).queryAs(javafx.scene.control.TextInputControl.class).getText();
    }

    @Test
    void oneCtrlZTakesBackAWholeTypingBurst(FxRobot robot) throws Exception {
        robot.interact(() -> {
            notebook.create(home.resolve("typing.inquest"), "Checkout latency");
            notebook.apply(Edits.addHypothesis(QUESTION));
        });
        CaseSession session = notebook.session().orElseThrow();
        robot.clickOn("#hypothesis-H1 .hypothesis-statement");

        // Typed, not yet committed: one Ctrl+Z restores the statement, the case never saw the letters.
        robot.clickOn("#statement-H1");
        keys(robot, KeyCode.CONTROL, KeyCode.A);
        robot.write(TYPED);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(text(robot, "#statement-H1")).isEqualTo(TYPED);
        assertThat(h1().statement()).isEqualTo(QUESTION);
        keys(robot, KeyCode.CONTROL, KeyCode.Z);
        assertThat(text(robot, "#statement-H1")).isEqualTo(QUESTION);
        assertThat(h1().statement()).isEqualTo(QUESTION);
        assertThat(session.undoLabel()).contains("Add hypothesis");
        // Ctrl+Shift+Z brings the burst back, still uncommitted.
        keys(robot, KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.Z);
        assertThat(text(robot, "#statement-H1")).isEqualTo(TYPED);
        assertThat(h1().statement()).isEqualTo(QUESTION);

        // Committed (Ctrl+Enter): one case step, and one Ctrl+Z takes all of it back.
        keys(robot, KeyCode.CONTROL, KeyCode.ENTER);
        assertThat(h1().statement()).isEqualTo(TYPED);
        assertThat(session.undoLabel()).contains("Edit hypothesis");
        keys(robot, KeyCode.CONTROL, KeyCode.Z);
        assertThat(h1().statement()).isEqualTo(QUESTION);
        assertThat(text(robot, "#statement-H1")).isEqualTo(QUESTION);
        assertThat(session.undoLabel()).contains("Add hypothesis");

        // Notes, committed by leaving the field: one step too.
        robot.clickOn("#notes-H1");
        robot.write(TYPED);
        robot.clickOn("#case-dates");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(h1().notes()).isEqualTo(TYPED);
        keys(robot, KeyCode.CONTROL, KeyCode.Z);
        assertThat(h1().notes()).isEmpty();
        assertThat(h1().statement()).isEqualTo(QUESTION);
        assertThat(text(robot, "#notes-H1")).isEmpty();

        // A view's own text field (not the notebook's) keeps its own undo: the case is untouched.
        TextField filter = new TextField();
        robot.interact(() -> window.documents().add(window.documents().newTab("filter", null, filter)));
        robot.clickOn(filter);
        robot.write("Cache");
        keys(robot, KeyCode.CONTROL, KeyCode.Z);
        assertThat(filter.getText()).isNotEqualTo("Cache");
        assertThat(notebook.session().orElseThrow().current().hypotheses()).hasSize(1);
    }
}
