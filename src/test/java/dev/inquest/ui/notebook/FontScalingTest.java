package dev.inquest.ui.notebook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.inquest.heap.model.ShapesDumpAccess;
import dev.inquest.investigation.session.Edits;
import dev.inquest.ui.flame.FlameGraph;
import dev.inquest.ui.heap.HeapDocument;
import dev.inquest.ui.heap.HeapViews;
import dev.inquest.ui.heap.dominators.DominatorView;
import dev.inquest.ui.link.CrossLinks;
import dev.inquest.ui.shell.MainWindow;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.control.Labeled;
import javafx.scene.control.Tab;
import javafx.scene.control.TreeTableRow;
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
 * Ctrl+Plus / Ctrl+Minus scale every view by the same factor: a heap table's cells and rows, the
 * heap navigation, the notebook, the status bar, and the flame graph drawn on a canvas.
 */
@ExtendWith(ApplicationExtension.class)
class FontScalingTest {
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

    private static void keys(FxRobot robot, KeyCode... keys) {
        robot.press(keys);
        for (int i = keys.length - 1; i >= 0; i--) {
            robot.release(keys[i]);
        }
        WaitForAsyncUtils.waitForFxEvents();
    }

    private double font(FxRobot robot, String query) {
        return robot.lookup(query).queryAs(Labeled.class).getFont().getSize();
    }

    /** Font sizes (and a table row's height) of one sample per kind of view, as laid out now. */
    private Map<String, Double> measure(FxRobot robot, FlameGraph flame, Tab heapTab, Tab flameTab) {
        Map<String, Double> m = new LinkedHashMap<>();
        robot.interact(() -> heapTab.getTabPane().getSelectionModel().select(heapTab));
        WaitForAsyncUtils.waitForFxEvents();
        Node cell = robot.lookup("#dominator-table .tree-table-row-cell .tree-table-cell")
                .match((Labeled l) -> l.getText() != null && !l.getText().isEmpty()).query();
        m.put("dominator cell", ((Labeled) cell).getFont().getSize());
        m.put("dominator row height", robot.lookup("#dominator-table .tree-table-row-cell")
                .match((TreeTableRow<?> r) -> r.getIndex() == 0).queryAs(TreeTableRow.class).getHeight());
        m.put("column header", font(robot, "#dominator-table .column-header .label"));
        m.put("heap navigation", font(robot, "#heap-nav .list-cell"));
        m.put("notebook statement", font(robot, "#hypothesis-H1 .hypothesis-statement"));
        m.put("status bar", font(robot, "#status-bar .label"));
        robot.interact(() -> flameTab.getTabPane().getSelectionModel().select(flameTab));
        WaitForAsyncUtils.waitForFxEvents();
        m.put("flame graph", flame.canvas().fontSizeProperty().get());
        m.put("flame row height", flame.canvas().rowHeight());
        return m;
    }

    @Test
    void ctrlPlusAndMinusScaleEveryViewTablesIncluded(FxRobot robot) throws Exception {
        robot.interact(() -> {
            notebook.create(home.resolve("fonts.inquest"), "Font sizes");
            notebook.apply(Edits.addHypothesis("Is everything readable from the back of the room?"));
            window.status().setText("ready");
        });
        robot.interact(() -> window.open(ShapesDumpAccess.plain()));
        HeapDocument[] doc = new HeapDocument[1];
        Tab[] heapTab = new Tab[1];
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> {
            for (Tab t : window.documents().allTabs()) {
                if (HeapViews.documentOf(t) != null) {
                    heapTab[0] = t;
                    doc[0] = HeapViews.documentOf(t);
                }
            }
            return doc[0] != null;
        });
        robot.interact(() -> doc[0].show(HeapDocument.Section.DOMINATORS));
        DominatorView dominators = doc[0].viewOf(HeapDocument.Section.DOMINATORS, DominatorView.class);
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> !dominators.topRows().isEmpty());
        FlameGraph flame = new FlameGraph();
        Tab flameTab = window.documents().newTab("flame", null, flame);
        robot.interact(() -> window.documents().add(flameTab));

        double base = window.fontSize();
        Map<String, Double> before = measure(robot, flame, heapTab[0], flameTab);
        robot.clickOn("#status-bar");
        keys(robot, KeyCode.CONTROL, KeyCode.PLUS);
        keys(robot, KeyCode.CONTROL, KeyCode.EQUALS);
        keys(robot, KeyCode.CONTROL, KeyCode.PLUS);
        assertThat(window.fontSize()).isEqualTo(base + 3);
        Map<String, Double> bigger = measure(robot, flame, heapTab[0], flameTab);
        double factor = (base + 3) / base;
        for (String k : before.keySet()) {
            if (k.endsWith("row height")) {
                // Rows grow with their text (padding does not scale, so by a little less).
                assertThat(bigger.get(k)).as(k).isGreaterThan(before.get(k) * (1 + (factor - 1) * 0.6));
            } else if (k.equals("flame graph")) {
                // Frames are drawn one pixel smaller than the UI text.
                assertThat(bigger.get(k)).as(k).isCloseTo(before.get(k) + 3, within(0.01));
            } else {
                assertThat(bigger.get(k) / before.get(k)).as(k).isCloseTo(factor, within(0.01));
            }
        }

        keys(robot, KeyCode.CONTROL, KeyCode.MINUS);
        keys(robot, KeyCode.CONTROL, KeyCode.MINUS);
        keys(robot, KeyCode.CONTROL, KeyCode.MINUS);
        assertThat(window.fontSize()).isEqualTo(base);
        assertThat(measure(robot, flame, heapTab[0], flameTab)).isEqualTo(before);
    }
}
