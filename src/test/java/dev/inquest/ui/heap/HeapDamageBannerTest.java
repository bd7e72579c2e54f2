package dev.inquest.ui.heap;

import static org.assertj.core.api.Assertions.assertThat;

import dev.inquest.heap.model.ShapesDumpAccess;
import dev.inquest.ui.shell.MainWindow;
import dev.inquest.ui.heap.HeapDocument.Section;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** Issue 17: a cut dump says so above every heap view, not only on the overview; a whole dump shows no banner. */
@Tag("slow")
@ExtendWith(ApplicationExtension.class)
class HeapDamageBannerTest {
    @TempDir
    static Path home;

    private MainWindow window;

    @Start
    void start(Stage stage) throws Exception {
        window = HeapViewsTest.heapWindow(stage, home);
    }

    @org.junit.jupiter.api.AfterEach
    void close(FxRobot robot) {
        HeapViewsTest.closeHeapTabs(robot, window);
    }

    @Test
    void aCutDumpShowsItsProblemsAboveEveryView(FxRobot robot) throws Exception {
        byte[] b = Files.readAllBytes(ShapesDumpAccess.plain());
        Path cut = Files.write(home.resolve("cut.hprof"), Arrays.copyOf(b, b.length * 3 / 4));
        HeapDocument doc = HeapViewsTest.openAndWait(robot, window, cut);
        assertThat(doc.dump().truncated()).isTrue();
        robot.interact(() -> doc.show(Section.HISTOGRAM));
        Node banner = doc.node().lookup("#heap-damage-banner");
        assertThat(banner).isNotNull();
        assertThat(banner.isVisible()).isTrue();
        assertThat(banner.getScene()).isNotNull();
        String text = ((Label) ((HBox) banner).getChildren().get(1)).getText();
        // The engine's sentence, word for word: the command line warns from the same DumpDamage.
        assertThat(text).isEqualTo(doc.dump().damage().sentence())
                .startsWith("This dump is incomplete: " + doc.dump().problems().getFirst());
        // The overview says it once, in the banner above it, not again in a wording of its own.
        robot.interact(() -> doc.show(Section.OVERVIEW));
        assertThat(doc.node().lookupAll(".label").stream().filter(n -> n != ((HBox) banner).getChildren().get(1))
                .filter(n -> n instanceof javafx.scene.control.Labeled).map(n -> ((javafx.scene.control.Labeled) n).getText()).filter(t -> t != null && t.contains(doc.dump().problems().getFirst())))
                .isEmpty();
        robot.interact(() -> doc.show(Section.DOMINATORS));
        assertThat(doc.node().lookup("#heap-damage-banner")).isSameAs(banner);
    }

    @Test
    void aWholeDumpShowsNone(FxRobot robot) throws Exception {
        HeapDocument doc = HeapViewsTest.openAndWait(robot, window, ShapesDumpAccess.plain());
        assertThat(doc.dump().truncated()).isFalse();
        assertThat(doc.node().lookup("#heap-damage-banner")).isNull();
    }
}
