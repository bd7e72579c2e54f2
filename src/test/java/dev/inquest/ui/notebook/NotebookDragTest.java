package dev.inquest.ui.notebook;

import static org.assertj.core.api.Assertions.assertThat;

import dev.inquest.investigation.model.Hypothesis;
import dev.inquest.investigation.session.Edits;
import dev.inquest.investigation.store.CaseFile;
import dev.inquest.ui.shell.MainWindow;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Reordering hypothesis cards with the robot's mouse (drag) and keyboard, down to the saved file. */
@ExtendWith(ApplicationExtension.class)
class NotebookDragTest {
    @TempDir
    static Path home;

    private MainWindow window;
    private Notebook notebook;
    private Path caseFile;

    @Start
    void start(Stage stage) throws Exception {
        caseFile = home.resolve("drag.inquest");
        window = dev.inquest.ui.TestWindows.withFreshSettings(stage, home);
        notebook = Notebook.install(window);
        stage.show();
    }

    private java.util.List<String> order() {
        return notebook.session().orElseThrow().current().hypotheses().stream().map(Hypothesis::id).toList();
    }

    @Test
    void draggingACardOntoAnotherMovesItThereInTheCaseAndTheFile(FxRobot robot) throws Exception {
        robot.interact(() -> {
            notebook.create(caseFile, "Slow checkout");
            notebook.apply(Edits.addHypothesis("Is the session cache unbounded?"));
            notebook.apply(Edits.addHypothesis("Is a slow consumer holding requests?"));
            notebook.apply(Edits.addHypothesis("Are the thread pools oversized?"));
        });
        assertThat(order()).containsExactly("H1", "H2", "H3");

        // H3's header dropped on H1's card: H3 takes the first place.
        robot.drag("#hypothesis-H3 .hypothesis-statement").dropTo("#hypothesis-H1 .hypothesis-statement");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(order()).containsExactly("H3", "H1", "H2");
        // And back down: H3 dropped on H2 (now last) goes last.
        robot.drag("#hypothesis-H3 .hypothesis-statement").dropTo("#hypothesis-H2 .hypothesis-statement");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(order()).containsExactly("H1", "H2", "H3");
        robot.drag("#hypothesis-H2 .hypothesis-statement").dropTo("#hypothesis-H1 .hypothesis-statement");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(order()).containsExactly("H2", "H1", "H3");
        // The cards on screen follow the case.
        assertThat(robot.lookup(".hypothesis-card").queryAll().stream().map(javafx.scene.Node::getId).toList())
                .containsExactly("hypothesis-H2", "hypothesis-H1", "hypothesis-H3");
        // A drag is one undo step.
        assertThat(notebook.session().orElseThrow().undoLabel()).contains("Move hypothesis");

        // Without a mouse: the focused header moves with Alt+Down / Alt+Up and keeps the focus.
        robot.interact(() -> robot.lookup("#hypothesis-header-H2").query().requestFocus());
        robot.press(KeyCode.ALT, KeyCode.DOWN).release(KeyCode.DOWN, KeyCode.ALT);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(order()).containsExactly("H1", "H2", "H3");
        robot.press(KeyCode.ALT, KeyCode.DOWN).release(KeyCode.DOWN, KeyCode.ALT);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(order()).containsExactly("H1", "H3", "H2");
        robot.press(KeyCode.ALT, KeyCode.UP).release(KeyCode.UP, KeyCode.ALT);
        robot.press(KeyCode.ALT, KeyCode.UP).release(KeyCode.UP, KeyCode.ALT);
        robot.press(KeyCode.ALT, KeyCode.UP).release(KeyCode.UP, KeyCode.ALT);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(order()).containsExactly("H2", "H1", "H3");
        // A plain click (no drag) still opens the card.
        robot.clickOn("#hypothesis-H3 .hypothesis-statement");
        assertThat(robot.lookup("#statement-H3").tryQuery()).isPresent();
        assertThat(order()).containsExactly("H2", "H1", "H3");

        var session = notebook.session().orElseThrow();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !session.dirty());
        assertThat(CaseFile.read(caseFile).value().hypotheses()).extracting(Hypothesis::id).containsExactly("H2", "H1", "H3");
    }
}
