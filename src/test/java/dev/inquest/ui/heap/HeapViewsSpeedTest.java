package dev.inquest.ui.heap;

import static org.assertj.core.api.Assertions.assertThat;

import dev.inquest.heap.index.ClassInfo;
import dev.inquest.heap.model.FieldValue;
import dev.inquest.heap.model.HeapDump;
import dev.inquest.heap.model.ShapesDumpAccess;
import dev.inquest.ui.debug.FxWatchdog;
import dev.inquest.ui.heap.HeapDocument.Section;
import dev.inquest.ui.heap.dominators.DominatorRows;
import dev.inquest.ui.heap.dominators.DominatorView;
import dev.inquest.ui.heap.histogram.HistogramView;
import dev.inquest.ui.settings.Settings;
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
    static final long STALL_BUDGET_MS = Long.getLong("inquest.stallBudget", 150);

    @TempDir
    static Path home;

    private MainWindow window;

    @Start
    void start(Stage stage) throws Exception {
        window = new MainWindow(stage, new Settings(Files.createTempDirectory(home, "s").resolve("settings.properties")));
        HeapViews.install(window);
        stage.show();
    }

    @Test
    void cancellingALoadHalfWayLeavesNoTabNoMappingAndAWorkingWindow(FxRobot robot) throws Exception {
        Path big = BigDump.file();
        robot.interact(() -> window.open(big));
        String[] cancelledAt = new String[1];
        HeapViewsTest.waitFor("loading", 120, () -> {
            String msg = window.tasks().messageProperty().get();
            double f = window.tasks().fractionProperty().get();
            if (window.tasks().runningProperty().get() && !msg.startsWith("Reading") && f > 0.3 && f < 0.9) {
                cancelledAt[0] = msg;
                window.tasks().cancelCurrent();
                return true;
            }
            return false;
        });
        HeapViewsTest.waitFor("cancelled", 60, () -> !window.tasks().runningProperty().get());
        System.out.println("cancelled at: " + cancelledAt[0]);
        assertThat(window.documents().allTabs()).noneMatch(t -> HeapViews.documentOf(t) != null);
        assertThat(openedHandles(big)).as("mappings and descriptors of %s", big).isEmpty();
        assertThat(window.status().getText()).containsIgnoringCase("cancel");

        HeapDocument doc = HeapViewsTest.openAndWait(robot, window, ShapesDumpAccess.plain());
        assertThat(doc.summary().objects()).isPositive();
        robot.interact(() -> window.documents().close(tabOf(doc)));
        assertThat(openedHandles(ShapesDumpAccess.plain())).as("closing the tab releases the dump").isEmpty();
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
        try (FxWatchdog dog = new FxWatchdog(STALL_MS).start()) {
            HeapDocument doc = HeapViewsTest.openAndWait(robot, window, big);
            HeapDump dump = doc.dump();
            long wide = staticNode(dump, "wide");
            assertThat(dump.dominatorTree().childCount(wide)).isEqualTo(BigDump.WIDE);
            long openStall = dog.maxStallMillis();

            // Expanding the node with 200,000 children shows its first page at once.
            robot.interact(() -> doc.show(Section.DOMINATORS));
            DominatorView dominators = doc.viewOf(Section.DOMINATORS, DominatorView.class);
            @SuppressWarnings("unchecked")
            TreeTableView<DominatorRows.Row> table = (TreeTableView<DominatorRows.Row>) dominators.table();
            dog.reset();
            TreeItem<DominatorRows.Row> item = HeapViewsTest.expandTo(table, dump, wide, robot);
            long[] expandNanos = new long[1];
            robot.interact(() -> {
                long t0 = System.nanoTime();
                item.setExpanded(true);
                table.scrollTo(table.getRow(item));
                table.layout();
                expandNanos[0] = System.nanoTime() - t0;
            });
            assertThat(item.getChildren()).hasSize(DominatorView.PAGE + 1);
            DominatorRows.Row more = item.getChildren().getLast().getValue();
            assertThat(more.total()).isEqualTo(BigDump.WIDE);
            assertThat(item.getChildren().getFirst().getValue().name()).isEqualTo("BigHeap$Leaf");
            long expandMs = expandNanos[0] / 1_000_000;
            long expandStall = dog.maxStallMillis();

            // Typing in the histogram filter over 50,000 classes.
            robot.interact(() -> doc.show(Section.HISTOGRAM));
            HistogramView histogram = doc.viewOf(Section.HISTOGRAM, HistogramView.class);
            HeapViewsTest.waitFor("histogram", 180, () -> histogram.totalRows() > BigDump.CLASSES);
            dog.reset();
            double worstFilter = 0;
            for (String typed : List.of("c", "c4", "c49", "c499", "c4999")) {
                robot.interact(() -> histogram.setFilter(typed));
                worstFilter = Math.max(worstFilter, histogram.lastFilterMillis());
            }
            assertThat(histogram.shownRows()).hasSize(10).allMatch(r -> r.name().matches("gen\\.p\\d\\d\\.C4999\\d"));
            robot.interact(() -> histogram.setFilter("p07\\.C\\d*7$"));
            worstFilter = Math.max(worstFilter, histogram.lastFilterMillis());
            assertThat(histogram.shownRows()).hasSize(BigDump.CLASSES / 100);
            robot.interact(() -> histogram.setFilter(""));
            worstFilter = Math.max(worstFilter, histogram.lastFilterMillis());
            long filterStall = dog.maxStallMillis();

            // Switching through every view.
            dog.reset();
            for (Section s : Section.values()) {
                robot.interact(() -> doc.show(s));
            }
            HeapViewsTest.waitFor("background work", 180, () -> !window.tasks().runningProperty().get());
            long switchStall = dog.maxStallMillis();

            String report = String.format(java.util.Locale.ROOT,
                    "big dump: open-stall %d ms, expand %d ms (stall %d ms), filter worst %.1f ms (stall %d ms), switch stall %d ms, stalls>%d ms: %d",
                    openStall, expandMs, expandStall, worstFilter, filterStall, switchStall, STALL_MS, dog.stalls());
            System.out.println(report);
            assertThat(expandMs).as(report).isLessThan(200);
            assertThat(worstFilter).as(report).isLessThan(100);
            assertThat(Math.max(expandStall, Math.max(filterStall, switchStall))).as(report).isLessThan(STALL_BUDGET_MS);
        }
    }

    /** The node a static field of {@code BigHeap} points at. */
    static long staticNode(HeapDump d, String name) {
        ClassInfo c = d.index().classes().stream().filter(k -> k.name().equals("BigHeap")).findFirst().orElseThrow();
        for (FieldValue f : d.fields(d.index().classNode(c.ordinal()))) {
            if (f.reference() && f.name().equals(name)) {
                return d.node((long) f.value());
            }
        }
        throw new AssertionError("no static " + name);
    }
}
