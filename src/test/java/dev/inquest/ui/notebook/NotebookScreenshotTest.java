package dev.inquest.ui.notebook;

import static org.assertj.core.api.Assertions.assertThat;

import dev.inquest.investigation.artifact.ArtifactFiles;
import dev.inquest.investigation.model.Case;
import dev.inquest.investigation.model.CaseStatus;
import dev.inquest.investigation.model.Evidence;
import dev.inquest.investigation.model.HypothesisStatus;
import dev.inquest.investigation.model.NextStep;
import dev.inquest.investigation.model.Priority;
import dev.inquest.investigation.model.Reference;
import dev.inquest.investigation.model.Section;
import dev.inquest.investigation.model.Stance;
import dev.inquest.investigation.session.CaseSession;
import dev.inquest.investigation.session.Edits;
import dev.inquest.ui.Screenshots;
import dev.inquest.ui.settings.Theme;
import dev.inquest.ui.settings.Settings;
import dev.inquest.ui.shell.MainWindow;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The notebook with a realistic case, light, dark and presenting, and the export dialog, for the docs. */
@ExtendWith(ApplicationExtension.class)
class NotebookScreenshotTest {
    private Stage stage;
    private MainWindow window;
    private Notebook notebook;
    private Path caseFile;

    @Start
    void start(Stage stage) throws Exception {
        this.stage = stage;
        Path home = Files.createTempDirectory("inquest-notebook-shots");
        caseFile = home.resolve("checkout-oom.inquest");
        Path dump = Files.writeString(home.resolve("checkout-1400.hprof"), "JAVA PROFILE 1.0.2\0 dump");
        Path recording = Files.write(home.resolve("checkout.jfr"), new byte[] {'F', 'L', 'R', 0, 0, 2, 0, 1});
        writeCase(caseFile, dump, recording);
        Settings settings = new Settings(home.resolve("settings.properties"));
        settings.addRecentFile(caseFile);
        window = new MainWindow(stage, settings);
        notebook = Notebook.install(window);
        // The primary stage is shared by every TestFX class in the JVM: a size another test set
        // would change the pictures.
        stage.setWidth(1280);
        stage.setHeight(800);
        stage.show();
        window.open(caseFile);
    }

    static void writeCase(Path file, Path dump, Path recording) throws Exception {
        CaseSession s = CaseSession.create(file, Case.create("Checkout service heap grows until OOM", LocalDate.of(2026, 11, 18)));
        s.useClock(() -> LocalDate.of(2026, 11, 21));
        s.apply(Edits.subtask(4));
        s.apply(Edits.status(CaseStatus.IN_PROGRESS, null));
        s.apply(Edits.addItem(Section.CONTEXT, "`checkout-service` restarts every ~6 h with `OutOfMemoryError: Java heap space` (-Xmx2g)"));
        s.apply(Edits.addItem(Section.CONTEXT, "Started with release 2026.11.3 (session cache rewrite)"));
        s.apply(Edits.addItem(Section.FINDINGS, "`HashMap$Node[]` under `SessionCache` retains 212 MB (41.3%) at 14:00"));
        s.apply(Edits.addArtifact(ArtifactFiles.describe(dump, file.getParent())));
        s.apply(Edits.addArtifact(ArtifactFiles.describe(recording, file.getParent())));
        s.apply(Edits.addHypothesis("Is the session cache unbounded?"));
        s.apply(Edits.addHypothesis("Is a slow downstream consumer holding request buffers?"));
        s.apply(Edits.addHypothesis("Does the new JSON serializer leak thread-locals?"));
        Instant at = Instant.parse("2026-11-21T14:20:00Z");
        s.apply(Edits.pinEvidence("H1", withArtifact(Drafts.dominatorRow(dump), "A1"), at));
        s.apply(Edits.pinEvidence("H1", withArtifact(Drafts.heapTrend(recording), "A2"), at));
        s.apply(Edits.pinEvidence("H2", withArtifact(Drafts.flameFrame(recording), "A2").withStance(Stance.REFUTES), at));
        s.apply(Edits.pinEvidence("H2", Evidence.note(Stance.REFUTES, "Request queue depth stays under 40 during the growth"), at));
        s.apply(Edits.pinEvidence("H3", Evidence.note(Stance.SUPPORTS, "`ThreadLocal` count rose from 212 to 1,830 between dumps"), at));
        s.apply(Edits.hypothesisStatus("H1", HypothesisStatus.SUPPORTED));
        s.apply(Edits.hypothesisStatus("H2", HypothesisStatus.REFUTED));
        s.apply(Edits.updateHypothesis("H1", "Edit tags", h -> h.withTags(java.util.List.of("cache", "release-2026.11.3"))
                .withNotes("Entries are added per session and never evicted; the map only grows.")));
        s.apply(Edits.addItem(Section.ACTIONS, "Took two heap dumps two hours apart (12:00, 14:00)"));
        s.apply(Edits.addItem(Section.ACTIONS, "Recorded 30 minutes of JFR with allocation profiling"));
        s.apply(Edits.addNextStep(new NextStep("Bound `SessionCache` with a maximum size and a TTL", false, Priority.P0, "@dana", "H1")));
        s.apply(Edits.addNextStep(new NextStep("Load-test the fix for six hours", false, Priority.P1, "@lee", "H1")));
        s.apply(Edits.addNextStep(new NextStep("Count serializer thread-locals after one hour", false, Priority.P2, null, "H3")));
        s.apply(Edits.addNextStep(new NextStep("Compare the 12:00 and 14:00 dumps", true, null, "@dana", null)));
        s.apply(Edits.addReference(Reference.of("Runbook: checkout OOM", "../runbooks/checkout-oom.md")));
        s.save();
    }

