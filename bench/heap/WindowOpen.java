import dev.inquest.progress.PhaseLog;
import dev.inquest.ui.Views;
import dev.inquest.ui.common.ProgressPage;
import dev.inquest.ui.heap.HeapViews;
import dev.inquest.ui.settings.Settings;
import dev.inquest.ui.shell.MainWindow;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import javafx.application.Platform;
import javafx.stage.Stage;

/**
 * The window's open of a heap dump, headless, through the code path a user's open takes
 * ({@code MainWindow.open}, the heap opener, the opening tab, the document): prints when the
 * opening tab appeared and when the views were ready, in milliseconds from the open, and the
 * phases the opening page showed. Run by bench/heap/window-open.sh with the application's
 * classpath and {@code -Dglass.platform=Headless -Dprism.order=sw}.
 *
 *   java -cp CLASSPATH bench/heap/WindowOpen.java DUMP
 */
public class WindowOpen {
    public static void main(String[] args) throws Exception {
        Path dump = Path.of(args[0]);
        CountDownLatch started = new CountDownLatch(1);
        Platform.startup(started::countDown);
        started.await();
        Path settings = Files.createTempDirectory("inquest-bench").resolve("settings.properties");
        AtomicReference<MainWindow> window = new AtomicReference<>();
        CountDownLatch shown = new CountDownLatch(1);
        Platform.runLater(() -> {
            Stage stage = new Stage();
            stage.setWidth(1280);
            stage.setHeight(800);
            MainWindow w = new MainWindow(stage, new Settings(settings));
            Views.installAll(w);
            stage.show();
            window.set(w);
            shown.countDown();
        });
        shown.await();
        Thread.sleep(500); // the window settles (first layout, style sheets) before the clock starts

        AtomicLong tabAt = new AtomicLong(-1);
        AtomicReference<PhaseLog.Snapshot> phases = new AtomicReference<>();
        long t0 = System.nanoTime();
        Platform.runLater(() -> {
            window.get().open(dump);
            if (window.get().documents().allTabs().stream().anyMatch(t -> "tab-heap-opening".equals(t.getId()))) {
                tabAt.set((System.nanoTime() - t0) / 1_000_000);
            }
        });
        long readyAt = -1;
        while (readyAt < 0) {
            Thread.sleep(50);
            CountDownLatch polled = new CountDownLatch(1);
            boolean[] ready = new boolean[1];
            boolean[] failed = new boolean[1];
            Platform.runLater(() -> {
                for (var t : window.get().documents().allTabs()) {
                    if (HeapViews.documentOf(t) != null) {
                        ready[0] = true;
                    }
                    if (t.getContent() instanceof ProgressPage page) {
                        phases.set(page.log().snapshot());
                    }
                }
                failed[0] = !ready[0] && !window.get().tasks().busyProperty().get();
                polled.countDown();
            });
            polled.await();
            if (ready[0]) {
                readyAt = (System.nanoTime() - t0) / 1_000_000;
            } else if (failed[0]) {
                System.out.println("window-open: the open failed: " + window.get().status().getText());
                System.exit(1);
            }
            if ((System.nanoTime() - t0) / 1e9 > 1800) {
                System.out.println("window-open: no views after 30 minutes; status: " + window.get().status().getText());
                System.exit(1);
            }
        }
        System.out.println("tab-appeared-ms " + tabAt.get());
        System.out.println("views-ready-ms " + readyAt);
        PhaseLog.Snapshot s = phases.get();
        if (s != null) {
            for (PhaseLog.Phase p : s.phases()) {
                System.out.printf("phase %-40s %8d ms%s%n", p.name(), p.millis(), p.done() ? "" : " (at least; last seen under way)");
            }
        }
        System.exit(0);
    }
}
