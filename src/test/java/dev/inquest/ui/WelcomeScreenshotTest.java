package dev.inquest.ui;

import dev.inquest.ui.settings.Theme;
import static org.assertj.core.api.Assertions.assertThat;

import dev.inquest.ui.settings.Settings;
import dev.inquest.ui.shell.MainWindow;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** Renders the welcome window in both themes; the README shows the light one. */
@ExtendWith(ApplicationExtension.class)
class WelcomeScreenshotTest {
    @TempDir
    static Path home;

    private Stage stage;
    private MainWindow window;

    @Start
    void start(Stage stage) throws Exception {
        this.stage = stage;
        Path recent = Files.createDirectories(home.resolve("incidents")).resolve("checkout-service.hprof");
        Files.writeString(recent, "JAVA PROFILE 1.0.2");
        Settings settings = new Settings(home.resolve("settings.properties"));
        settings.addRecentFile(recent);
        window = new MainWindow(stage, settings);
        stage.show();
    }

    @Test
    void rendersLightAndDark(FxRobot robot) throws Exception {
        for (Theme theme : Theme.values()) {
            robot.interact(theme::apply);
            Path[] out = new Path[1];
            robot.interact(() -> out[0] = Screenshots.capture(stage.getScene(), "welcome-" + theme.name().toLowerCase()));
            BufferedImage img = ImageIO.read(out[0].toFile());
            assertThat(img.getWidth()).isEqualTo(1280);
            // The page background must follow the theme: light near white, dark near black.
            int rgb = img.getRGB(img.getWidth() - 20, img.getHeight() / 2);
            int brightness = ((rgb >> 16) & 0xff) + ((rgb >> 8) & 0xff) + (rgb & 0xff);
            if (theme == Theme.LIGHT) {
                assertThat(brightness).isGreaterThan(600);
            } else {
                assertThat(brightness).isLessThan(200);
            }
        }
        robot.interact(Theme.LIGHT::apply);
    }
}
