package dev.inquest.ui.heap;

import dev.inquest.heap.model.ShapesDumpAccess;
import dev.inquest.ui.debug.FxCost;
import dev.inquest.ui.heap.HeapDocument.Section;
import dev.inquest.ui.shell.MainWindow;
import java.nio.file.Path;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * A measurement, not a test: the FX-thread cost of showing each heap view for the first time in
 * a fresh JVM (run it alone, so nothing else has warmed the JVM), with and without the
 * background {@link TableWarmUp} ({@code -Dinquest.noWarmUp=true}). See docs/benchmarks.md:
 * {@code ./mvnw -o test -Dtest=ColdViewsBench -Dinquest.coldProbe=true -Dinquest.coldProbe.idle=2000}.
 */
@EnabledIfSystemProperty(named = "inquest.coldProbe", matches = "true")
@ExtendWith(ApplicationExtension.class)
class ColdViewsBench {
    @TempDir
    static Path home;
    private MainWindow window;

    @Start
    void start(Stage stage) throws Exception {
        window = HeapViewsTest.heapWindow(stage, home);
    }

    @Test
    void firstShows(FxRobot robot) throws Exception {
        HeapDocument doc = HeapViewsTest.openAndWait(robot, window, ShapesDumpAccess.plain());
        HeapViewsTest.waitFor("idle", 60, () -> !window.tasks().runningProperty().get());
        Thread.sleep(Long.getLong("inquest.coldProbe.idle", 0));
        StringBuilder out = new StringBuilder("cold first shows (FX CPU / wall ms, and the CPU ms of attaching, CSS and layout):");
        for (Section s : Section.values()) {
            if (System.getProperty("inquest.coldProbe.only") != null && !s.name().equals(System.getProperty("inquest.coldProbe.only"))) {
                continue;
            }
            FxCost cost = new FxCost();
            long[] phases = new long[3];
            robot.interact(() -> cost.measure(s.name(), () -> {
                long t0 = FxCost.cpuNow();
                doc.show(s);
                long t1 = FxCost.cpuNow();
                window.stage().getScene().getRoot().applyCss();
                long t2 = FxCost.cpuNow();
                window.stage().getScene().getRoot().layout();
                long t3 = FxCost.cpuNow();
                phases[0] = (t1 - t0) / 1_000_000;
                phases[1] = (t2 - t1) / 1_000_000;
                phases[2] = (t3 - t2) / 1_000_000;
            }));
            HeapViewsTest.waitFor("idle", 60, () -> !window.tasks().runningProperty().get());
            out.append(String.format(" %s %d/%d (%d+%d+%d)", s.name(), cost.worst().cpuMillis(), cost.worst().wallMillis(),
                    phases[0], phases[1], phases[2]));
        }
        System.out.println(out);
    }
}
