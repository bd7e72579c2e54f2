package dev.inquest.ui.common;

import javafx.geometry.VPos;
import javafx.scene.control.Label;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;

/**
 * Facts as "key  value" lines: keys whole and muted, values wrapping in the rest of the width.
 * In a half-width group a value may take several lines; a key is never cut to "Dura...".
 */
public final class FactGrid {
    private FactGrid() {
    }

    /** One grid of {@code rows}, each {key, value}. */
    public static GridPane of(String[][] rows) {
        GridPane grid = new GridPane(14, 5);
        for (int i = 0; i < rows.length; i++) {
            Label k = new Label(rows[i][0]);
            k.getStyleClass().add("fact-key");
            // Beside the first line of a value that wraps, not its middle.
            GridPane.setValignment(k, VPos.TOP);
            Label v = new Label(rows[i][1]);
            v.setWrapText(true);
            v.setMinWidth(0);
            grid.addRow(i, k, v);
        }
        ColumnConstraints key = new ColumnConstraints();
        key.setMinWidth(Region.USE_PREF_SIZE);
        ColumnConstraints value = new ColumnConstraints();
        value.setHgrow(Priority.ALWAYS);
        grid.getColumnConstraints().addAll(key, value);
        return grid;
    }

    /** A path that wraps between folders, not inside a name: a zero-width space after each separator. */
    public static String wrappablePath(String path) {
        return path.replaceAll("([/\\\\])", "$1\u200B");
    }
}
