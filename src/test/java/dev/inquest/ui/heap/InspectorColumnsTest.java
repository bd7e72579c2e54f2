package dev.inquest.ui.heap;

import static org.assertj.core.api.Assertions.assertThat;

import dev.inquest.heap.model.ShapesDumpAccess;
import dev.inquest.ui.shell.MainWindow;
import java.nio.file.Path;
import java.util.List;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Issue 18: the inspector's fields table fits its columns again when its type size or its width
 * changes. Its cells only ever grew the columns' minimums, so after a layout at 150 % type the
 * "Field" and "Type" columns kept their 150 % widths at 100 % and "Value" had what they left
 * (the layout matrix: "Value" narrow at 1024x700). The type is set on the window's root as the
 * layout matrix does. Slow: the test dump is written by a child JVM.
 */
@Tag("slow")
@ExtendWith(ApplicationExtension.class)
class InspectorColumnsTest {
    @TempDir
    static Path home;

    private Stage stage;
    private MainWindow window;

    @Start
    void start(Stage stage) throws Exception {
        this.stage = stage;
        window = HeapViewsTest.heapWindow(stage, home);
        stage.setWidth(1024);
        stage.setHeight(700);
    }

    private void layOut(FxRobot robot, double font, int width) {
        robot.interact(() -> {
            window.root().setStyle("-fx-font-size: " + (13 * font) + "px;");
            stage.setWidth(width);
        });
        for (int round = 0; round < 4; round++) {
            WaitForAsyncUtils.waitForFxEvents();
            robot.interact(() -> {
                window.root().applyCss();
                window.root().layout();
            });
        }
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** The fields table's columns ("Field", "Type", "Value"): widths, then minimums, then the table's width. */
    private record Columns(List<Double> widths, List<Double> mins, double table) {
        double total() {
            return widths.stream().mapToDouble(Double::doubleValue).sum();
        }
    }

    private Columns columns(FxRobot robot) {
        TableView<?> fields = robot.lookup("#inspector-fields").queryAs(TableView.class);
        Columns[] c = new Columns[1];
        robot.interact(() -> c[0] = new Columns(fields.getColumns().stream().map(TableColumn::getWidth).toList(),
                fields.getColumns().stream().map(TableColumn::getMinWidth).toList(), fields.getWidth()));
        return c[0];
    }

    @Test
    void theFieldsColumnsFitAgainAfterALargerTypeAndAnotherWidth(FxRobot robot) throws Exception {
        HeapDocument doc = HeapViewsTest.openAndWait(robot, window, ShapesDumpAccess.plain());
        // The largest objects first; the first of them with fields of its own (an array has none).
        boolean found = false;
        for (var d : doc.dump().topDominators(20)) {
            robot.interact(() -> doc.inspect(d.node()));
            TableView<?> fields = robot.lookup("#inspector-fields").queryAs(TableView.class);
            try {
                HeapViewsTest.waitFor("fields", 5, () -> fields.getItems().size() >= 2);
                found = true;
                break;
            } catch (java.util.concurrent.TimeoutException e) {
                // no fields: the next one
            }
        }
        assertThat(found).as("an object with fields among the 20 largest").isTrue();
        layOut(robot, 1, 1280);
        Columns at100 = columns(robot);
        System.out.println("fields columns at 100 %, 1280 px: " + at100);
        assertThat(at100.total()).as("at 100 %% the columns fit the table: %s", at100).isLessThanOrEqualTo(at100.table());

        layOut(robot, 1.5, 1024);
        Columns at150 = columns(robot);
        System.out.println("at 150 %, 1024 px: " + at150);
        assertThat(at150.mins().get(0)).as("the larger type widens Field's minimum (the test means something)")
                .isGreaterThan(at100.mins().get(0) + 20);

        layOut(robot, 1, 1280);
        Columns again = columns(robot);
        System.out.println("at 100 %, 1280 px again: " + again);
        // Before: the 150 % minimums stayed (Field 194, Value 388 px in a 519 px table) and the table scrolled to its values.
        for (int i = 0; i < 3; i++) {
            assertThat(again.mins().get(i)).as("column %d's minimum at 100 %% again (%s before the 150 %% layout)", i, at100)
                    .isCloseTo(at100.mins().get(i), Offset.offset(1.0));
            assertThat(again.widths().get(i)).isGreaterThanOrEqualTo(again.mins().get(i));
        }
        assertThat(again.total()).as("at 100 %% again the columns fit the table: %s", again).isLessThanOrEqualTo(again.table());
    }
}
