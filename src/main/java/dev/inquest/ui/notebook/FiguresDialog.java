package dev.inquest.ui.notebook;

import dev.inquest.investigation.export.FigureText;
import dev.inquest.investigation.model.Evidence;
import dev.inquest.investigation.model.EvidenceKind;
import dev.inquest.investigation.model.Figure;
import java.util.Map;
import java.util.stream.Collectors;
import javafx.geometry.Insets;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/**
 * The stored figures of a piece of evidence, for when the view it came from cannot be reopened
 * (the dump was deleted, moved out of reach or rewritten): the case still reads the same.
 */
final class FiguresDialog {
    private FiguresDialog() {
    }

    static Dialog<ButtonType> show(Window owner, Evidence e, String why) {
        Dialog<ButtonType> d = new Dialog<>();
        d.setTitle("Evidence " + (e.id() == null ? "" : e.id()));
        d.setHeaderText(Chips.plain(e.summary().isBlank() ? Chips.kindLabel(e.kind()) : e.summary()));
        if (owner != null) {
            d.initOwner(owner);
        }
        d.getDialogPane().setId("evidence-figures");
        VBox box = new VBox(10);
        box.setPadding(new Insets(12));
        if (why != null) {
            Label reason = new Label(why);
            reason.setId("figures-reason");
            reason.setWrapText(true);
            reason.getStyleClass().add("text-muted");
            box.getChildren().add(reason);
        }
        GridPane grid = new GridPane(18, 4);
        grid.setId("figures-grid");
        int row = 0;
        grid.addRow(row++, bold("Kind"), new Label(Chips.kindLabel(e.kind()) + " · " + e.stance().label().toLowerCase()));
        for (Figure f : e.figures()) {
            Label v = new Label(FigureText.value(f));
            v.getStyleClass().add("numeric");
            grid.addRow(row++, bold(f.name()), v);
        }
        if (!e.values().isEmpty()) {
            grid.addRow(row++, bold("Heap values"), new Label(e.values().size() + " stored (shown in exports only when asked)"));
        }
        if (e.source() != null) {
            String where = e.source().locator().entrySet().stream().map(Map.Entry::toString).collect(Collectors.joining(", "));
            grid.addRow(row++, bold("From"), new Label(e.source().view() + " of " + e.source().artifact()
                    + (where.isEmpty() ? "" : " (" + where + ")")));
        }
        if (e.pinned() != null) {
            grid.addRow(row, bold("Pinned"), new Label(e.pinned().toString()));
        }
        box.getChildren().add(grid);
        if (!e.path().isEmpty()) {
            Label path = new Label(String.join("\n", e.path()));
            path.getStyleClass().add("evidence-path");
            box.getChildren().addAll(bold(e.kind() == EvidenceKind.FLAME_FRAME || e.kind() == EvidenceKind.LOCK_FRAME ? "Stack" : "Path"), path);
        }
        d.getDialogPane().setContent(box);
        d.getDialogPane().getButtonTypes().add(ButtonType.CLOSE);
        d.show();
        return d;
    }

    private static Label bold(String s) {
        Label l = new Label(s);
        l.getStyleClass().add("text-bold");
        return l;
    }
}
