package dev.inquest.ui.heap;

import static org.assertj.core.api.Assertions.assertThat;

import dev.inquest.heap.model.Grouping;
import dev.inquest.heap.model.HeapDump;
import dev.inquest.heap.model.HistogramRow;
import dev.inquest.heap.query.ClassInstances;
import dev.inquest.heap.query.CollectionFill;
import dev.inquest.heap.query.LeakDumps;
import dev.inquest.heap.query.WhyAlive;
import dev.inquest.progress.Progress;
import dev.inquest.ui.InquestApp;
import dev.inquest.ui.heap.HeapDocument.Section;
import dev.inquest.ui.heap.histogram.HistogramView;
import dev.inquest.ui.heap.inspector.InspectorView;
import dev.inquest.ui.heap.tables.CollectionsView;
import dev.inquest.ui.heap.tables.DuplicateObjectsView;
import dev.inquest.ui.heap.whyalive.WhyAliveView;
import dev.inquest.ui.shell.MainWindow;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.Tab;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * Issue 18's dead ends on the heap side: a baseline offered from the dumps already open, class
 * rows whose Inspect and Paths act on their instances, the merged paths of a whole class ("Why
 * alive") from the histogram and duplicate objects, and collection fill per collection.
 */
@Tag("slow")
@ExtendWith(ApplicationExtension.class)
class DeadEndsTest {
    @TempDir
    static Path home;

    private MainWindow window;

    @Start
    void start(Stage stage) throws Exception {
        window = HeapViewsTest.heapWindow(stage, home);
    }

    @AfterEach
    void closeHeapTabs(FxRobot robot) {
        HeapViewsTest.closeHeapTabs(robot, window);
    }

    /** Opens a dump and waits for its document. */
    private HeapDocument open(FxRobot robot, Path file) throws Exception {
        robot.interact(() -> InquestApp.openArguments(window, List.of(file.toString())));
        HeapDocument[] doc = new HeapDocument[1];
        HeapViewsTest.waitFor("heap tab " + file.getFileName(), 120, () -> {
            for (Tab t : window.documents().allTabs()) {
                HeapDocument d = HeapViews.documentOf(t);
                if (d != null && d.file().equals(file)) {
                    doc[0] = d;
                    return true;
                }
            }
            return false;
        });
        return doc[0];
    }

    private static MenuItem item(ContextMenu menu, String id) {
        return menu.getItems().stream().filter(i -> id.equals(i.getId())).findFirst().orElseThrow();
    }

    /** Opens a table's row menu for its selected row as a right click would and picks an item. */
    private static void fire(FxRobot robot, ContextMenu menu, String id, String text) {
        robot.interact(() -> {
            menu.getOnShowing().handle(null);
            MenuItem i = item(menu, id);
            assertThat(i.isDisable()).as(id).isFalse();
            assertThat(i.getText()).isEqualTo(text);
            i.fire();
        });
    }

    @Test
    void compareOffersTheOtherOpenDumpsFirst(FxRobot robot) throws Exception {
        Path before = LeakDumps.file("grow-1");
        Path after = LeakDumps.file("grow-2");
        open(robot, before);
        HeapDocument doc = open(robot, after);
        robot.interact(() -> doc.show(Section.HISTOGRAM));
        robot.clickOn("#histogram-compare");
        HeapViewsTest.waitFor("baseline menu", 10, () -> doc.shownBaselineMenu() != null && doc.shownBaselineMenu().isShowing());
        ContextMenu menu = doc.shownBaselineMenu();
        assertThat(menu.getItems()).extracting(MenuItem::getText)
                .containsExactly("Compare with grow-1.hprof", null, "Other file...");
        robot.interact(() -> item(menu, "baseline-open-0").fire());
        HeapViewsTest.waitFor("comparison", 120, () -> doc.baseline().isPresent());
        assertThat(doc.baseline().orElseThrow().file()).isEqualTo(before);

        // The histogram's "before" figures are the open baseline's own histogram, class for class.
        HistogramView histogram = doc.viewOf(Section.HISTOGRAM, HistogramView.class);
        HeapViewsTest.waitFor("delta columns", 60, () -> !histogram.shownRows().isEmpty() && histogram.shownRows().getFirst().countDelta() != null);
        Map<String, HistogramRow> baseline;
        try (HeapDump b = LeakDumps.open("grow-1")) {
            baseline = b.histogram(Grouping.CLASS).stream().collect(Collectors.toMap(HistogramRow::name, r -> r));
        }
        for (HistogramView.Row r : histogram.shownRows()) {
            HistogramRow b = baseline.get(r.name());
            assertThat(r.count() - r.countDelta()).as(r.name()).isEqualTo(b == null ? 0 : b.count());
        }
        // With only one dump open there is nothing to offer but a file.
        robot.interact(() -> window.documents().allTabs().stream().filter(t -> HeapViews.documentOf(t) != null
                && HeapViews.documentOf(t) != doc).toList().forEach(window.documents()::close));
        assertThat(doc.baselineChoices().getItems()).extracting(MenuItem::getId).containsExactly("baseline-other-file");
    }

    @Test
    void aHistogramClassRowInspectsItsLargestInstanceAndShowsWhyItsInstancesAreAlive(FxRobot robot) throws Exception {
        HeapDocument doc = open(robot, LeakDumps.file("duplicates"));
        String cls = "LeakPatterns$SessionView";
        robot.interact(() -> doc.show(Section.HISTOGRAM));
        HistogramView histogram = doc.viewOf(Section.HISTOGRAM, HistogramView.class);
        HeapViewsTest.waitFor("histogram", 60, () -> histogram.totalRows() > 0);
        robot.interact(() -> histogram.setFilter(HeapDocument.exactly(cls)));
        assertThat(histogram.shownRows()).extracting(HistogramView.Row::name).containsExactly(cls);
        @SuppressWarnings("unchecked")
        TableView<HistogramView.Row> table = robot.lookup("#histogram-table").queryAs(TableView.class);
        robot.interact(() -> table.getSelectionModel().select(0));

        fire(robot, table.getContextMenu(), "row-inspect", "Inspect the largest instance");
        long largest = ClassInstances.largest(doc.dump(), cls, Progress.NONE);
        HeapViewsTest.waitFor("inspector", 60, () -> doc.inspector(InspectorView.class) != null
                && doc.inspector(InspectorView.class).current() != null);
        assertThat(doc.inspector(InspectorView.class).current().node()).isEqualTo(largest);
        assertThat(doc.dump().className(largest)).isEqualTo(cls);

        fire(robot, table.getContextMenu(), "row-paths", "Paths to GC roots (all instances, merged)");
        HeapViewsTest.waitFor("why alive", 120, () -> doc.whyAlive(WhyAliveView.class) != null
                && doc.whyAlive(WhyAliveView.class).result() != null);
        WhyAliveView why = doc.whyAlive(WhyAliveView.class);
        WhyAlive.Result expected = WhyAlive.forClass(doc.dump(), cls, Progress.NONE);
        assertThat(why.result().className()).isEqualTo(cls);
        assertThat(why.result().instances()).isEqualTo(20_000).isEqualTo(histogram.shownRows().getFirst().count());
        assertThat(why.result()).usingRecursiveComparison().isEqualTo(expected);
        // The tree shows the engine's top rows; a row's children exist only once it was opened.
        var top = why.tree().getRoot().getChildren();
        assertThat(top).extracting(i -> i.getValue()).containsExactlyElementsOf(expected.roots().subList(0,
                Math.min(expected.roots().size(), WhyAliveView.CHILDREN)));
        assertThat(leafCount(why.tree().getRoot())).isLessThan(200);
        assertThat(why.tree().getRoot().getChildren().stream().mapToLong(i -> i.getValue().objects()).sum()).isEqualTo(expected.withPath());

        // Duplicate objects reach the same view for their class.
        robot.interact(() -> doc.show(Section.DUPLICATES));
        DuplicateObjectsView dups = doc.viewOf(Section.DUPLICATES, DuplicateObjectsView.class);
        HeapViewsTest.waitFor("duplicates", 60, () -> !dups.table().getItems().isEmpty());
        robot.interact(() -> why.show("java.lang.String"));
        HeapViewsTest.waitFor("strings", 120, () -> why.result() != null && why.result().className().equals("java.lang.String"));
        robot.interact(() -> dups.table().getSelectionModel().select(0));
        fire(robot, dups.table().getContextMenu(), "row-why-alive", "Why alive? (merged paths of the class)");
        HeapViewsTest.waitFor("why alive of the duplicates", 120, () -> why.result() != null && why.result().className().equals(cls));
        assertThat(why.result().withPath()).isEqualTo(expected.withPath());
    }

    /** Tree items made so far under {@code item} (its children only where they were built). */
    private static long leafCount(javafx.scene.control.TreeItem<WhyAlive.Group> item) {
        long n = 0;
        java.util.ArrayDeque<javafx.scene.control.TreeItem<WhyAlive.Group>> todo = new java.util.ArrayDeque<>(List.of(item));
        while (!todo.isEmpty()) {
            var i = todo.pop();
            n++;
            if (i instanceof WhyAliveView.GroupItem g && !g.built()) {
                continue;
            }
            todo.addAll(i.getChildren());
        }
        return n;
    }

    @Test
    void collectionFillListsTheCollectionsOfAClass(FxRobot robot) throws Exception {
        HeapDocument doc = open(robot, LeakDumps.file("grow-2"));
        robot.interact(() -> doc.show(Section.COLLECTIONS));
        CollectionsView view = doc.viewOf(Section.COLLECTIONS, CollectionsView.class);
        HeapViewsTest.waitFor("collections", 60, () -> !view.table().getItems().isEmpty());
        CollectionFill.Row lists = view.table().getItems().stream().filter(r -> r.className().equals("java.util.ArrayList")).findFirst()
                .orElseThrow();
        robot.interact(() -> view.table().getSelectionModel().select(lists));
        HeapViewsTest.waitFor("instances", 60, () -> !view.instances().getItems().isEmpty());
        CollectionFill.Instances expected = CollectionFill.instances(doc.dump(), "java.util.ArrayList", CollectionFill.Order.BIGGEST,
                1_000, Progress.NONE);
        assertThat(view.instances().getItems()).containsExactlyElementsOf(expected.rows());
        assertThat(view.instances().getItems()).hasSize((int) Math.min(1_000, lists.instances()));
        assertThat(view.instances().getItems().getFirst().size()).isEqualTo(lists.largestSize()).isGreaterThanOrEqualTo(8_000);

        robot.interact(() -> view.setOrder(CollectionFill.Order.EMPTIEST));
        HeapViewsTest.waitFor("emptiest", 60, () -> view.shownInstances() != null && !view.instances().getItems().isEmpty()
                && view.instances().getItems().equals(CollectionFill.instances(doc.dump(), "java.util.ArrayList",
                        CollectionFill.Order.EMPTIEST, 1_000, Progress.NONE).rows()));
        assertThat(view.instances().getItems()).isSortedAccordingTo(Comparator.comparingLong(CollectionFill.Instance::wastedBytes).reversed());

        // A collection's row menu inspects that collection.
        robot.interact(() -> view.instances().getSelectionModel().select(0));
        fire(robot, view.instances().getContextMenu(), "row-inspect", "Inspect");
        HeapViewsTest.waitFor("inspector", 60, () -> doc.inspector(InspectorView.class) != null
                && doc.inspector(InspectorView.class).current() != null);
        assertThat(doc.inspector(InspectorView.class).current().node()).isEqualTo(view.instances().getItems().getFirst().node());
    }
}
