package dev.inquest.ui.jfr;

import static org.assertj.core.api.Assertions.assertThat;

import dev.inquest.investigation.model.Evidence;
import dev.inquest.investigation.model.EvidenceKind;
import dev.inquest.jfr.RulesRecordings;
import dev.inquest.jfr.rules.RuleId;
import dev.inquest.jfr.rules.RuleReport;
import dev.inquest.jfr.rules.RuleResult;
import dev.inquest.jfr.rules.Verdict;
import dev.inquest.ui.Screenshots;
import dev.inquest.ui.settings.Theme;
import dev.inquest.ui.shell.MainWindow;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
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
 * Issue 20: a recording's overview opens on its findings, worst first, as the rule engine judged
 * them; a card's evidence link opens the view it names, and Pin hands the notebook the rule's
 * result. The recording is {@link RulesRecordings}'s growing live set.
 */
@Tag("slow")
@ExtendWith(ApplicationExtension.class)
class FindingsViewTest {
    @TempDir
    static Path home;

    private MainWindow window;
    private Stage stage;

    @Start
    void start(Stage stage) throws Exception {
        this.stage = stage;
        window = dev.inquest.ui.TestWindows.withFreshSettings(stage, home);
        dev.inquest.ui.notebook.Notebook.install(window).create(home.resolve("findings.inquest"), "Checkout service OOM");
        JfrViews.install(window);
        stage.show();
    }

    private JfrDocument open(FxRobot robot, Path file) throws Exception {
        int before = window.documents().allTabs().size();
        robot.interact(() -> window.open(file));
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> window.documents().allTabs().size() == before + 1
                && window.documents().allTabs().getLast().getContent() instanceof JfrDocument);
        JfrDocument doc = (JfrDocument) window.documents().allTabs().getLast().getContent();
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> doc.overview().findings().report() != null);
        WaitForAsyncUtils.waitForFxEvents();
        return doc;
    }

    @Test
    void cardsFollowTheReportWorstFirstAndLinkToTheirEvidence(FxRobot robot) throws Exception {
        JfrDocument doc = open(robot, RulesRecordings.get("leak").file());
        RuleReport report = doc.overview().findings().report();
        List<RuleResult> judged = report.results().stream().filter(r -> r.verdict() != Verdict.NOT_APPLICABLE).toList();
        FindingsPane pane = doc.overview().findings();
        List<FindingsPane.Card> cards = robot.lookup(".finding-card").queryAllAs(FindingsPane.Card.class).stream().toList();
        // One card per judged rule, in the report's order (worst first), the live set's warning among the first.
        assertThat(cards).extracting(c -> c.result.rule()).containsExactlyElementsOf(judged.stream().map(RuleResult::rule).toList());
        // The rules' own texts when it fails: a live set judged on a starved child's recording says why.
        String judgedTexts = report.results().stream().map(r -> r.rule() + " " + r.verdict() + ": " + r.explanation())
                .collect(java.util.stream.Collectors.joining("\n"));
        assertThat(cards.getFirst().result.verdict()).as(judgedTexts).isEqualTo(Verdict.WARNING);
        FindingsPane.Card live = robot.lookup("#finding-live-set-growth").queryAs(FindingsPane.Card.class);
        assertThat(live.result.verdict()).isEqualTo(Verdict.WARNING);
        assertThat(live.getStyleClass()).contains("finding-warning");
        // The card shows the engine's own sentence and verdict, not a rewording.
        assertThat(texts(live)).contains(live.result.explanation(), RuleId.LIVE_SET_GROWTH.title(),
                "Warning \u00b7 " + (int) Math.floor(live.result.score()));
        long notApplicable = report.results().stream().filter(r -> r.verdict() == Verdict.NOT_APPLICABLE).count();
        if (notApplicable > 0) {
            assertThat(robot.lookup("#jfr-findings-not-applicable").queryAs(javafx.scene.control.TitledPane.class).getText())
                    .contains("(" + notApplicable + ")");
        }

        // Its time-range or series evidence opens the heap chart.
        Hyperlink toChart = robot.from(live).lookup(".finding-evidence").queryAllAs(Hyperlink.class).stream()
                .filter(h -> h.getText().endsWith("on the heap chart") || h.getText().endsWith("over time"))
                .findFirst().orElseThrow(() -> new AssertionError("no chart link on " + texts(live)));
        robot.interact(toChart::fire);
        assertThat(doc.views().getSelectionModel().getSelectedItem().getId()).isEqualTo("jfr-heap");

        // Selected, the card is what Ctrl+P pins: a rule result naming the verdict and the figures.
        robot.interact(() -> doc.select("jfr-overview"));
        Optional<Evidence> pinned = doc.evidenceForSelection();
        assertThat(pinned).isPresent();
        assertThat(pinned.get().kind()).isEqualTo(EvidenceKind.RULE_RESULT);
        assertThat(pinned.get().summary()).contains("**Warning**", RuleId.LIVE_SET_GROWTH.title());
        assertThat(pane.selection()).contains(live.result);

        shoot(robot, 1280, 800, Theme.LIGHT, "jfr-findings-light");
        shoot(robot, 1024, 700, Theme.DARK, "jfr-findings-dark");
        robot.interact(Theme.LIGHT::apply);
    }

    /** The window at a size and theme, with the case's notebook open beside the recording. */
    private void shoot(FxRobot robot, int w, int h, Theme theme, String name) {
        robot.interact(() -> {
            theme.apply();
            stage.setWidth(w);
            stage.setHeight(h);
        });
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> stage.getScene().getRoot().layout());
        WaitForAsyncUtils.waitForFxEvents();
        Path[] out = new Path[1];
        robot.interact(() -> out[0] = Screenshots.capture(stage.getScene(), name));
        assertThat(out[0]).exists();
    }

    private static String texts(Node root) {
        StringBuilder b = new StringBuilder();
        java.util.ArrayDeque<Node> todo = new java.util.ArrayDeque<>(List.of(root));
        while (!todo.isEmpty()) {
            Node n = todo.pop();
            if (n instanceof Label l) {
                b.append(l.getText()).append('\n');
            }
            if (n instanceof javafx.scene.Parent p) {
                todo.addAll(p.getChildrenUnmodifiable());
            }
        }
        return b.toString();
    }
}
