package dev.inquest.ui.common;

import javafx.scene.control.Control;

/**
 * A view's main table (issue 18): what the view is for, so it keeps its header and a few rows
 * while side and lower panes (the inspector, a view's secondary table) give way. The mark is what
 * the layout matrix checks; {@link #keepRows} gives the table the minimum height that says it.
 */
public final class MainTable {
    /** The style class of a view's main table. */
    public static final String STYLE_CLASS = "main-table";
    /**
     * Rows a main table keeps in sight at the least. Two, not three: at 1024x700 and 150 % type
     * with the inspector below the growth view, a third row left the inspector's references table
     * no row of its own (the lower pane keeps one).
     */
    public static final int ROWS = 2;
    /** A dense row at any type size, in the table's em (45 px at 19.5 px type). */
    static final double ROW_EM = 2.35;
    /** A horizontal scroll bar (about 12 px at 13 px type), in em. */
    static final double BAR_EM = 0.7;

    private MainTable() {
    }

    /**
     * Marks the table as its view's main one and keeps {@link #ROWS} rows, its header
     * ({@code headerEm} high: one line of titles or two for grouped columns) and its scroll bar:
     * a split or a border pane around it then gives the rest of the height to the lower panes.
     */
    public static void keepRows(Control table, double headerEm) {
        table.getStyleClass().add(STYLE_CLASS);
        table.setStyle("-fx-min-height: " + (headerEm + ROWS * ROW_EM + BAR_EM) + "em;");
    }

    /**
     * For a view's table that is not its main one by the matrix's rules (its names come before its
     * figures, so a narrow window scrolls to them): its header, one row and its scroll bar stay
     * while a lower pane gives way.
     */
    public static void keepOneRow(Control table, double headerEm) {
        table.setStyle("-fx-min-height: " + (headerEm + ROW_EM + BAR_EM) + "em;");
    }
}
