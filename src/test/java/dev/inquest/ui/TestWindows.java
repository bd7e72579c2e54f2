package dev.inquest.ui;

import dev.inquest.ui.settings.Settings;
import dev.inquest.ui.shell.MainWindow;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javafx.stage.Stage;
import org.testfx.util.WaitForAsyncUtils;

/** Windows for GUI tests. */
public final class TestWindows {
    private TestWindows() {
    }

    /** A window on {@code stage} whose settings live in a fresh folder under {@code home}: no test sees another's recent files or layouts. */
    public static MainWindow withFreshSettings(Stage stage, Path home) throws IOException {
        MainWindow w = new MainWindow(stage, new Settings(Files.createTempDirectory(home, "s").resolve("settings.properties")));
        // TestFX shares one stage across test classes: a size an earlier class set explicitly (1024x700,
        // say) would outlive its scene; every window starts at its scene's own 1280x800.
        stage.sizeToScene();
        return w;
    }

    /**
     * Waits, letting the FX thread run, until {@code condition} holds; a timeout fails the test
     * naming {@code what}.
     */
    public static void waitFor(String what, int seconds, BooleanSupplier condition) throws Exception {
        try {
            WaitForAsyncUtils.waitFor(seconds, TimeUnit.SECONDS, () -> {
                WaitForAsyncUtils.waitForFxEvents();
                return condition.getAsBoolean();
            });
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("timed out waiting for " + what, e);
        }
    }

    /** The redraws {@code scene} made within {@code millis}: a window at rest makes none, an animation 60 a second. */
    public static int pulsesWithin(org.testfx.api.FxRobot robot, javafx.scene.Scene scene, long millis) throws InterruptedException {
        java.util.concurrent.atomic.AtomicInteger pulses = new java.util.concurrent.atomic.AtomicInteger();
        Runnable counter = pulses::incrementAndGet;
        robot.interact(() -> scene.addPostLayoutPulseListener(counter));
        Thread.sleep(millis);
        robot.interact(() -> scene.removePostLayoutPulseListener(counter));
        return pulses.get();
    }
}
