package dev.inquest.ui.shell;

import static org.assertj.core.api.Assertions.assertThat;

import dev.inquest.ui.notebook.Notebook;
import dev.inquest.ui.settings.Settings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.geometry.Orientation;
import javafx.scene.control.Tab;
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
 * Which tabs belong to a case, and a layout that follows a moved case file. The files are headers
 * only (no views installed: the shell's own file tab), which is all the document area needs.
 */
@ExtendWith(ApplicationExtension.class)
class CaseSwitchTest {
    @TempDir
    Path dir;

    private Stage stage;
    private MainWindow window;

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    @AfterEach
    void close(FxRobot robot) {
        robot.interact(() -> {
            if (window != null) {
                List.copyOf(window.documents().allTabs()).forEach(window.documents()::close);
            }
            stage.close();
        });
    }

    private MainWindow show(Stage s) {
        MainWindow w = new MainWindow(s, new Settings(dir.resolve("home").resolve("settings.properties")));
        Notebook.install(w);
        s.show();
        return w;
    }

    private Path dump(Path folder, String name) throws Exception {
        return Files.writeString(Files.createDirectories(folder).resolve(name), "JAVA PROFILE 1.0.2\0");
    }

    private List<String> titles() {
        return window.documents().allTabs().stream().map(DocumentArea::title).toList();
    }

    @Test
    void switchingCasesClosesThePreviousCasesTabsOnly(FxRobot robot) throws Exception {
        Path own = dump(dir, "own.hprof");
        Path a1 = dump(dir, "a1.hprof");
        Path a2 = dump(dir, "a2.hprof");
        Path b1 = dump(dir, "b1.hprof");
        Path caseA = dir.resolve("a.inquest");
        Path caseB = dir.resolve("b.inquest");
        robot.interact(() -> {
            window = show(stage);
            window.open(own);
            Notebook nb = Notebook.of(window).orElseThrow();
            nb.create(caseA, "Case A");
            window.open(a1);
            window.open(a2);
            window.documents().splitSelected(Orientation.HORIZONTAL);
        });
        assertThat(titles()).containsExactly("Welcome", "own.hprof", "a1.hprof", "a2.hprof");

        robot.interact(() -> {
            Notebook.of(window).orElseThrow().create(caseB, "Case B");
            window.open(b1);
        });
        // A's dumps closed with A; the file opened before any case and the welcome page stay.
        assertThat(titles()).containsExactly("Welcome", "own.hprof", "b1.hprof");
        assertThat(window.documents().panes()).hasSize(1);

        robot.interact(() -> Notebook.of(window).orElseThrow().open(caseA));
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> window.caseLayouts().lastRestored().isPresent());
        // A comes back as it was (a2 split to the right; own.hprof was open then too); B's dump went with B.
        assertThat(window.caseLayouts().lastRestored().orElseThrow().reopened()).containsExactly(path(own), path(a1), path(a2));
        assertThat(window.documents().panes()).hasSize(2);
        assertThat(window.documents().panes().get(0).getTabs()).extracting(DocumentArea::title)
                .containsExactly("Welcome", "own.hprof", "a1.hprof");
        assertThat(window.documents().panes().get(1).getTabs()).extracting(DocumentArea::title).containsExactly("a2.hprof");
    }

    /** A recording asked for in case A and still loading when the case switches to B is cancelled, never shown. */
    @Test
    void aFileStillLoadingWhenTheCaseChangesGoesWithItsCase(FxRobot robot) throws Exception {
        Path recording = dev.inquest.jfr.AllocRecording.get().file();
        dev.inquest.ui.jfr.JfrViews[] recordings = new dev.inquest.ui.jfr.JfrViews[1];
        robot.interact(() -> {
            window = show(stage);
            recordings[0] = dev.inquest.ui.jfr.JfrViews.install(window);
            Notebook nb = Notebook.of(window).orElseThrow();
            nb.create(dir.resolve("a.inquest"), "Case A");
            window.open(recording);
            assertThat(window.tasks().isOpening(recording)).isTrue();
            nb.create(dir.resolve("b.inquest"), "Case B");
            // Within this one FX event the load cannot have finished: the switch itself stopped it.
            assertThat(window.tasks().isOpening(recording)).as("the previous case's open is cancelled").isFalse();
        });
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> !window.tasks().busyProperty().get());
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(titles()).containsExactly("Welcome");
        assertThat(recordings[0].openRecordings()).as("the recording was closed, not hidden").isEmpty();
        // The same file asked for in B stays.
        robot.interact(() -> window.open(recording));
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> !window.tasks().busyProperty().get());
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(titles()).containsExactly("Welcome", recording.getFileName().toString());
    }

    @Test
    void aMovedCaseFindsItsLayout(FxRobot robot) throws Exception {
        Path before = dir.resolve("incident");
        Path x = dump(before, "x.hprof");
        Path y = dump(dir.resolve("elsewhere"), "y.hprof");
        Path caseFile = before.resolve("leak.inquest");
        robot.interact(() -> {
            window = show(stage);
            Notebook.of(window).orElseThrow().create(caseFile, "Moving leak");
            window.open(x);
            window.open(y);
            window.documents().splitSelected(Orientation.VERTICAL);
            Tab xt = window.documents().panes().getFirst().getTabs().getLast();
            xt.getTabPane().getSelectionModel().select(xt);
        });
        Layout saved = window.documents().layout();
        robot.interact(stage::close);
        Path oldKey = window.caseLayouts().fileFor(caseFile);
        assertThat(oldKey).exists();

        // The case folder moves with x; the case file is renamed; y stays where it was.
        Path after = dir.resolve("archive").resolve("2026-11");
        Files.createDirectories(after.getParent());
        Files.move(before, after);
        Path moved = after.resolve("checkout-leak.inquest");
        Files.move(after.resolve("leak.inquest"), moved);
        Path x2 = after.resolve("x.hprof");

        robot.interact(() -> {
            window = show(new Stage());
            window.open(moved);
        });
        try {
            WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> window.caseLayouts().lastRestored().isPresent());
            CaseLayouts.Restored r = window.caseLayouts().lastRestored().orElseThrow();
            assertThat(r.caseFile()).isEqualTo(moved.toAbsolutePath().normalize());
            assertThat(r.reopened()).containsExactly(path(x2), path(y));
            assertThat(r.missing()).isEmpty();
            Layout restored = window.documents().layout();
            assertThat(restored).isEqualTo(saved.withFiles(java.util.Map.of(path(x), path(x2))));
            assertThat(((Layout.Split) restored.root()).orientation()).isEqualTo(Orientation.VERTICAL);
            // The layout now lives under the new path's key; the old one is gone.
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !Files.exists(oldKey));
            assertThat(window.caseLayouts().read(moved)).contains(restored);
        } finally {
            Stage second = window.stage();
            robot.interact(() -> {
                List.copyOf(window.documents().allTabs()).forEach(window.documents()::close);
                second.close();
            });
        }
    }

    private static String path(Path p) {
        return p.toAbsolutePath().normalize().toString();
    }
}
