package dev.inquest.ui.heap;

import javafx.scene.Node;
import javafx.scene.control.Label;

/** The pieces every heap view's layout shares: the bar above its table and its empty-state message. */
public final class HeapPanes {
    private HeapPanes() {
    }

    /**
     * The bar above a heap view's table: its controls in a row, in the views' common style. A
     * {@link javafx.scene.control.ToolBar}, so that in a narrow group the controls that do not fit
     * move, whole, into its overflow menu (the chevron at its end) instead of cutting their words or
     * holding the view wider than its group: the bar's minimum width is the chevron's, and the
     * document's navigation and the notebook are not pushed aside by it (issue 18).
     */
    public static javafx.scene.control.ToolBar toolbar(double spacing, Node... items) {
        javafx.scene.control.ToolBar bar = new javafx.scene.control.ToolBar(items);
        // Each control that is shown keeps its words; the filter field and the choice boxes give
        // up width first, down to what shows a short choice or a few typed characters.
        for (Node n : items) {
            if (n instanceof javafx.scene.control.ButtonBase || n instanceof Label) {
                ((javafx.scene.control.Control) n).setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
            } else if (n instanceof javafx.scene.control.ChoiceBox<?> || n instanceof javafx.scene.control.ComboBoxBase<?>) {
                ((javafx.scene.control.Control) n).setMinWidth(110);
            } else if (n instanceof javafx.scene.control.TextField t) {
                // The bar moves to its menu what its items' preferred widths do not fit: a filter
                // field asks for little, so the buttons stay, and grows into the room left, up
                // to the width it used to ask for (in em, so it follows the type size).
                int columns = t.getPrefColumnCount();
                t.setPrefColumnCount(Math.min(columns, 12));
                t.setMinWidth(120);
                javafx.scene.layout.HBox.setHgrow(t, javafx.scene.layout.Priority.ALWAYS);
                t.maxWidthProperty().bind(javafx.beans.binding.Bindings.createDoubleBinding(
                        () -> Math.max(120, columns * 0.7 * t.getFont().getSize()), t.fontProperty()));
            }
        }
        bar.setStyle("-fx-spacing: " + spacing + "px;");
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
