package dev.inquest.ui.heap;

import static org.assertj.core.api.Assertions.assertThat;

import dev.inquest.heap.index.ClassInfo;
import dev.inquest.heap.index.DumpInternals;
import dev.inquest.heap.model.FieldValue;
import dev.inquest.heap.model.HeapDump;
import dev.inquest.heap.model.ShapesDumpAccess;
import dev.inquest.ui.debug.FxCost;
import dev.inquest.ui.debug.FxWatchdog;
import dev.inquest.ui.heap.HeapDocument.Section;
import dev.inquest.ui.heap.dominators.DominatorRows;
import dev.inquest.ui.heap.dominators.DominatorView;
import dev.inquest.ui.heap.histogram.HistogramView;
import dev.inquest.ui.shell.MainWindow;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import javafx.scene.control.Tab;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeTableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The heap views on a dump big enough to matter ({@link BigDump}: 1.1 million objects, a node
 * with 200,000 children, 50,000 classes): nothing may block the FX thread for long, expanding the
 * wide node must be quick, and a cancelled load must leave nothing behind.
 */
@Tag("slow")
@ExtendWith(ApplicationExtension.class)
class HeapViewsSpeedTest {
    /** The limit for any one FX-thread action. */
    static final long STALL_MS = 50;
    /**
     * What this test accepts for the watchdog's single worst wait. The watchdog measures the queue
     * wait of a no-op, which on a shared CI box also includes the OS not scheduling the FX thread
     * and GC pauses of the 3 GB test JVM; see docs/notes/heap-views.md for the measured spread.
     */
    static final long STALL_BUDGET_MS = Long.getLong("inquest.stallBudget", 1000);

    @TempDir
    static Path home;

    private MainWindow window;

    /** Closes every heap tab, which releases its dump: the next test checks for leftovers. */
    @org.junit.jupiter.api.AfterEach
    void closeHeapTabs(FxRobot robot) {
        HeapViewsTest.closeHeapTabs(robot, window);
    }

    @Start
    void start(Stage stage) throws Exception {
        window = HeapViewsTest.heapWindow(stage, home);
    }

