package dev.inquest.ui.capture;

import static org.assertj.core.api.Assertions.assertThat;

import dev.inquest.capture.CaptureKind;
import dev.inquest.capture.RecordingSettings;
import dev.inquest.capture.Target;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Issue 18: a Capture page left open costs nothing while idle. Its list refreshed from a
 * {@code Timeline} that ran while the page was in any scene, shown or not, and while any
 * animation runs JavaFX pulses every window 60 times a second: 68 redraws a second of an idle
 * window. It now refreshes on the task runner's clock, only while its tab is in front in a
 * showing window. The page's own actions are counted here, no JVM is listed.
 */
@ExtendWith(ApplicationExtension.class)
class CapturePageIdleTest {
    private final AtomicInteger refreshes = new AtomicInteger();
    private Stage stage;
    private TabPane tabs;
    private Tab other;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        other = new Tab("Other", new Label("another document"));
        tabs = new TabPane(other);
        stage.setScene(new Scene(tabs, 1024, 700));
        stage.show();
    }

    /** A page whose refresh is counted, in a tab of its own (selected), refreshing every {@code millis}. */
    private CapturePage open(FxRobot robot, long millis) {
        CapturePage[] page = new CapturePage[1];
        robot.interact(() -> {
            page[0] = new CapturePage(new Counting(), millis);
            Tab tab = new Tab("JVMs", page[0]);
            tabs.getTabs().add(tab);
            tabs.getSelectionModel().select(tab);
            page[0].refreshWhileShown(tab);
        });
        return page[0];
    }

    private int pulsesWithin(FxRobot robot, long millis) throws InterruptedException {
        return dev.inquest.ui.TestWindows.pulsesWithin(robot, stage.getScene(), millis);
    }

    @Test
    void anIdleCapturePageInFrontDoesNotPulseTheWindow(FxRobot robot) throws Exception {
        // Windows earlier test classes left in this JVM pulse this scene too: hidden here.
        robot.interact(() -> new java.util.ArrayList<>(javafx.stage.Window.getWindows()).stream()
                .filter(w -> w != stage).forEach(javafx.stage.Window::hide));
        CapturePage page = open(robot, CapturePage.REFRESH_MILLIS);
        // The page's first layouts and styling pulse for a moment; an animation never settles.
        int pulses = Integer.MAX_VALUE;
        long deadline = System.nanoTime() + 3_000_000_000L;
        while (pulses >= 5 && System.nanoTime() < deadline) {
            pulses = pulsesWithin(robot, 500);
        }
        int second = pulsesWithin(robot, 1_000);
        assertThat(page.refreshing()).as("refreshing while in front").isTrue();
        // Before: about 60 pulses a second for as long as the page was in a scene.
        assertThat(second).as("pulses in 1 s with an idle Capture page in front").isLessThan(5);
        robot.interact(() -> tabs.getSelectionModel().select(other));
        assertThat(pulsesWithin(robot, 300)).as("pulses in 0.3 s with it behind another tab, after the switch's own")
                .isLessThan(15);
        assertThat(pulsesWithin(robot, 1_000)).as("pulses in 1 s with it behind another tab").isLessThan(5);
    }

    @Test
    void itRefreshesOnlyWhileItsTabIsInFrontAndStopsWhenClosed(FxRobot robot) throws Exception {
        CapturePage page = open(robot, 100);
        dev.inquest.ui.TestWindows.waitFor("refreshes while in front", 10, () -> refreshes.get() >= 3);

        robot.interact(() -> tabs.getSelectionModel().select(other));
        assertThat(page.refreshing()).isFalse();
        WaitForAsyncUtils.waitForFxEvents();
        int behind = refreshes.get();
        Thread.sleep(600);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(refreshes.get()).as("no refresh while another tab is in front").isEqualTo(behind);

        Tab capture = tabs.getTabs().get(1);
        robot.interact(() -> tabs.getSelectionModel().select(capture));
        dev.inquest.ui.TestWindows.waitFor("refreshes again in front", 10, () -> refreshes.get() >= behind + 3);

        robot.interact(stage::hide);
        assertThat(page.refreshing()).as("refreshing with its window hidden").isFalse();
        robot.interact(stage::show);
        assertThat(page.refreshing()).as("refreshing once its window shows again").isTrue();

        robot.interact(() -> tabs.getTabs().remove(capture));
        assertThat(page.refreshing()).as("refreshing after its tab closed").isFalse();
        WaitForAsyncUtils.waitForFxEvents();
        int closed = refreshes.get();
        Thread.sleep(600);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(refreshes.get()).as("no refresh after the tab closed").isEqualTo(closed);
    }

    /** Counts refreshes; any capture would be a test bug. */
    private final class Counting implements CapturePage.Actions {
        @Override
        public void refresh() {
            assertThat(javafx.application.Platform.isFxApplicationThread()).isTrue();
            refreshes.incrementAndGet();
        }

        @Override
        public void heapDump(Target jvm, boolean live, boolean gz) {
            throw new AssertionError("no capture in this test");
        }

        @Override
        public void record(Target jvm, Duration duration, RecordingSettings settings) {
            throw new AssertionError("no capture in this test");
        }

        @Override
        public void startRecording(Target jvm, RecordingSettings settings) {
            throw new AssertionError("no capture in this test");
        }

        @Override
        public void dumpRecordingSoFar() {
            throw new AssertionError("no capture in this test");
        }

        @Override
        public void stopRecording() {
            throw new AssertionError("no capture in this test");
        }

        @Override
        public void snapshot(Target jvm, CaptureKind kind) {
            throw new AssertionError("no capture in this test");
        }

        @Override
        public void cancel() {
        }

        @Override
        public void baseline(Target jvm, int minutes) {
            throw new AssertionError("no capture in this test");
        }

        @Override
        public void secondNow() {
        }
    }
}
