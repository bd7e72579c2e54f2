package dev.inquest.ui.notebook;

import static org.assertj.core.api.Assertions.assertThat;

import dev.inquest.heap.model.DominatorRow;
import dev.inquest.heap.model.HeapDump;
import dev.inquest.heap.model.ShapesDumpAccess;
import dev.inquest.investigation.model.Evidence;
import dev.inquest.investigation.model.EvidenceKind;
import dev.inquest.investigation.model.Hypothesis;
import dev.inquest.investigation.model.Stance;
import dev.inquest.ui.heap.HeapDocument;
import dev.inquest.ui.heap.HeapViews;
import dev.inquest.ui.heap.dominators.DominatorView;
import dev.inquest.ui.link.CrossLinks;
import dev.inquest.ui.shell.MainWindow;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.TreeTableRow;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Ctrl+P on a real heap dump (the {@code HeapShapes} workload): the row the user clicked in the
 * dominator tree, the object open in the inspector or a top-object bar of the overview is pinned
 * with the engine's figures, the same ones the row's context menu pins.
 */
@ExtendWith(ApplicationExtension.class)
class HeapPinTest {
    @TempDir
    static Path home;

    private MainWindow window;
    private Notebook notebook;

    @Start
    void start(Stage stage) throws Exception {
        window = dev.inquest.ui.TestWindows.withFreshSettings(stage, home);
        notebook = dev.inquest.ui.Views.installAll(window).notebook();
        stage.show();
    }

    private static void waitFor(int seconds, BooleanSupplier condition) throws Exception {
        WaitForAsyncUtils.waitFor(seconds, TimeUnit.SECONDS, () -> {
            WaitForAsyncUtils.waitForFxEvents();
            return condition.getAsBoolean();
        });
    }

