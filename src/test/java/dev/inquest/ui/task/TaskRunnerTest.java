package dev.inquest.ui.task;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Cancels that land between the end of the work and the FX event that delivers its result. */
@ExtendWith(ApplicationExtension.class)
class TaskRunnerTest {
    @Start
    void start(Stage stage) {
    }

    @Test
    void aResultCancelledOnItsWayToTheFxThreadIsClosedNotShown(FxRobot robot) throws Exception {
        TaskRunner tasks = new TaskRunner();
        AtomicBoolean closed = new AtomicBoolean();
        List<String> outcome = new CopyOnWriteArrayList<>();
        CountDownLatch workDone = new CountDownLatch(1);
        robot.interact(() -> {
            TaskRunner.Handle h = tasks.submit("Opening x", p -> {
                AutoCloseable result = () -> closed.set(true);
                workDone.countDown();
                return result;
            }, r -> outcome.add("shown"), t -> outcome.add(t.getClass().getSimpleName()));
            try {
                // The work ends and queues its result behind this very event; then the user cancels.
                assertThat(workDone.await(10, TimeUnit.SECONDS)).isTrue();
                Thread.sleep(100);
            } catch (InterruptedException e) {
                throw new AssertionError(e);
            }
            h.cancel();
        });
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !outcome.isEmpty() && closed.get());
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(outcome).containsExactly("CancellationException");
        assertThat(closed).isTrue();
        assertThat(tasks.busyProperty().get()).isFalse();
    }

    /**
     * Issue 18: an open the user waits for never queues behind background work. With both work
     * threads busy (a dump's query preparation, a view's query), the open still starts at once;
     * and preparation on one core waits until no open is under way.
     */
    @Test
    void anOpenRunsWhileTheWorkPoolIsBusyAndPreparationWaitsForIt(FxRobot robot) throws Exception {
        TaskRunner tasks = new TaskRunner();
        CountDownLatch releaseBusy = new CountDownLatch(1);
        CountDownLatch busyStarted = new CountDownLatch(2);
        CountDownLatch openStarted = new CountDownLatch(1);
        CountDownLatch releaseOpen = new CountDownLatch(1);
        List<String> order = new CopyOnWriteArrayList<>();
        robot.interact(() -> {
            for (int i = 0; i < 2; i++) {
                tasks.submit("busy " + i, p -> {
                    busyStarted.countDown();
                    return releaseBusy.await(30, TimeUnit.SECONDS);
                }, r -> { }, t -> { });
            }
        });
        assertThat(busyStarted.await(10, TimeUnit.SECONDS)).isTrue();
        robot.interact(() -> tasks.submitFor(java.nio.file.Path.of("a.hprof"), "Opening a.hprof", p -> {
            openStarted.countDown();
            boolean released = releaseOpen.await(30, TimeUnit.SECONDS);
            order.add("open done");
            return released;
        }, r -> { }, t -> { }));
        assertThat(openStarted.await(10, TimeUnit.SECONDS)).as("the open started though both work threads are busy").isTrue();

        Thread preparing = Thread.ofPlatform().start(() -> {
            try {
                tasks.onOneCore(() -> order.add("prepared"));
            } catch (Exception e) {
                order.add(e.toString());
            }
        });
        Thread.sleep(300);
        assertThat(order).as("preparation waits while the open runs").isEmpty();
        releaseOpen.countDown();
        preparing.join(10_000);
        assertThat(order).containsExactly("open done", "prepared");
        releaseBusy.countDown();
    }

    /**
     * Issue 18: the engine reports progress thousands of times a second; the status bar hears of
     * it a few times a second (once per pulse was 60 repaints a second while a dump's first open
     * wanted the CPU), and the last report is always shown, also when it came right after another.
     */
    @Test
    void progressReachesTheFxThreadAFewTimesASecondAndTheLastReportIsShown(FxRobot robot) throws Exception {
        TaskRunner tasks = new TaskRunner();
        List<String> messages = new CopyOnWriteArrayList<>();
        robot.interact(() -> tasks.messageProperty().addListener((o, was, is) -> messages.add(is)));
        CountDownLatch reported = new CountDownLatch(1);
        CountDownLatch finish = new CountDownLatch(1);
        robot.interact(() -> tasks.submit("Indexing", p -> {
            p.phase("Indexing objects", 1_000, dev.inquest.progress.Progress.Unit.ITEMS);
            long end = System.nanoTime() + 1_500_000_000L;
            long done = 0;
            while (System.nanoTime() < end) {
                p.progress(++done % 999);
                if (done % 1_000 == 0) {
                    Thread.sleep(1);
                }
            }
            p.progress(1_000); // the last report, right after the others
            reported.countDown();
            finish.await(10, TimeUnit.SECONDS);
            return null;
        }, r -> { }, t -> { }));
        assertThat(reported.await(10, TimeUnit.SECONDS)).isTrue();
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> "Indexing objects  100 %".equals(tasks.messageProperty().get()));
        long changes = messages.stream().filter(m -> m.startsWith("Indexing objects")).count();
        finish.countDown();
        // 1.5 s at one update per 250 ms is 6 or 7, plus the first and the last.
        assertThat(changes).as("updates of the status text in 1.5 s").isBetween(3L, 10L);
    }
}
