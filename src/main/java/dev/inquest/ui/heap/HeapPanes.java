package dev.inquest.ui.heap;

import javafx.scene.Node;
import javafx.scene.control.Label;

/** The pieces every heap view's layout shares: the bar above its table and its empty-state message. */
public final class HeapPanes {
    private HeapPanes() {
    }

    /** The bar above a heap view's table: its controls in a row, in the views' common style. */
    public static javafx.scene.layout.HBox toolbar(double spacing, Node... items) {
        javafx.scene.layout.HBox bar = new javafx.scene.layout.HBox(spacing, items);
        // In a narrow group buttons and counts keep their words; the filter field and the choice
        // boxes (as wide as their longest choice) give up width, down to what shows a short choice
        // or a few typed characters.
        for (Node n : items) {
            if (n instanceof javafx.scene.control.ButtonBase || n instanceof Label) {
                ((javafx.scene.control.Control) n).setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
            } else if (n instanceof javafx.scene.control.ChoiceBox<?> || n instanceof javafx.scene.control.ComboBoxBase<?>) {
                ((javafx.scene.control.Control) n).setMinWidth(110);
            } else if (n instanceof javafx.scene.control.TextInputControl t) {
                t.setMinWidth(120);
            }
        }
        bar.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        bar.setPadding(new javafx.geometry.Insets(6, 8, 6, 8));
        bar.getStyleClass().add("heap-toolbar");
        return bar;
    }

    /** A small centred message for views that have nothing to show yet. */
    public static Label placeholder(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("heap-placeholder");
        l.setWrapText(true);
        return l;
    }
}
