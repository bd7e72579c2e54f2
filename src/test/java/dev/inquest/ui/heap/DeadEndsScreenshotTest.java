package dev.inquest.ui.heap;

import static org.assertj.core.api.Assertions.assertThat;

import dev.inquest.heap.query.CollectionFill;
import dev.inquest.heap.query.LeakDumps;
import dev.inquest.investigation.model.Case;
import dev.inquest.investigation.session.CaseSession;
import dev.inquest.ui.InquestApp;
import dev.inquest.ui.Screenshots;
import dev.inquest.ui.heap.HeapDocument.Section;
import dev.inquest.ui.heap.histogram.HistogramView;
import dev.inquest.ui.heap.tables.CollectionsView;
import dev.inquest.ui.heap.whyalive.WhyAliveView;
import dev.inquest.ui.settings.Settings;
import dev.inquest.ui.settings.Theme;
import dev.inquest.ui.shell.MainWindow;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import javafx.scene.control.Tab;
import javafx.stage.Stage;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The views issue 18's dead ends added, as a user sees them with a case's notebook open: "Why
 * alive" beside the histogram and collection fill with a class's collections, at 1280x800 and
 * 1024x700, light and dark.
 */
@Tag("slow")
@ExtendWith(ApplicationExtension.class)
class DeadEndsScreenshotTest {
    @TempDir
    static Path home;

    private Stage stage;
    private MainWindow window;

    @Start
    void start(Stage stage) throws Exception {
        this.stage = stage;
        Path caseFile = home.resolve("wrappers.inquest");
        CaseSession.create(caseFile, Case.create("Who holds the session views?", LocalDate.of(2026, 12, 5))).save();
        window = new MainWindow(stage, new Settings(home.resolve("settings.properties")));
        dev.inquest.ui.Views.installAll(window);
        stage.setWidth(1280);
        stage.setHeight(800);
        stage.show();
        window.open(caseFile);
    }

    @Test
    void whyAliveAndCollectionInstancesWithTheNotebookOpen(FxRobot robot) throws Exception {
        Path file = LeakDumps.file("duplicates");
        robot.interact(() -> InquestApp.openArguments(window, List.of(file.toString())));
        HeapDocument[] found = new HeapDocument[1];
        HeapViewsTest.waitFor("heap tab", 120, () -> {
            for (Tab t : window.documents().allTabs()) {
                if (HeapViews.documentOf(t) != null) {
                    found[0] = HeapViews.documentOf(t);
                }
            }
            return found[0] != null;
        });
        HeapDocument doc = found[0];
        String cls = "LeakPatterns$SessionView";
        for (int[] size : new int[][] {{1280, 800}, {1024, 700}}) {
            robot.interact(() -> {
                stage.setWidth(size[0]);
                stage.setHeight(size[1]);
            });
            for (Theme theme : Theme.values()) {
                robot.interact(theme::apply);
                String suffix = "-" + size[0] + "x" + size[1] + "-" + theme.name().toLowerCase();
                robot.interact(() -> doc.show(Section.HISTOGRAM));
                HistogramView histogram = doc.viewOf(Section.HISTOGRAM, HistogramView.class);
                HeapViewsTest.waitFor("histogram", 60, () -> histogram.totalRows() > 0);
                robot.interact(() -> {
                    histogram.setFilter("SessionView|String|HashMap");
                    doc.whyAlive(cls);
                });
                WhyAliveView why = doc.whyAlive(WhyAliveView.class);
                HeapViewsTest.waitFor("why alive", 120, () -> why.result() != null && !window.tasks().runningProperty().get());
                shoot(robot, "heap-why-alive" + suffix);

                robot.interact(() -> {
                    doc.hideSide();
                    doc.show(Section.COLLECTIONS);
                });
                CollectionsView collections = doc.viewOf(Section.COLLECTIONS, CollectionsView.class);
                HeapViewsTest.waitFor("collections", 60, () -> !collections.table().getItems().isEmpty());
                CollectionFill.Row maps = collections.table().getItems().stream()
                        .filter(r -> r.className().equals("java.util.HashMap")).findFirst().orElse(collections.table().getItems().getFirst());
                robot.interact(() -> collections.table().getSelectionModel().select(maps));
                HeapViewsTest.waitFor("instances", 60, () -> !collections.instances().getItems().isEmpty()
                        && !window.tasks().runningProperty().get());
                shoot(robot, "heap-collection-instances" + suffix);
            }
        }
        robot.interact(Theme.LIGHT::apply);
    }

    private void shoot(FxRobot robot, String name) throws Exception {
        HeapViewsTest.waitFor("idle", 60, () -> !window.tasks().runningProperty().get());
        Path[] out = new Path[1];
        robot.interact(() -> out[0] = Screenshots.capture(stage.getScene(), name));
        assertThat(Files.size(out[0])).as(name).isLessThan(900_000);
    }
}
