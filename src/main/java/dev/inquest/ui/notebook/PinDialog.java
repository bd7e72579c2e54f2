package dev.inquest.ui.notebook;

import dev.inquest.investigation.export.FigureText;
import dev.inquest.investigation.model.Case;
import dev.inquest.investigation.model.Evidence;
import dev.inquest.investigation.model.EvidenceKind;
import dev.inquest.investigation.model.Hypothesis;
import dev.inquest.investigation.model.Stance;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import javafx.geometry.Insets;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.stage.Window;

/**
 * "Pin as evidence": which hypothesis (or a new one) and whether the fact supports or refutes it.
 * Shown without blocking (the choice arrives in a callback) so the view behind stays live and
 * tests can drive it like a user.
 */
final class PinDialog {
    /** The user's answer; {@code hypothesisId} null means "a new hypothesis with {@code newStatement}". */
    record Choice(String hypothesisId, String newStatement, Stance stance, String noteText) {
    }

    private static final Hypothesis NEW = Hypothesis.of("+", "New hypothesis...");

    private PinDialog() {
    }

    static Dialog<Choice> show(Window owner, Case c, Evidence draft, String preselect, Consumer<Choice> onPin) {
        Dialog<Choice> dialog = new Dialog<>();
        dialog.setTitle("Pin as evidence");
        dialog.setHeaderText(draft.summary().isBlank() ? Chips.kindLabel(draft.kind()) : Chips.plain(draft.summary()));
        if (owner != null) {
            dialog.initOwner(owner);
        }
        dialog.getDialogPane().setId("pin-dialog");

        ComboBox<Hypothesis> target = new ComboBox<>();
        target.setId("pin-hypothesis");
        target.getItems().addAll(c.hypotheses());
        target.getItems().add(NEW);
        target.setCellFactory(l -> new HypothesisCell());
        target.setButtonCell(new HypothesisCell());
        target.setMaxWidth(Double.MAX_VALUE);
        Hypothesis initial = c.hypothesis(preselect).orElse(c.hypotheses().isEmpty() ? NEW : c.hypotheses().getFirst());
        target.setValue(initial);

        TextField statement = new TextField();
        statement.setId("pin-new-statement");
        statement.setPromptText("The new hypothesis, as a question");
        statement.disableProperty().bind(target.valueProperty().isNotEqualTo(NEW));

        ToggleGroup stanceGroup = new ToggleGroup();
        RadioButton supports = new RadioButton("Supports");
        supports.setId("pin-supports");
        RadioButton refutes = new RadioButton("Refutes");
        refutes.setId("pin-refutes");
        supports.setToggleGroup(stanceGroup);
        refutes.setToggleGroup(stanceGroup);
        (draft.stance() == Stance.REFUTES ? refutes : supports).setSelected(true);

        GridPane grid = new GridPane(10, 10);
        grid.setPadding(new Insets(14));
        int row = 0;
        if (!draft.figures().isEmpty()) {
            Label figs = new Label(draft.figures().stream().map(FigureText::named).collect(Collectors.joining("\n")));
            figs.getStyleClass().add("evidence-figures");
            grid.addRow(row++, new Label("Figures"), figs);
        }
        TextArea note = null;
        if (draft.kind() == EvidenceKind.NOTE && draft.summary().isBlank()) {
            note = new TextArea();
            note.setId("pin-note");
            note.setPromptText("What you observed, with the numbers");
            note.setPrefRowCount(3);
            note.setWrapText(true);
            grid.addRow(row++, new Label("Observation"), note);
        }
        grid.addRow(row++, new Label("Hypothesis"), target);
        grid.addRow(row++, new Label(""), statement);
        grid.addRow(row, new Label("Stance"), new HBox(16, supports, refutes));
        dialog.getDialogPane().setContent(grid);
        dialog.getDialogPane().setPrefWidth(520);

        ButtonType pin = new ButtonType("Pin", ButtonBar.ButtonData.OK_DONE);
        dialog.getDialogPane().getButtonTypes().addAll(pin, ButtonType.CANCEL);
        var pinButton = dialog.getDialogPane().lookupButton(pin);
        pinButton.setId("pin-ok");
        TextArea noteField = note;
        pinButton.disableProperty().bind(target.valueProperty().isEqualTo(NEW)
                .and(statement.textProperty().isEmpty())
                .or(noteField == null ? new javafx.beans.property.SimpleBooleanProperty(false)
                        : noteField.textProperty().isEmpty()));
        dialog.setResultConverter(b -> b == pin ? new Choice(
                target.getValue() == NEW ? null : target.getValue().id(),
                statement.getText().strip(),
                refutes.isSelected() ? Stance.REFUTES : Stance.SUPPORTS,
                noteField == null ? null : noteField.getText().strip()) : null);
        dialog.setOnHidden(e -> {
            if (dialog.getResult() != null) {
                onPin.accept(dialog.getResult());
            }
        });
        dialog.show();
        (initial == NEW ? statement : target).requestFocus();
        return dialog;
    }

    private static final class HypothesisCell extends ListCell<Hypothesis> {
        @Override
        protected void updateItem(Hypothesis h, boolean empty) {
            super.updateItem(h, empty);
            setText(empty || h == null ? null : h == NEW ? h.statement() : h.id() + "  " + h.statement());
            setGraphic(empty || h == null || h == NEW ? null : new org.kordamp.ikonli.javafx.FontIcon(Chips.statusIcon(h.status())));
        }
    }
}
