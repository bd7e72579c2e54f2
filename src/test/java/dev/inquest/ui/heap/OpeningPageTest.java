package dev.inquest.ui.heap;

import static org.assertj.core.api.Assertions.assertThat;

import dev.inquest.heap.model.OpenOptions;
import dev.inquest.heap.model.ShapesDumpAccess;
import dev.inquest.progress.Progress;
import dev.inquest.ui.Screenshots;
import dev.inquest.ui.Views;
import dev.inquest.ui.settings.Theme;
import dev.inquest.ui.shell.MainWindow;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.layout.GridPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * Issue 18, point 6: a dump's tab appears as soon as its open starts, showing the open's phases
 * (those done with their times, the current one), the time left and Cancel; Cancel cancels; at the
 * end the page gives way to the views. The open is held at its "Dominators" phase by a progress
 * hook, so what the page shows meanwhile does not depend on the machine's speed.
 */
@ExtendWith(ApplicationExtension.class)
class OpeningPageTest {
    @TempDir
    static Path home;

    private Stage stage;
    private MainWindow window;
    private HeapViews heap;
    private dev.inquest.ui.notebook.Notebook notebook;
    /** Counted down by the test to let a held open go on. */
    private volatile CountDownLatch release = new CountDownLatch(1);
    /** Counted down by the hook when the open reaches the held phase. */
    private volatile CountDownLatch held = new CountDownLatch(1);
    /** The phase (its name's start) the hook holds the open at. */
    private volatile String holdAt = "Dominators";

    @Start
    void start(Stage stage) throws Exception {
        this.stage = stage;
        window = dev.inquest.ui.TestWindows.withFreshSettings(stage, home);
        Views.Installed installed = Views.installAll(window);
        heap = installed.heap();
        notebook = installed.notebook();
        // No index file: every open of the test dump is a first open, with all its phases.
        heap.setOpenOptions(OpenOptions.DEFAULT.withIndexFile(false));
        heap.setProgressHook(this::holdAtDominators);
        stage.setWidth(1280);
        stage.setHeight(800);
        stage.show();
    }

    @AfterEach
    void closeTabs(FxRobot robot) {
        release.countDown();
        HeapViewsTest.closeHeapTabs(robot, window);
    }

