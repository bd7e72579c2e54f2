package dev.inquest.ui.notebook;

import dev.inquest.ui.common.NodeKey;
import java.util.function.Consumer;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.Region;
import javafx.scene.text.Text;

/**
 * Inline editing: a field commits when the user presses Enter or leaves it, never per keystroke,
 * so one undo step is one edit of a field, not one letter.
 *
 * <p>The typing burst rule: everything typed into one field between its last commit (or the
 * focus arriving) and the next commit (Enter, Ctrl+Enter in text areas, focus leaving) is one
 * step. Before the commit, Ctrl+Z puts the whole burst back to the committed text (and Ctrl+Shift+Z
 * brings it back); after it, Ctrl+Z undoes the whole field edit in the case. A time window was
 * not chosen: it would cut a slow typist's sentence into arbitrary pieces, while the field's
 * commit is a boundary the user sees (the text field stops being "being edited").
 */
final class Fields {
    /** A notebook field's committed text (the case's value; null when the case has none). */
    private record Committed(String text) {
    }

    private static final NodeKey<Committed> COMMITTED = NodeKey.of("notebook.committed", Committed.class);
    /** A burst taken back with Ctrl+Z, for Ctrl+Shift+Z. */
    private static final NodeKey<String> UNDONE = NodeKey.of("notebook.undone", String.class);

    private Fields() {
    }

    /** A notebook field (as opposed to a view's filter box, which keeps its own undo). */
    static boolean isNotebookField(TextInputControl c) {
        return COMMITTED.isSet(c);
    }

    /** Typed but not committed: the text differs from the case's value. */
    static boolean hasBurst(TextInputControl c) {
        Committed committed = COMMITTED.get(c);
        return committed != null && committed.text() != null && !committed.text().equals(c.getText() == null ? "" : c.getText());
    }

    /** Ctrl+Z in a field with a burst: back to the committed text in one step. */
    static boolean undoBurst(TextInputControl c) {
        if (!hasBurst(c)) {
            return false;
        }
        String typed = c.getText();
        c.setText(COMMITTED.get(c).text());
        c.end();
        UNDONE.set(c, typed);
        return true;
    }

    /**
     * Ctrl+Shift+Z after {@link #undoBurst}: the burst comes back (still uncommitted), unless the
     * user has typed again since (a new burst replaces the undone one, as redo stacks do).
     */
    static boolean redoBurst(TextInputControl c) {
        String typed = UNDONE.remove(c);
        if (typed == null || hasBurst(c)) {
            return false;
        }
        c.setText(typed);
        c.end();
        return true;
    }

    private static <T extends TextInputControl> T track(T c, String committed) {
        COMMITTED.set(c, new Committed(committed));
        return c;
    }

    static TextField field(String text, String prompt, Consumer<String> commit) {
        return field(text, java.util.List.of(prompt), commit);
    }

    /** As {@link #field(String, String, Consumer)} with a hint in several lengths, longest first (see {@link dev.inquest.ui.common.HintField}). */
    static TextField field(String text, java.util.List<String> prompts, Consumer<String> commit) {
        TextField f = track(new dev.inquest.ui.common.HintField(text, prompts), text);
        f.setOnAction(e -> commitIfChanged(f, text, commit));
        onLeave(f, text, commit);
        escapeReverts(f, text);
        return f;
    }

    static TextArea area(String text, String prompt, Consumer<String> commit) {
        return area(text, prompt, commit, 2);
    }

