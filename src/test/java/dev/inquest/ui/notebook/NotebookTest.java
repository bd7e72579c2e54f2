package dev.inquest.ui.notebook;

import static org.assertj.core.api.Assertions.assertThat;

import dev.inquest.investigation.model.Case;
import dev.inquest.investigation.model.Evidence;
import dev.inquest.investigation.model.EvidenceKind;
import dev.inquest.investigation.model.EvidenceSource;
import dev.inquest.investigation.model.Hypothesis;
import dev.inquest.investigation.model.HypothesisStatus;
import dev.inquest.investigation.model.NextStep;
import dev.inquest.investigation.model.Priority;
import dev.inquest.investigation.model.Stance;
import dev.inquest.investigation.session.CaseSession;
import dev.inquest.ui.settings.Settings;
import dev.inquest.ui.shell.MainWindow;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.input.Clipboard;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The scenario, driven through the window like a user, checked against the case on disk. */
@ExtendWith(ApplicationExtension.class)
class NotebookTest {
    @TempDir
    Path dir;

    private MainWindow window;
    private Notebook notebook;
    private Path caseFile;

    @Start
    void start(Stage stage) throws Exception {
        Path home = Files.createTempDirectory("inquest-notebook-test");
        caseFile = home.resolve("cases").resolve("checkout-leak.inquest");
        Files.createDirectories(caseFile.getParent());
        window = new MainWindow(stage, new Settings(home.resolve("settings.properties")));
        notebook = Notebook.install(window);
        notebook.setNewCaseChooser((owner, suggested) -> caseFile);
        stage.show();
    }

    private Case current() {
        return notebook.session().orElseThrow().current();
    }

