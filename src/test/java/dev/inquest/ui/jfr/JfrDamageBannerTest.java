package dev.inquest.ui.jfr;

import static org.assertj.core.api.Assertions.assertThat;

import dev.inquest.jfr.AllocRecording;
import dev.inquest.jfr.Recording;
import dev.inquest.jfr.load.ChunkHeader;
import dev.inquest.jfr.load.JfrSource;
import dev.inquest.jfr.summary.ChunkDamage;
import dev.inquest.jfr.summary.RecordingSummary;
import dev.inquest.progress.Progress;
import dev.inquest.ui.Screenshots;
import dev.inquest.ui.common.DamageBanner;
import dev.inquest.ui.settings.Theme;
import dev.inquest.ui.shell.MainWindow;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import javafx.geometry.Bounds;
import javafx.scene.control.Tab;
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
 * Issue 17: a recording with a damaged chunk says so above every recording view, in the engine's
 * words ({@code RecordingDamage.sentence()}); damage a query finds while it reads appears when that
 * query finishes. The recordings are {@link AllocRecording}'s, mutated here as {@code JfrDamageTest} does.
 */
@Tag("slow")
@ExtendWith(ApplicationExtension.class)
class JfrDamageBannerTest {
    @TempDir
    static Path home;

    private MainWindow window;
    private Stage stage;

    @Start
    void start(Stage stage) throws Exception {
        this.stage = stage;
        window = dev.inquest.ui.TestWindows.withFreshSettings(stage, home);
        dev.inquest.ui.notebook.Notebook.install(window).create(home.resolve("checkout-oom.inquest"), "Checkout service OOM");
        JfrViews.install(window);
        stage.show();
    }

    static Path mutated(String name, Consumer<byte[]> change) throws Exception {
        byte[] b = Files.readAllBytes(AllocRecording.get().file());
        change.accept(b);
        return Files.write(home.resolve(name), b);
    }

    static ChunkHeader chunk(int index) throws Exception {
        try (JfrSource s = JfrSource.open(AllocRecording.get().file(), Progress.NONE)) {
            return s.chunks().get(index);
        }
    }

