package dev.inquest.ui.notebook;

import dev.inquest.investigation.export.FigureText;
import dev.inquest.investigation.model.Case;
import dev.inquest.investigation.model.Evidence;
import dev.inquest.investigation.model.Figure;
import dev.inquest.investigation.model.Hypothesis;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.VBox;

/**
 * Presentation mode's side of the screen: one hypothesis and one piece of its evidence at a time,
 * large, stepped through with PageDown/PageUp (what presentation clickers send) so the person
 * at the keyboard can walk a room through the case while the view it came from sits beside it.
 */
final class Presenter {
    /** One stop: a hypothesis on its own (evidence null), then each of its evidence items. */
    record Stop(Hypothesis hypothesis, Evidence evidence, int evidenceNumber) {
    }

    private final VBox root = new VBox(16);
    private final ScrollPane scroll = new ScrollPane(root);
    private List<Stop> stops = List.of();
    private int at;

    Presenter() {
        root.setId("presenter");
        root.getStyleClass().add("presenter");
        root.setPadding(new Insets(24));
        scroll.setFitToWidth(true);
    }

    Node node() {
        return scroll;
    }

    /** Rebuilds the stops from the case, staying on the same hypothesis/evidence when it still exists. */
    void show(Case c, String hypothesisId) {
        Stop was = stops.isEmpty() ? null : stops.get(at);
        List<Stop> list = new ArrayList<>();
        for (Hypothesis h : c.hypotheses()) {
            list.add(new Stop(h, null, 0));
            for (int i = 0; i < h.evidence().size(); i++) {
                list.add(new Stop(h, h.evidence().get(i), i + 1));
            }
        }
        stops = list;
        at = 0;
        for (int i = 0; i < list.size(); i++) {
            Stop s = list.get(i);
            boolean sameStop = was != null && Objects.equals(s.hypothesis().id(), was.hypothesis().id())
                    && Objects.equals(s.evidence() == null ? null : s.evidence().id(), was.evidence() == null ? null : was.evidence().id());
            if (sameStop || (was == null && Objects.equals(s.hypothesis().id(), hypothesisId) && s.evidence() == null)) {
                at = i;
                break;
            }
        }
        render();
    }

    boolean next() {
        if (at + 1 >= stops.size()) {
            return false;
        }
        at++;
        render();
        return true;
    }

    boolean previous() {
        if (at == 0) {
            return false;
        }
        at--;
        render();
        return true;
    }

    Stop current() {
        return stops.isEmpty() ? null : stops.get(at);
    }

    private void render() {
        root.getChildren().clear();
        if (stops.isEmpty()) {
            Label none = new Label("No hypotheses yet. Press F5 to leave presentation mode and add one (Ctrl+H).");
            none.setWrapText(true);
            root.getChildren().add(none);
            return;
        }
        Stop s = stops.get(at);
        Hypothesis h = s.hypothesis();
        Label position = wrapping(new Label(h.id() + "  ·  stop " + (at + 1) + " of " + stops.size()));
        position.setId("presenter-position");
        position.getStyleClass().add("text-muted");
        Label statement = new Label(h.statement());
        statement.setId("presenter-statement");
        statement.setWrapText(true);
        statement.getStyleClass().add("presenter-statement");
        root.getChildren().addAll(line(12, Chips.status(h.status()), position), statement);
        if (s.evidence() == null) {
            if (!h.notes().isBlank()) {
                Label notes = new Label(h.notes());
                notes.setWrapText(true);
                root.getChildren().add(notes);
            }
            Label counts = wrapping(new Label(h.supporting().size() + " for, " + h.refuting().size() + " against"
                    + (h.evidence().isEmpty() ? "" : ". PageDown walks through them.")));
            root.getChildren().add(counts);
        } else {
            Evidence e = s.evidence();
            VBox card = new VBox(10);
            card.getStyleClass().addAll("presenter-evidence", "stance-" + e.stance().word());
            Label which = wrapping(new Label("Evidence " + s.evidenceNumber() + " of " + h.evidence().size()));
            which.getStyleClass().add("text-muted");
            Label summary = new Label(Chips.plain(e.summary()));
            summary.setId("presenter-evidence");
            summary.setWrapText(true);
            summary.getStyleClass().add("presenter-evidence-summary");
            card.getChildren().addAll(line(10, Chips.stance(e.stance()), which, Chips.kindIcon(e.kind())), summary);
            // Each figure on a line of its own, its name above its value: two columns side by side
            // cut one or the other in a pane this narrow at presentation's type size.
            VBox figures = new VBox(6);
            for (Figure f : e.figures()) {
                Label name = wrapping(new Label(f.name()));
                Label value = wrapping(new Label(FigureText.value(f)));
                value.getStyleClass().addAll("numeric", "presenter-figure");
                figures.getChildren().add(new VBox(0, name, value));
            }
            card.getChildren().add(figures);
            if (!e.path().isEmpty()) {
                List<String> shown = e.path().size() > 8 ? e.path().subList(0, 8) : e.path();
                Label path = new Label(String.join("\n", shown) + (shown.size() < e.path().size() ? "\n..." : ""));
                path.getStyleClass().add("evidence-path");
                path.setWrapText(true);
                card.getChildren().add(path);
            }
            root.getChildren().add(card);
        }
        Label keys = wrapping(new Label("PageDown next  ·  PageUp previous  ·  Enter opens the evidence  ·  F5 ends"));
        keys.getStyleClass().addAll("text-small", "text-muted");
        root.getChildren().add(keys);
    }

    /**
     * The presenter is a narrow pane in large type: its texts wrap onto more lines rather than end
     * in "...", however long a hypothesis id, a figure or a sentence is.
     */
    private static Label wrapping(Label l) {
        l.setWrapText(true);
        l.setMinWidth(0);
        return l;
    }

    /** Chips and a label on one line while they fit, the label below them when they do not. */
    private static FlowPane line(double gap, Node... nodes) {
        FlowPane line = new FlowPane(gap, 6, nodes);
        line.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        line.setMinWidth(0);
        // A flow gives each child its preferred width: cap a label at the line's, so it wraps there.
        for (Node n : nodes) {
            if (n instanceof Label l) {
                l.maxWidthProperty().bind(line.widthProperty());
            }
        }
        return line;
    }
}
