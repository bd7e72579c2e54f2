package dev.inquest.ui.heap;

import static org.assertj.core.api.Assertions.assertThat;

import dev.inquest.format.Units;
import dev.inquest.heap.query.RetainedSet;
import dev.inquest.heap.query.SharedRetainedDump;
import dev.inquest.investigation.model.Case;
import dev.inquest.investigation.session.CaseSession;
import dev.inquest.progress.Progress;
import dev.inquest.ui.InquestApp;
import dev.inquest.ui.Screenshots;
import dev.inquest.ui.heap.HeapDocument.Section;
import dev.inquest.ui.heap.dominators.DominatorView;
import dev.inquest.ui.heap.histogram.HistogramView;
import dev.inquest.ui.settings.Settings;
import dev.inquest.ui.shell.MainWindow;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.control.Tab;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * Issue 19: "Retained set" on a row menu. A histogram class row shows what all its instances
 * keep alive together (two holders sharing a payload retain it, though neither does alone), an
 * object row of the dominator tree what it alone keeps; the retained set's window shows the
 * engine's total and histogram, in a window of its own. With a case's notebook open, shot at 1280x800.
 */
@Tag("slow")
@ExtendWith(ApplicationExtension.class)
class RetainedSetWindowTest {
    private static final String HOLDER = "SharedRetained$Holder";

    @TempDir
    static Path home;

    private Stage stage;
    private MainWindow window;

    @Start
    void start(Stage stage) throws Exception {
        this.stage = stage;
        Path caseFile = home.resolve("shared.inquest");
        CaseSession.create(caseFile, Case.create("What do the holders keep alive?", LocalDate.of(2026, 12, 5))).save();
        window = new MainWindow(stage, new Settings(home.resolve("settings.properties")));
        dev.inquest.ui.Views.installAll(window);
        stage.setWidth(1280);
        stage.setHeight(800);
        stage.show();
        window.open(caseFile);
    }

    private static MenuItem item(ContextMenu menu, String id) {
        return menu.getItems().stream().filter(i -> id.equals(i.getId())).findFirst().orElseThrow();
    }

    /** Opens the row menu as a right click would, checks the item is there and enabled with {@code text}, and picks it. */
    private static void fire(FxRobot robot, ContextMenu menu, String text) {
        robot.interact(() -> {
            menu.getOnShowing().handle(null);
            MenuItem i = item(menu, "row-retained-set");
            assertThat(i.isDisable()).isFalse();
            assertThat(i.getText()).isEqualTo(text);
            i.fire();
        });
    }

    @Test
    void aClassRowAndAnObjectRowShowTheirRetainedSets(FxRobot robot) throws Exception {
        Path file = SharedRetainedDump.file();
        robot.interact(() -> InquestApp.openArguments(window, List.of(file.toString())));
        HeapDocument[] found = new HeapDocument[1];
        HeapViewsTest.waitFor("heap tab", 120, () -> {
            for (Tab t : window.documents().allTabs()) {
                if (HeapViews.documentOf(t) != null) {
                    found[0] = HeapViews.documentOf(t);
                }
            }
            return found[0] != null;
        });
        HeapDocument doc = found[0];
        RetainedSet.Result expected = RetainedSet.forClass(doc.dump(), HOLDER, false, Progress.NONE);
        assertThat(expected.objects()).isEqualTo(6);

        robot.interact(() -> doc.showClassInHistogram(HOLDER));
        HistogramView histogram = doc.viewOf(Section.HISTOGRAM, HistogramView.class);
        HeapViewsTest.waitFor("histogram", 60, () -> histogram.shownRows().size() == 1);
        @SuppressWarnings("unchecked")
        TableView<HistogramView.Row> table = robot.lookup("#histogram-table").queryAs(TableView.class);
        // Nothing selected: the item is there but off.
        robot.interact(() -> {
            table.getSelectionModel().clearSelection();
            table.getContextMenu().getOnShowing().handle(null);
            assertThat(item(table.getContextMenu(), "row-retained-set").isDisable()).isTrue();
            table.getSelectionModel().select(0);
        });
        fire(robot, table.getContextMenu(), "Retained set (all instances)");
        HeapViewsTest.waitFor("retained set", 60, () -> doc.retainedSetShown() != null);
        RetainedSet.Result shown = doc.retainedSetShown();
        assertThat(shown).isEqualTo(expected);
        Label total = robot.lookup("#retained-set-total").queryAs(Label.class);
        assertThat(total.getText()).isEqualTo("Retained set of " + HOLDER + " (2 objects): " + Units.bytes(expected.shallow())
                + " in 6 objects of 3 classes.");
        @SuppressWarnings("unchecked")
        TableView<dev.inquest.heap.query.Inspection.ClassCount> classes = robot.lookup("#retained-set-table").queryAs(TableView.class);
        assertThat(classes.getItems()).isEqualTo(expected.histogram());
        assertThat(classes.getItems().getFirst().className()).isEqualTo("byte[]");
        HeapViewsTest.waitFor("idle", 60, () -> !window.tasks().runningProperty().get());
        assertThat(doc.retainedSetDialog().isShowing()).isTrue();
        assertThat(doc.retainedSetDialog().getTitle()).isEqualTo("Retained set of all " + HOLDER + " - shared.hprof");
        Path[] shot = new Path[1];
        robot.interact(() -> shot[0] = Screenshots.captureWithDialog(stage, doc.retainedSetDialog().getDialogPane().getScene().getWindow(),
                "heap-retained-set-1280x800"));
        assertThat(Files.size(shot[0])).isLessThan(900_000);

        // An object row of the dominator tree: what the biggest object alone keeps, its dominator subtree.
        robot.interact(() -> doc.show(Section.DOMINATORS));
        DominatorView dominators = doc.viewOf(Section.DOMINATORS, DominatorView.class);
        robot.interact(() -> {
            dominators.setGrouping(DominatorView.GroupBy.NONE);
            dominators.setFilter("");
        });
        HeapViewsTest.waitFor("dominators", 60, () -> !dominators.topRows().isEmpty() && dominators.topRows().getFirst().isObject());
        long node = dominators.topRows().getFirst().node();
        robot.interact(() -> dominators.table().getSelectionModel().select(0));
        fire(robot, dominators.table().getContextMenu(), "Retained set");
        HeapViewsTest.waitFor("object's retained set", 60, () -> doc.retainedSetShown() != null && doc.retainedSetShown().members() == 1);
        RetainedSet.Result alone = RetainedSet.forObjects(doc.dump(), doc.dump().className(node)
                + String.format(" @ 0x%x", doc.dump().address(node)), new long[] {node}, Progress.NONE);
        assertThat(doc.retainedSetShown()).isEqualTo(alone);
        assertThat(alone.shallow()).isEqualTo(doc.dump().retained(node));
        assertThat(total.getText()).isEqualTo(alone.sentence());
        // Closing the dump's tab closes its retained set's window.
        robot.interact(() -> window.documents().allTabs().stream().filter(t -> HeapViews.documentOf(t) == doc).toList()
                .forEach(window.documents()::close));
        assertThat(doc.retainedSetDialog().isShowing()).isFalse();
    }
}
