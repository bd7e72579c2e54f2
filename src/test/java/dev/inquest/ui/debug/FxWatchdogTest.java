package dev.inquest.ui.debug;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.layout.Pane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The watchdog reports blocks by the wall clock, says where the FX thread was, and tells our CPU
 * from waiting: a handler that sleeps is a long wall-clock block with almost no CPU.
 */
@ExtendWith(ApplicationExtension.class)
class FxWatchdogTest {
    private Pane slowLayout;
    private volatile long layoutSpinMillis;

    @Start
    void start(Stage stage) {
        slowLayout = new Pane() {
            @Override
            protected void layoutChildren() {
                super.layoutChildren();
                spin(layoutSpinMillis);
            }
        };
        stage.setScene(new Scene(slowLayout, 200, 100));
        stage.show();
    }

    static void spin(long millis) {
        long end = System.nanoTime() + millis * 1_000_000L;
        long x = 0;
        while (System.nanoTime() < end) {
            x += System.identityHashCode(new Object());
        }
        if (x == 42) {
            System.out.print("");
        }
    }

    private static void sleepOnFxThread() {
        try {
            Thread.sleep(250);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void logsWallClockBlocksWithTheirPlaceAndCpu(FxRobot robot) throws Exception {
        try (FxWatchdog dog = new FxWatchdog(50).start()) {
            WaitForAsyncUtils.sleep(200, TimeUnit.MILLISECONDS);
            dog.reset();
            robot.interact(FxWatchdogTest::sleepOnFxThread);
            WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> !dog.recentStalls().isEmpty());
            FxWatchdog.Stall sleep = dog.recentStalls().stream().filter(s -> s.kind().equals("wait")).findFirst().orElseThrow();
            assertThat(sleep.wallMillis()).isGreaterThanOrEqualTo(150);
            // Sleeping costs no CPU: the wall clock is what the user waited, not what our code spent.
            assertThat(sleep.cpuMillis()).isLessThan(sleep.wallMillis() / 2);
            assertThat(sleep.where()).contains("FxWatchdogTest.sleepOnFxThread");
            assertThat(dog.maxStallMillis()).isGreaterThanOrEqualTo(150);

            // A slow layout pass is timed per pulse, CSS and layout included.
            dog.reset();
            layoutSpinMillis = 120;
            robot.interact(() -> slowLayout.requestLayout());
            WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> dog.recentStalls().stream().anyMatch(s -> s.kind().equals("layout")));
            layoutSpinMillis = 0;
            FxWatchdog.Stall layout = dog.recentStalls().stream().filter(s -> s.kind().equals("layout")).findFirst().orElseThrow();
            assertThat(layout.wallMillis()).isGreaterThanOrEqualTo(120);
            assertThat(layout.cpuMillis()).isPositive();
            assertThat(dog.maxPulseMillis()).isGreaterThanOrEqualTo(120);
        }
    }

    @Test
    void quietThreadReportsNothing(FxRobot robot) throws Exception {
        try (FxWatchdog dog = new FxWatchdog(5_000).start()) {
            robot.interact(() -> spin(20));
            WaitForAsyncUtils.sleep(100, TimeUnit.MILLISECONDS);
            assertThat(dog.stalls()).isZero();
            assertThat(dog.maxStallMillis()).isLessThan(5_000);
        }
    }
}