    private static void ctrlP(FxRobot robot) {
        robot.press(KeyCode.CONTROL, KeyCode.P).release(KeyCode.P, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** Answers the pin dialog (which appears once the path to a GC root has been read). */
    private void pinDialog(FxRobot robot, String hypothesisId, Stance stance) throws Exception {
        waitFor(60, () -> robot.lookup("#pin-hypothesis").tryQuery().isPresent());
        @SuppressWarnings("unchecked")
        ComboBox<Hypothesis> target = robot.lookup("#pin-hypothesis").queryAs(ComboBox.class);
        robot.interact(() -> target.setValue(target.getItems().stream()
                .filter(h -> h.id().equals(hypothesisId)).findFirst().orElseThrow()));
        robot.clickOn(stance == Stance.SUPPORTS ? "#pin-supports" : "#pin-refutes");
        robot.clickOn("#pin-ok");
        WaitForAsyncUtils.waitForFxEvents();
    }

    private List<Evidence> evidence(String hypothesis) {
        return notebook.session().orElseThrow().current().hypothesis(hypothesis).orElseThrow().evidence();
    }

    @Test
    void ctrlPPinsTheClickedDominatorWithTheEngineFigures(FxRobot robot) throws Exception {
        Path dumpFile = ShapesDumpAccess.plain();
        robot.interact(() -> {
            notebook.create(home.resolve("shapes.inquest"), "Holders pile up");
            notebook.pinTo(null, "Do the holders keep their arrays?", Evidence.note(Stance.SUPPORTS, "placeholder"), Stance.SUPPORTS);
        });
        robot.interact(() -> window.open(dumpFile));
        HeapDocument[] opened = new HeapDocument[1];
        waitFor(120, () -> window.documents().allTabs().stream().map(HeapViews::documentOf)
                .filter(d -> d != null).peek(d -> opened[0] = d).findFirst().isPresent());
        HeapDocument doc = opened[0];
        HeapDump dump = doc.dump();
        DominatorRow biggest = dump.topDominators(1).getFirst();

        robot.interact(() -> doc.show(HeapDocument.Section.DOMINATORS));
        DominatorView dominators = doc.viewOf(HeapDocument.Section.DOMINATORS, DominatorView.class);
        waitFor(60, () -> !dominators.topRows().isEmpty());

        // Nothing clicked yet: Ctrl+P says so instead of doing nothing.
        // Focus the navigation on its selected entry: a click at the list's centre would land on
        // whichever section sits there and leave the dominator tree.
        robot.clickOn(robot.lookup("#heap-nav .list-cell")
                .match((javafx.scene.control.ListCell<?> c) -> c.getItem() == HeapDocument.Section.DOMINATORS).<Node>query());
        ctrlP(robot);
        assertThat(window.status().getText()).startsWith(Notebook.NOTHING_SELECTED);

        // Click the biggest dominator (the first row), Ctrl+P, answer the dialog.
        Node firstRow = robot.lookup("#dominator-table .tree-table-row-cell")
                .match((TreeTableRow<?> r) -> r.getIndex() == 0 && r.getItem() != null).query();
        robot.clickOn(firstRow);
        ctrlP(robot);
        pinDialog(robot, "H1", Stance.REFUTES);
        assertThat(evidence("H1")).hasSize(2);
        Evidence pinned = evidence("H1").getLast();
        assertThat(pinned.kind()).isEqualTo(EvidenceKind.DOMINATOR_ROW);
        assertThat(pinned.stance()).isEqualTo(Stance.REFUTES);
        assertThat((long) pinned.figure("retained").orElseThrow().value())
                .isEqualTo(biggest.retained()).isEqualTo(dump.retained(biggest.node()));
        assertThat((long) pinned.figure("shallow").orElseThrow().value()).isEqualTo(dump.shallow(biggest.node()));
        assertThat(pinned.source().locator()).containsEntry("object", "0x" + Long.toHexString(dump.address(biggest.node())));
        assertThat(notebook.session().orElseThrow().current().artifact(pinned.source().artifact()).orElseThrow().path())
                .isEqualTo(dumpFile.toAbsolutePath().normalize().toString());
        assertThat(pinned.path()).isNotEmpty();

        // The row's context menu pins the same figures (both go through CrossLinks.draft).
        robot.clickOn(firstRow, MouseButton.SECONDARY);
        robot.clickOn("#row-pin");
        pinDialog(robot, "H1", Stance.REFUTES);
        Evidence fromMenu = evidence("H1").getLast();
        assertThat(fromMenu.id()).isNotEqualTo(pinned.id());
        assertThat(fromMenu.figures()).isEqualTo(pinned.figures());
        assertThat(fromMenu.summary()).isEqualTo(pinned.summary());
        assertThat(fromMenu.path()).isEqualTo(pinned.path());

        // An object open in the inspector pins itself when no field row is selected.
        long second = dump.topDominators(2).getLast().node();
        robot.interact(() -> doc.inspect(second));
        waitFor(60, () -> doc.inspector(dev.inquest.ui.heap.inspector.InspectorView.class).current() != null && doc.inspector(dev.inquest.ui.heap.inspector.InspectorView.class).current().node() == second);
        robot.clickOn("#inspector-title");
        ctrlP(robot);
        pinDialog(robot, "H1", Stance.SUPPORTS);
        Evidence inspected = evidence("H1").getLast();
        assertThat(inspected.stance()).isEqualTo(Stance.SUPPORTS);
        assertThat((long) inspected.figure("retained").orElseThrow().value()).isEqualTo(dump.retained(second));
        assertThat(inspected.source().locator()).containsEntry("object", "0x" + Long.toHexString(dump.address(second)));
        // The overview's top-objects bars pin their object: the first bar is the biggest dominator.
        // (The inspector is closed first: the robot clicks screen points, and it would cover the bars.)
        robot.interact(() -> {
            doc.hideSide();
            doc.show(HeapDocument.Section.OVERVIEW);
        });
        waitFor(60, () -> robot.lookup("#overview-dominators .overview-bar-row").tryQuery().isPresent());
        NotebookTest.reveal(robot, "#overview-dominators .overview-bar-row");
        robot.clickOn((Node) robot.lookup("#overview-dominators .overview-bar-row").query());
        ctrlP(robot);
        pinDialog(robot, "H1", Stance.REFUTES);
        Evidence bar = evidence("H1").getLast();
        assertThat(bar.figures()).isEqualTo(pinned.figures());
        assertThat(bar.source().locator()).isEqualTo(pinned.source().locator());

        List<String> ids = new ArrayList<>();
        evidence("H1").forEach(e -> ids.add(e.id()));
        assertThat(ids).doesNotHaveDuplicates().hasSize(5);
    }
}
