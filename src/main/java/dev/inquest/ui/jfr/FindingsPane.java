package dev.inquest.ui.jfr;

import dev.inquest.jfr.rules.RuleEvidence;
import dev.inquest.jfr.rules.RuleReport;
import dev.inquest.jfr.rules.RuleResult;
import dev.inquest.jfr.rules.Verdict;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.TitledPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignA;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;
import org.kordamp.ikonli.materialdesign2.MaterialDesignI;
import org.kordamp.ikonli.materialdesign2.MaterialDesignP;

/**
 * The recording's findings (issue 20): the engine's rule results as cards, worst first, each with
 * its verdict and score, the explanation with its figures, links to the view that shows its
 * evidence, and Pin. The rules run once, in the background, when the overview is built; the
 * cards only show what {@link RuleReport} decided. Rules that cannot judge the recording are
 * folded into one closed section at the end, with their reasons.
 */
final class FindingsPane extends VBox {
    /** Where a card's evidence opens: the document's views. */
    interface Shows {
        /** The flame graph the frame belongs to, revealed at it. */
        void frame(RuleEvidence.Frame frame);

        /** The heap chart with the range selected (the flame graphs narrow to it). */
        void range(RuleEvidence.TimeRange range);

        /** The chart the series is drawn on. */
        void series(RuleEvidence.Series series);
    }

    private final JfrContext doc;
    private final Shows shows;
    private final Label status = new Label("Checking the recording against the rules\u2026");
    private final VBox cards = new VBox(8);
    private Card selected;
    private RuleReport report;

    FindingsPane(JfrContext doc, Shows shows) {
        super(8);
        this.doc = doc;
        this.shows = shows;
        setId("jfr-findings");
        status.setId("jfr-findings-status");
        status.setWrapText(true);
        status.getStyleClass().add("text-muted");
        getChildren().addAll(status, cards);
    }

    /** Runs the rules in the background; the cards replace the status line when they are in. */
    void load() {
        doc.run("Checking " + doc.summary().file(), p -> doc.recording().rules(p), this::show,
                failure -> status.setText("The rules could not run: " + failure.getMessage()));
    }

    /** The report shown, or null while the rules run. */
    RuleReport report() {
        return report;
    }

    /** The card clicked last, for Ctrl+P. */
    Optional<RuleResult> selection() {
        return Optional.ofNullable(selected).map(c -> c.result);
    }

    void show(RuleReport r) {
        report = r;
        cards.getChildren().clear();
        List<RuleResult> judged = r.results().stream().filter(x -> x.verdict() != Verdict.NOT_APPLICABLE).toList();
        List<RuleResult> notApplicable = r.results().stream().filter(x -> x.verdict() == Verdict.NOT_APPLICABLE).toList();
        long warnings = judged.stream().filter(x -> x.verdict() == Verdict.WARNING).count();
        long infos = judged.stream().filter(x -> x.verdict() == Verdict.INFO).count();
        String counts = judged.isEmpty() ? "No rule could judge this recording (its events are listed below)."
                : String.format(Locale.ROOT, "%d warning%s, %d to look at, %d fine, worst first.", warnings,
                        warnings == 1 ? "" : "s", infos, judged.size() - warnings - infos);
        status.setText(r.partial() ? counts + " The recording is damaged or cut short: the figures count only what could be read."
                : counts);
        for (RuleResult result : judged) {
            cards.getChildren().add(new Card(result));
        }
        if (!notApplicable.isEmpty()) {
            VBox reasons = new VBox(4);
            for (RuleResult result : notApplicable) {
                Label line = new Label(result.title() + ": " + result.explanation());
                line.setWrapText(true);
                line.getStyleClass().add("finding-not-applicable");
                reasons.getChildren().add(line);
            }
            TitledPane fold = new TitledPane("Not applicable to this recording (" + notApplicable.size() + ")", reasons);
            fold.setId("jfr-findings-not-applicable");
            fold.setExpanded(false);
            cards.getChildren().add(fold);
        }
    }

    private void select(Card c) {
        if (selected != null) {
            selected.getStyleClass().remove("selected");
        }
        selected = c;
        c.getStyleClass().add("selected");
    }

    /** One rule's result: verdict, title, score, explanation, figures, evidence links and Pin. */
    final class Card extends HBox {
        final RuleResult result;

