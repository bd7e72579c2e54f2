package dev.inquest.ui.heap;

import static org.assertj.core.api.Assertions.assertThat;

import dev.inquest.format.Units;
import dev.inquest.heap.index.DumpInternals;
import dev.inquest.heap.model.HeapDump;
import dev.inquest.heap.model.OpenOptions;
import dev.inquest.heap.model.ShapesDumpAccess;
import dev.inquest.heap.query.Comparison;
import dev.inquest.heap.query.DominatorDelta;
import dev.inquest.heap.query.HeapComparison;
import dev.inquest.heap.query.Inspection;
import dev.inquest.heap.query.LeakDumps;
import dev.inquest.heap.query.ObjectInspector;
import dev.inquest.progress.Progress;
import dev.inquest.ui.heap.HeapDocument.Section;
import dev.inquest.ui.heap.GrowthRows;
import dev.inquest.ui.heap.compare.GrowthView;
import dev.inquest.ui.heap.histogram.HistogramView;
import dev.inquest.ui.heap.inspector.InspectorView;
import dev.inquest.ui.shell.MainWindow;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import javafx.scene.control.TableColumn;
import javafx.stage.Stage;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The growth view on two dumps of one child JVM ({@code LeakPatterns}: {@code Store.items} grows
 * from 5,000 to 8,000 {@code Item}s between them) against the engine's comparison, and the
 * inspector's retained-set tab on the shapes dump (100 holders of a 1,000-byte array each).
 */
@Tag("slow")
@ExtendWith(ApplicationExtension.class)
class GrowthAndRetainedSetTest {
    @TempDir
    static Path home;

    private MainWindow window;

    @org.junit.jupiter.api.AfterEach
    void closeHeapTabs(FxRobot robot) {
        HeapViewsTest.closeHeapTabs(robot, window);
    }

    @Start
    void start(Stage stage) throws Exception {
        window = HeapViewsTest.heapWindow(stage, home);
    }

