package dev.inquest.ui.heap;

import static org.assertj.core.api.Assertions.assertThat;

import dev.inquest.heap.model.ShapesDumpAccess;
import dev.inquest.ui.shell.MainWindow;
import java.nio.file.Path;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.layout.Region;
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
 * Issue 18: the inspector's place follows the type size. A zoom changes no width, so nothing
 * placed the side again, and a placement in the zoom's own event read the navigation's font before
 * the new style applied: the side kept the width of the previous size and the view lost its
 * minimum. The zoom here is the menu's action (Ctrl+=). Slow: the test dump is written by a child JVM.
 */
@Tag("slow")
@ExtendWith(ApplicationExtension.class)
class SideZoomTest {
    @TempDir
    static Path home;

    private Stage stage;
    private MainWindow window;

    @Start
    void start(Stage stage) throws Exception {
        this.stage = stage;
        window = HeapViewsTest.heapWindow(stage, home);
        stage.setWidth(1280);
        stage.setHeight(800);
    }

    /** Lets the placements queued after layouts run, and lays out again, until nothing moves. */
    private void settle(FxRobot robot) {
        for (int round = 0; round < 4; round++) {
            WaitForAsyncUtils.waitForFxEvents();
            robot.interact(() -> {
                window.root().applyCss();
                window.root().layout();
            });
        }
        WaitForAsyncUtils.waitForFxEvents();
    }

    private void zoomIn(FxRobot robot) {
        robot.interact(() -> zoomItem(robot).fire());
        settle(robot);
    }

    /** View > Larger Text, the action of Ctrl+= and Ctrl+Plus. */
    private static MenuItem zoomItem(FxRobot robot) {
        return robot.lookup("#menu-bar").queryAs(MenuBar.class).getMenus().stream()
                .flatMap(m -> m.getItems().stream()).filter(i -> "menu-zoom-in".equals(i.getId())).findFirst().orElseThrow();
    }

    /** What the placement promises at the window's type size now, for the split as it is laid out. */
    private SidePlacement.Placement expected(FxRobot robot, HeapDocument doc) {
        SidePlacement.Placement[] p = new SidePlacement.Placement[1];
        robot.interact(() -> {
            Region split = robot.lookup("#heap-document-split").queryAs(Region.class);
            double scale = window.fontSize() / 13;
            double width = split.getWidth() + (doc.navigationIcons() ? 0 : HeapDocument.NAV_WIDTH - HeapDocument.NAV_ICON_WIDTH);
            p[0] = SidePlacement.choose(width, split.getHeight(), scale, HeapDocument.VIEW_MIN * scale, Double.NaN, Double.NaN,
                    doc.sidePlace() == HeapDocument.SidePlace.BESIDE);
        });
        return p[0];
    }

    private double sideWidth(FxRobot robot) {
        double[] w = new double[1];
        robot.interact(() -> w[0] = robot.lookup("#heap-side").queryAs(Region.class).getWidth());
        return w[0];
    }

    @Test
    void zoomingPlacesTheInspectorForTheNewTypeSize(FxRobot robot) throws Exception {
        HeapDocument doc = HeapViewsTest.openAndWait(robot, window, ShapesDumpAccess.plain());
        robot.interact(() -> doc.inspect(doc.dump().topDominators(1).getFirst().node()));
        settle(robot);
        assertThat(doc.sidePlace()).isEqualTo(HeapDocument.SidePlace.BESIDE);
        SidePlacement.Placement at13 = expected(robot, doc);
        double before = sideWidth(robot);
        assertThat(before).as("the side at 13 px, as placed for 13 px").isCloseTo(at13.sideWidth(), org.assertj.core.data.Offset.offset(3.0));

        zoomIn(robot);
        zoomIn(robot);
        assertThat(window.fontSize()).isEqualTo(15);
        SidePlacement.Placement at15 = expected(robot, doc);
        assertThat(at15.beside()).as("at 15 px the side still fits beside, narrower: the view keeps its larger minimum").isTrue();
        assertThat(before - at15.sideWidth()).as("the test's zoom changes the side's width").isGreaterThan(20);
        assertThat(doc.sidePlace()).isEqualTo(HeapDocument.SidePlace.BESIDE);
        assertThat(sideWidth(robot)).as("the side's width after the zoom, as placed for 15 px (%.0f before)", before)
                .isCloseTo(at15.sideWidth(), org.assertj.core.data.Offset.offset(3.0));

        zoomIn(robot);
        zoomIn(robot);
        assertThat(expected(robot, doc).beside()).as("at 17 px the side does not fit beside").isFalse();
        assertThat(doc.sidePlace()).as("the side's place at 17 px").isEqualTo(HeapDocument.SidePlace.BELOW);
    }

    /**
     * A zoom and an inspect in one event (a key pressed while the inspector opens, presentation
     * mode starting with the inspector shown): the side is placed in that event, before the new
     * size's styles apply. It read the navigation's font of the previous size: beside at 13 px for
     * a window where at 17 px it belongs below.
     */
    @Test
    void aPlacementInTheZoomsOwnEventIsForTheNewTypeSize(FxRobot robot) throws Exception {
        HeapDocument doc = HeapViewsTest.openAndWait(robot, window, ShapesDumpAccess.plain());
        long biggest = doc.dump().topDominators(1).getFirst().node();
        robot.interact(() -> doc.inspect(biggest));
        settle(robot);
        assertThat(doc.sidePlace()).as("at 13 px").isEqualTo(HeapDocument.SidePlace.BESIDE);
        robot.interact(doc::hideSide);
        settle(robot);

        HeapDocument.SidePlace[] placed = new HeapDocument.SidePlace[1];
        robot.interact(() -> {
            MenuItem bigger = zoomItem(robot);
            for (int i = 0; i < 4; i++) {
                bigger.fire();
            }
            doc.inspect(biggest);
            placed[0] = doc.sidePlace();
        });
        assertThat(window.fontSize()).isEqualTo(17);
        assertThat(placed[0]).as("placed in the zoom's event, at 17 px").isEqualTo(HeapDocument.SidePlace.BELOW);
        settle(robot);
        assertThat(expected(robot, doc).beside()).isFalse();
        assertThat(doc.sidePlace()).as("at 17 px, laid out").isEqualTo(HeapDocument.SidePlace.BELOW);
    }
}