        Card(RuleResult result) {
            super(10);
            this.result = result;
            getStyleClass().addAll("finding-card", "finding-" + result.verdict().name().toLowerCase(Locale.ROOT));
            setId("finding-" + result.rule().name().toLowerCase(Locale.ROOT).replace('_', '-'));
            FontIcon icon = new FontIcon(switch (result.verdict()) {
                case WARNING -> MaterialDesignA.ALERT;
                case INFO -> MaterialDesignI.INFORMATION_OUTLINE;
                default -> MaterialDesignC.CHECK_CIRCLE_OUTLINE;
            });
            icon.getStyleClass().add("finding-icon");
            Label title = new Label(result.title());
            title.getStyleClass().addAll("title-4", "finding-title");
            title.setWrapText(true);
            title.setMinHeight(Region.USE_PREF_SIZE);
            Label verdict = new Label(result.verdict().label() + " \u00b7 " + (int) Math.floor(result.score()));
            verdict.getStyleClass().add("finding-verdict");
            verdict.setMinWidth(Region.USE_PREF_SIZE);
            // Title and verdict on one line while they fit, the verdict under the title when not.
            BorderPane head = new BorderPane();
            head.setCenter(title);
            BorderPane.setAlignment(title, Pos.CENTER_LEFT);
            title.setMaxWidth(Double.MAX_VALUE);
            head.setRight(verdict);
            BorderPane.setAlignment(verdict, Pos.CENTER_RIGHT);
            Label text = new Label(result.explanation());
            text.setWrapText(true);
            text.setMinHeight(Region.USE_PREF_SIZE);
            text.getStyleClass().add("finding-explanation");
            VBox body = new VBox(4, head, text);
            if (!result.figures().isEmpty()) {
                Label figures = new Label(result.figures().stream().map(f -> f.name() + " " + f.text())
                        .collect(Collectors.joining(" \u00b7 ")));
                figures.setWrapText(true);
                figures.setMinHeight(Region.USE_PREF_SIZE);
                figures.getStyleClass().addAll("text-muted", "finding-figures");
                body.getChildren().add(figures);
            }
            // One link a line, wrapping: a link names a GC or a frame and may be wider than a narrow card.
            VBox links = new VBox(2);
            for (RuleEvidence e : result.evidence()) {
                links.getChildren().add(link(e));
            }
            Hyperlink pin = new Hyperlink("Pin", new FontIcon(MaterialDesignP.PIN_OUTLINE));
            pin.setMinWidth(Region.USE_PREF_SIZE);
            pin.getStyleClass().add("finding-pin");
            pin.setOnAction(a -> {
                select(this);
                doc.pinSelection();
            });
            links.getChildren().add(pin);
            body.getChildren().add(links);
            HBox.setHgrow(body, Priority.ALWAYS);
            getChildren().addAll(icon, body);
            setOnMouseClicked(e -> select(this));
        }

        private Node link(RuleEvidence e) {
            Hyperlink h = new Hyperlink(switch (e) {
                case RuleEvidence.Frame f -> switch (f.flame()) {
                    case ALLOCATION -> "Allocations at " + FrameLabels.method(f.method());
                    case CPU -> "CPU at " + FrameLabels.method(f.method());
                    case LOCK -> "Lock waits at " + FrameLabels.method(f.method());
                };
                case RuleEvidence.TimeRange r -> r.label() + " on the heap chart";
                case RuleEvidence.Series s -> s.label() + " over time";
            });
            h.getStyleClass().add("finding-evidence");
            h.setWrapText(true);
            h.setMaxWidth(Double.MAX_VALUE);
            h.setMinHeight(Region.USE_PREF_SIZE);
            h.setOnAction(a -> {
                select(this);
                switch (e) {
                    case RuleEvidence.Frame f -> shows.frame(f);
                    case RuleEvidence.TimeRange r -> shows.range(r);
                    case RuleEvidence.Series s -> shows.series(s);
                }
            });
            return h;
        }
    }

    /** Short method names for links ("HashMap.resize" of "java.util.HashMap.resize(int)"). */
    static final class FrameLabels {
        private FrameLabels() {
        }

        static String method(String frame) {
            String m = frame;
            int paren = m.indexOf('(');
            if (paren >= 0) {
                m = m.substring(0, paren);
            }
            int method = m.lastIndexOf('.');
            int cls = method > 0 ? m.lastIndexOf('.', method - 1) : -1;
            return cls >= 0 ? m.substring(cls + 1) : m;
        }
    }
}
