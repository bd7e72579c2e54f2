package dev.inquest.ui.common;

import javafx.beans.InvalidationListener;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.scene.control.OverrunStyle;
import javafx.scene.control.TableColumnBase;
import javafx.scene.text.Font;
import javafx.scene.text.Text;

/**
 * A label or cell that shows its full text where it fits and a compact form where it does not,
 * e.g. a class name with its packages cut to initials. What still does not fit is cut at the
 * start, where a class name is least specific, so the simple name and the address stay readable.
 */
public final class FitText {
    /** A cell's item's two forms of its text. */
    private record Texts(String full, String compact) {
    }

    private static final NodeKey<Texts> TEXTS = NodeKey.of("fitText.texts", Texts.class);
    /** The room the cell's text had at its last layout. */
    private static final NodeKey<Double> ROOM = NodeKey.of("fitText.room", Double.class);
    private static final NodeKey<Measured> MEASURED = NodeKey.of("fitText.measured", Measured.class);
    /** One per thread: views are also laid out off-screen on the {@link Offscreen} thread. */
    private static final ThreadLocal<Text> PROBE = ThreadLocal.withInitial(Text::new);

    private FitText() {
    }

    /** Makes {@code label} choose between {@code full} and {@code compact} on every width or font change. */
    public static void fit(Label label, String full, String compact) {
        label.setText(full);
        label.setTextOverrun(OverrunStyle.LEADING_ELLIPSIS);
        if (full.equals(compact)) {
            return;
        }
        InvalidationListener choose = o -> {
            Node g = label.getGraphic();
            double room = label.getWidth() - label.snappedLeftInset() - label.snappedRightInset()
                    - (g == null ? 0 : g.prefWidth(-1) + label.getGraphicTextGap());
            label.setText(fits(label.getFont(), full, room) ? full : compact);
        };
        label.widthProperty().addListener(choose);
        label.fontProperty().addListener(choose);
    }

    /**
     * Gives a reused cell its item's two texts, choosing by the room its text had at the last
     * layout, so a scrolled-in row appears in the right form at once; {@link #refit} after each
     * layout corrects the choice when a column was resized.
     */
    public static void set(Labeled cell, String full, String compact) {
        cell.setTextOverrun(OverrunStyle.LEADING_ELLIPSIS);
        TEXTS.set(cell, new Texts(full, compact));
        Double room = ROOM.get(cell);
        cell.setText(room != null && !fits(cell, full, room) ? compact : full);
    }

    /** A cell item without a compact form (a group row, a "next 100" row). */
    public static void clear(Labeled cell) {
        TEXTS.remove(cell);
    }

    /**
     * Call from the cell's {@code layoutChildren} after its skin's: measures the room from where
     * the skin placed the text (after indentation, disclosure arrow and icon) to the right edge.
     */
    public static void refit(Labeled cell) {
        refit(cell, null);
    }

    /**
     * As {@link #refit(Labeled)}, and when even the compact form does not fit, raises the column's
     * minimum width until it does: the name gets the room first, the figure columns give theirs or
     * the table scrolls (presentation's type, a narrow window), rather than "... @ 0xfef00628".
     * Like {@link FitColumn}, the minimum only grows; the zoom ({@code ColumnZoom}) resets it.
     */
    public static void refit(Labeled cell, TableColumnBase<?, ?> column) {
        Texts texts = TEXTS.get(cell);
        if (texts == null) {
            return;
        }
        String full = texts.full();
        String compact = texts.compact();
        for (Node n : cell.getChildrenUnmodifiable()) {
            if (n instanceof Text t && n != cell.getGraphic() && n.getStyleClass().contains("text")) {
                double room = cell.getWidth() - cell.snappedRightInset() - t.getLayoutX();
                ROOM.set(cell, room);
                String want = fits(cell, full, room) ? full : compact;
                if (!want.equals(cell.getText())) {
                    cell.setText(want);
                }
                if (column != null && !fits(cell, want, room)) {
                    FitColumn.grow(column, cell.getWidth() + width(cell.getFont(), want) + 1 - room);
                }
                return;
            }
        }
    }

    /** A text's width in a font, kept on the cell: a scrolling table lays its cells out every frame. */
    private record Measured(String text, Font font, double width) {
    }

    private static boolean fits(Labeled cell, String text, double room) {
        Measured kept = MEASURED.get(cell);
        Measured m = kept != null && kept.text().equals(text) && kept.font().equals(cell.getFont()) ? kept : null;
        if (m == null) {
            m = new Measured(text, cell.getFont(), width(cell.getFont(), text));
            MEASURED.set(cell, m);
        }
        // A pixel of slack: Text and the label's skin round text widths differently.
        return m.width() <= room - 1;
    }

    private static boolean fits(Font font, String text, double room) {
        return width(font, text) <= room - 1;
    }

    private static double width(Font font, String text) {
        Text probe = PROBE.get();
        probe.setFont(font);
        probe.setText(text);
        return probe.getLayoutBounds().getWidth();
    }
}