    @Test
    void cancellingALoadHalfWayLeavesNoTabNoMappingAndAWorkingWindow(FxRobot robot) throws Exception {
        Path big = BigDump.file();
        // Parse, not reopen from an index file: the load must be long enough to stop half way.
        robot.interact(() -> dev.inquest.ui.Views.heap(window).setOpenOptions(dev.inquest.heap.model.OpenOptions.DEFAULT.withIndexFile(false)));
        robot.interact(() -> window.open(big));
        String[] cancelledAt = new String[1];
        HeapViewsTest.waitFor("loading", 120, () -> {
            String msg = window.tasks().messageProperty().get();
            double f = window.tasks().fractionProperty().get();
            // Past the record walk and before the end: the status shows progress a few times a
            // second (issue 18), and the faster build's phases may each pass in one or two updates.
            if (window.tasks().runningProperty().get() && !msg.startsWith("Reading") && f < 0.9) {
                cancelledAt[0] = msg;
                window.tasks().cancelCurrent();
                return true;
            }
            return false;
        });
        // busy, not running: running turns false a moment before the failure callback writes the status.
        HeapViewsTest.waitFor("cancelled", 60, () -> !window.tasks().busyProperty().get());
        System.out.println("cancelled at: " + cancelledAt[0]);
        assertThat(window.documents().allTabs()).noneMatch(t -> HeapViews.documentOf(t) != null);
        assertThat(openedHandles(big)).as("mappings and descriptors of %s", big).isEmpty();
        assertThat(window.status().getText()).containsIgnoringCase("cancel");

        // A copy of its own: handles another class left on the shared dump are that class's.
        Path own = Files.copy(ShapesDumpAccess.plain(), Files.createTempDirectory("speed-cancel").resolve("after-cancel.hprof"));
        HeapDocument doc = HeapViewsTest.openAndWait(robot, window, own);
        assertThat(doc.summary().objects()).isPositive();
        robot.interact(() -> window.documents().close(tabOf(doc)));
        // Released off the FX thread, once structures still being written beside the index are on disk.
        HeapViewsTest.waitFor("closing the tab releases the dump", 30, () -> {
            try {
                return openedHandles(own).isEmpty();
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
    }

    private Tab tabOf(HeapDocument doc) {
        return window.documents().allTabs().stream().filter(t -> HeapViews.documentOf(t) == doc).findFirst().orElseThrow();
    }

    /** Lines of /proc/self/maps and open descriptors naming the file (Linux; elsewhere: none known). */
    static List<String> openedHandles(Path file) throws IOException {
        List<String> out = new ArrayList<>();
        String name = file.toRealPath().toString();
        Path maps = Path.of("/proc/self/maps");
        if (Files.isReadable(maps)) {
            Files.readAllLines(maps).stream().filter(l -> l.endsWith(name)).forEach(out::add);
        }
        Path fds = Path.of("/proc/self/fd");
        if (Files.isDirectory(fds)) {
            try (Stream<Path> s = Files.list(fds)) {
                for (Path fd : s.toList()) {
                    try {
                        if (Files.readSymbolicLink(fd).toString().equals(name)) {
                            out.add("fd " + fd.getFileName());
                        }
                    } catch (IOException e) {
                        // closed while listing
                    }
                }
            }
        }
        return out;
    }

    @Test
    void viewsStayResponsiveOnABigDump(FxRobot robot) throws Exception {
        Path big = BigDump.file();
        FxCost actions = new FxCost();
        warmUp(robot);
        try (FxWatchdog dog = new FxWatchdog(STALL_MS).start()) {
            HeapDocument doc = HeapViewsTest.openAndWait(robot, window, big);
            HeapDump dump = doc.dump();
            long wide = staticNode(dump, "wide");
            assertThat(DumpInternals.of(dump).dominatorTree().childCount(wide)).isEqualTo(BigDump.WIDE);
            long openStall = dog.maxStallMillis();

            // Expanding the node with 200,000 children shows its first page at once: the
            // expansion, CSS and layout of the new rows all happen inside the measured action.
            robot.interact(() -> doc.show(Section.DOMINATORS));
            DominatorView dominators = doc.viewOf(Section.DOMINATORS, DominatorView.class);
            @SuppressWarnings("unchecked")
            TreeTableView<DominatorRows.Row> table = (TreeTableView<DominatorRows.Row>) dominators.table();
            TreeItem<DominatorRows.Row> item = HeapViewsTest.expandTo(table, dump, wide, robot);
            dog.reset();
            robot.interact(() -> actions.measure("expand 200,000 children", () -> {
                item.setExpanded(true);
                table.scrollTo(table.getRow(item));
                layout();
            }));
            FxCost.Worst expand = actions.worst();
            assertThat(item.getChildren()).hasSize(DominatorView.PAGE + 1);
            DominatorRows.Row more = item.getChildren().getLast().getValue();
            assertThat(more.total()).isEqualTo(BigDump.WIDE);
            assertThat(item.getChildren().getFirst().getValue().name()).isEqualTo("BigHeap$Leaf");
            long expandStall = dog.maxStallMillis();

            // Typing in the histogram filter over 50,000 classes.
            robot.interact(() -> doc.show(Section.HISTOGRAM));
            HistogramView histogram = doc.viewOf(Section.HISTOGRAM, HistogramView.class);
            HeapViewsTest.waitFor("histogram", 180, () -> histogram.totalRows() > BigDump.CLASSES);
            dog.reset();
            actions.reset();
            for (String typed : List.of("c", "c4", "c49", "c499", "c4999", "p07\\.C\\d*7$", "")) {
                robot.interact(() -> actions.measure("filter " + typed, () -> {
                    histogram.setFilter(typed);
                    layout();
                }));
                if (typed.equals("c4999")) {
                    assertThat(histogram.shownRows()).hasSize(10).allMatch(r -> r.name().matches("gen\\.p\\d\\d\\.C4999\\d"));
                } else if (typed.startsWith("p07")) {
                    assertThat(histogram.shownRows()).hasSize(BigDump.CLASSES / 100);
                }
            }
            FxCost.Worst filter = actions.worst();
            long filterStall = dog.maxStallMillis();

            // Switching through every view (each built on first show, CSS and layout included).
            dog.reset();
            actions.reset();
            for (Section s : Section.values()) {
                robot.interact(() -> actions.measure("show " + s.label(), () -> {
                    doc.show(s);
                    layout();
                }));
            }
            HeapViewsTest.waitFor("background work", 180, () -> !window.tasks().runningProperty().get());
            FxCost.Worst switching = actions.worst();
            FxCost.Worst rendering = doc.fxCost().worst();
            long switchStall = dog.maxStallMillis();

            String report = String.format(java.util.Locale.ROOT,
                    "big dump (cpu/wall ms): expand %d/%d, worst filter %d/%d (%s), worst view switch %d/%d (%s), "
                            + "worst result rendering %d/%d (%s); watchdog max wait: open %d, expand %d, filter %d, switch %d; waits>%d ms: %d",
                    expand.cpuMillis(), expand.wallMillis(), filter.cpuMillis(), filter.wallMillis(), filter.what(),
                    switching.cpuMillis(), switching.wallMillis(), switching.what(), rendering.cpuMillis(), rendering.wallMillis(),
                    rendering.what(), openStall, expandStall, filterStall, switchStall, STALL_MS, dog.stalls())
                    + "; longest block of the view switches:" + worstStall(dog);
            System.out.println(report);
            Files.createDirectories(Path.of("target"));
            Files.writeString(Path.of("target", "heap-views-speed.txt"), report + "\n");
            // Our own work on the FX thread, in CPU time: the limits.
            assertThat(expand.cpuMillis()).as(report).isLessThan(200);
            assertThat(filter.cpuMillis()).as(report).isLessThan(100);
            assertThat(switching.cpuMillis()).as(report).isLessThan(STALL_MS);
            assertThat(rendering.cpuMillis()).as(report).isLessThan(STALL_MS);
            // Wall-clock waits include the OS not scheduling the FX thread on a shared machine.
            assertThat(Math.max(expandStall, Math.max(filterStall, switchStall))).as(report).isLessThan(STALL_BUDGET_MS);
            robot.interact(() -> window.documents().close(tabOf(doc)));
        }
        HeapViewsTest.waitFor("closed", 30, () -> {
            try {
                return openedHandles(big).isEmpty();
            } catch (IOException e) {
                return false;
            }
        });
    }

    /** The watchdog's longest block since the last reset, with its FX-thread CPU time and place. */
    static String worstStall(FxWatchdog dog) {
        return dog.recentStalls().stream().max(java.util.Comparator.comparingLong(FxWatchdog.Stall::wallMillis))
                .map(s -> " " + s).orElse(" none");
    }

    /**
     * The same measurements on a dump given by path, typically the 1 GB benchmark dump
     * ({@code bench/heap/run.sh} writes {@code target/bench/heap-scale1.hprof}); skipped unless
     * {@code -Dinquest.benchDump=PATH} is set. Run it on a quiet machine with
     * {@code -Dinquest.stallBudget=50}: see docs/notes/heap-views.md.
     */
    @Test
    @org.junit.jupiter.api.condition.EnabledIfSystemProperty(named = "inquest.benchDump", matches = ".+")
    void benchmarkDumpStaysResponsive(FxRobot robot) throws Exception {
        Path file = Path.of(System.getProperty("inquest.benchDump"));
        warmUp(robot);
        FxCost actions = new FxCost();
        try (FxWatchdog dog = new FxWatchdog(STALL_MS).start()) {
            robot.interact(() -> window.open(file));
            HeapDocument[] opened = new HeapDocument[1];
            HeapViewsTest.waitFor("benchmark dump", 1800, () -> {
                opened[0] = window.documents().allTabs().stream().map(HeapViews::documentOf).filter(d -> d != null)
                        .findFirst().orElse(null);
                return opened[0] != null;
            });
            HeapDocument doc = opened[0];
            HeapDump dump = doc.dump();
            long openStall = dog.maxStallMillis();
            String openWorst = worstStall(dog);

            long wide = widestNode(dump);
            robot.interact(() -> doc.show(Section.DOMINATORS));
            @SuppressWarnings("unchecked")
            TreeTableView<DominatorRows.Row> table = (TreeTableView<DominatorRows.Row>) doc.viewOf(Section.DOMINATORS, DominatorView.class).table();
            TreeItem<DominatorRows.Row> item = HeapViewsTest.expandTo(table, dump, wide, robot);
            dog.reset();
            robot.interact(() -> actions.measure("expand " + DumpInternals.of(dump).dominatorTree().childCount(wide) + " children", () -> {
                item.setExpanded(true);
                table.scrollTo(table.getRow(item));
                layout();
            }));
            FxCost.Worst expand = actions.worst();
            long expandStall = dog.maxStallMillis();

            robot.interact(() -> doc.show(Section.HISTOGRAM));
            HistogramView histogram = doc.viewOf(Section.HISTOGRAM, HistogramView.class);
            HeapViewsTest.waitFor("histogram", 600, () -> histogram.totalRows() > 0);
            String top = dump.histogram(dev.inquest.heap.model.Grouping.CLASS).stream().map(dev.inquest.heap.model.HistogramRow::name)
                    .filter(n -> !n.endsWith("]")).findFirst().orElse("java.lang.String");
            String simple = top.substring(top.lastIndexOf('.') + 1).toLowerCase(java.util.Locale.ROOT);
            List<String> typing = new ArrayList<>();
            for (int i = 1; i <= Math.min(5, simple.length()); i++) {
                typing.add(simple.substring(0, i));
            }
            typing.add("\\." + java.util.regex.Pattern.quote(top.substring(top.lastIndexOf('.') + 1)) + "$");
            typing.add("");
            dog.reset();
            actions.reset();
            for (String typed : typing) {
                robot.interact(() -> actions.measure("filter " + typed, () -> {
                    histogram.setFilter(typed);
                    layout();
                }));
            }
            FxCost.Worst filter = actions.worst();
            long filterStall = dog.maxStallMillis();
            String filterWorst = worstStall(dog);

            dog.reset();
            actions.reset();
            for (Section s : Section.values()) {
                robot.interact(() -> actions.measure("show " + s.label(), () -> {
                    doc.show(s);
                    layout();
                }));
            }
            HeapViewsTest.waitFor("background work", 1800, () -> !window.tasks().busyProperty().get());
            FxCost.Worst switching = actions.worst();
            FxCost.Worst rendering = doc.fxCost().worst();
            long switchStall = dog.maxStallMillis();
            String report = String.format(java.util.Locale.ROOT,
                    "%s (cpu/wall ms): %s %d/%d, worst filter %d/%d (%s), worst view switch %d/%d (%s), worst result rendering %d/%d (%s); "
                            + "watchdog max wait: open %d, expand %d, filter %d, switch %d; longest layout pass %d ms; "
                            + "longest blocks (wall / FX CPU, where): open%s; filter%s; switch%s",
                    file.getFileName(), expand.what(), expand.cpuMillis(), expand.wallMillis(), filter.cpuMillis(), filter.wallMillis(),
                    filter.what(), switching.cpuMillis(), switching.wallMillis(), switching.what(), rendering.cpuMillis(),
                    rendering.wallMillis(), rendering.what(), openStall, expandStall, filterStall, switchStall, dog.maxPulseMillis(),
                    openWorst, filterWorst, worstStall(dog));
            System.out.println(report);
            Files.writeString(Path.of("target", "heap-views-bench.txt"), report + "\n");
            assertThat(expand.cpuMillis()).as(report).isLessThan(200);
            assertThat(filter.cpuMillis()).as(report).isLessThan(100);
            assertThat(switching.cpuMillis()).as(report).isLessThan(STALL_MS);
            assertThat(rendering.cpuMillis()).as(report).isLessThan(STALL_MS);
            assertThat(Math.max(expandStall, Math.max(filterStall, switchStall))).as(report).isLessThan(STALL_BUDGET_MS);
            robot.interact(() -> window.documents().close(tabOf(doc)));
        }
    }

    /** The dominator with the most children in the top few levels (among each level's largest). */
    static long widestNode(HeapDump dump) {
        var t = DumpInternals.of(dump).dominatorTree();
        long best = -1;
        long bestCount = -1;
        List<Long> level = new ArrayList<>(List.of(dev.inquest.heap.graph.DominatorTree.VIRTUAL_ROOT));
        for (int depth = 0; depth < 4 && !level.isEmpty(); depth++) {
            List<Long> next = new ArrayList<>();
            for (long v : level) {
                for (long i = 0, n = Math.min(50, t.childCount(v)); i < n; i++) {
                    long c = t.child(v, i);
                    if (t.childCount(c) > bestCount) {
                        best = c;
                        bestCount = t.childCount(c);
                    }
                    next.add(c);
                }
            }
            level = next;
        }
        return best;
    }

    /**
     * Opens the small shapes dump and goes through every view once, so the measurement below sees
     * the views as a user does after the first minute: classes loaded, fonts read, code compiled.
     * (First-use costs are the start-up's, measured with it, not the views'.)
     */
    private void warmUp(FxRobot robot) throws Exception {
        HeapDocument doc = HeapViewsTest.openAndWait(robot, window, ShapesDumpAccess.plain());
        for (int round = 0; round < 3; round++) {
            for (Section s : Section.values()) {
                robot.interact(() -> {
                    doc.show(s);
                    layout();
                });
            }
            HistogramView histogram = doc.viewOf(Section.HISTOGRAM, HistogramView.class);
            HeapViewsTest.waitFor("histogram", 60, () -> histogram.totalRows() > 0);
            robot.interact(() -> doc.show(Section.HISTOGRAM));
            for (String typed : List.of("j", "ja", "java", "java\\.util", "")) {
                robot.interact(() -> {
                    histogram.setFilter(typed);
                    layout();
                });
            }
            robot.interact(() -> doc.show(Section.DOMINATORS));
            @SuppressWarnings("unchecked")
            TreeTableView<DominatorRows.Row> table = (TreeTableView<DominatorRows.Row>) doc.viewOf(Section.DOMINATORS, DominatorView.class).table();
            TreeItem<DominatorRows.Row> holders = HeapViewsTest.expandTo(table, doc.dump(), ShapesDumpAccess.staticNode(doc.dump(), "holders"), robot);
            robot.interact(() -> {
                holders.setExpanded(!holders.isExpanded());
                layout();
            });
        }
        HeapViewsTest.waitFor("idle", 60, () -> !window.tasks().runningProperty().get());
        robot.interact(() -> window.documents().close(tabOf(doc)));
    }

    /** CSS and layout now rather than at the next pulse, so a measured action includes them. */
    private void layout() {
        window.stage().getScene().getRoot().applyCss();
        window.stage().getScene().getRoot().layout();
    }

    /** The node a static field of {@code BigHeap} points at. */
    static long staticNode(HeapDump d, String name) {
        ClassInfo c = DumpInternals.of(d).index().classes().stream().filter(k -> k.name().equals("BigHeap")).findFirst().orElseThrow();
        for (FieldValue f : d.fields(DumpInternals.of(d).index().classNode(c.ordinal()))) {
            if (f.reference() && f.name().equals(name)) {
                return d.node((long) f.value());
            }
        }
        throw new AssertionError("no static " + name);
    }
}
