package dev.inquest.ui.flame;

import dev.inquest.jfr.render.ColorMode;
import dev.inquest.jfr.render.FlameIndex;
import dev.inquest.jfr.render.FlameLayout;
import dev.inquest.jfr.render.FlameTransforms;
import dev.inquest.jfr.render.Frame;
import dev.inquest.jfr.render.FrameKind;
import dev.inquest.jfr.render.SampleProfiles;
import dev.inquest.jfr.render.WeightUnit;
import dev.inquest.ui.Screenshots;
import dev.inquest.ui.settings.Theme;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import javafx.scene.Scene;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import static org.assertj.core.api.Assertions.assertThat;

/** Renders the control for the docs (target/screenshots/flame-*.png) in both themes and modes. */
@ExtendWith(ApplicationExtension.class)
class FlameScreenshotTest {
    private Stage stage;
    private FlameGraph graph;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        Theme.LIGHT.apply();
        graph = new FlameGraph();
        graph.setTree(SampleProfiles.service(7), WeightUnit.SAMPLES);
        stage.setScene(new Scene(graph, 1200, 560));
        stage.show();
    }

    @AfterEach
    void lightAgain(FxRobot robot) {
        robot.interact(Theme.LIGHT::apply);
    }

    private BufferedImage capture(FxRobot robot, String name) throws Exception {
        Path[] out = new Path[1];
        robot.interact(() -> out[0] = Screenshots.capture(stage.getScene(), name));
        return ImageIO.read(out[0].toFile());
    }

    private static int brightness(int rgb) {
        return ((rgb >> 16) & 0xff) + ((rgb >> 8) & 0xff) + (rgb & 0xff);
    }

    @Test
    void flameLightAndIcicleDark(FxRobot robot) throws Exception {
        robot.interact(Theme.LIGHT::apply);
        robot.interact(() -> graph.canvas().hoverAt(graph.canvas().index().find(
                "java.lang.Thread.run", "java.util.concurrent.ThreadPoolExecutor$Worker.run")));
        BufferedImage light = capture(robot, "flame-light");
        // Empty space above the flames shows the theme's background.
        assertThat(brightness(light.getRGB(1100, 150))).isGreaterThan(600);

        robot.interact(() -> {
            Theme.DARK.apply();
            graph.orientationProperty().set(FlameLayout.Orientation.ICICLE);
            graph.colorModeProperty().set(ColorMode.PACKAGE);
        });
        BufferedImage dark = capture(robot, "flame-dark-icicle");
        assertThat(brightness(dark.getRGB(1100, 450))).isLessThan(200);
    }

    @Test
    void searchAndZoom(FxRobot robot) throws Exception {
        robot.interact(() -> {
            graph.search("java\\.util\\.regex|HashMap");
            graph.zoomTo("java.lang.Thread.run", "java.util.concurrent.ThreadPoolExecutor$Worker.run",
                    "java.util.concurrent.ThreadPoolExecutor.runWorker", "org.eclipse.jetty.util.thread.QueuedThreadPool$Runner.run",
                    "org.eclipse.jetty.server.HttpChannel.handle", "org.springframework.web.servlet.DispatcherServlet.doDispatch",
                    "com.shop.catalog.SearchController.search");
        });
        assertThat(graph.matchedShareProperty().get()).isGreaterThan(0.01).isLessThan(0.5);
        capture(robot, "flame-search");
    }

    @Test
    void callersOfAFocusedFrame(FxRobot robot) throws Exception {
        robot.interact(() -> {
            graph.setReversed(true);
            graph.focusOn("java.lang.String.getChars");
        });
        assertThat(graph.shownTree().children()).extracting(Frame::label).containsExactly("java.lang.String.getChars");
        capture(robot, "flame-callers");
    }

    @Test
    void allocationsInBytes(FxRobot robot) throws Exception {
        robot.interact(() -> {
            graph.setTree(SampleProfiles.allocations(), WeightUnit.BYTES);
            graph.orientationProperty().set(FlameLayout.Orientation.ICICLE);
            FlameIndex index = graph.canvas().index();
            int objects = -1;
            for (int i = 0; i < index.count(); i++) {
                if (index.label(i).equals("java.lang.Object[]")) {
                    objects = i;
                }
            }
            graph.canvas().hoverAt(objects);
        });
        assertThat(graph.hoveredFrameProperty().get().kind()).isEqualTo(FrameKind.ALLOCATED_CLASS);
        // 1,288,490,188 bytes of 3,240,099,839: shown in binary units.
        assertThat(graph.hoveredFrameProperty().get().describe(WeightUnit.BYTES)).contains("total 1.2 GB (39.77 % of all");
        capture(robot, "flame-alloc");
    }

    @Test
    void differential(FxRobot robot) throws Exception {
        Frame before = SampleProfiles.service(7);
        // Same service after a change: catalog regex matching three times hotter, JSON half as hot.
        Frame after = SampleProfiles.service(7, 1, 1, 1, 0.5, 3, 1, 1);
        robot.interact(() -> {
            graph.setTree(FlameTransforms.diff(before, after), WeightUnit.SAMPLES);
            graph.orientationProperty().set(FlameLayout.Orientation.ICICLE);
        });
        capture(robot, "flame-diff");
    }
}
