package dev.inquest.ui.jfr;

import javafx.beans.binding.Bindings;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;

/**
 * The time range a recording's views are narrowed to (dragged on the heap chart), as the views'
 * tool bars show it: its words ("whole recording" or "3.2 s – 7.9 s") and a button that clears it.
 */
final class RangeControls {
    private RangeControls() {
    }

    /** {@code label} follows the document's range. */
    static void show(Label label, JfrContext doc) {
        label.textProperty().bind(Bindings.createStringBinding(
                () -> doc.rangeProperty().get() == null ? "whole recording" : doc.rangeProperty().get().describe(doc.summary().start()),
                doc.rangeProperty()));
    }

    /** A button, shown while a range is set, that goes back to the whole recording. */
    static Button clearButton(JfrContext doc) {
        Button clear = new Button(null, new FontIcon(MaterialDesignC.CLOSE));
        clear.getStyleClass().addAll("button-icon", "flat");
        clear.setTooltip(new Tooltip("Whole recording"));
        clear.setOnAction(e -> doc.rangeProperty().set(null));
        clear.visibleProperty().bind(doc.rangeProperty().isNotNull());
        return clear;
    }
}
