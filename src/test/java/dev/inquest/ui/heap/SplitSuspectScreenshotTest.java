package dev.inquest.ui.heap;

import static org.assertj.core.api.Assertions.assertThat;

import dev.inquest.format.Units;
import dev.inquest.heap.query.LeakDumps;
import dev.inquest.heap.query.LeakSuspects;
import dev.inquest.heap.query.Suspect;
import dev.inquest.heap.query.SuspectPart;
import dev.inquest.investigation.model.Case;
import dev.inquest.investigation.session.CaseSession;
import dev.inquest.progress.Progress;
import dev.inquest.ui.InquestApp;
import dev.inquest.ui.Screenshots;
import dev.inquest.ui.heap.HeapDocument.Section;
import dev.inquest.ui.heap.overview.OverviewView;
import dev.inquest.ui.settings.Settings;
import dev.inquest.ui.shell.MainWindow;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import javafx.scene.control.Tab;
import javafx.stage.Stage;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * Issue 19: the suspect card of a suspect that splits, at 1280x800 with a case's notebook open:
 * the title names what accumulates in each holder, and the card's "Held by" lists both holders
 * with their counts and the DTO duplication, as the engine computed them.
 */
@Tag("slow")
@ExtendWith(ApplicationExtension.class)
class SplitSuspectScreenshotTest {
    @TempDir
    static Path home;

    private Stage stage;
    private MainWindow window;

    @Start
    void start(Stage stage) throws Exception {
        this.stage = stage;
        Path caseFile = home.resolve("assets.inquest");
        CaseSession.create(caseFile, Case.create("What do the Seeds statics keep?", LocalDate.of(2026, 12, 5))).save();
        window = new MainWindow(stage, new Settings(home.resolve("settings.properties")));
        dev.inquest.ui.Views.installAll(window);
        stage.setWidth(1280);
        stage.setHeight(800);
        stage.show();
        window.open(caseFile);
    }

    @Test
    void splitSuspectCardNamesBothHolders(FxRobot robot) throws Exception {
        Path file = LeakDumps.file("split");
        robot.interact(() -> InquestApp.openArguments(window, List.of(file.toString())));
        HeapDocument[] found = new HeapDocument[1];
        HeapViewsTest.waitFor("heap tab", 120, () -> {
            for (Tab t : window.documents().allTabs()) {
                if (HeapViews.documentOf(t) != null) {
                    found[0] = HeapViews.documentOf(t);
                }
            }
            return found[0] != null;
        });
        HeapDocument doc = found[0];
        robot.interact(() -> doc.show(Section.OVERVIEW));
        OverviewView overview = doc.viewOf(Section.OVERVIEW, OverviewView.class);
        HeapViewsTest.waitFor("suspects", 120, () -> !overview.suspectHeadlines().isEmpty()
                && !overview.suspectHeadlines().getFirst().startsWith("Looking"));
        Suspect s = LeakSuspects.find(doc.dump(), Progress.NONE).suspects().getFirst();
        assertThat(overview.suspectHeadlines()).containsExactly(s.title());
        assertThat(s.title()).startsWith("LeakPatterns$ResponseLog.served holds 100,000 LeakPatterns$AssetResponseWrapper");
        SuspectPart served = s.parts().get(0);
        SuspectPart assets = s.parts().get(1);
        assertThat(overview.suspectPartLines()).containsExactly(
                "LeakPatterns$ResponseLog.served: 100,000 LeakPatterns$AssetResponseWrapper in a list, "
                        + Units.bytes(served.accumulationRetained()) + " (field log); 100,000 LeakPatterns$AssetDto for 35,000 distinct assetId",
                "LeakPatterns$AssetManager.assets: 35,000 LeakPatterns$AssetResponseWrapper in a map, "
                        + Units.bytes(assets.accumulationRetained()) + " (field manager)");
        HeapViewsTest.waitFor("idle", 60, () -> !window.tasks().runningProperty().get());
        robot.interact(() -> scrollTo(stage.getScene().lookup(".suspect")));
        Path[] out = new Path[1];
        robot.interact(() -> out[0] = Screenshots.capture(stage.getScene(), "heap-suspect-split-1280x800"));
        assertThat(Files.size(out[0])).isLessThan(900_000);
    }

    /** Scrolls the overview so the card's top is at the top of the view, as a user would to read it. */
    private static void scrollTo(javafx.scene.Node card) {
        javafx.scene.Node n = card;
        while (n != null && !(n instanceof javafx.scene.control.ScrollPane)) {
            n = n.getParent();
        }
        assertThat(n).as("the overview scrolls").isNotNull();
        javafx.scene.control.ScrollPane sp = (javafx.scene.control.ScrollPane) n;
        double contentHeight = sp.getContent().getBoundsInLocal().getHeight();
        double viewport = sp.getViewportBounds().getHeight();
        double y = sp.getContent().sceneToLocal(card.localToScene(0, 0)).getY() - 8;
        sp.setVvalue(contentHeight <= viewport ? 0 : Math.min(1, Math.max(0, y / (contentHeight - viewport))));
    }
}
