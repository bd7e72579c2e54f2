package dev.inquest.ui.jfr;

import dev.inquest.ui.TestWindows;

import static org.assertj.core.api.Assertions.assertThat;

import dev.inquest.jfr.AllocRecording;
import dev.inquest.jfr.OpenPhases;
import dev.inquest.progress.Progress;
import dev.inquest.ui.Screenshots;
import dev.inquest.ui.Views;
import dev.inquest.ui.common.ProgressPage;
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
import org.testfx.util.WaitForAsyncUtils;

/**
 * Issue 18, point 6, for recordings: a recording's tab appears as soon as its open starts, with
 * the engine's phases ({@link OpenPhases}), the time left and Cancel; at the end the page gives
 * way to the recording's views; Cancel leaves no tab and no open recording. The open is held at
 * its "Counting events" phase by a progress hook, so what the page shows meanwhile does not depend
 * on the machine's speed. The recording is written by a child JVM ({@link AllocRecording}).
 */
@ExtendWith(ApplicationExtension.class)
class JfrOpeningPageTest {
    @TempDir
    static Path home;

    private Stage stage;
    private MainWindow window;
    private JfrViews recordings;
    private dev.inquest.ui.notebook.Notebook notebook;
    /** Counted down by the test to let a held open go on. */
    private volatile CountDownLatch release = new CountDownLatch(1);
    /** Counted down by the hook when the open reaches the held phase. */
    private volatile CountDownLatch held = new CountDownLatch(1);

    @Start
    void start(Stage stage) throws Exception {
        this.stage = stage;
        window = dev.inquest.ui.TestWindows.withFreshSettings(stage, home);
        Views.Installed installed = Views.installAll(window);
        recordings = installed.recordings();
        notebook = installed.notebook();
        recordings.setProgressHook(this::holdAtCounting);
        stage.setWidth(1280);
        stage.setHeight(800);
        stage.show();
    }

    @AfterEach
    void closeTabs(FxRobot robot) throws Exception {
        release.countDown();
        TestWindows.waitFor("idle", 60, () -> !window.tasks().busyProperty().get());
        robot.interact(() -> window.documents().allTabs().stream()
                .filter(t -> t.getContent() instanceof JfrDocument || t.getContent() instanceof ProgressPage).toList()
                .forEach(window.documents()::close));
    }

