package dev.inquest.ui.heap;

import static org.assertj.core.api.Assertions.assertThat;

import dev.inquest.format.Units;
import dev.inquest.heap.index.DumpInternals;
import dev.inquest.heap.model.DominatorRow;
import dev.inquest.heap.model.Grouping;
import dev.inquest.heap.model.HeapDump;
import dev.inquest.heap.model.ObjectRef;
import dev.inquest.heap.model.PathStep;
import dev.inquest.heap.model.ShapesDumpAccess;
import dev.inquest.ui.InquestApp;
import dev.inquest.ui.heap.HeapDocument.Section;
import dev.inquest.ui.heap.dominators.DominatorRows;
import dev.inquest.ui.heap.dominators.DominatorView;
import dev.inquest.ui.heap.histogram.HistogramView;
import dev.inquest.ui.heap.inspector.InspectorView;
import dev.inquest.ui.heap.paths.PathsView;
import dev.inquest.ui.heap.tables.ThreadsView;
import dev.inquest.ui.shell.MainWindow;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javafx.scene.control.Tab;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeTableView;
import javafx.scene.input.Clipboard;
import javafx.stage.Stage;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The heap views on a real HotSpot dump ({@code HeapShapes}: 100 {@code Holder}s each holding a
 * 1,000-byte array, known strings, a soft reference): every figure is checked against the engine
 * or against the workload's construction.
 */
@Tag("slow")
@ExtendWith(ApplicationExtension.class)
class HeapViewsTest {
    @TempDir
    static Path home;

    private MainWindow window;

    /** Closes every heap tab, which releases its dump: the next test checks for leftovers. */
    @org.junit.jupiter.api.AfterEach
    void closeHeapTabs(FxRobot robot) {
        closeHeapTabs(robot, window);
    }

    @Start
    void start(Stage stage) throws Exception {
        window = HeapViewsTest.heapWindow(stage, home);
    }

    /** Closes the window's heap tabs, which releases their dumps. */
    static void closeHeapTabs(FxRobot robot, MainWindow window) {
        robot.interact(() -> window.documents().allTabs().stream().filter(t -> HeapViews.documentOf(t) != null).toList()
                .forEach(window.documents()::close));
    }

    /** A shown window with the heap views, its settings in a fresh folder under {@code home}. */
    static MainWindow heapWindow(Stage stage, Path home) throws java.io.IOException {
        MainWindow w = dev.inquest.ui.TestWindows.withFreshSettings(stage, home);
        dev.inquest.ui.Views.heap(w);
        stage.show();
        return w;
    }

    static void waitFor(String what, int seconds, BooleanSupplier condition) throws Exception {
        WaitForAsyncUtils.waitFor(seconds, TimeUnit.SECONDS, () -> {
            WaitForAsyncUtils.waitForFxEvents();
            return condition.getAsBoolean();
        });
    }

    /** Picks an item of a table's row menu (by id) for its first row, as a right click on it would. */
    static void fireRowAction(FxRobot robot, javafx.scene.control.TableView<?> table, String id) {
        robot.interact(() -> {
            table.getSelectionModel().select(0);
            var menu = table.getContextMenu();
            menu.getOnShowing().handle(null);
            menu.getItems().stream().filter(i -> id.equals(i.getId())).findFirst().orElseThrow().fire();
        });
    }

    /** The clipboard's text, read on the FX thread. */
    static String clipboardText(FxRobot robot) {
        String[] text = new String[1];
        robot.interact(() -> text[0] = Clipboard.getSystemClipboard().getString());
        return text[0];
    }

    static HeapDocument openAndWait(FxRobot robot, MainWindow window, Path dump) throws Exception {
        robot.interact(() -> InquestApp.openArguments(window, List.of(dump.toString())));
        HeapDocument[] doc = new HeapDocument[1];
        waitFor("heap tab", 120, () -> {
            for (Tab t : window.documents().allTabs()) {
                if (HeapViews.documentOf(t) != null) {
                    doc[0] = HeapViews.documentOf(t);
                    return true;
                }
            }
            return false;
        });
        return doc[0];
    }