    private JfrDocument open(FxRobot robot, Path file) throws Exception {
        int before = window.documents().allTabs().size();
        robot.interact(() -> window.open(file));
        // The tab appears at once with the opening page; the document takes its place when read.
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> window.documents().allTabs().size() == before + 1
                && window.documents().allTabs().getLast().getContent() instanceof JfrDocument);
        WaitForAsyncUtils.waitForFxEvents();
        return (JfrDocument) window.documents().allTabs().getLast().getContent();
    }

    /** Chunk 2's constant-pool offset set to 0: the chunk is skipped and named as damaged, not as a cut. */
    @Test
    void aDamagedChunkIsNamedAboveEveryViewInTheEnginesWords(FxRobot robot) throws Exception {
        ChunkHeader c = chunk(1);
        Path damaged = mutated("cp0.jfr", b -> ByteBuffer.wrap(b).putLong((int) c.offset() + 16, 0));
        JfrDocument doc = open(robot, damaged);
        DamageBanner banner = doc.damageBanner();
        List<ChunkDamage> found = doc.recording().damage();
        assertThat(found).hasSize(1);
        assertThat(banner.isVisible()).isTrue();
        assertThat(banner.getScene()).isNotNull();
        assertThat(banner.text()).isEqualTo(doc.recording().damageReport().sentence())
                .isEqualTo("C" + found.getFirst().describe().substring(1) + "; the figures count the other chunks only.")
                .contains("at byte " + (c.offset() + 16));
        // The overview named a skipped chunk "Recording cut short at byte ...": no cut here, and the
        // damage is the banner's, not repeated in words of the overview's own.
        assertThat(OverviewView.warnings(doc.summary())).noneMatch(w -> w.toLowerCase(java.util.Locale.ROOT).contains("cut short"))
                .noneMatch(w -> w.contains(found.getFirst().problem()));

        robot.interact(() -> doc.select("jfr-alloc"));
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> doc.allocations().tree() != null);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(doc.getTop()).isSameAs(banner);
        assertThat(banner.text()).isEqualTo(doc.recording().damageReport().sentence());

        for (int[] size : new int[][] {{1024, 700}, {1280, 800}}) {
            for (Theme theme : Theme.values()) {
                robot.interact(() -> {
                    theme.apply();
                    stage.setWidth(size[0]);
                    stage.setHeight(size[1]);
                });
                WaitForAsyncUtils.waitForFxEvents();
                String name = "damage-banner-recording-" + theme.name().toLowerCase(java.util.Locale.ROOT)
                        + (size[0] == 1280 ? "" : "-" + size[0]);
                robot.interact(() -> Screenshots.capture(stage.getScene(), name));
                robot.interact(() -> assertWhole(banner));
            }
        }
        robot.interact(Theme.LIGHT::apply);
    }

    /** The banner's sentence is shown whole: as tall as its wrapped lines, inside the window's width. */
    static void assertWhole(DamageBanner banner) {
        javafx.scene.control.Label text = (javafx.scene.control.Label) banner.getChildren().get(1);
        assertThat(text.getHeight()).isGreaterThanOrEqualTo(text.prefHeight(text.getWidth()) - 0.5);
        Bounds b = banner.localToScene(banner.getLayoutBounds());
        assertThat(b.getMaxX()).isLessThanOrEqualTo(banner.getScene().getWidth() + 0.5);
        assertThat(text.lookup(".text") instanceof javafx.scene.text.Text t ? t.getText() : "").isEqualTo(text.getText());
    }

    /**
     * Chunk 2's first record given size 0: the header is sound, so opening finds nothing; the
     * allocation query's read finds it. The banner appears when that query finishes.
     */
    @Test
    void damageAQueryFindsAppearsWhenTheQueryFinishes(FxRobot robot) throws Exception {
        ChunkHeader c = chunk(1);
        int first = (int) c.offset() + ChunkHeader.SIZE;
        Path damaged = mutated("size0.jfr", b -> b[first] = 0);
        Recording recording = Recording.open(damaged, Progress.NONE);
        assertThat(recording.partial()).as("nothing found before a read").isFalse();
        // What the window had before any read of this file found the damage: a summary of the whole recording.
        RecordingSummary before;
        try (Recording whole = Recording.open(AllocRecording.get().file(), Progress.NONE)) {
            before = whole.summary(Progress.NONE);
        }
        JfrDocument[] doc = new JfrDocument[1];
        robot.interact(() -> {
            doc[0] = new JfrDocument(recording, before, window);
            Tab tab = window.documents().newTab("size0.jfr", null, doc[0]);
            window.documents().add(tab);
            var closed = tab.getOnClosed();
            tab.setOnClosed(e -> {
                doc[0].close();
                closed.handle(e);
            });
        });
        WaitForAsyncUtils.waitForFxEvents();
        // The overview's findings are the first query: the damage its read finds shows when it finishes.
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> doc[0].overview().findings().report() != null);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(doc[0].overview().findings().report().partial()).isTrue();
        assertThat(doc[0].damageBanner().isVisible()).isTrue();
        assertThat(doc[0].damageBanner().text()).isEqualTo(recording.damageReport().sentence());

        robot.interact(() -> doc[0].select("jfr-alloc"));
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> doc[0].allocations().tree() != null);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(recording.damage()).hasSize(1);
        assertThat(recording.damage().getFirst().offset()).isEqualTo(first);
        assertThat(doc[0].damageBanner().isVisible()).isTrue();
        assertThat(doc[0].damageBanner().text()).isEqualTo(recording.damageReport().sentence())
                .contains("Chunk 2 skipped, damaged: a record declares size 0 at byte " + first);
        robot.interact(() -> window.documents().close(window.documents().allTabs().getLast()));
    }
}
