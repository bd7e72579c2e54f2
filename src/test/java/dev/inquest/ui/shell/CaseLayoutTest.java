package dev.inquest.ui.shell;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.inquest.heap.model.ShapesDumpAccess;
import dev.inquest.jfr.AllocRecording;
import dev.inquest.ui.heap.HeapViews;
import dev.inquest.ui.jfr.JfrViews;
import dev.inquest.ui.notebook.Notebook;
import dev.inquest.ui.settings.Settings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javafx.geometry.Orientation;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.stage.Stage;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A case remembers the document area: a heap dump and a recording split side by side, with a
 * dragged divider and a selected tab per group, come back the same in a new window (a restart:
 * new settings object on the same folder); a file deleted meanwhile is reported, not fatal.
 */
@Tag("slow")
@ExtendWith(ApplicationExtension.class)
class CaseLayoutTest {
    @TempDir
    static Path dir;

    private Stage firstStage;

    @Start
    void start(Stage stage) {
        this.firstStage = stage;
    }

    private static MainWindow window(Stage stage, Path settingsFile) {
        MainWindow w = new MainWindow(stage, new Settings(settingsFile));
        Notebook.install(w);
        JfrViews.install(w);
        dev.inquest.ui.Views.heap(w);
        stage.show();
        return w;
    }

    private static void waitFor(int seconds, BooleanSupplier condition) throws Exception {
        WaitForAsyncUtils.waitFor(seconds, TimeUnit.SECONDS, () -> {
            WaitForAsyncUtils.waitForFxEvents();
            return condition.getAsBoolean();
        });
    }

    private static Tab tabFor(MainWindow w, Path file) {
        Path wanted = file.toAbsolutePath().normalize();
        return w.documents().allTabs().stream().filter(t -> wanted.equals(DocumentArea.fileOf(t))).findFirst().orElse(null);
    }