    @Test
    void growthViewListsTheEnginesDominatorDeltas(FxRobot robot) throws Exception {
        Path before = LeakDumps.file("grow-1");
        Path after = LeakDumps.file("grow-2");
        HeapDocument doc = HeapViewsTest.openAndWait(robot, window, after);
        robot.interact(() -> doc.show(Section.GROWTH));
        GrowthView view = doc.viewOf(Section.GROWTH, GrowthView.class);
        assertThat(view.shownRows()).isEmpty();
        robot.interact(() -> doc.compareWith(before));
        HeapViewsTest.waitFor("comparison", 120, () -> !view.shownRows().isEmpty());

        Comparison expected;
        try (HeapDump b = HeapDump.open(before, OpenOptions.DEFAULT.withIndexFile(false), Progress.NONE)) {
            expected = HeapComparison.compare(b, doc.dump(), Progress.NONE);
        }
        // Row for row the engine's dominator deltas, in its order (largest growth first).
        assertThat(view.shownRows()).extracting(GrowthRows.Row::delta).containsExactlyElementsOf(expected.dominators());
        assertThat(view.shownRows()).extracting(r -> r.delta().retainedDelta())
                .isSortedAccordingTo(java.util.Comparator.reverseOrder());

        // By construction: the list under Store grew by 3,000 Items (24 bytes, each holding a 120-byte
        // byte[]) and its backing array by ArrayList's growth from 10 by halves.
        GrowthRows.Row top = view.shownRows().getFirst();
        assertThat(top.className()).isEqualTo("java.util.ArrayList");
        assertThat(top.holders().getLast()).isEqualTo("class LeakPatterns$Store");
        long slotsBefore = 10;
        while (slotsBefore < 5_000) {
            slotsBefore += slotsBefore >> 1;
        }
        long slotsAfter = slotsBefore;
        while (slotsAfter < 8_000) {
            slotsAfter += slotsAfter >> 1;
        }
        long arrayGrowth = align(16 + 4 * slotsAfter) - align(16 + 4 * slotsBefore);
        assertThat(top.delta().retainedDelta()).isEqualTo(3_000L * (24 + 120) + arrayGrowth);
        // Store holds two lists (items and the stable 1,000 Things): one path, two objects.
        assertThat(top.delta().countBefore()).isEqualTo(2);
        assertThat(top.delta().countAfter()).isEqualTo(2);

        // Each row acts on the largest object of its path in this dump: here the growing list.
        HeapDump dump = doc.dump();
        assertThat(top.node()).isNotNegative();
        assertThat(dump.className(top.node())).isEqualTo("java.util.ArrayList");
        var tree = DumpInternals.of(dump).dominatorTree();
        long holder = tree.idom(top.node());
        long largestList = -1;
        long lists = 0;
        for (long i = 0; i < tree.childCount(holder); i++) {
            long c = tree.child(holder, i);
            if (dump.className(c).equals("java.util.ArrayList")) {
                lists++;
                if (largestList < 0 || dump.retained(c) > dump.retained(largestList)) {
                    largestList = c;
                }
            }
        }
        assertThat(lists).isEqualTo(2);
        assertThat(top.node()).isEqualTo(largestList);
        assertThat(dump.retained(top.node())).isGreaterThan(8_000L * (24 + 120));
        for (GrowthRows.Row r : view.shownRows()) {
            assertThat(r.node()).as("object for %s", r.delta().path()).isNotNegative();
            assertThat(dump.className(r.node())).isEqualTo(r.className());
            assertThat(dump.retained(r.node())).isLessThanOrEqualTo(r.delta().retainedAfter());
        }
        @SuppressWarnings("unchecked")
        TableColumn<GrowthRows.Row, Long> delta = (TableColumn<GrowthRows.Row, Long>) view.table().getVisibleLeafColumns().stream()
                .filter(c -> "col-growth-delta".equals(c.getId())).findFirst().orElseThrow();
        assertThat(delta.getCellData(0)).isEqualTo(top.delta().retainedDelta());

        // Narrow (issue 18): the holders and counts give way, the name and the figures stay whole;
        // a column the reader brings back from the header's menu stays.
        javafx.stage.Stage stage = (javafx.stage.Stage) view.table().getScene().getWindow();
        double wide = stage.getWidth();
        robot.interact(() -> stage.setWidth(560));
        org.testfx.util.WaitForAsyncUtils.waitForFxEvents();
        TableColumn<?, ?> holders = column(view, "col-growth-holders");
        assertThat(holders.isVisible()).as("holders hidden at 560 px").isFalse();
        assertThat(delta.isVisible()).isTrue();
        assertThat(wholeCells(view)).as("the name and the figures, as drawn").anyMatch(t -> t.endsWith("ArrayList"))
                .contains(Units.bytesDelta(top.delta().retainedDelta()));
        robot.interact(() -> holders.setVisible(true));
        robot.interact(() -> stage.setWidth(600));
        org.testfx.util.WaitForAsyncUtils.waitForFxEvents();
        assertThat(holders.isVisible()).as("the reader's choice stays").isTrue();
        robot.interact(() -> stage.setWidth(wide));
        org.testfx.util.WaitForAsyncUtils.waitForFxEvents();
        assertThat(view.summaryText()).contains("grow-1.hprof").contains(Units.bytes(expected.usedAfter()))
                .contains(Units.count(expected.dominators().size()) + " dominator path");

        // The row menu: Markdown row with the figures shown; Inspect opens the list.
        HeapViewsTest.fireRowAction(robot, view.table(), "row-copy-markdown");
        assertThat(HeapViewsTest.clipboardText(robot)).startsWith("| `java.util.ArrayList` |").contains("> class LeakPatterns$Store` | 2 | 2 |")
                .contains(Units.bytesDelta(top.delta().retainedDelta()));
        HeapViewsTest.fireRowAction(robot, view.table(), "row-inspect");
        HeapViewsTest.waitFor("inspector", 60, () -> doc.inspector(dev.inquest.ui.heap.inspector.InspectorView.class) != null && doc.inspector(dev.inquest.ui.heap.inspector.InspectorView.class).current() != null);
        assertThat(doc.inspector(dev.inquest.ui.heap.inspector.InspectorView.class).current().node()).isEqualTo(top.node());

        // The same baseline gives the histogram its delta columns.
        robot.interact(() -> doc.show(Section.HISTOGRAM));
        HistogramView histogram = doc.viewOf(Section.HISTOGRAM, HistogramView.class);
        HeapViewsTest.waitFor("histogram deltas", 60, () -> histogram.shownRows().stream().anyMatch(r -> r.countDelta() != null));
        // Every row is the engine's class delta (one join: HeapComparison's), gone classes included.
        assertThat(histogram.shownRows()).extracting(HistogramView.Row::name, HistogramView.Row::count,
                HistogramView.Row::shallow, HistogramView.Row::retained, HistogramView.Row::countDelta,
                HistogramView.Row::shallowDelta, HistogramView.Row::retainedDelta)
                .containsExactlyInAnyOrderElementsOf(deltaTuples(expected.classes()));
        robot.interact(() -> histogram.setFilter("^LeakPatterns\\$Item$"));
        assertThat(histogram.shownRows()).singleElement().satisfies(r -> {
            assertThat(r.countDelta()).isEqualTo(3_000);
            assertThat(r.shallowDelta()).isEqualTo(3_000L * 24);
            // Each Item keeps its own 120-byte array: the retained growth of the class's instances.
            assertThat(r.retainedDelta()).isEqualTo(3_000L * (24 + 120));
        });
        // By package: the engine's package deltas, and the default package grew by the Items.
        robot.interact(() -> {
            histogram.setFilter("");
            histogram.setGroupBy(HistogramView.GroupBy.PACKAGE);
        });
        HeapViewsTest.waitFor("package deltas", 60, () -> histogram.shownRows().size() == expected.packages().size()
                && histogram.shownRows().stream().allMatch(r -> r.countDelta() != null));
        assertThat(expected.packages()).isNotEmpty();
        assertThat(histogram.shownRows()).extracting(HistogramView.Row::name, HistogramView.Row::count,
                HistogramView.Row::shallow, HistogramView.Row::retained, HistogramView.Row::countDelta,
                HistogramView.Row::shallowDelta, HistogramView.Row::retainedDelta)
                .containsExactlyInAnyOrderElementsOf(deltaTuples(expected.packages()));
        // Class loaders are named by address, which never matches across dumps: no delta columns.
        robot.interact(() -> histogram.setGroupBy(HistogramView.GroupBy.LOADER));
        HeapViewsTest.waitFor("loader rows", 60, () -> !histogram.shownRows().isEmpty()
                && histogram.shownRows().stream().allMatch(r -> r.countDelta() == null));
    }

