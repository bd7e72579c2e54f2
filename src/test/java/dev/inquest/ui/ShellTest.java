package dev.inquest.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.inquest.progress.Progress;
import dev.inquest.ui.settings.Settings;
import dev.inquest.ui.shell.DocumentArea;
import dev.inquest.ui.shell.Layout;
import dev.inquest.ui.shell.MainWindow;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import javafx.geometry.Orientation;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

@ExtendWith(ApplicationExtension.class)
class ShellTest {
    @TempDir
    static Path dir;

    private MainWindow window;

    @Start
    void start(Stage stage) throws Exception {
        window = new MainWindow(stage, new Settings(Files.createTempDirectory(dir, "s").resolve("settings.properties")));
        stage.show();
    }

    @Test
    void tabsSplitSideBySideAndJoinAgain(FxRobot robot) {
        DocumentArea area = window.documents();
        robot.interact(() -> {
            area.add(area.newTab("dump.hprof", null, new Label("heap")));
            area.add(area.newTab("rec.jfr", null, new Label("jfr")));
        });
        assertThat(area.panes()).hasSize(1);
        robot.interact(() -> area.splitSelected(Orientation.HORIZONTAL));
        assertThat(area.panes()).hasSize(2);
        assertThat(area.panes().get(1).getTabs()).extracting(DocumentArea::title).containsExactly("rec.jfr");
        assertThat(area.layout().root()).isInstanceOfSatisfying(Layout.Split.class, s -> {
            assertThat(s.orientation()).isEqualTo(Orientation.HORIZONTAL);
            assertThat(s.parts()).hasSize(2).allMatch(p -> p instanceof Layout.Group);
        });

        // A top/bottom split inside the left group nests a vertical split.
        robot.interact(() -> {
            area.panes().getFirst().getSelectionModel().select(1);
            area.panes().getFirst().requestFocus();
        });
        robot.interact(() -> {
            var left = area.panes().getFirst();
            Tab dump = left.getTabs().get(1);
            left.getSelectionModel().select(dump);
            area.move(dump, left); // focus the left group
            area.splitSelected(Orientation.VERTICAL);
        });
        assertThat(area.panes()).hasSize(3);
        assertThat(area.layout().root()).isInstanceOfSatisfying(Layout.Split.class, s -> {
            assertThat(s.orientation()).isEqualTo(Orientation.HORIZONTAL);
            assertThat(s.parts().getFirst()).isInstanceOfSatisfying(Layout.Split.class,
                    v -> assertThat(v.orientation()).isEqualTo(Orientation.VERTICAL));
        });
        assertThat(area.layout().groups()).hasSize(3);

        // Moving the only tab of a group away removes the group.
        robot.interact(() -> {
            var panes = area.panes();
            Tab jfr = panes.get(2).getTabs().getFirst();
            area.move(jfr, panes.getFirst());
        });
        assertThat(area.panes()).hasSize(2);
        assertThat(area.allTabs()).extracting(DocumentArea::title).containsExactlyInAnyOrder("Welcome", "dump.hprof", "rec.jfr");
    }

    private static Tab fileTab(DocumentArea area, String name) {
        Tab t = area.newTab(name, null, new Label(name));
        DocumentArea.setFile(t, Path.of("/data", name));
        return t;
    }

    private static Layout.Entry entry(String name) {
        return new Layout.Entry(name, Path.of("/data", name).toAbsolutePath().normalize().toString());
    }

