package dev.inquest.ui.shell;

import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.TableColumnBase;
import javafx.scene.control.TableView;
import javafx.scene.control.TreeTableView;

/**
 * Widens and narrows table columns with the window's text size. Views give their columns widths
 * in pixels at the base font (13 px); when the text grows those pixels would squeeze the larger
 * names, so each column's widths are scaled by the zoom. A column's base widths are recorded the
 * first time it is seen; a width the user (or a resize policy) set since the last scaling becomes
 * the new base, so zooming keeps a dragged column's proportions.
 */
final class ColumnZoom {
    /** Per column: its min and preferred widths at the base font, the scale last applied, its max width. Weak: columns come and go with views. */
    private final Map<TableColumnBase<?, ?>, double[]> base = new WeakHashMap<>();

    /** True when every column seen so far is at {@code scale}: nothing left to rescale. */
    boolean settled(double scale) {
        for (double[] b : base.values()) {
            if (b[2] != scale) {
                return false;
            }
        }
        return true;
    }

    /** Scales every table column under {@code root} to {@code scale} (1 = the base font). */
    void apply(Node root, double scale) {
        walk(root, scale);
    }

    private void walk(Node n, double scale) {
        if (n instanceof TableView<?> t) {
            columns(t.getColumns(), scale);
        } else if (n instanceof TreeTableView<?> t) {
            columns(t.getColumns(), scale);
        }
        if (n instanceof Parent p) {
            for (Node c : p.getChildrenUnmodifiable()) {
                walk(c, scale);
            }
        }
        // Content of tabs and split panes is in their skins' children once shown; hidden tabs are reached when shown.
    }

    private void columns(List<? extends TableColumnBase<?, ?>> cols, double scale) {
        for (TableColumnBase<?, ?> c : cols) {
            double[] b = base.get(c);
            if (b == null) {
                b = new double[] {c.getMinWidth(), c.getPrefWidth(), 1, c.getMaxWidth()};
                base.put(c, b);
            } else if (Math.abs(c.getPrefWidth() - b[1] * b[2]) > 0.5) {
                b[1] = c.getPrefWidth() / b[2]; // resized since the last zoom: that width is the new base
            }
            if (b[2] != scale) {
                b[2] = scale;
                c.setMinWidth(b[0] * scale);
                c.setPrefWidth(b[1] * scale);
                if (b[3] < 100_000) { // a cap a view set (numbers never need much room), not the unbounded default
                    c.setMaxWidth(b[3] * scale);
                }
            }
            columns(c.getColumns(), scale);
        }
    }
}