    private static List<org.assertj.core.groups.Tuple> deltaTuples(List<dev.inquest.heap.query.ClassDelta> deltas) {
        return deltas.stream().map(d -> org.assertj.core.groups.Tuple.tuple(d.name(), d.countAfter(), d.shallowAfter(),
                d.retainedAfter(), d.countDelta(), d.shallowDelta(), d.retainedDelta())).toList();
    }

    private static long align(long n) {
        return (n + 7) & ~7L;
    }

    @Test
    void inspectorShowsTheRetainedSetByClass(FxRobot robot) throws Exception {
        HeapDocument doc = HeapViewsTest.openAndWait(robot, window, ShapesDumpAccess.plain());
        HeapDump dump = doc.dump();
        long holders = ShapesDumpAccess.staticNode(dump, "holders");
        robot.interact(() -> doc.inspect(holders));
        HeapViewsTest.waitFor("inspector", 60, () -> doc.inspector(dev.inquest.ui.heap.inspector.InspectorView.class).current() != null);
        InspectorView inspector = doc.inspector(dev.inquest.ui.heap.inspector.InspectorView.class);
        robot.interact(inspector::showRetainedSet);
        HeapViewsTest.waitFor("retained set", 60, () -> inspector.retainedSetRows() != null);

        List<Inspection.ClassCount> rows = inspector.retainedSetRows();
        assertThat(rows).isEqualTo(ObjectInspector.retainedSet(dump, holders, Progress.NONE));
        // By construction: the array (16-byte header + 100 compressed references), 100 Holders
        // (12 + 4 bytes) and their 100 byte[1000] (16 + 1,000 bytes); nothing else.
        Map<String, long[]> byClass = rows.stream().collect(Collectors.toMap(Inspection.ClassCount::className,
                r -> new long[] {r.count(), r.shallow()}));
        // Plus the class object of HeapShapes$Holder[]: only its one instance refers to it (MAT's
        // model: an instance references its class), and array classes have no statics (0 bytes).
        assertThat(byClass).containsOnlyKeys("HeapShapes$Holder[]", "HeapShapes$Holder", "byte[]", "java.lang.Class");
        assertThat(byClass.get("java.lang.Class")).containsExactly(1, 0);
        assertThat(byClass.get("HeapShapes$Holder[]")).containsExactly(1, 16 + 4 * 100);
        assertThat(byClass.get("HeapShapes$Holder")).containsExactly(100, 100 * 16);
        assertThat(byClass.get("byte[]")).containsExactly(100, 100 * 1_016);
        assertThat(rows.getFirst().className()).isEqualTo("byte[]");
        assertThat(rows.stream().mapToLong(Inspection.ClassCount::shallow).sum()).isEqualTo(dump.retained(holders));

        // Walking to one holder recomputes it: the holder and its array.
        long holder = dump.outbound(holders).stream().filter(r -> r.className().equals("HeapShapes$Holder")).findFirst().orElseThrow().node();
        robot.interact(() -> inspector.navigate(holder));
        HeapViewsTest.waitFor("holder's retained set", 60, () -> inspector.current().node() == holder
                && inspector.retainedSetRows() != null && inspector.retainedSetRows().size() == 2);
        assertThat(inspector.retainedSetRows()).extracting(Inspection.ClassCount::className, Inspection.ClassCount::count,
                Inspection.ClassCount::shallow).containsExactly(
                        org.assertj.core.groups.Tuple.tuple("byte[]", 1L, 1_016L),
                        org.assertj.core.groups.Tuple.tuple("HeapShapes$Holder", 1L, 16L));
    }