    /** A wrapping area of at least {@code minRows} rows that grows to show its whole text (see {@link FittingArea}). */
    static TextArea area(String text, String prompt, Consumer<String> commit, int minRows) {
        TextArea a = track(new FittingArea(text, minRows), text);
        a.setPromptText(prompt);
        a.setWrapText(true);
        onLeave(a, text, commit);
        escapeReverts(a, text);
        a.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER && e.isShortcutDown()) {
                commitIfChanged(a, text, commit);
                e.consume();
            }
        });
        return a;
    }

    /**
     * One line of text (a list item, a next step) that wraps instead of scrolling its end out of
     * sight (issue 18): a text area as tall as its text at the notebook's width, where Enter commits
     * as in a field and a pasted newline becomes a space.
     */
    static TextArea line(String text, String prompt, Consumer<String> commit) {
        TextArea a = track(new FittingArea(text, 1), text);
        a.setPromptText(prompt);
        a.setWrapText(true);
        a.getStyleClass().add("line");
        a.textProperty().addListener((obs, was, now) -> {
            if (now != null && now.indexOf('\n') >= 0) {
                a.setText(now.replace('\n', ' '));
            }
        });
        a.addEventFilter(javafx.scene.input.KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.ENTER) {
                e.consume();
                commitIfChanged(a, text, commit);
            }
        });
        onLeave(a, text, commit);
        escapeReverts(a, text);
        return a;
    }

    /**
     * A wrapping area as tall as its text needs at its width and font (at least {@code minRows}
     * lines), so the text is never partly scrolled away: a narrower notebook or larger type, more
     * lines (issue 18). The height is set, not a row count: the skin sizes rows from its preferred
     * column count, not from the width the notebook gives it, and left an empty row under a long
     * item. Measured after each of its layouts (as {@code FitColumn} does for cells): a new width,
     * type size or padding always passes through one, in whatever order they arrive.
     */
    private static final class FittingArea extends TextArea {
        private final int minRows;
        private final Text probe = new Text();

        FittingArea(String text, int minRows) {
            super(text);
            this.minRows = minRows;
            setPrefRowCount(minRows);
            setMinHeight(Region.USE_PREF_SIZE);
        }

        @Override
        protected void layoutChildren() {
            super.layoutChildren();
            double width = getWidth();
            if (width <= 0) {
                return;
            }
            double padX = snappedLeftInset() + snappedRightInset();
            double padY = snappedTopInset() + snappedBottomInset();
            for (String part : new String[] {".content", ".scroll-pane"}) {
                if (lookup(part) instanceof Region r) {
                    padX += r.snappedLeftInset() + r.snappedRightInset();
                    padY += r.snappedTopInset() + r.snappedBottomInset();
                }
            }
            Text shown = shownText(this);
            // Measured as the skin draws: its font, bounds type and line spacing, at its wrapping
            // width without a scroll bar (the one this height makes unnecessary).
            probe.setFont(getFont());
            if (shown != null) {
                probe.setBoundsType(shown.getBoundsType());
                probe.setLineSpacing(shown.getLineSpacing());
            }
            probe.setWrappingWidth(0);
            probe.setText("X");
            double line = probe.getLayoutBounds().getHeight();
            double wrap = Math.max(1, width - padX);
            probe.setWrappingWidth(wrap);
            probe.setText(getText() == null || getText().isEmpty() ? "X" : getText());
            double text = probe.getLayoutBounds().getHeight();
            double height = Math.ceil(Math.max(text, minRows * line) + padY + 2);
            if (Math.abs(height - getPrefHeight()) > 0.5) {
                setPrefHeight(height);
            }
        }
    }

    /** The text node a text area's skin draws its text in, or null before it has a skin. */
    private static Text shownText(TextArea a) {
        if (a.lookup(".content") instanceof Region content) {
            for (javafx.scene.Node n : content.lookupAll(".text")) {
                if (n instanceof Text t && java.util.Objects.equals(t.getText(), a.getText())) {
                    return t;
                }
            }
        }
        return null;
    }

    /**
     * A field that adds an item on Enter and clears itself; its hint in several lengths, longest
     * first (see {@link dev.inquest.ui.common.HintField}).
     */
    static TextField adder(java.util.List<String> prompts, Consumer<String> add) {
        TextField f = track(new dev.inquest.ui.common.HintField("", prompts), "");
        f.getStyleClass().add("adder");
        f.setOnAction(e -> {
            String t = f.getText().strip();
            if (!t.isEmpty()) {
                f.clear();
                add.accept(t);
            }
        });
        return f;
    }

    private static void onLeave(TextInputControl c, String original, Consumer<String> commit) {
        c.focusedProperty().addListener((obs, was, now) -> {
            if (!now) {
                commitIfChanged(c, original, commit);
            }
        });
    }

    private static void escapeReverts(TextInputControl c, String original) {
        c.addEventFilter(javafx.scene.input.KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.ESCAPE && !c.getText().equals(original)) {
                c.setText(original);
                e.consume();
            }
        });
    }

    private static void commitIfChanged(TextInputControl c, String original, Consumer<String> commit) {
        String now = c.getText() == null ? "" : c.getText();
        if (!now.equals(original) && c.getScene() != null) {
            commit.accept(now);
        }
    }
}
