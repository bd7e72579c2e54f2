package dev.inquest.ui.heap;

import static org.assertj.core.api.Assertions.assertThat;

import dev.inquest.heap.index.ClassInfo;
import dev.inquest.heap.index.DumpInternals;
import dev.inquest.heap.model.FieldValue;
import dev.inquest.heap.model.HeapDump;
import dev.inquest.testing.ChildJvm;
import dev.inquest.ui.Screenshots;
import dev.inquest.ui.settings.Theme;
import dev.inquest.ui.heap.HeapDocument.Section;
import dev.inquest.ui.heap.dominators.DominatorRows;
import dev.inquest.ui.heap.dominators.DominatorView;
import dev.inquest.ui.heap.histogram.HistogramView;
import dev.inquest.ui.heap.tables.ThreadsView;
import dev.inquest.ui.shell.MainWindow;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeTableView;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * Renders every heap view in light and dark on the {@code SessionLeak} workload's dump (6,000
 * sessions leaked into a static cache). With {@code -Dinquest.screenshots=docs/images} the
 * images refresh the published ones.
 */
@Tag("slow")
@ExtendWith(ApplicationExtension.class)
class HeapScreenshotTest {
    @TempDir
    static Path home;

    private Stage stage;
    private MainWindow window;

    /** Closes every heap tab, which releases its dump: the next test checks for leftovers. */
    @org.junit.jupiter.api.AfterEach
    void closeHeapTabs(FxRobot robot) {
        HeapViewsTest.closeHeapTabs(robot, window);
    }

    @Start
    void start(Stage stage) throws Exception {
        this.stage = stage;
        window = HeapViewsTest.heapWindow(stage, home);
    }

