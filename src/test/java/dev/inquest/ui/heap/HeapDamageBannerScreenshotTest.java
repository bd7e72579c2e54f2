package dev.inquest.ui.heap;

import static org.assertj.core.api.Assertions.assertThat;

import dev.inquest.heap.model.ShapesDumpAccess;
import dev.inquest.ui.Screenshots;
import dev.inquest.ui.common.DamageBanner;
import dev.inquest.ui.heap.HeapDocument.Section;
import dev.inquest.ui.notebook.Notebook;
import dev.inquest.ui.settings.Theme;
import dev.inquest.ui.shell.MainWindow;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import javafx.geometry.Bounds;
import javafx.scene.control.Label;
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
 * Issue 17: a cut dump's banner (the engine's sentence) shown whole above the overview and the
 * histogram, at the window's small and usual sizes, light and dark, with the notebook open.
 */
@Tag("slow")
@ExtendWith(ApplicationExtension.class)
class HeapDamageBannerScreenshotTest {
    @TempDir
    static Path home;

    private MainWindow window;
    private Stage stage;

    @Start
    void start(Stage stage) throws Exception {
        this.stage = stage;
        window = dev.inquest.ui.TestWindows.withFreshSettings(stage, home);
        Notebook.install(window).create(home.resolve("checkout-oom.inquest"), "Checkout service OOM");
        dev.inquest.ui.Views.heap(window);
        stage.show();
    }

    @Test
    void theBannerIsShownWholeAtBothSizesLightAndDark(FxRobot robot) throws Exception {
        byte[] b = Files.readAllBytes(ShapesDumpAccess.plain());
        Path cut = Files.write(home.resolve("checkout-cut.hprof"), Arrays.copyOf(b, b.length * 3 / 4));
        HeapDocument doc = HeapViewsTest.openAndWait(robot, window, cut);
        DamageBanner banner = (DamageBanner) doc.node().lookup("#heap-damage-banner");
        assertThat(banner.text()).isEqualTo(doc.dump().damage().sentence()).isNotEmpty();
        try {
            for (int[] size : new int[][] {{1024, 700}, {1280, 800}}) {
                for (Theme theme : Theme.values()) {
                    robot.interact(() -> {
                        theme.apply();
                        stage.setWidth(size[0]);
                        stage.setHeight(size[1]);
                    });
                    WaitForAsyncUtils.waitForFxEvents();
                    String name = "damage-banner-heap-" + theme.name().toLowerCase(java.util.Locale.ROOT)
                            + (size[0] == 1280 ? "" : "-" + size[0]);
                    robot.interact(() -> Screenshots.capture(stage.getScene(), name));
                    robot.interact(() -> {
                        Label text = (Label) banner.getChildren().get(1);
                        // Whole: as tall as its wrapped lines want, inside the window, and not ellipsized.
                        assertThat(text.getHeight()).as("banner at %d px", size[0])
                                .isGreaterThanOrEqualTo(text.prefHeight(text.getWidth()) - 0.5);
                        Bounds bounds = banner.localToScene(banner.getLayoutBounds());
                        assertThat(bounds.getMaxX()).isLessThanOrEqualTo(banner.getScene().getWidth() + 0.5);
                        assertThat(((javafx.scene.text.Text) text.lookup(".text")).getText()).isEqualTo(text.getText());
                    });
                }
            }
            robot.interact(() -> {
                Theme.LIGHT.apply();
                doc.show(Section.HISTOGRAM);
            });
            WaitForAsyncUtils.waitForFxEvents();
            robot.interact(() -> Screenshots.capture(stage.getScene(), "damage-banner-heap-histogram-light"));
        } finally {
            robot.interact(Theme.LIGHT::apply);
            HeapViewsTest.closeHeapTabs(robot, window);
        }
    }
}
