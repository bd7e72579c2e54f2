package dev.inquest.ui.heap;

import static org.assertj.core.api.Assertions.assertThat;

import dev.inquest.heap.model.ShapesDumpAccess;
import dev.inquest.ui.heap.HeapDocument.Section;
import dev.inquest.ui.shell.MainWindow;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * Every heap view, the prebuilt dominator tree included, is styled without a CSS warning. A
 * warning is a rule that does not apply, and JavaFX pays for each one with a caught exception
 * and a log line on the FX thread: the prebuilt dominator tree once brought 45 of them into the
 * window and doubled the cost of its first show.
 */
@ExtendWith(ApplicationExtension.class)
class CssWarningsTest {
    @TempDir
    static Path home;

    /** Held here: JUL keeps its loggers weakly, and a collected logger would lose the handler. */
    private final Logger css = Logger.getLogger("javafx.css");
    private final List<String> warnings = new CopyOnWriteArrayList<>();
    private final Handler collect = new Handler() {
        @Override
        public void publish(LogRecord r) {
            if (r.getLevel().intValue() >= Level.WARNING.intValue()) {
                warnings.add(r.getMessage());
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };
    private MainWindow window;

    @Start
    void start(Stage stage) throws Exception {
        css.addHandler(collect);
        window = HeapViewsTest.heapWindow(stage, home);
    }

    @AfterEach
    void detach(FxRobot robot) {
        css.removeHandler(collect);
        HeapViewsTest.closeHeapTabs(robot, window);
    }

    @Test
    void everyViewIsStyledWithoutAWarning(FxRobot robot) throws Exception {
        HeapDocument doc = HeapViewsTest.openAndWait(robot, window, ShapesDumpAccess.plain());
        HeapViewsTest.waitFor("the prebuilt dominator tree", 60, () -> doc.hasView(Section.DOMINATORS));
        // The prebuilt view comes last: by then the window's style caches hold the other views'
        // rules, which is what a prebuilt view's stale style state used to be looked up in.
        List<Section> order = new java.util.ArrayList<>(List.of(Section.values()));
        order.remove(Section.DOMINATORS);
        order.add(Section.DOMINATORS);
        for (Section s : order) {
            robot.interact(() -> {
                doc.show(s);
                window.stage().getScene().getRoot().applyCss();
                window.stage().getScene().getRoot().layout();
            });
            assertThat(doc.shownSection()).isEqualTo(s);
        }
        HeapViewsTest.waitFor("idle", 60, () -> !window.tasks().runningProperty().get());
        robot.interact(() -> window.stage().getScene().getRoot().applyCss());
        assertThat(warnings).as("CSS warnings while showing the heap views").isEmpty();
    }
}
