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
 * A label or cell that shows its full text where it fits and a shorter form where it does not,
 * e.g. a class name with its packages cut to initials, then without its packages. What the
 * shortest form still does not fit is cut at the start, where a class name is least specific, so
 * the simple name and the address stay readable.
 */
public final class FitText {
    /**
     * A cell's item's forms of its text, longest first, with their widths in the font last measured
     * (a scrolling table lays its cells out every frame).
     */
    private static final class Forms {
        final String[] texts;
        Font font;
        double[] widths;

        Forms(String[] texts) {
            this.texts = texts;
        }

        /** The first form that fits in {@code room}, else the shortest. */
        String choose(Font f, double room) {
            if (widths == null || !f.equals(font)) {
                font = f;
                widths = new double[texts.length];
                for (int i = 0; i < texts.length; i++) {
                    widths[i] = width(f, texts[i]);
                }
            }
            for (int i = 0; i < texts.length - 1; i++) {
                // A pixel of slack: Text and the label's skin round text widths differently.
                if (widths[i] <= room - 1) {
                    return texts[i];
                }
            }
            return texts[texts.length - 1];
        }

        /** The width of one of the forms in the font {@link #choose} last measured. */
        double widthOf(String text) {
            for (int i = 0; i < texts.length; i++) {
                if (texts[i].equals(text)) {
                    return widths[i];
                }
            }
            return FitText.width(font, text);
        }
    }

    private static final NodeKey<Forms> TEXTS = NodeKey.of("fitText.texts", Forms.class);
    /** The room the cell's text had at its last layout. */
    private static final NodeKey<Double> ROOM = NodeKey.of("fitText.room", Double.class);
    /** One per thread: views are also laid out off-screen on the {@link Offscreen} thread. */
    private static final ThreadLocal<Text> PROBE = ThreadLocal.withInitial(Text::new);

    private FitText() {
    }

    /**
     * Makes {@code label} choose between {@code full} and its {@code shorter} forms (longest first)
     * on every width or font change.
     */
    public static void fit(Label label, String full, String... shorter) {
        label.setText(full);
        label.setTextOverrun(OverrunStyle.LEADING_ELLIPSIS);
        Forms forms = forms(full, shorter);
        if (forms.texts.length == 1) {
            return;
        }
        InvalidationListener choose = o -> {
            Node g = label.getGraphic();
            double room = label.getWidth() - label.snappedLeftInset() - label.snappedRightInset()
                    - (g == null ? 0 : g.prefWidth(-1) + label.getGraphicTextGap());
            label.setText(forms.choose(label.getFont(), room));
        };
        label.widthProperty().addListener(choose);
        label.fontProperty().addListener(choose);
    }

    /**
     * Gives a reused cell its item's forms of text ({@code full}, then {@code shorter} ones, longest
     * first), choosing by the room its text had at the last layout, so a scrolled-in row appears in
     * the right form at once; {@link #refit} after each layout corrects the choice when a column was
     * resized.
     */
    public static void set(Labeled cell, String full, String... shorter) {
        cell.setTextOverrun(OverrunStyle.LEADING_ELLIPSIS);
        Forms forms = forms(full, shorter);
        TEXTS.set(cell, forms);
        Double room = ROOM.get(cell);
        cell.setText(room == null ? full : forms.choose(cell.getFont(), room));
    }

    private static Forms forms(String full, String... shorter) {
        java.util.LinkedHashSet<String> distinct = new java.util.LinkedHashSet<>();
        distinct.add(full);
        distinct.addAll(java.util.List.of(shorter));
        return new Forms(distinct.toArray(String[]::new));
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
     * As {@link #refit(Labeled)}, and when even the shortest form does not fit, raises the column's
     * minimum width until it does: the name gets the room first, the figure columns give theirs or
     * the table scrolls (presentation's type, a narrow window), rather than "... @ 0xfef00628".
     * Like {@link FitColumn}, the minimum only grows; the zoom ({@code ColumnZoom}) resets it.
     */
    public static void refit(Labeled cell, TableColumnBase<?, ?> column) {
        Forms forms = TEXTS.get(cell);
        if (forms == null) {
            return;
        }
        for (Node n : cell.getChildrenUnmodifiable()) {
            if (n instanceof Text t && n != cell.getGraphic() && n.getStyleClass().contains("text")) {
                double room = cell.getWidth() - cell.snappedRightInset() - t.getLayoutX();
                ROOM.set(cell, room);
                String want = forms.choose(cell.getFont(), room);
                if (!want.equals(cell.getText())) {
                    cell.setText(want);
                }
                double need = forms.widthOf(want);
                if (column != null && need > room - 1) {
                    FitColumn.grow(column, cell.getWidth() + need + 1 - room);
                }
                return;
            }
        }
    }

    /**
     * Runs {@code action} whenever {@code label}'s type size changes (zoom, 150 % type,
     * presentation), once per {@code key}: a label looked up again and again (a table's title, a
     * list's cell) gets one listener for each key however often it is asked.
     */
    public static void onTypeSize(Labeled label, Object key, Runnable action) {
        if (label.getProperties().putIfAbsent(key, Boolean.TRUE) == null) {
            label.fontProperty().addListener((obs, was, is) -> {
                if (was == null || is == null || was.getSize() != is.getSize()) {
                    action.run();
                }
            });
        }
    }

    /** A text's width in a font (no padding). */
    public static double width(Font font, String text) {
        Text probe = PROBE.get();
        probe.setFont(font);
        probe.setText(text);
        return probe.getLayoutBounds().getWidth();
    }
}