    /** Compiled first and run as a class: source-file mode would put the compiler in the picture. */
    private static Path sessionDump() throws Exception {
        Path dir = Files.createDirectories(home.resolve("incidents"));
        Path dump = dir.resolve("checkout-service.hprof");
        Path src = ChildJvm.workloadSource("SessionLeak", home);
        Path classes = home.resolve("classes");
        int rc = javax.tools.ToolProvider.getSystemJavaCompiler().run(null, null, null, "-d", classes.toString(), src.toString());
        assertThat(rc).isZero();
        ChildJvm.run(List.of(ChildJvm.java().toString(), "-Xmx128m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                "-cp", classes.toString(), "SessionLeak", dump.toString()), home, 120);
        return dump;
    }

    @Test
    void rendersEveryViewLightAndDark(FxRobot robot) throws Exception {
        HeapDocument doc = HeapViewsTest.openAndWait(robot, window, sessionDump());
        HeapDump dump = doc.dump();
        long cache = staticNode(dump, "CACHE");
        long firstEntry = dump.outbound(sessionMap(dump, cache)).stream().filter(r -> r.field().startsWith("["))
                .findFirst().orElseThrow().node();
        long session = dump.outbound(firstEntry).stream().filter(r -> r.field().equals("value")).findFirst().orElseThrow().node();
        assertThat(dump.className(session)).isEqualTo("SessionLeak$Session");

        for (Theme theme : Theme.values()) {
            robot.interact(theme::apply);
            String suffix = "-" + theme.name().toLowerCase();

            robot.interact(() -> {
                doc.hideSide();
                doc.show(Section.OVERVIEW);
            });
            shoot(robot, "heap-overview" + suffix, theme);

            robot.interact(() -> doc.show(Section.DOMINATORS));
            DominatorView dominators = doc.viewOf(Section.DOMINATORS, DominatorView.class);
            @SuppressWarnings("unchecked")
            TreeTableView<DominatorRows.Row> table = (TreeTableView<DominatorRows.Row>) dominators.table();
            long map = sessionMap(dump, cache);
            TreeItem<DominatorRows.Row> item = HeapViewsTest.expandTo(table, dump, map, robot);
            robot.interact(() -> {
                item.setExpanded(true);
                table.getSelectionModel().select(item);
            });
            shoot(robot, "heap-dominators" + suffix, theme);

            robot.interact(() -> {
                doc.hideSide();
                doc.show(Section.HISTOGRAM);
            });
            HistogramView histogram = doc.viewOf(Section.HISTOGRAM, HistogramView.class);
            HeapViewsTest.waitFor("histogram", 60, () -> histogram.totalRows() > 0);
            robot.interact(() -> histogram.setFilter("session|byte\\[\\]|string"));
            shoot(robot, "heap-histogram" + suffix, theme);

            robot.interact(() -> {
                doc.show(Section.DOMINATORS);
                doc.inspect(session);
            });
            HeapViewsTest.waitFor("inspector", 60, () -> doc.inspector(dev.inquest.ui.heap.inspector.InspectorView.class).current() != null && doc.inspector(dev.inquest.ui.heap.inspector.InspectorView.class).current().node() == session);
            shoot(robot, "heap-inspector" + suffix, theme);

            robot.interact(() -> doc.inspect(cache));
            HeapViewsTest.waitFor("cache", 60, () -> doc.inspector(dev.inquest.ui.heap.inspector.InspectorView.class).current().node() == cache);
            robot.interact(() -> doc.inspector(dev.inquest.ui.heap.inspector.InspectorView.class).showRetainedSet());
            HeapViewsTest.waitFor("retained set", 60, () -> doc.inspector(dev.inquest.ui.heap.inspector.InspectorView.class).retainedSetRows() != null);
            shoot(robot, "heap-retained-set" + suffix, theme);
            robot.interact(() -> doc.inspector(dev.inquest.ui.heap.inspector.InspectorView.class).showInbound());

            robot.interact(() -> doc.pathsToRoots(session));
            HeapViewsTest.waitFor("paths", 60, () -> doc.paths(dev.inquest.ui.heap.paths.PathsView.class).result() != null && doc.paths(dev.inquest.ui.heap.paths.PathsView.class).result().node() == session);
            shoot(robot, "heap-paths" + suffix, theme);

            robot.interact(() -> {
                doc.hideSide();
                doc.show(Section.THREADS);
            });
            ThreadsView threads = doc.viewOf(Section.THREADS, ThreadsView.class);
            HeapViewsTest.waitFor("threads", 60, () -> !threads.table().getItems().isEmpty());
            robot.interact(() -> threads.table().getSelectionModel().select(threads.table().getItems().stream()
                    .filter(t -> "request-worker-3".equals(t.name())).findFirst().orElseThrow()));
            shoot(robot, "heap-threads" + suffix, theme);
        }
        robot.interact(Theme.LIGHT::apply);
    }

    /** The growth view on two dumps of one process (LeakPatterns: a list grows by 3,000 items). */
    @Test
    void rendersGrowthSinceBaselineLightAndDark(FxRobot robot) throws Exception {
        HeapDocument doc = HeapViewsTest.openAndWait(robot, window, dev.inquest.heap.query.LeakDumps.file("grow-2"));
        robot.interact(() -> {
            doc.show(Section.GROWTH);
            doc.compareWith(dev.inquest.heap.query.LeakDumps.file("grow-1"));
        });
        var growth = doc.viewOf(Section.GROWTH, dev.inquest.ui.heap.compare.GrowthView.class);
        HeapViewsTest.waitFor("growth", 120, () -> !growth.shownRows().isEmpty());
        robot.interact(() -> growth.table().getSelectionModel().select(0));
        for (Theme theme : Theme.values()) {
            robot.interact(theme::apply);
            shoot(robot, "heap-growth-" + theme.name().toLowerCase(), theme);
        }
        robot.interact(Theme.LIGHT::apply);
    }

    /** Duplicate objects on LeakPatterns' duplicates dump: 20,000 SessionView for 400 userIds leads the table. */
    @Test
    void rendersDuplicateObjectsLightAndDark(FxRobot robot) throws Exception {
        HeapDocument doc = HeapViewsTest.openAndWait(robot, window, dev.inquest.heap.query.LeakDumps.file("duplicates"));
        robot.interact(() -> {
            doc.hideSide();
            doc.show(Section.DUPLICATES);
        });
        var view = doc.viewOf(Section.DUPLICATES, dev.inquest.ui.heap.tables.DuplicateObjectsView.class);
        HeapViewsTest.waitFor("duplicates", 120, () -> !view.table().getItems().isEmpty());
        assertThat(view.table().getItems().getFirst().className()).endsWith("SessionView");
        robot.interact(() -> view.table().getSelectionModel().select(0));
        for (Theme theme : Theme.values()) {
            robot.interact(theme::apply);
            shoot(robot, "heap-duplicates-" + theme.name().toLowerCase(), theme);
        }
        robot.interact(Theme.LIGHT::apply);
    }

    private void shoot(FxRobot robot, String name, Theme theme) throws Exception {
        HeapViewsTest.waitFor("idle", 60, () -> !window.tasks().runningProperty().get());
        Path[] out = new Path[1];
        robot.interact(() -> out[0] = Screenshots.capture(stage.getScene(), name));
        BufferedImage img = ImageIO.read(out[0].toFile());
        assertThat(img.getWidth()).isEqualTo(1280);
        // Published screenshots are committed: stay well under the 1 MB file limit.
        assertThat(Files.size(out[0])).as(name).isLessThan(700_000);
        // The tool bar follows the theme: light near white, dark near black.
        int rgb = img.getRGB(img.getWidth() - 10, 40);
        int brightness = ((rgb >> 16) & 0xff) + ((rgb >> 8) & 0xff) + (rgb & 0xff);
        if (theme == Theme.LIGHT) {
            assertThat(brightness).as(name).isGreaterThan(600);
        } else {
            assertThat(brightness).as(name).isLessThan(200);
        }
    }

    static long staticNode(HeapDump d, String name) {
        ClassInfo c = DumpInternals.of(d).index().classes().stream().filter(k -> k.name().equals("SessionLeak")).findFirst().orElseThrow();
        for (FieldValue f : d.fields(DumpInternals.of(d).index().classNode(c.ordinal()))) {
            if (f.reference() && f.name().equals(name)) {
                return d.node((long) f.value());
            }
        }
        throw new AssertionError("no static " + name);
    }

    /** The HashMap's table array, the node the cache's sessions hang under. */
    static long sessionMap(HeapDump d, long cache) {
        long map = d.outbound(cache).stream().filter(r -> r.field().equals("sessions")).findFirst().orElseThrow().node();
        return d.outbound(map).stream().filter(r -> r.field().equals("table")).findFirst().orElseThrow().node();
    }
}