    @Test
    void splitFilesAndSelectionComeBackWithTheCase(FxRobot robot) throws Exception {
        Path settings = dir.resolve("home").resolve("settings.properties");
        Path caseFile = dir.resolve("leak.inquest");
        Path dump = ShapesDumpAccess.plain();
        Path recording = AllocRecording.get().file();
        Path doomed = Files.copy(recording, dir.resolve("gone-by-then.jfr"));

        MainWindow[] first = new MainWindow[1];
        robot.interact(() -> {
            first[0] = window(firstStage, settings);
            Notebook.of(first[0]).orElseThrow().create(caseFile, "Layout");
            first[0].open(dump);
            first[0].open(recording);
            first[0].open(doomed);
        });
        MainWindow w1 = first[0];
        waitFor(120, () -> tabFor(w1, dump) != null && tabFor(w1, recording) != null && tabFor(w1, doomed) != null);

        // Left: welcome page and the dump (selected). Right: the recording (selected) and the copy.
        DocumentArea area = w1.documents();
        robot.interact(() -> {
            Tab rec = tabFor(w1, recording);
            rec.getTabPane().getSelectionModel().select(rec);
            area.splitSelected(Orientation.HORIZONTAL);
            area.move(tabFor(w1, doomed), rec.getTabPane());
            rec.getTabPane().getSelectionModel().select(rec);
            Tab heap = tabFor(w1, dump);
            heap.getTabPane().getSelectionModel().select(heap);
            ((SplitPane) area.node().lookup(".split-pane")).setDividerPositions(0.55);
        });
        Layout before = area.layout();
        assertThat(before.groups()).hasSize(2);
        assertThat(before.groups().get(0).tabs()).extracting(Layout.Entry::file).containsExactly(null, path(dump));
        assertThat(before.groups().get(1).tabs()).extracting(Layout.Entry::file).containsExactly(path(recording), path(doomed));

        robot.interact(firstStage::close);
        Path stored = w1.caseLayouts().fileFor(caseFile);
        assertThat(stored).exists().isRegularFile();
        assertThat(stored.getParent().getParent()).isEqualTo(settings.getParent().toAbsolutePath());
        assertThat(Files.readString(stored)).contains(path(dump)).contains("\"orientation\" : \"HORIZONTAL\"");
        assertThat(w1.caseLayouts().read(caseFile)).contains(before);
        // After the window closed nothing more is remembered: closing its tabs does not empty the layout.
        robot.interact(() -> List.copyOf(area.allTabs()).forEach(area::close));
        Thread.sleep(1000);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(w1.caseLayouts().read(caseFile)).contains(before);
        Files.delete(doomed);

        MainWindow[] second = new MainWindow[1];
        robot.interact(() -> {
            Stage stage = new Stage();
            second[0] = window(stage, settings);
            second[0].open(caseFile);
        });
        MainWindow w2 = second[0];
        try {
            waitFor(120, () -> w2.caseLayouts().lastRestored().isPresent());
            CaseLayouts.Restored r = w2.caseLayouts().lastRestored().orElseThrow();
            assertThat(r.missing()).containsExactly(path(doomed));
            assertThat(r.failed()).isEmpty();
            assertThat(r.reopened()).containsExactly(path(dump), path(recording));
            assertThat(w2.status().getText()).contains("not found: gone-by-then.jfr");

            Layout after = w2.documents().layout();
            Layout expected = before.without(Set.of(path(doomed)));
            assertThat(after.focused()).isEqualTo(expected.focused());
            assertThat(after.groups()).isEqualTo(expected.groups());
            assertThat(after.groups().get(0).selected()).isEqualTo(1);
            assertThat(after.groups().get(1).selected()).isEqualTo(0);
            Layout.Split split = (Layout.Split) after.root();
            assertThat(split.orientation()).isEqualTo(Orientation.HORIZONTAL);
            assertThat(split.dividers()).singleElement().satisfies(d -> assertThat(d).isCloseTo(0.55, within(0.01)));
            // The views are the real ones: the dump and the recording opened again, in their groups.
            assertThat(HeapViews.documentOf(w2.documents().panes().get(0).getSelectionModel().getSelectedItem())).isNotNull();
            assertThat(DocumentArea.fileOf(w2.documents().panes().get(1).getSelectionModel().getSelectedItem()))
                    .isEqualTo(recording.toAbsolutePath().normalize());

            // The restored window, for the docs: a heap dump and a recording side by side, the case beside them.
            for (dev.inquest.ui.settings.Theme theme : dev.inquest.ui.settings.Theme.values()) {
                robot.interact(theme::apply);
                WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> !w2.tasks().runningProperty().get());
                robot.interact(() -> dev.inquest.ui.Screenshots.capture(w2.stage().getScene(),
                        "workbench-split-" + theme.name().toLowerCase()));
            }
            robot.interact(dev.inquest.ui.settings.Theme.LIGHT::apply);
        } finally {
            robot.interact(() -> {
                List.copyOf(w2.documents().allTabs()).forEach(w2.documents()::close);
                w2.stage().close();
            });
        }
    }

    /** A file with two heap dumps: the case remembers which one was open and does not ask again. */
    @Test
    void theSameDumpOfAFileWithSeveralReopens(FxRobot robot) throws Exception {
        Path two = dev.inquest.testing.Corpus.file("hprof/oracle_jdk7_21_hprofagent.hprof");
        Path settings = dir.resolve("home2").resolve("settings.properties");
        Path caseFile = dir.resolve("two-dumps.inquest");
        MainWindow[] first = new MainWindow[1];
        robot.interact(() -> {
            first[0] = window(firstStage, settings);
            dev.inquest.ui.Views.heap(first[0]).setDumpChooser(choices -> java.util.Optional.of(choices.get(1)));
            Notebook.of(first[0]).orElseThrow().create(caseFile, "Two dumps");
            first[0].open(two);
        });
        MainWindow w1 = first[0];
        waitFor(120, () -> tabFor(w1, two) != null);
        assertThat(DocumentArea.title(tabFor(w1, two))).endsWith(" #1");
        robot.interact(() -> {
            firstStage.close();
            List.copyOf(w1.documents().allTabs()).forEach(w1.documents()::close);
        });

        MainWindow[] second = new MainWindow[1];
        List<Object> asked = new java.util.ArrayList<>();
        robot.interact(() -> {
            second[0] = window(new Stage(), settings);
            dev.inquest.ui.Views.heap(second[0]).setDumpChooser(choices -> {
                asked.add(choices);
                return java.util.Optional.of(choices.get(0));
            });
            second[0].open(caseFile);
        });
        MainWindow w2 = second[0];
        try {
            waitFor(120, () -> w2.caseLayouts().lastRestored().isPresent());
            assertThat(asked).as("the remembered dump is opened without asking").isEmpty();
            Tab tab = tabFor(w2, two);
            assertThat(DocumentArea.title(tab)).endsWith(" #1");
            assertThat(HeapViews.documentOf(tab).summary().dump()).isEqualTo(1);
        } finally {
            robot.interact(() -> {
                List.copyOf(w2.documents().allTabs()).forEach(w2.documents()::close);
                w2.stage().close();
            });
        }
    }

    private static String path(Path p) {
        return p.toAbsolutePath().normalize().toString();
    }
}