    @Test
    void restoreWaitsForFilesAndPutsEachInItsPlace(FxRobot robot) {
        DocumentArea area = window.documents();
        Layout layout = new Layout(new Layout.Split(Orientation.VERTICAL, List.of(0.3), List.of(
                new Layout.Group(List.of(new Layout.Entry("Welcome", null), entry("a.hprof"), entry("b.jfr")), 2),
                new Layout.Split(Orientation.HORIZONTAL, List.of(0.6), List.of(
                        new Layout.Group(List.of(entry("c.hprof")), 0),
                        new Layout.Group(List.of(entry("never.jfr")), 0))))), 1);
        List<Layout.Entry> waiting = new java.util.ArrayList<>();
        robot.interact(() -> {
            area.add(fileTab(area, "b.jfr")); // already open: moves into place at once
            waiting.addAll(area.restore(layout));
        });
        assertThat(waiting).containsExactly(entry("a.hprof"), entry("c.hprof"), entry("never.jfr"));
        assertThat(area.panes()).hasSize(3);
        // While waiting, the layout still names what it waits for, in place.
        assertThat(area.layout().groups()).isEqualTo(layout.groups());

        // Tabs arrive in any order and take their remembered places; the selection waits for its tab.
        robot.interact(() -> {
            area.add(fileTab(area, "c.hprof"));
            area.add(fileTab(area, "a.hprof"));
            area.add(fileTab(area, "unrelated.jfr")); // not in the layout: the focused group
        });
        assertThat(area.panes().get(0).getTabs()).extracting(DocumentArea::title).containsExactly("Welcome", "a.hprof", "b.jfr");
        assertThat(DocumentArea.title(area.panes().get(0).getSelectionModel().getSelectedItem())).isEqualTo("b.jfr");
        assertThat(area.panes().get(1).getTabs()).extracting(DocumentArea::title).containsExactly("c.hprof", "unrelated.jfr");
        assertThat(area.awaiting()).containsExactly(entry("never.jfr"));

        // The file that never opened: its group goes, the nested split collapses.
        robot.interact(() -> assertThat(area.stopAwaiting()).containsExactly(entry("never.jfr")));
        assertThat(area.panes()).hasSize(2);
        Layout after = area.layout();
        assertThat(after.root()).isInstanceOfSatisfying(Layout.Split.class, s -> {
            assertThat(s.orientation()).isEqualTo(Orientation.VERTICAL);
            assertThat(s.dividers()).singleElement().satisfies(d -> assertThat(d).isCloseTo(0.3, org.assertj.core.api.Assertions.within(0.01)));
        });
        assertThat(after.groups().get(1).tabs()).extracting(Layout.Entry::key).containsExactly("c.hprof", "unrelated.jfr");

        // The stored form reads back equal.
        robot.interact(() -> {
            try {
                Path f = dir.resolve("layout.json");
                Files.write(f, new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsBytes(after));
                assertThat(new com.fasterxml.jackson.databind.ObjectMapper().readValue(f.toFile(), Layout.class)).isEqualTo(after);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
    }

    @Test
    void taskReportsProgressAndCanBeCancelled(FxRobot robot) throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        AtomicReference<Throwable> failure = new AtomicReference<>();
        CountDownLatch done = new CountDownLatch(1);
        robot.interact(() -> window.tasks().submit("Indexing", (Progress p) -> {
            p.phase("Indexing objects", 1000, Progress.Unit.BYTES);
            p.progress(500);
            started.countDown();
            while (true) {
                p.checkCancelled();
                Thread.sleep(5);
            }
        }, r -> done.countDown(), t -> {
            failure.set(t);
            done.countDown();
        }));
        assertThat(started.await(5, TimeUnit.SECONDS)).isTrue();
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> robot.lookup("#task-message").queryAs(Label.class).getText().startsWith("Indexing objects  50 %"));
        assertThat(window.tasks().runningProperty().get()).isTrue();
        robot.clickOn("#task-cancel");
        assertThat(done.await(5, TimeUnit.SECONDS)).isTrue();
        assertThat(failure.get()).isInstanceOf(CancellationException.class);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(window.tasks().runningProperty().get()).isFalse();
    }

    @Test
    void unreadableFileGivesAReadableMessage(FxRobot robot) throws Exception {
        Path junk = Files.write(dir.resolve("junk.hprof"), new byte[] {1, 2, 3, 4});
        robot.interact(() -> window.open(junk));
        WaitForAsyncUtils.waitForFxEvents();
        List<Window> dialogs = Window.getWindows().stream().filter(w -> w != window.stage()).toList();
        assertThat(dialogs).isNotEmpty();
        DialogPane pane = (DialogPane) dialogs.getLast().getScene().getRoot();
        assertThat(pane.getContentText()).contains("junk.hprof").contains("neither an HPROF header").contains("at byte 0");
        assertThat(pane.isExpanded()).isFalse();
        robot.interact(() -> ((Stage) dialogs.getLast()).close());
    }
}
