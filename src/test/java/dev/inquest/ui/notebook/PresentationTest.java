package dev.inquest.ui.notebook;

import static org.assertj.core.api.Assertions.assertThat;

import atlantafx.base.theme.PrimerDark;
import dev.inquest.ui.settings.Settings;
import dev.inquest.ui.settings.Theme;
import dev.inquest.ui.shell.MainWindow;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.application.Application;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Presentation mode (F5) keeps the user's theme and never cuts the presenter's texts (issue 18). */
@ExtendWith(ApplicationExtension.class)
class PresentationTest {
    private Stage stage;
    private MainWindow window;
    private Notebook notebook;

    @Start
    void start(Stage stage) throws Exception {
        this.stage = stage;
        Path home = Files.createTempDirectory("inquest-presentation");
        Path caseFile = home.resolve("checkout-oom.inquest");
        Path dump = Files.writeString(home.resolve("checkout-1400.hprof"), "JAVA PROFILE 1.0.2\0 dump");
        Path recording = Files.write(home.resolve("checkout.jfr"), new byte[] {'F', 'L', 'R', 0, 0, 2, 0, 1});
        NotebookScreenshotTest.writeCase(caseFile, dump, recording);
        window = new MainWindow(stage, new Settings(home.resolve("settings.properties")));
        notebook = Notebook.install(window);
        stage.setWidth(1024);
        stage.setHeight(700);
        stage.show();
        window.open(caseFile);
    }

    @AfterEach
    void light() {
        // The user agent stylesheet is the JVM's: the next test class starts light.
        WaitForAsyncUtils.asyncFx(Theme.LIGHT::apply);
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** The window's background as drawn now (the root's resolved -color-bg-default). */
    private Color background() {
        Region root = window.root();
        root.applyCss();
        return (Color) root.getBackground().getFills().getFirst().getFill();
    }

    @Test
    void presentingKeepsTheDarkTheme(FxRobot robot) {
        robot.interact(Theme.DARK::apply);
        String dark = new PrimerDark().getUserAgentStylesheet();
        Color before = background();
        assertThat(before.getBrightness()).as("dark theme's background").isLessThan(0.3);

        robot.interact(notebook::togglePresentation);
        assertThat(notebook.presenting()).isTrue();
        assertThat(Application.getUserAgentStylesheet()).isEqualTo(dark);
        assertThat(background().getBrightness()).as("presenting in the dark theme stays dark").isLessThan(0.3);
        Label statement = robot.lookup("#presenter-statement").queryAs(Label.class);
        statement.applyCss();
        assertThat(((Color) statement.getTextFill()).getBrightness()).as("light text on the dark background").isGreaterThan(0.7);

        robot.interact(notebook::togglePresentation);
        assertThat(notebook.presenting()).isFalse();
        assertThat(Application.getUserAgentStylesheet()).isEqualTo(dark);
        assertThat(window.root().getStyleClass()).doesNotContain("presentation");
        assertThat(background()).isEqualTo(before);
    }

    @Test
    void presentingInTheLightThemeStaysLight(FxRobot robot) {
        robot.interact(Theme.LIGHT::apply);
        robot.interact(notebook::togglePresentation);
        assertThat(background().getBrightness()).isGreaterThan(0.9);
        Label statement = robot.lookup("#presenter-statement").queryAs(Label.class);
        assertThat(((Color) statement.getTextFill()).getBrightness()).isLessThan(0.3);
        robot.interact(notebook::togglePresentation);
    }

    @Test
    void thePresentersTextsWrapInsteadOfEndingInDots(FxRobot robot) {
        robot.interact(notebook::togglePresentation);
        // Evidence stops too: a figure's name and value, the evidence's place in the hypothesis.
        for (int i = 0; i < 3; i++) {
            int stop = i;
            WaitForAsyncUtils.waitForFxEvents();
            Node presenter = robot.lookup("#presenter").query();
            int[] labels = {0};
            robot.interact(() -> {
                presenter.getScene().getRoot().applyCss();
                presenter.getScene().getRoot().layout();
                for (Node n : presenter.lookupAll(".label")) {
                    if (n instanceof Labeled l && l.getText() != null && !l.getText().isBlank() && !l.getText().contains("\n")) {
                        labels[0]++;
                        assertThat(drawn(l)).as("presenter label at stop %d", stop).isEqualTo(l.getText());
                    }
                }
            });
            assertThat(labels[0]).isGreaterThan(3);
            robot.type(javafx.scene.input.KeyCode.PAGE_DOWN);
        }
        robot.interact(notebook::togglePresentation);
    }

    /** The text a label's skin draws, "..." and all. */
    private static String drawn(Labeled l) {
        for (Node child : l.getChildrenUnmodifiable()) {
            if (child instanceof Text t && child.getClass().getSimpleName().equals("LabeledText")) {
                return t.getText();
            }
        }
        return l.getText();
    }
}
