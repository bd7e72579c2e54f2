package dev.inquest.ui.common;

import static org.assertj.core.api.Assertions.assertThat;

import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.StackPane;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** Facts in a column as narrow as a recording's overview in a three-way split. */
@ExtendWith(ApplicationExtension.class)
class FactGridTest {
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    @Test
    void keysStayWholeAndValuesWrap(FxRobot robot) {
        String path = "/tmp/inquest-jfr-test6695222466199641941/alloc.jfr";
        String[][] rows = {
            {"File", FactGrid.wrappablePath(path)},
            {"Duration", "1.6 s"},
            {"Garbage collector", "G1New / G1Old"},
            {"Heap (initial / max)", "256 MB / 256 MB"},
            {"JVM arguments", "-Xmx256m --add-modules=ALL-DEFAULT -XX:+UseG1GC -XX:StartFlightRecording=filename=alloc.jfr"},
        };
        GridPane grid = FactGrid.of(rows);
        robot.interact(() -> {
            stage.setScene(new Scene(new StackPane(grid), 300, 400));
            stage.sizeToScene(); // the shared stage may keep a size an earlier test set
            stage.show();
            grid.applyCss();
            grid.layout();
        });
        for (var node : grid.getChildren()) {
            Label l = (Label) node;
            String shown = ((Text) l.lookup(".text")).getText().replace("\n", "");
            assertThat(shown).as("shown in full: %s", l.getText()).isEqualTo(l.getText().replace("\n", ""));
            assertThat(l.getBoundsInParent().getMaxX()).as(l.getText()).isLessThanOrEqualTo(300.5);
        }
        Label file = (Label) grid.getChildren().get(1);
        assertThat(file.getText().replace("\u200B", "")).isEqualTo(path);
        assertThat(file.getHeight()).as("the path wraps onto a second line").isGreaterThan(file.getFont().getSize() * 2);
    }
}
