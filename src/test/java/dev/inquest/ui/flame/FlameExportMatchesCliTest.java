package dev.inquest.ui.flame;

import static org.assertj.core.api.Assertions.assertThat;

import dev.inquest.cli.CliRun;
import dev.inquest.jfr.AllocRecording;
import dev.inquest.jfr.Recording;
import dev.inquest.jfr.render.FlameGraphSvg;
import dev.inquest.jfr.render.FlameLayout;
import dev.inquest.jfr.render.StackTreeFlame;
import dev.inquest.jfr.stack.EventKind;
import dev.inquest.jfr.stack.StackTree;
import dev.inquest.jfr.stack.StackTreeQuery;
import dev.inquest.progress.Progress;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * One flame renderer (issue 15): {@code inquest jfr flame --svg} and the window's "Export SVG" of
 * the same tree, unzoomed, at the command line's width and the default font, are the same file.
 */
@ExtendWith(ApplicationExtension.class)
class FlameExportMatchesCliTest {
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    @Test
    void theCommandLinesSvgEqualsTheWindowsExport(FxRobot robot, @TempDir Path dir) throws Exception {
        Path recording = AllocRecording.get().file();
        Path cli = dir.resolve("cli.svg");
        assertThat(CliRun.run("jfr", "flame", recording.toString(), "--event", "alloc", "--svg", cli.toString()).exit()).isZero();

        // The tree the command builds for these options, read through the same engine call.
        StackTree tree;
        try (Recording source = Recording.open(recording, Progress.NONE)) {
            tree = source.stacks(StackTreeQuery.of(EventKind.ALLOC), Progress.NONE);
        }
        FlameGraph graph = new FlameGraph();
        robot.interact(() -> {
            graph.setTree(StackTreeFlame.of(tree), StackTreeFlame.unit(tree.weight()));
            graph.setHeading(FlameGraphSvg.heading(tree,
                    FlameGraphSvg.title(EventKind.ALLOC, recording.getFileName().toString(), null)));
            stage.setScene(new Scene(graph, FlameGraphSvg.WIDTH, 600));
            stage.sizeToScene();
            stage.show();
            graph.canvas().fontSizeProperty().set(FlameGraphSvg.FONT);
        });
        WaitForAsyncUtils.waitFor(10, java.util.concurrent.TimeUnit.SECONDS, () -> !graph.busyProperty().get());
        // Make the canvas exactly as wide as the command line's graph, whatever the control's insets.
        double canvasWidth = graph.canvas().geometry().width();
        if (canvasWidth != FlameGraphSvg.WIDTH) {
            robot.interact(() -> {
                stage.setWidth(stage.getWidth() + FlameGraphSvg.WIDTH - canvasWidth);
                graph.layout();
            });
            WaitForAsyncUtils.waitForFxEvents();
        }
        assertThat(graph.canvas().geometry().width()).isEqualTo(FlameGraphSvg.WIDTH);
        assertThat(graph.canvas().geometry().rowHeight()).isEqualTo(FlameLayout.rowHeight(FlameGraphSvg.FONT));

        Path window = dir.resolve("window.svg");
        robot.interact(() -> {
            try {
                graph.exportSvg(window);
            } catch (Exception e) {
                throw new RuntimeException(e);
            }
        });
        assertThat(Files.readString(cli)).contains("allocateEighty");
        assertThat(Files.mismatch(cli, window)).as("first differing byte").isEqualTo(-1L);
    }
}
