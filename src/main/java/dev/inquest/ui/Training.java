package dev.inquest.ui;

import com.sun.management.HotSpotDiagnosticMXBean;
import dev.inquest.cli.InquestCommand;
import dev.inquest.ui.heap.HeapDocument;
import dev.inquest.ui.heap.HeapViews;
import dev.inquest.ui.heap.TableWarmUp;
import dev.inquest.ui.jfr.JfrDocument;
import dev.inquest.ui.jfr.JfrViews;
import dev.inquest.ui.shell.MainWindow;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javafx.application.Platform;
import javafx.scene.control.Tab;
import jdk.jfr.Configuration;
import jdk.jfr.Recording;

/**
 * The run that trains the app image's ahead-of-time cache. The installer build starts the
 * launcher once with {@code -Dinquest.train=true} and JDK 25's {@code -XX:AOTCacheOutput}; the
 * classes this run loads and links are then mapped ready-made at every later start, so the window
 * appears in 1.4 s instead of 2.4 s (X11 display, 2 cores). It does what a user's first minute
 * does: shows the window, builds the command line's model, writes a heap dump and a flight
 * recording of itself, opens both and shows every view, then quits. A stuck run ends the process
 * after three minutes: a build must not hang on it.
 */
final class Training {
    private static final long STEP_SECONDS = 120;

    private Training() {
    }

    static boolean wanted() {
        return Boolean.getBoolean("inquest.train");
    }

    static void start(MainWindow window, JfrViews recordings) {
        // Two threads of their own, outside the task runner's pools: the training run is a build
        // step, not window work. The limit must fire whatever the window's pools are doing, and
        // the driver blocks while it waits for tasks the work pool runs, so it must not be one of them.
        Thread.ofPlatform().name("inquest-training-limit").daemon(true).start(() -> {
            sleepQuietly(TimeUnit.MINUTES.toMillis(3));
            System.err.println("inquest: training run did not finish in 3 minutes");
            System.exit(4);
        });
        Thread.ofPlatform().name("inquest-training").start(() -> {
            Path dir = null;
            try {
                dir = Files.createTempDirectory("inquest-training");
                Path recording = dir.resolve("training.jfr");
                try (Recording r = new Recording(Configuration.getConfiguration("profile"))) {
                    r.start();
                    InquestCommand.newCommandLine();
                    Path dump = dir.resolve("training.hprof");
                    ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class).dumpHeap(dump.toString(), true);
                    r.stop();
                    r.dump(recording);
                    onFx(() -> window.open(dump));
                }
                HeapDocument doc = await(() -> window.documents().allTabs().stream().map(HeapViews::documentOf)
                        .filter(Objects::nonNull).findFirst().orElse(null));
                for (HeapDocument.Section s : HeapDocument.Section.values()) {
                    onFx(() -> doc.show(s));
                }
                await(() -> window.tasks().busyProperty().get() ? null : Boolean.TRUE);
                onFx(() -> window.open(recording));
                JfrDocument rec = await(() -> recordings.openRecordings().isEmpty() ? null : recordings.openRecordings().getFirst());
                for (Tab t : onFx(() -> List.copyOf(rec.views().getTabs()))) {
                    onFx(() -> rec.select(t.getId()));
                }
                await(() -> window.tasks().busyProperty().get() ? null : Boolean.TRUE);
                TableWarmUp.finished().get(STEP_SECONDS, TimeUnit.SECONDS);
                onFx(() -> window.documents().allTabs().forEach(t -> window.documents().close(t)));
                Platform.exit();
            } catch (Exception e) {
                System.err.println("inquest: training run failed: " + e);
                e.printStackTrace();
                System.exit(5);
            } finally {
                deleteQuietly(dir);
            }
        });
    }

    private static void onFx(Runnable work) throws Exception {
        onFx(() -> {
            work.run();
            return null;
        });
    }

    private static <T> T onFx(Callable<T> work) throws Exception {
        CompletableFuture<T> result = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                result.complete(work.call());
            } catch (Exception | Error e) {
                result.completeExceptionally(e);
            }
        });
        return result.get(STEP_SECONDS, TimeUnit.SECONDS);
    }

    /** Asks the FX thread every 100 ms until {@code check} answers something. */
    private static <T> T await(Callable<T> check) throws Exception {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(STEP_SECONDS);
        while (System.nanoTime() < end) {
            T value = onFx(check);
            if (value != null) {
                return value;
            }
            sleepQuietly(100);
        }
        throw new IllegalStateException("training: gave up waiting");
    }

    private static void sleepQuietly(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void deleteQuietly(Path dir) {
        if (dir == null) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        } catch (IOException e) {
            // A temporary folder left behind is no reason to fail the build.
        }
    }
}