    /**
     * Enters a line where the keyboard focus is. Only the first line is typed key by key (TestFX
     * types about 40 characters a second); the rest are put into the focused field and committed
     * with a real Enter, which is the part under test.
     */
    private void typeLine(FxRobot robot, String text) {
        var focused = window.stage().getScene().getFocusOwner();
        assertThat(focused).as("typing '%s'", text).isInstanceOf(javafx.scene.control.TextInputControl.class);
        if (!typedOnce) {
            robot.write(text);
            typedOnce = true;
        } else {
            robot.interact(() -> ((javafx.scene.control.TextInputControl) focused).setText(text));
        }
        robot.type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private boolean typedOnce;

    private void shortcut(FxRobot robot, KeyCode... keys) {
        List<KeyCode> all = new ArrayList<>(List.of(KeyCode.CONTROL));
        all.addAll(List.of(keys));
        robot.press(all.toArray(KeyCode[]::new));
        robot.release(all.reversed().toArray(KeyCode[]::new));
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** Scrolls the notebook so a node is on screen (TestFX clicks only visible nodes). */
    static void reveal(FxRobot robot, String query) {
        Node node = robot.lookup(query).query();
        robot.interact(() -> {
            Node p = node.getParent();
            while (p != null && !(p instanceof javafx.scene.control.ScrollPane)) {
                p = p.getParent();
            }
            if (p instanceof javafx.scene.control.ScrollPane sp) {
                Node content = sp.getContent();
                double y = content.sceneToLocal(node.localToScene(node.getBoundsInLocal())).getMinY();
                double range = content.getBoundsInLocal().getHeight() - sp.getViewportBounds().getHeight();
                sp.setVvalue(range <= 0 ? 0 : Math.min(1, Math.max(0, (y - 40) / range)));
                sp.layout();
            }
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    private void clickOn(FxRobot robot, String query) {
        reveal(robot, query);
        robot.clickOn(query);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private void pinDialog(FxRobot robot, String hypothesisId, Stance stance) {
        @SuppressWarnings("unchecked")
        ComboBox<Hypothesis> target = robot.lookup("#pin-hypothesis").queryAs(ComboBox.class);
        robot.interact(() -> target.setValue(target.getItems().stream()
                .filter(h -> h.id().equals(hypothesisId)).findFirst().orElseThrow()));
        robot.clickOn(stance == Stance.SUPPORTS ? "#pin-supports" : "#pin-refutes");
        robot.clickOn("#pin-ok");
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void investigationFromFirstRunToExportAndRecovery(FxRobot robot) throws Exception {
        Path dump = Files.writeString(caseFile.resolveSibling("checkout.hprof"), "JAVA PROFILE 1.0.2\0 test dump");
        Path recording = Files.write(caseFile.resolveSibling("checkout.jfr"), new byte[] {'F', 'L', 'R', 0, 0, 2, 0, 1});

        // First run: a new investigation in a place the user chose (the welcome page's button starts
        // one in the cases folder without asking: NewInvestigationTest).
        robot.interact(notebook::newInvestigationIn);
        assertThat(caseFile).exists();
        assertThat(current().title()).isEqualTo("Checkout leak");
        assertThat(window.sidePanelShown()).isTrue();

        // Two hypotheses, typed after Ctrl+H.
        robot.clickOn("#case-dates");
        shortcut(robot, KeyCode.H);
        typeLine(robot, "Is the session cache unbounded?");
        typeLine(robot, "Is a slow consumer holding requests?");
        assertThat(current().hypotheses()).extracting(Hypothesis::id, Hypothesis::statement).containsExactly(
                org.assertj.core.groups.Tuple.tuple("H1", "Is the session cache unbounded?"),
                org.assertj.core.groups.Tuple.tuple("H2", "Is a slow consumer holding requests?"));

        // A dominator row through the public pin API (the dialog asks hypothesis and stance).
        robot.interact(() -> notebook.pin(Drafts.dominatorRow(dump)));
        pinDialog(robot, "H1", Stance.SUPPORTS);
        Evidence row = current().hypothesis("H1").orElseThrow().evidence().getFirst();
        assertThat(row.id()).isEqualTo("E1");
        assertThat(row.kind()).isEqualTo(EvidenceKind.DOMINATOR_ROW);
        assertThat(row.stance()).isEqualTo(Stance.SUPPORTS);
        assertThat(row.figure("retained").orElseThrow().value()).isEqualTo(222_298_112d);
        assertThat(row.pinned()).isNotNull();
        // The view named its file; the case now knows it as artifact A1, relative to the case folder.
        assertThat(row.source()).isEqualTo(EvidenceSource.stored("A1", "heap.dominators", "object", "0x7f3a10000000"));
        assertThat(current().artifact("A1").orElseThrow().path()).isEqualTo("checkout.hprof");

        // A flame-graph frame through Ctrl+P on a view's tab, against the second hypothesis.
        TestView view = new TestView("flame graph");
        view.selected = Drafts.flameFrame(recording);
        robot.interact(() -> {
            Tab tab = window.documents().newTab("checkout.jfr", null, view);
            window.documents().add(tab);
            tab.getTabPane().getSelectionModel().select(tab);
        });
        robot.clickOn(view);
        shortcut(robot, KeyCode.P);
        pinDialog(robot, "H2", Stance.REFUTES);
        Evidence frame = current().hypothesis("H2").orElseThrow().evidence().getFirst();
        assertThat(frame.id()).isEqualTo("E2");
        assertThat(frame.stance()).isEqualTo(Stance.REFUTES);
        assertThat(frame.source().artifact()).isEqualTo("A2");
        assertThat(frame.path()).endsWith("java.util.HashMap.resize");
        // The card shows the pinned figures as the exports write them.
        assertThat(robot.lookup("#evidence-E1 .evidence-figures").queryAs(Label.class).getText())
                .contains("retained 212 MB").contains("percent 41.3%");

        // Nothing selected: Ctrl+P says so and pins nothing.
        view.selected = null;
        robot.clickOn(view);
        shortcut(robot, KeyCode.P);
        assertThat(window.status().getText()).isEqualTo("Nothing selected to pin");

        // Verdict through the status chip.
        clickOn(robot, "#hypothesis-H2 .status-chip");
        robot.clickOn("#verdict-refuted");
        assertThat(current().hypothesis("H2").orElseThrow().status()).isEqualTo(HypothesisStatus.REFUTED);
        assertThat(robot.lookup("#hypothesis-H2 .status-chip").queryAs(Label.class).getText()).isEqualTo("Refuted");

        // Next steps; a ticked step strikes through and moves below the open ones.
        clickOn(robot, "#add-next-step");
        typeLine(robot, "P1 Bound the session cache");
        typeLine(robot, "Take a second dump after an hour");
        clickOn(robot, "#step-done-0");
        assertThat(current().nextSteps()).containsExactly(
                new NextStep("Take a second dump after an hour", false, null, null, null),
                new NextStep("Bound the session cache", true, Priority.P1, null, null));
        assertThat(robot.lookup(".step-row.done .step-done-text").queryAs(Label.class).getText())
                .isEqualTo("Bound the session cache");
        @SuppressWarnings("unchecked")
        ComboBox<String> link = robot.lookup("#step-hypothesis-0").queryAs(ComboBox.class);
        robot.interact(() -> link.setValue("H1"));
        assertThat(current().nextSteps().getFirst().hypothesis()).isEqualTo("H1");

        // A finding, then undo and redo it with the keyboard.
        clickOn(robot, "#add-findings");
        typeLine(robot, "`byte[]` under `SessionCache` grows with traffic");
        // The focus is back in the (fresh) adder: with no typing of its own to undo, Ctrl+Z undoes the case.
        shortcut(robot, KeyCode.Z);
        assertThat(current().findings()).isEmpty();
        shortcut(robot, KeyCode.SHIFT, KeyCode.Z);
        assertThat(current().findings()).containsExactly("`byte[]` under `SessionCache` grows with traffic");
        shortcut(robot, KeyCode.Z);
        shortcut(robot, KeyCode.Z);
        assertThat(current().hypothesis("H1").orElseThrow().evidence()).hasSize(1);
        assertThat(current().nextSteps().getFirst().hypothesis()).isNull();
        shortcut(robot, KeyCode.SHIFT, KeyCode.Z);
        shortcut(robot, KeyCode.SHIFT, KeyCode.Z);
        assertThat(current().findings()).hasSize(1);
        assertThat(current().nextSteps().getFirst().hypothesis()).isEqualTo("H1");

        // Clicking pinned evidence reopens its view on the same object when the dump is still there.
        List<String> reopened = new ArrayList<>();
        notebook.addReopener((source, file) -> {
            reopened.add(source.view() + " " + source.locator() + " " + file.getFileName());
            return source.view().engine() == dev.inquest.investigation.model.EvidenceView.Engine.HEAP;
        });
        clickOn(robot, "#evidence-E1");
        assertThat(reopened).containsExactly("heap.dominators {object=0x7f3a10000000} checkout.hprof");
        // The recording is gone: the stored figures are shown, with the reason.
        Files.delete(recording);
        clickOn(robot, "#evidence-E2");
        assertThat(reopened).hasSize(1);
        assertThat(robot.lookup("#figures-reason").queryAs(Label.class).getText()).contains("checkout.jfr: missing");
        assertThat(robot.lookup("#figures-grid").queryAs(javafx.scene.layout.GridPane.class).getChildren())
                .filteredOn(n -> n instanceof Label).extracting(n -> ((Label) n).getText()).contains("share", "37.5%", "4,812");
        robot.interact(() -> robot.lookup("#evidence-figures").queryAs(javafx.scene.control.DialogPane.class)
                .getScene().getWindow().hide());

        // Export both formats from the dialog, into a folder of our choice.
        Path out = dir.resolve("wiki");
        robot.interact(notebook::showExport);
        robot.interact(() -> robot.lookup("#export-folder").queryAs(TextField.class).setText(out.toString()));
        TextArea preview = robot.lookup("#export-preview").queryAs(TextArea.class);
        assertThat(robot.lookup("#export-name").queryAs(TextField.class).getText()).isEqualTo("checkout-leak.md");
        robot.clickOn("#export-write");
        String subtask = Files.readString(out.resolve("checkout-leak.md"));
        assertThat(subtask).isEqualTo(preview.getText());
        assertThat(subtask).startsWith("# Checkout leak\n")
                .contains("## Findings\n- `byte[]` under `SessionCache` grows with traffic")
                .contains("## Hypotheses and Questions\n")
                .contains("Is the session cache unbounded?")
                .contains("Is a slow consumer holding requests? **(refuted)**")
                .contains("retained 212 MB, percent 41.3%, objects 1,048,576")
                .contains("1 value read from the heap withheld")
                .doesNotContain("session-4f1c9a")
                .contains("## Next Steps\n1. ");
        assertThat(subtask.indexOf("Take a second dump")).isLessThan(subtask.indexOf("Bound the session cache"));
        assertThat(robot.lookup("#export-values-reason").queryAs(Label.class).getText()).contains("passwords");

        robot.clickOn("#export-report");
        assertThat(robot.lookup("#export-name").queryAs(TextField.class).getText()).isEqualTo("checkout-leak-report.md");
        robot.clickOn("#export-values");
        assertThat(preview.getText()).contains("session-4f1c9a");
        robot.clickOn("#export-values");
        assertThat(preview.getText()).doesNotContain("session-4f1c9a");
        robot.clickOn("#export-write");
        String report = Files.readString(out.resolve("checkout-leak-report.md"));
        assertThat(report).isEqualTo(preview.getText()).contains("## Executive Summary")
                .contains("H2. Is a slow consumer holding requests?")
                .contains("checkout-leak-report-figures/flame-E2.svg");
        assertThat(Files.readString(out.resolve("checkout-leak-report-figures/flame-E2.svg")))
                .startsWith("<svg").contains("SessionCache.put");
        robot.clickOn("#export-copy");
        String[] clip = new String[1];
        robot.interact(() -> clip[0] = Clipboard.getSystemClipboard().getString());
        assertThat(clip[0]).isEqualTo(report);
        robot.interact(() -> robot.lookup("#export-dialog").queryAs(javafx.scene.control.DialogPane.class)
                .getScene().getWindow().hide());

        // "Kill": wait for the background autosave, then open the file in a fresh window without
        // closing or flushing this one (the session is simply abandoned, as in a crash).
        CaseSession live = notebook.session().orElseThrow();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !live.dirty());
        Case before = live.current();
        Notebook[] second = new Notebook[1];
        robot.interact(() -> {
            Stage stage2 = new Stage();
            MainWindow w2 = new MainWindow(stage2, new Settings(dir.resolve("settings2.properties")));
            second[0] = Notebook.install(w2);
            stage2.show();
            w2.open(caseFile);
        });
        Case reopenedCase = second[0].session().orElseThrow().current();
        assertThat(reopenedCase).isEqualTo(before);
        Node panel = second[0].panel();
        assertThat(panel.lookup("#hypothesis-H1")).isNotNull();
        assertThat(((Label) panel.lookup("#hypothesis-H2 .status-chip")).getText()).isEqualTo("Refuted");
        assertThat(panel.lookup("#evidence-E1")).isNotNull();
        assertThat(((javafx.scene.control.TextInputControl) panel.lookup("#case-title")).getText()).isEqualTo("Checkout leak");
        assertThat(panel.lookupAll(".step-row")).hasSize(2);
        robot.interact(() -> second[0].panel().getScene().getWindow().hide());
    }
}