    private static TableColumn<?, ?> column(GrowthView view, String id) {
        java.util.ArrayDeque<TableColumn<GrowthRows.Row, ?>> todo = new java.util.ArrayDeque<>(view.table().getColumns());
        while (!todo.isEmpty()) {
            TableColumn<GrowthRows.Row, ?> c = todo.pop();
            if (id.equals(c.getId())) {
                return c;
            }
            todo.addAll(c.getColumns());
        }
        throw new AssertionError("no column " + id);
    }

    /** The texts of the table's cells as drawn; fails on a cell whose drawn text is elided. */
    private static List<String> wholeCells(GrowthView view) {
        List<String> shown = new java.util.ArrayList<>();
        for (javafx.scene.Node n : view.table().lookupAll(".table-cell")) {
            if (n instanceof javafx.scene.control.TableCell<?, ?> cell && cell.isVisible() && cell.getText() != null && !cell.isEmpty()) {
                for (javafx.scene.Node t : cell.getChildrenUnmodifiable()) {
                    if (t instanceof javafx.scene.text.Text text && t.getClass().getSimpleName().equals("LabeledText")) {
                        assertThat(text.getText()).as("drawn text of a cell").isEqualTo(cell.getText());
                        shown.add(text.getText());
                    }
                }
            }
        }
        return shown;
    }
}