    @Test
    void walksDominatorsHistogramInspectorAndPaths(FxRobot robot) throws Exception {
        HeapDocument doc = openAndWait(robot, window, ShapesDumpAccess.plain());
        HeapDump dump = doc.dump();
        assertThat(doc.shownSection()).isEqualTo(Section.OVERVIEW);
        assertThat(doc.summary().objects()).isEqualTo(dump.summary().objects());
        // In the background the shared query structures are built (or mapped) and kept beside the index.
        waitFor("queries prepared", 60, doc::queriesPrepared);
        DumpInternals.of(dump).derivedStore().awaitSaves();
        long nodes = DumpInternals.of(dump).index().nodeCount();
        assertThat(DumpInternals.of(dump).derivedStore().file("strong-parents")).isRegularFile().satisfies(f -> assertThat(Files.size(f)).isGreaterThan(4 * nodes));
        assertThat(DumpInternals.of(dump).derivedStore().file("instances")).isRegularFile();
        assertThat(DumpInternals.of(dump).derivedStore().file("inbound")).isRegularFile();

        // Dominator tree: the first row is the engine's biggest dominator, with its retained size.
        robot.interact(() -> doc.show(Section.DOMINATORS));
        DominatorView dominators = doc.viewOf(Section.DOMINATORS, DominatorView.class);
        DominatorRow biggest = dump.topDominators(1).getFirst();
        DominatorRows.Row first = dominators.topRows().getFirst();
        assertThat(first.node()).isEqualTo(biggest.node());
        assertThat(first.retained()).isEqualTo(biggest.retained()).isEqualTo(dump.retained(biggest.node()));
        long topLevel = DumpInternals.of(dump).dominatorTree().topLevelCount();
        assertThat(dominators.topRows()).hasSize((int) Math.min(100, topLevel) + (topLevel > 100 ? 1 : 0));
        if (topLevel > 100) {
            assertThat(dominators.topRows().getLast().kind()).isEqualTo(DominatorRows.Kind.MORE);
            assertThat(dominators.topRows().getLast().total()).isEqualTo(topLevel);
        }
        TreeTableView<?> table = dominators.table();
        assertThat(table.getColumns().get(3).getCellData(0)).isEqualTo(biggest.retained());

        // The filter narrows the top level by class: class objects are instances of java.lang.Class.
        long classObjects = 0;
        for (long i = 0; i < topLevel; i++) {
            if (DumpInternals.of(dump).index().classOf(DumpInternals.of(dump).dominatorTree().topLevel(i)).name().equals("java.lang.Class")) {
                classObjects++;
            }
        }
        assertThat(classObjects).isPositive();
        robot.interact(() -> dominators.setFilter("^java\\.lang\\.Class$"));
        long expectedClasses = classObjects;
        waitFor("filtered", 30, () -> ((javafx.scene.control.Label) robot.lookup("#dominator-status").query()).getText()
                .startsWith("Top level: " + Units.count(expectedClasses) + " objects of"));
        assertThat(dominators.topRows()).filteredOn(r -> r.kind() != DominatorRows.Kind.MORE)
                .allMatch(r -> r.name().startsWith("class "));

        // Walk down the idom chain to the holders array, paging where needed: it immediately
        // dominates its 100 Holders, each retaining 16 + 1,016 bytes, and the array class that
        // only it references: 101 children, so a page of 100 and a "more" row.
        long holders = ShapesDumpAccess.staticNode(dump, "holders");
        robot.interact(() -> dominators.setFilter(""));
        waitFor("unfiltered", 30, () -> ((javafx.scene.control.Label) robot.lookup("#dominator-status").query()).getText()
                .equals("Top level: " + Units.count(topLevel) + " objects"));
        @SuppressWarnings("unchecked")
        TreeItem<DominatorRows.Row> holdersItem = expandTo((TreeTableView<DominatorRows.Row>) table, dump, holders, robot);
        robot.interact(() -> holdersItem.setExpanded(true));
        assertThat(DumpInternals.of(dump).dominatorTree().childCount(holders)).isEqualTo(101);
        assertThat(holdersItem.getChildren()).hasSize(101);
        assertThat(holdersItem.getChildren().subList(0, 100)).allSatisfy(i -> {
            assertThat(i.getValue().name()).isEqualTo("HeapShapes$Holder");
            assertThat(i.getValue().retained()).isEqualTo(16 + 1016);
        });
        // Sorting by another column sorts the loaded rows; the "more" row stays last.
        @SuppressWarnings("unchecked")
        var shallowColumn = (javafx.scene.control.TreeTableColumn<DominatorRows.Row, ?>) table.getColumns().get(2);
        assertThat(shallowColumn.getText()).isEqualTo("Shallow");
        robot.interact(() -> {
            shallowColumn.setSortType(javafx.scene.control.TreeTableColumn.SortType.DESCENDING);
            ((TreeTableView<DominatorRows.Row>) (TreeTableView<?>) table).getSortOrder().setAll(List.of(shallowColumn));
        });
        List<DominatorRows.Row> sorted = holdersItem.getChildren().stream().map(TreeItem::getValue).toList();
        assertThat(sorted.getLast().kind()).isEqualTo(DominatorRows.Kind.MORE);
        assertThat(sorted.subList(0, sorted.size() - 1)).isSortedAccordingTo(
                java.util.Comparator.comparingLong(DominatorRows.Row::shallow).reversed());
        robot.interact(() -> table.getSortOrder().clear());
        assertThat(holdersItem.getChildren().subList(0, 100)).allSatisfy(i -> assertThat(i.getValue().name()).isEqualTo("HeapShapes$Holder"));
        DominatorRows.Row more = holdersItem.getChildren().getLast().getValue();
        assertThat(more.kind()).isEqualTo(DominatorRows.Kind.MORE);
        assertThat(more.shown()).isEqualTo(100);
        assertThat(more.total()).isEqualTo(101);
        robot.interact(() -> dev.inquest.ui.common.PagedTreeItem.activate(holdersItem.getChildren().getLast()));
        assertThat(holdersItem.getChildren()).hasSize(101);
        assertThat(holdersItem.getChildren().getLast().getValue().name()).isEqualTo("class HeapShapes$Holder[]");

        // Grouped by class: the figures are the engine's grouped top level.
        robot.interact(() -> {
            dominators.setFilter("");
            dominators.setGrouping(DominatorView.GroupBy.CLASS);
        });
        List<DominatorRow> grouped = dump.topDominatorsGrouped(Grouping.CLASS, 5);
        waitFor("grouped", 30, () -> !dominators.topRows().isEmpty() && dominators.topRows().getFirst().kind() == DominatorRows.Kind.GROUP);
        for (int i = 0; i < grouped.size(); i++) {
            DominatorRows.Row g = dominators.topRows().get(i);
            assertThat(g.name()).isEqualTo(grouped.get(i).className());
            assertThat(g.count()).isEqualTo(grouped.get(i).count());
            assertThat(g.retained()).isEqualTo(grouped.get(i).retained());
        }

        // Histogram: filter by regex and by plain text; Holder has exactly 100 instances of 16 bytes.
        robot.interact(() -> doc.show(Section.HISTOGRAM));
        HistogramView histogram = doc.viewOf(Section.HISTOGRAM, HistogramView.class);
        waitFor("histogram", 30, () -> histogram.totalRows() > 0);
        robot.interact(() -> histogram.setFilter("Shapes\\$Hold.r$"));
        assertThat(histogram.shownRows()).extracting(HistogramView.Row::name).containsExactly("HeapShapes$Holder");
        HistogramView.Row holder = histogram.shownRows().getFirst();
        assertThat(holder.count()).isEqualTo(100);
        assertThat(holder.shallow()).isEqualTo(1600);
        robot.interact(() -> histogram.setFilter("heapshapes$"));
        assertThat(histogram.shownRows()).isEmpty(); // "$" makes it a regex, anchored at the end
        robot.interact(() -> histogram.setFilter("HEAPSHAPES$NODE"));
        assertThat(histogram.shownRows()).isEmpty();
        robot.interact(() -> histogram.setFilter("heapshapes"));
        assertThat(histogram.shownRows()).extracting(HistogramView.Row::name)
                .contains("HeapShapes$Holder", "HeapShapes$Node", "HeapShapes$SoftPayload")
                .allMatch(n -> n.toLowerCase().contains("heapshapes"));
        assertThat(histogram.shownRows()).hasSize((int) dump.histogram(Grouping.CLASS).stream()
                .filter(r -> r.name().toLowerCase().contains("heapshapes")).count());

        // A baseline: the same dump again, so every delta is zero and no row appears or goes.
        int before = histogram.totalRows();
        robot.interact(() -> histogram.compareWith(ShapesDumpAccess.plain()));
        waitFor("baseline", 60, () -> !histogram.shownRows().isEmpty() && histogram.shownRows().getFirst().countDelta() != null);
        assertThat(histogram.totalRows()).isEqualTo(before);
        assertThat(histogram.shownRows()).isNotEmpty().allSatisfy(r -> {
            assertThat(r.countDelta()).isZero();
            assertThat(r.shallowDelta()).isZero();
            assertThat(r.retainedDelta()).isZero();
        });

        // Inspector: a string's text, and the array slot that references the first Holder.
        long latin = ShapesDumpAccess.staticNode(dump, "latin");
        robot.interact(() -> doc.inspect(latin));
        InspectorView inspector = doc.inspector(dev.inquest.ui.heap.inspector.InspectorView.class);
        waitFor("inspected", 30, () -> inspector.current() != null && inspector.current().node() == latin);
        assertThat(inspector.current().stringValue()).isEqualTo("inquest-42-latin");
        long firstHolder = dump.outbound(holders).stream().filter(r -> r.field().equals("[0]")).findFirst().orElseThrow().node();
        robot.interact(() -> inspector.navigate(firstHolder));
        waitFor("holder", 30, () -> inspector.current().node() == firstHolder);
        assertThat(inspector.current().inbound()).extracting(ObjectRef::node, ObjectRef::field).containsExactly(
                org.assertj.core.groups.Tuple.tuple(holders, "[0]"));
        assertThat(inspector.current().fields()).extracting(InspectorView.FieldRow::name).containsExactly("data");
        robot.interact(inspector::back);
        waitFor("back", 30, () -> inspector.current().node() == latin);
        robot.interact(inspector::forward);
        waitFor("forward", 30, () -> inspector.current().node() == firstHolder);

        // Paths to GC roots: same paths as the engine, each ending in a root.
        robot.interact(() -> doc.pathsToRoots(firstHolder));
        PathsView paths = doc.paths(dev.inquest.ui.heap.paths.PathsView.class);
        waitFor("paths", 60, () -> paths.result() != null && paths.result().node() == firstHolder);
        List<List<PathStep>> expected = dump.pathsToRoots(firstHolder, 25, true, dev.inquest.progress.Progress.NONE).paths();
        assertThat(paths.result().paths()).isEqualTo(expected);
        TreeItem<PathsView.Step> referrer = paths.tree().getRoot().getChildren().getFirst();
        assertThat(referrer.getValue().node()).isEqualTo(holders);
        assertThat(referrer.getValue().field()).isEqualTo("[0]");

        // Copy as Markdown row: the row as the dominator table shows it.
        HeapRow row = new HeapRow(holders, "holders", List.of("Object", "Retained"),
                List.of(MarkdownRow.code("java.lang.Object[] @ 0x1"), Units.bytes(dump.retained(holders))));
        robot.interact(() -> doc.actions().copy(row));
        assertThat(clipboardText(robot)).isEqualTo("| `java.lang.Object[] @ 0x1` | " + Units.bytes(dump.retained(holders)) + " |");

        // Pin as evidence: disabled (with the reason) until a case hooks in, then hands over the row.
        List<HeapRow> pinned = new java.util.ArrayList<>();
        javafx.scene.control.ContextMenu[] menu = new javafx.scene.control.ContextMenu[1];
        robot.interact(() -> {
            menu[0] = doc.actions().menu(() -> row);
            menu[0].getOnShowing().handle(null);
        });
        javafx.scene.control.MenuItem pin = menu[0].getItems().stream().filter(i -> "row-pin".equals(i.getId())).findFirst().orElseThrow();
        assertThat(pin.isDisable()).isTrue();
        assertThat(pin.getText()).contains("needs a case/recording");
        robot.interact(() -> {
            doc.views().setPinHandler((d, r) -> pinned.add(r));
            menu[0].getOnShowing().handle(null);
        });
        assertThat(pin.isDisable()).isFalse();
        robot.interact(pin::fire);
        assertThat(pinned).containsExactly(row);
        robot.interact(() -> doc.views().setPinHandler(null));

        // Threads: the two sharer threads are there, by name.
        robot.interact(() -> doc.show(Section.THREADS));
        ThreadsView threads = doc.viewOf(Section.THREADS, ThreadsView.class);
        waitFor("threads", 30, () -> !threads.table().getItems().isEmpty());
        assertThat(threads.table().getItems()).extracting(t -> t.name()).contains("sharer-0", "sharer-1", "main");
        assertThat(threads.table().getItems()).extracting(t -> t.node())
                .containsExactlyInAnyOrderElementsOf(dev.inquest.heap.query.ThreadOverview.compute(dump, dev.inquest.progress.Progress.NONE)
                        .stream().map(t -> t.node()).toList());

        // The query tables show what the queries answer, row for row.
        robot.interact(() -> doc.show(Section.STRINGS));
        var strings = doc.viewOf(Section.STRINGS, dev.inquest.ui.heap.tables.DuplicateStringsView.class);
        var expectedStrings = dev.inquest.heap.query.DuplicateStrings.find(dump, 1000, false, dev.inquest.progress.Progress.NONE);
        waitFor("strings", 60, () -> strings.table().getItems().size() == expectedStrings.size());
        assertThat(strings.table().getItems()).containsExactlyElementsOf(expectedStrings);
        assertThat(strings.table().getItems()).allMatch(d -> d.redacted());
        robot.interact(() -> doc.show(Section.COLLECTIONS));
        var collections = doc.viewOf(Section.COLLECTIONS, dev.inquest.ui.heap.tables.CollectionsView.class);
        var expectedFill = dev.inquest.heap.query.CollectionFill.compute(dump, dev.inquest.progress.Progress.NONE);
        waitFor("collections", 60, () -> collections.table().getItems().size() == expectedFill.size());
        assertThat(collections.table().getItems()).extracting(r -> r.className())
                .containsExactlyElementsOf(expectedFill.stream().map(r -> r.className()).toList());
        robot.interact(() -> doc.show(Section.LOADERS));
        var loaders = doc.viewOf(Section.LOADERS, dev.inquest.ui.heap.tables.ClassLoadersView.class);
        var expectedLoaders = dev.inquest.heap.query.ClassLoaders.compute(dump, dev.inquest.progress.Progress.NONE);
        waitFor("loaders", 60, () -> !loaders.table().getItems().isEmpty());
        assertThat(loaders.table().getItems()).containsExactlyElementsOf(expectedLoaders.loaders());

        // The overview's suspect cards are the leak suspects query's.
        var overview = doc.viewOf(Section.OVERVIEW, dev.inquest.ui.heap.overview.OverviewView.class);
        var report = dev.inquest.heap.query.LeakSuspects.find(dump, dev.inquest.progress.Progress.NONE);
        waitFor("suspects", 60, () -> !overview.suspectHeadlines().getFirst().startsWith("Looking"));
        assertThat(overview.suspectHeadlines()).isEqualTo(report.noSuspect() ? List.of("No leak suspect")
                : report.suspects().stream().map(s -> s.title()).toList());
    }