    /** Reports on to {@code p}; once the held phase ("Dominators") has been reported, waits for the test (or a cancel). */
    private Progress holdAtDominators(Progress p) {
        return new Progress() {
            @Override
            public void phase(String name, long total, Unit unit) {
                p.phase(name, total, unit);
                if (name.startsWith(holdAt)) {
                    // This hold's latches: the test sets the next hold's before it lets this one go.
                    CountDownLatch go = release;
                    held.countDown();
                    try {
                        while (!go.await(20, TimeUnit.MILLISECONDS) && !p.isCancelled()) {
                            // waiting for the test, or for Cancel
                        }
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
            }

            @Override
            public void progress(long done) {
                p.progress(done);
            }

            @Override
            public boolean isCancelled() {
                return p.isCancelled();
            }
        };
    }

    private Tab tab(FxRobot robot, String id) {
        Tab[] t = new Tab[1];
        robot.interact(() -> t[0] = window.documents().allTabs().stream().filter(x -> id.equals(x.getId())).findFirst().orElse(null));
        return t[0];
    }

    /** The page's phase names, in order, as shown. */
    private List<String> phaseNames(FxRobot robot) {
        GridPane grid = robot.lookup("#open-phases").queryAs(GridPane.class);
        List<String>[] names = new List[1];
        robot.interact(() -> names[0] = grid.getChildren().stream()
                .filter(n -> n instanceof Label l && l.getStyleClass().contains("open-phase"))
                .map(n -> ((Label) n).getText()).toList());
        return names[0];
    }

    private void openAndHold(FxRobot robot, Path dump) throws Exception {
        held = new CountDownLatch(1);
        release = new CountDownLatch(1);
        robot.interact(() -> window.open(dump));
        // The tab is there in the same event as the open, before any work has run.
        assertThat(tab(robot, "tab-heap-opening")).isNotNull();
        assertThat(held.await(60, TimeUnit.SECONDS)).as("the open reached the Dominators phase").isTrue();
        robot.interact(() -> robot.lookup("#open-progress").queryAs(dev.inquest.ui.common.ProgressPage.class).refresh());
    }

    @Test
    void theTabShowsThePhasesAtOnceThenTheViews(FxRobot robot) throws Exception {
        Path dump = ShapesDumpAccess.plain();
        openAndHold(robot, dump);

        Tab opening = tab(robot, "tab-heap-opening");
        assertThat(opening.isSelected()).isTrue();
        assertThat(HeapViews.documentOf(opening)).isNull();
        assertThat(tab(robot, "tab-heap")).as("no views before the open is done").isNull();
        assertThat(phaseNames(robot)).startsWith("Reading records", "Scanning heap records")
                .contains("Sorting object ids", "Extracting references").endsWith("Dominators");
        // The phases done show their times; the current one too; and a time left is estimated.
        String timeLeft = robot.lookup("#open-time-left").queryAs(Label.class).getText();
        assertThat(timeLeft).matches("About \\d+( min \\d+)? s left .*");
        assertThat(robot.lookup(".open-phase-figure").queryAllAs(Label.class))
                .allSatisfy(l -> assertThat(l.getText()).matches(".*\\d+(\\.\\d+)? (ms|s|µs)"));

        release.countDown();
        HeapViewsTest.waitFor("views", 60, () -> tab(robot, "tab-heap") != null);
        Tab views = tab(robot, "tab-heap");
        assertThat(HeapViews.documentOf(views)).isNotNull();
        assertThat(HeapViews.documentOf(views).summary().objects()).isPositive();
        assertThat(views.isSelected()).isTrue();
        assertThat(tab(robot, "tab-heap-opening")).as("the page gave way to the views").isNull();
        assertThat(robot.lookup("#open-progress").tryQuery()).isEmpty();
    }

    /**
     * Issue 18, the first open no slower than the command line's: while a dump opens, nothing in
     * the window animates by itself. An indeterminate bar or a {@code Timeline} makes JavaFX pulse
     * 60 times a second (CSS, layout and a repaint each), CPU the open wants; the page refreshes
     * twice a second, so the window pulses a few times a second.
     */
    @Test
    void nothingAnimatesWhileADumpOpens(FxRobot robot) throws Exception {
        // Pulses are the toolkit's, not one window's: windows earlier test classes left in this JVM
        // pulse this scene too, and the window's own start (styling, first layouts, the table
        // warm-up) pulses for a while. Hide the others, wait for the rate to settle, and count
        // the open's pulses beyond it; alone in a JVM the settled rate is 0-2 in 0.5 s.
        robot.interact(() -> new java.util.ArrayList<>(javafx.stage.Window.getWindows()).stream()
                .filter(w -> w != stage).forEach(javafx.stage.Window::hide));
        int idle;
        long deadline = System.nanoTime() + 5_000_000_000L;
        do {
            idle = pulsesWithin(robot, 500);
        } while (idle >= 5 && System.nanoTime() < deadline);
        openAndHold(robot, ShapesDumpAccess.plain());
        robot.interact(() -> robot.lookup(".progress-bar").queryAllAs(javafx.scene.control.ProgressBar.class).stream()
                .filter(javafx.scene.Node::isVisible)
                .forEach(b -> assertThat(b.isIndeterminate()).as("indeterminate bar %s", b.getId()).isFalse()));
        int opening = pulsesWithin(robot, 2_000);
        System.out.println("pulses in 2 s while a dump opens: " + opening + " (idle before: " + idle + " in 0.5 s)");
        // 4 refreshes of the page in 2 s, and a few pulses of the test's own; 60 a second before.
        assertThat(opening - 4 * idle).as("pulses in 2 s beyond the settled rate (%d in 0.5 s)", idle).isLessThan(20);
    }

    /**
     * Issue 18: while a dump opens, the status bar and the opening page say the same: the phase
     * under way and the open's share done, one figure from the open's phase log. Before, the status
     * bar showed the phase's own share ("Dominators 0 %": that phase reports in thirds) while the
     * page's bar, the whole open's share by time, was half full. Held at three phases: one early, the
     * one of the report, and one of unknown length.
     */
    @Test
    void theStatusBarAndTheOpeningPageShowTheSamePhaseAndShare(FxRobot robot) throws Exception {
        holdAt = "Sorting object ids";
        try {
            openAndHold(robot, ShapesDumpAccess.plain());
            String[] names = {"Sorting object ids", "Dominators", "Summary"};
            for (int i = 0; i < names.length; i++) {
                if (i > 0) {
                    holdAt = names[i];
                    CountDownLatch go = release;
                    held = new CountDownLatch(1);
                    release = new CountDownLatch(1);
                    go.countDown();
                    assertThat(held.await(60, TimeUnit.SECONDS)).as("the open reached " + names[i]).isTrue();
                }
                String name = names[i];
                Label status = robot.lookup("#task-message").queryAs(Label.class);
                Label now = robot.lookup("#open-now").queryAs(Label.class);
                javafx.scene.control.ProgressBar statusBar = robot.lookup("#task-bar").queryAs(javafx.scene.control.ProgressBar.class);
                javafx.scene.control.ProgressBar pageBar = robot.lookup("#open-progress-bar").queryAs(javafx.scene.control.ProgressBar.class);
                String[] seen = new String[4];
                // The status bar follows the log on its own ticks: equal once both have read it while held.
                try {
                    HeapViewsTest.waitFor("the status bar and the page at " + name, 10, () -> {
                        robot.interact(() -> {
                            robot.lookup("#open-progress").queryAs(dev.inquest.ui.common.ProgressPage.class).refresh();
                            seen[0] = status.getText();
                            seen[1] = now.getText();
                            seen[2] = Double.toString(statusBar.getProgress());
                            seen[3] = Double.toString(pageBar.getProgress());
                        });
                        return seen[0].equals(seen[1]) && Math.abs(Double.parseDouble(seen[2]) - Double.parseDouble(seen[3])) < 0.005;
                    });
                } catch (java.util.concurrent.TimeoutException e) {
                    // They never agreed: the assertions below say how they differ.
                }
                double share = Double.parseDouble(seen[3]);
                System.out.println("held at " + name + ": status \"" + seen[0] + "\", page bar " + share);
                assertThat(share).as("the open's share done at " + name).isBetween(0.05, 0.995);
                assertThat(seen[0]).as("the status bar at " + name)
                        .isEqualTo(name + "  \u00b7  " + Math.round(share * 100) + " % done");
                assertThat(seen[1]).as("the opening page's line at " + name).isEqualTo(seen[0]);
                assertThat(Double.parseDouble(seen[2])).as("the status bar's bar at " + name)
                        .isCloseTo(share, org.assertj.core.data.Offset.offset(0.005));
                assertThat(statusBar.isVisible()).isTrue();
            }
        } finally {
            holdAt = "Dominators";
        }
    }

    private int pulsesWithin(FxRobot robot, long millis) throws InterruptedException {
        return dev.inquest.ui.TestWindows.pulsesWithin(robot, stage.getScene(), millis);
    }

    @Test
    void cancelStopsTheOpenAndClosesTheTab(FxRobot robot) throws Exception {
        openAndHold(robot, ShapesDumpAccess.plain());
        robot.interact(() -> robot.lookup("#open-cancel").queryButton().fire());
        HeapViewsTest.waitFor("cancelled", 30, () -> tab(robot, "tab-heap-opening") == null && !window.tasks().busyProperty().get());
        assertThat(tab(robot, "tab-heap")).as("a cancelled open shows no views").isNull();
        assertThat(window.status().getText()).isEqualTo("Cancelled.");
    }

    @Test
    void screenshotsOfTheOpeningPageWithTheNotebook(FxRobot robot) throws Exception {
        robot.interact(() -> notebook.create(home.resolve("opening.inquest"), "Why are there 1.35M response wrappers?"));
        HeapViewsTest.waitFor("notebook", 30, () -> notebook.session().isPresent());
        openAndHold(robot, ShapesDumpAccess.plain());
        for (Theme theme : new Theme[] {Theme.LIGHT, Theme.DARK}) {
            robot.interact(theme::apply);
            org.testfx.util.WaitForAsyncUtils.waitForFxEvents();
            Path[] out = new Path[1];
            String name = "opening-dump-1280-" + theme.name().toLowerCase(java.util.Locale.ROOT);
            robot.interact(() -> out[0] = Screenshots.capture(stage.getScene(), name));
            assertThat(Files.size(out[0])).isLessThan(1_000_000);
        }
        robot.interact(Theme.LIGHT::apply);
        // Nothing on the page is cut: every phase name and figure is laid out at its full width.
        robot.interact(() -> robot.lookup(".open-phase").queryAllAs(Label.class)
                .forEach(l -> assertThat(l.getWidth()).isGreaterThanOrEqualTo(l.prefWidth(-1) - 0.5)));
    }
}