    /** Reports on to {@code p}; once the counting phase has been reported, waits for the test (or a cancel). */
    private Progress holdAtCounting(Progress p) {
        return new Progress() {
            @Override
            public void phase(String name, long total, Unit unit) {
                p.phase(name, total, unit);
                if (name.equals(OpenPhases.COUNTING)) {
                    held.countDown();
                    try {
                        while (!release.await(20, TimeUnit.MILLISECONDS) && !p.isCancelled()) {
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
        @SuppressWarnings("unchecked")
        List<String>[] names = new List[1];
        robot.interact(() -> names[0] = grid.getChildren().stream()
                .filter(n -> n instanceof Label l && l.getStyleClass().contains("open-phase"))
                .map(n -> ((Label) n).getText()).toList());
        return names[0];
    }

    private void openAndHold(FxRobot robot, Path file) throws Exception {
        held = new CountDownLatch(1);
        release = new CountDownLatch(1);
        robot.interact(() -> window.open(file));
        // The tab is there in the same event as the open, before any work has run.
        assertThat(tab(robot, "tab-jfr-opening")).as("the opening tab appears at once").isNotNull();
        assertThat(held.await(60, TimeUnit.SECONDS)).as("the open reached the counting phase").isTrue();
        robot.interact(() -> robot.lookup("#open-progress").queryAs(ProgressPage.class).refresh());
    }

    @Test
    void theTabShowsThePhasesAtOnceThenTheViews(FxRobot robot) throws Exception {
        Path file = AllocRecording.get().file();
        openAndHold(robot, file);

        Tab opening = tab(robot, "tab-jfr-opening");
        assertThat(opening.isSelected()).isTrue();
        assertThat(opening.getContent()).isInstanceOf(ProgressPage.class);
        assertThat(tab(robot, "tab-jfr")).as("no views before the open is done").isNull();
        assertThat(recordings.openRecordings()).isEmpty();
        assertThat(phaseNames(robot)).containsExactly(OpenPhases.SCANNING, OpenPhases.COUNTING);
        assertThat(robot.lookup("#open-progress").queryAs(ProgressPage.class).lookupAll(".title-3"))
                .singleElement().satisfies(n -> assertThat(((Label) n).getText()).isEqualTo("Opening " + file.getFileName()));
        // An estimate from the file's size before any phase has said much.
        String timeLeft = robot.lookup("#open-time-left").queryAs(Label.class).getText();
        assertThat(timeLeft).matches("About \\d+( min \\d+)? s left .*");
        assertThat(robot.lookup(".open-phase-figure").queryAllAs(Label.class))
                .allSatisfy(l -> assertThat(l.getText()).matches(".*\\d+(\\.\\d+)? (ms|s|µs)"));

        release.countDown();
        TestWindows.waitFor("views", 60, () -> tab(robot, "tab-jfr") != null);
        Tab views = tab(robot, "tab-jfr");
        assertThat(views.getContent()).isInstanceOf(JfrDocument.class);
        JfrDocument doc = (JfrDocument) views.getContent();
        assertThat(doc.summary().events()).isPositive();
        assertThat(views.isSelected()).isTrue();
        assertThat(tab(robot, "tab-jfr-opening")).as("the page gave way to the views").isNull();
        assertThat(robot.lookup("#open-progress").tryQuery()).isEmpty();
        assertThat(recordings.openRecordings()).containsExactly(doc);
        assertThat(dev.inquest.ui.shell.DocumentArea.fileOf(views)).isEqualTo(file.toAbsolutePath().normalize());
    }

    @Test
    void cancelStopsTheOpenAndLeavesNoTab(FxRobot robot) throws Exception {
        int[] before = new int[1];
        robot.interact(() -> before[0] = window.documents().allTabs().size());
        openAndHold(robot, AllocRecording.get().file());
        robot.interact(() -> robot.lookup("#open-cancel").queryButton().fire());
        TestWindows.waitFor("cancelled", 30, () -> tab(robot, "tab-jfr-opening") == null && !window.tasks().busyProperty().get());
        assertThat(tab(robot, "tab-jfr")).as("a cancelled open shows no views").isNull();
        robot.interact(() -> assertThat(window.documents().allTabs()).hasSize(before[0]));
        assertThat(recordings.openRecordings()).as("nothing half open stays behind").isEmpty();
        assertThat(window.status().getText()).isEqualTo("Cancelled.");
    }

    @Test
    void screenshotsOfTheOpeningPageWithTheNotebook(FxRobot robot) throws Exception {
        robot.interact(() -> notebook.create(home.resolve("opening.inquest"), "Why does the service allocate so much?"));
        TestWindows.waitFor("notebook", 30, () -> notebook.session().isPresent());
        openAndHold(robot, AllocRecording.get().file());
        for (int[] size : new int[][] {{1280, 800}, {1024, 700}}) {
            robot.interact(() -> {
                stage.setWidth(size[0]);
                stage.setHeight(size[1]);
            });
            for (Theme theme : new Theme[] {Theme.LIGHT, Theme.DARK}) {
                robot.interact(theme::apply);
                WaitForAsyncUtils.waitForFxEvents();
                Path[] out = new Path[1];
                String name = "opening-recording-" + size[0] + "-" + theme.name().toLowerCase(java.util.Locale.ROOT);
                robot.interact(() -> out[0] = Screenshots.capture(stage.getScene(), name));
                assertThat(Files.size(out[0])).isLessThan(1_000_000);
                // Nothing on the page is cut: every phase name and figure is laid out at its full width.
                robot.interact(() -> robot.lookup(".open-phase").queryAllAs(Label.class)
                        .forEach(l -> assertThat(l.getWidth()).isGreaterThanOrEqualTo(l.prefWidth(-1) - 0.5)));
            }
        }
        robot.interact(Theme.LIGHT::apply);
        robot.interact(() -> {
            stage.setWidth(1280);
            stage.setHeight(800);
        });
    }
}