    /** Expands the rows from the top level down to {@code node}, loading further pages as a user would. */
    static TreeItem<DominatorRows.Row> expandTo(TreeTableView<DominatorRows.Row> table, HeapDump dump, long node, FxRobot robot) {
        java.util.ArrayDeque<Long> chain = new java.util.ArrayDeque<>();
        for (long v = node; v >= 0; v = DumpInternals.of(dump).dominatorTree().idom(v)) {
            chain.push(v);
        }
        TreeItem<DominatorRows.Row> at = table.getRoot();
        for (long v : chain) {
            TreeItem<DominatorRows.Row> parent = at;
            robot.interact(() -> parent.setExpanded(true));
            TreeItem<DominatorRows.Row> found = null;
            while (found == null) {
                found = parent.getChildren().stream().filter(i -> i.getValue().node() == v).findFirst().orElse(null);
                if (found == null) {
                    TreeItem<DominatorRows.Row> more = parent.getChildren().getLast();
                    assertThat(more.getValue().kind()).as("node %d under %s", v, parent.getValue()).isEqualTo(DominatorRows.Kind.MORE);
                    robot.interact(() -> dev.inquest.ui.common.PagedTreeItem.activate(more));
                }
            }
            at = found;
        }
        return at;
    }

    @Test
    void asksWhichDumpWhenAFileHoldsSeveral(FxRobot robot) throws Exception {
        Path two = dev.inquest.testing.Corpus.file("hprof/oracle_jdk7_21_hprofagent.hprof");
        List<List<dev.inquest.heap.model.DumpChoice>> asked = new java.util.ArrayList<>();
        HeapViews views = dev.inquest.ui.Views.heap(window);
        views.setDumpChooser(choices -> {
            asked.add(choices);
            return java.util.Optional.of(choices.getFirst());
        });
        HeapDocument doc = openAndWait(robot, window, two);
        assertThat(asked).hasSize(1);
        assertThat(asked.getFirst()).hasSize(2);
        assertThat(HeapViews.describe(asked.getFirst().getLast())).startsWith("Dump 1 (");
        assertThat(doc.summary().dump()).isZero();
        assertThat(doc.summary().dumps()).isEqualTo(2);
        try (HeapDump first = HeapDump.open(two, dev.inquest.heap.model.OpenOptions.DEFAULT.withDump(0), dev.inquest.progress.Progress.NONE)) {
            assertThat(doc.summary().objects()).isEqualTo(first.summary().objects());
        }
        assertThat(window.documents().allTabs()).anyMatch(t -> dev.inquest.ui.shell.DocumentArea.title(t).equals(two.getFileName() + " #0"));
    }

    @Test
    void markdownRowsEscapePipes() {
        assertThat(MarkdownRow.row(List.of(MarkdownRow.code("a|b"), "1 KB"))).isEqualTo("| `a\\|b` | 1 KB |");
        assertThat(MarkdownRow.header(List.of("Object", "Retained"))).isEqualTo("| Object | Retained |\n|---|---|");
    }
}
