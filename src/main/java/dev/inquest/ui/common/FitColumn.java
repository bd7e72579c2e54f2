package dev.inquest.ui.common;

import javafx.scene.control.IndexedCell;
import javafx.scene.control.Labeled;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableColumnBase;
import javafx.scene.control.TableView;
import javafx.scene.control.TreeTableView;
import javafx.scene.text.Font;
import javafx.util.Callback;

/**
 * Figure columns that are never elided (issue 18): after its layout a cell whose text does not fit
 * raises its column's minimum width to the text's, measured in the cell's own font, so a larger type
 * (zoom, 150 %, presentation) widens the column too. The constrained resize policies then take the
 * room from the name column, or the table scrolls, instead of showing "616 b...". The minimum only
 * grows: a column never jumps narrower under the reader as rows scroll by.
 */
public final class FitColumn {
    /** Rounding and the cell's text padding JavaFX adds beyond its insets. */
    private static final double SLACK = 3;

    private FitColumn() {
    }

    /** Call from the cell's {@code layoutChildren}, after {@code super.layoutChildren()}. */
    public static void fit(IndexedCell<?> cell, TableColumnBase<?, ?> column) {
        String text = cell.getText();
        if (column == null || text == null || text.isEmpty() || cell.getGraphic() != null) {
            return;
        }
        grow(column, width(text, cell.getFont()) + cell.snappedLeftInset() + cell.snappedRightInset());
    }

    /** As {@link #fit(IndexedCell, TableColumnBase)} for a cell that shows its figure in a label of its graphic (a share bar). */
    public static void fit(IndexedCell<?> cell, TableColumnBase<?, ?> column, Labeled shown) {
        String text = shown.getText();
        if (column == null || text == null || text.isEmpty()) {
            return;
        }
        grow(column, width(text, shown.getFont()) + shown.snappedLeftInset() + shown.snappedRightInset()
                + cell.snappedLeftInset() + cell.snappedRightInset());
    }

    /**
     * For a cell that chooses among shorter forms of its text ({@link FitText}): widens its column
     * to the shortest form, with the cell's icon, so the column never cuts the name; the longer
     * forms show where the column has more room.
     */
    public static void fitShortest(IndexedCell<?> cell, TableColumnBase<?, ?> column, String shortest) {
        if (column == null || shortest == null || shortest.isEmpty()) {
            return;
        }
        javafx.scene.Node g = cell.getGraphic();
        double graphic = g == null ? 0 : g.prefWidth(-1) + cell.getGraphicTextGap();
        grow(column, width(shortest, cell.getFont()) + graphic + cell.snappedLeftInset() + cell.snappedRightInset());
    }

    /**
     * Widens every leaf column of a laid-out table to its header's title, measured in the header's
     * own font, with room for the sort arrow: a figure column sized to "1" still reads "Before",
     * not "B...". Call after the table's layout (its headers exist from its first layout).
     */
    public static void fitHeaders(javafx.scene.control.Control table) {
        for (javafx.scene.Node n : table.lookupAll(".column-header")) {
            if (n instanceof javafx.scene.control.skin.TableColumnHeader h && h.getTableColumn() != null
                    && h.getTableColumn().getColumns().isEmpty() && h.getTableColumn().isVisible()) {
                javafx.scene.Node l = h.lookup(".label");
                if (l instanceof Labeled label && table.getProperties().get(TITLES_WHOLE) instanceof javafx.beans.InvalidationListener refit
                        && label.getProperties().putIfAbsent(TITLES_WHOLE, Boolean.TRUE) == null) {
                    // A larger type at the same table width: the title grows, the column with it.
                    label.fontProperty().addListener(refit);
                }
                if (l instanceof Labeled label && label.getText() != null && !label.getText().isEmpty()) {
                    // The sort arrow takes about an em beside the title when the column is sorted.
                    double arrow = label.getFont().getSize();
                    grow(h.getTableColumn(), width(label.getText(), label.getFont()) + arrow + label.snappedLeftInset()
                            + label.snappedRightInset() + h.snappedLeftInset() + h.snappedRightInset());
                }
            }
        }
    }

    /**
     * Keeps every column title of this table whole (issue 18: "Retain...", "Most co...", "Instan..."
     * at 1280x800 with the notebook open): {@link #fitHeaders} after each layout that changes the
     * table's width or its shown columns, and whenever a title's font changes (zoom, 150 % type,
     * presentation). Call once, where the table is built.
     */
    public static void keepTitlesWhole(javafx.scene.control.Control table) {
        javafx.beans.InvalidationListener refit = o -> javafx.application.Platform.runLater(() -> fitHeaders(table));
        table.widthProperty().addListener(refit);
        table.skinProperty().addListener(refit);
        if (table instanceof TableView<?> t) {
            t.getVisibleLeafColumns().addListener(refit);
        } else if (table instanceof TreeTableView<?> t) {
            t.getVisibleLeafColumns().addListener(refit);
        }
        table.getProperties().put(TITLES_WHOLE, refit);
    }