    private static Evidence withArtifact(Evidence e, String artifactId) {
        return new Evidence(null, e.kind(), e.stance(), e.summary(), e.figures(), e.values(), e.path(),
                new dev.inquest.investigation.model.EvidenceSource(artifactId, e.source().view(), e.source().locator()), null);
    }

    private Path shot(FxRobot robot, javafx.scene.Scene scene, String name) throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        Path[] out = new Path[1];
        robot.interact(() -> out[0] = Screenshots.capture(scene, name));
        assertThat(Files.size(out[0])).isLessThan(300_000);
        return out[0];
    }

    private static int brightness(Path png, int x, int y) throws Exception {
        BufferedImage img = ImageIO.read(png.toFile());
        int rgb = img.getRGB(x, y);
        return ((rgb >> 16) & 0xff) + ((rgb >> 8) & 0xff) + (rgb & 0xff);
    }

    @Test
    void notebookLightDarkPresentingAndExport(FxRobot robot) throws Exception {
        robot.interact(Theme.LIGHT::apply);
        assertThat(robot.lookup("#hypothesis-H2 .status-chip").queryAs(Label.class).getText()).isEqualTo("Refuted");
        Path light = shot(robot, stage.getScene(), "notebook-light");
        // The notebook sits at the right: its background follows the theme.
        assertThat(brightness(light, 1270, 400)).isGreaterThan(600);
        NotebookTest.reveal(robot, "#next-steps");
        shot(robot, stage.getScene(), "notebook-next-steps");

        // Dark: the first hypothesis opened, with its evidence for and against.
        robot.interact(() -> {
            Theme.DARK.apply();
            notebook.view().expand("H1");
            notebook.view().render();
        });
        NotebookTest.reveal(robot, "#case-title");
        Path dark = shot(robot, stage.getScene(), "notebook-dark");
        assertThat(brightness(dark, 1270, 400)).isLessThan(200);
        robot.interact(Theme.LIGHT::apply);

        robot.interact(notebook::togglePresentation);
        robot.type(KeyCode.PAGE_DOWN);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#presenter-evidence").queryAs(Label.class).getText())
                .isEqualTo("java.util.HashMap$Node[] held by SessionCache.entries retains most of the heap");
        shot(robot, stage.getScene(), "notebook-presentation");
        robot.interact(notebook::togglePresentation);

        robot.interact(notebook::showExport);
        DialogPane pane = robot.lookup("#export-dialog").queryAs(DialogPane.class);
        robot.clickOn("#export-report");
        shot(robot, pane.getScene(), "export-dialog");
        robot.interact(() -> pane.getScene().getWindow().hide());

        // Drag to reorder, caught mid-gesture: the dragged card fades, a bar marks where it lands.
        robot.clickOn("#hypothesis-H1 .hypothesis-statement");
        NotebookTest.reveal(robot, "#hypotheses");
        robot.drag("#hypothesis-H3 .hypothesis-statement").moveTo("#hypothesis-H1 .hypothesis-statement");
        assertThat(robot.lookup("#hypothesis-H1").query().getStyleClass()).contains("drop-above");
        shot(robot, stage.getScene(), "notebook-drag");
        robot.drop();
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(notebook.session().orElseThrow().current().hypotheses().getFirst().id()).isEqualTo("H3");
    }
}
