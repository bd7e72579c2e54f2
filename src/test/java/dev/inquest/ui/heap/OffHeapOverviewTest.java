package dev.inquest.ui.heap;

import static org.assertj.core.api.Assertions.assertThat;

import dev.inquest.heap.query.OffHeap;
import dev.inquest.heap.query.OffHeapDump;
import dev.inquest.heap.query.SharedRetainedDump;
import dev.inquest.progress.Progress;
import dev.inquest.ui.Screenshots;
import dev.inquest.ui.heap.HeapDocument.Section;
import dev.inquest.ui.heap.overview.OverviewView;
import dev.inquest.ui.heap.whyalive.WhyAliveView;
import dev.inquest.ui.settings.Theme;
import dev.inquest.ui.shell.MainWindow;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
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
 * Issue 20: the overview's "Beyond the heap" row. On a dump whose direct and mapped buffers hold
 * more than a tenth of the used heap it shows the engine's headline, holders and thread stacks,
 * and its link opens "Why alive" for the buffer class; on a dump without buffers it stays hidden.
 * Rendered at 1280x800 light and 1024x700 dark.
 */
@Tag("slow")
@ExtendWith(ApplicationExtension.class)
class OffHeapOverviewTest {
    @TempDir
    static Path home;

    private Stage stage;
    private MainWindow window;

    @Start
    void start(Stage stage) throws Exception {
        this.stage = stage;
        window = HeapViewsTest.heapWindow(stage, home);
    }

    @AfterEach
    void close(FxRobot robot) {
        HeapViewsTest.closeHeapTabs(robot, window);
        robot.interact(Theme.LIGHT::apply);
    }

    private static OverviewView overview(HeapDocument doc) throws Exception {
        OverviewView o = doc.viewOf(Section.OVERVIEW, OverviewView.class);
        HeapViewsTest.waitFor("off-heap figures", 120, () -> o.offHeapReport() != null);
        return o;
    }

    @Test
    void significantBuffersShowTheRowAndItsLinkOpensWhyAlive(FxRobot robot) throws Exception {
        HeapDocument doc = HeapViewsTest.openAndWait(robot, window, OffHeapDump.file());
        OverviewView o = overview(doc);
        OffHeap.Report r = OffHeap.of(doc.dump(), Progress.NONE);
        assertThat(r.significant()).isTrue();
        List<String> expected = new ArrayList<>();
        expected.add("Beyond the heap: " + r.headline());
        r.buffers().holders().forEach(h -> expected.add(h.describe()));
        expected.add("Thread stacks: " + r.threadStacks().describe());
        assertThat(o.offHeapLines()).containsExactlyElementsOf(expected);
        assertThat(o.offHeapLines().get(0)).startsWith("Beyond the heap: 9.2 MB off the heap in 9 buffers (8.0 MB direct, 256 KB mapped, "
                + "1.0 MB in 2 awaiting their cleaner)");
        assertThat(o.offHeapLines().get(1)).isEqualTo("OffHeapBuffers.pool (list) holds 8 buffers, 8.0 MB");
        assertThat(o.offHeapLines().get(2)).isEqualTo("OffHeapBuffers.mapped holds 1 buffer, 256 KB");

        HeapViewsTest.waitFor("idle", 60, () -> !window.tasks().runningProperty().get());
        shoot(robot, 1280, 800, Theme.LIGHT, "heap-overview-offheap-1280x800-light");
        shoot(robot, 1024, 700, Theme.DARK, "heap-overview-offheap-1024x700-dark");

        robot.interact(() -> o.offHeapLink().fire());
        assertThat(doc.shownSection()).isEqualTo(Section.WHY_ALIVE);
        WhyAliveView why = doc.whyAlive(WhyAliveView.class);
        HeapViewsTest.waitFor("why alive", 120, () -> why.result() != null);
        assertThat(why.result().className()).isEqualTo(OffHeap.BUFFER_CLASS);
        assertThat(why.result().instances()).isGreaterThanOrEqualTo(8 + 1 + 2);
    }

    @Test
    void aDumpWithoutBuffersHasNoRow(FxRobot robot) throws Exception {
        HeapDocument doc = HeapViewsTest.openAndWait(robot, window, SharedRetainedDump.file());
        OverviewView o = overview(doc);
        assertThat(o.offHeapReport().significant()).isFalse();
        assertThat(o.offHeapLines()).isEmpty();
        assertThat(o.offHeapLink()).isNull();
        assertThat(stage.getScene().lookup("#overview-offheap").isVisible()).isFalse();
    }

    private void shoot(FxRobot robot, int w, int h, Theme theme, String name) throws Exception {
        robot.interact(() -> {
            theme.apply();
            stage.setWidth(w);
            stage.setHeight(h);
        });
        HeapViewsTest.waitFor("laid out", 20, () -> stage.getScene().getWidth() > 0);
        robot.interact(() -> stage.getScene().getRoot().layout());
        Path[] out = new Path[1];
        robot.interact(() -> out[0] = Screenshots.capture(stage.getScene(), name));
        assertThat(Files.size(out[0])).isLessThan(900_000);
    }
}