    /**
     * Lets a table's columns fit anew when its width or its type size changes (issue 18): the
     * minimums its cells grew ({@link #fit}, {@link #fitShortest}, {@code FitText.refit}) go back
     * to the columns' own, the table's resize policy spreads its width again, and the cells grow
     * what they need at this width and type at the next layout. Minimums otherwise only grow (a
     * column does not jump narrower under the reader as rows scroll by), so a table laid out at a
     * larger type kept that type's widths: the inspector's "Value" had what "Field" and "Type",
     * grown at 150 %, left it. Call once, where the table is built, after its columns are set.
     */
    public static void refitOnResize(TableView<?> table) {
        java.util.Map<TableColumnBase<?, ?>, Double> own = new java.util.IdentityHashMap<>();
        for (TableColumn<?, ?> c : table.getVisibleLeafColumns()) {
            own.put(c, c.getMinWidth());
        }
        boolean[] queued = new boolean[1];
        javafx.beans.InvalidationListener refit = o -> {
            if (queued[0]) {
                return;
            }
            queued[0] = true;
            // After the layout that applied the new width or type: the cells then measure in it.
            javafx.application.Platform.runLater(() -> {
                queued[0] = false;
                refit(table, own);
            });
        };
        double[] lastWidth = {-1};
        table.widthProperty().addListener((obs, was, is) -> {
            // Whole pixels: a fraction from a divider's snapping is not a new width.
            if (Math.abs(is.doubleValue() - lastWidth[0]) >= 1) {
                lastWidth[0] = is.doubleValue();
                refit.invalidated(obs);
            }
        });
        // The type size: the column titles' font, which follows the window's (zoom, 150 %, presentation).
        javafx.beans.InvalidationListener watchTitles = o -> javafx.application.Platform.runLater(() -> {
            for (javafx.scene.Node n : table.lookupAll(".column-header .label")) {
                if (n instanceof Labeled l) {
                    FitText.onTypeSize(l, REFIT_ON_TYPE, () -> refit.invalidated(l.fontProperty()));
                }
            }
        });
        table.skinProperty().addListener(watchTitles);
        table.getVisibleLeafColumns().addListener(watchTitles);
    }

    private static void refit(TableView<?> table, java.util.Map<TableColumnBase<?, ?>, Double> own) {
        if (table.getScene() == null) {
            return;
        }
        for (TableColumn<?, ?> c : table.getVisibleLeafColumns()) {
            Double min = own.get(c);
            if (min != null && c.getMinWidth() > min) {
                c.setMinWidth(min);
            }
        }
        // The titles' own minimums at once ("Type", not "T..."): their refit may have run before this one.
        fitHeaders(table);
        // The policy as the table calls it for a new width of its own: the columns' widths spread again.
        @SuppressWarnings({"rawtypes", "unchecked"})
        TableView.ResizeFeatures all = new TableView.ResizeFeatures(table, null, 0.0);
        @SuppressWarnings({"rawtypes", "unchecked"})
        Callback<TableView.ResizeFeatures, Boolean> policy = (Callback) table.getColumnResizePolicy();
        policy.call(all);
        table.requestLayout();
    }

    /** Marks a column title whose font {@link #refitOnResize} follows. */
    private static final Object REFIT_ON_TYPE = new Object();

    /** The key under which a table kept by {@link #keepTitlesWhole} holds its refit, which its titles' fonts call too. */
    private static final Object TITLES_WHOLE = new Object();

    /** Text cells (class names, objects) whose column widens to the widest name shown: the table scrolls, the name stays whole. */
    public static <S> Callback<TableColumn<S, String>, TableCell<S, String>> textCells() {
        return c -> new TableCell<>() {
            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty ? null : item);
            }

            @Override
            protected void layoutChildren() {
                super.layoutChildren();
                fit(this, getTableColumn());
            }
        };
    }

    /**
     * The table's constrained policy, with a scroll bar when the columns' minimum widths (grown as
     * above) add up to more than the table's width. JavaFX hides the horizontal scroll bar for its
     * own constrained policies, so a name column given its room pushed the figure columns out of
     * sight with no way to them; this policy is not one of those and keeps the bar.
     */
    @SuppressWarnings("rawtypes")
    public static Callback<TableView.ResizeFeatures, Boolean> scrolling(Callback<TableView.ResizeFeatures, Boolean> constrained) {
        return constrained::call;
    }

    /** As {@link #scrolling(Callback)} for a tree table. */
    @SuppressWarnings("rawtypes")
    public static Callback<TreeTableView.ResizeFeatures, Boolean> scrollingTree(Callback<TreeTableView.ResizeFeatures, Boolean> constrained) {
        return constrained::call;
    }

    private static double width(String text, Font font) {
        // FitText's probe, one per thread: tables are also laid out off-screen (TableWarmUp on the
        // Offscreen lane), and one Text shared by two threads failed inside its text layout (a NPE).
        return FitText.width(font, text);
    }

    static void grow(TableColumnBase<?, ?> column, double width) {
        double needed = Math.ceil(width + SLACK);
        if (needed > column.getMinWidth()) {
            if (needed > column.getMaxWidth()) {
                column.setMaxWidth(needed);
            }
            column.setMinWidth(needed);
        }
    }
}
