package dev.inquest.ui.notebook;

import dev.inquest.ui.common.NodeKey;
import java.util.function.Consumer;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.KeyCode;

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
        TextField f = track(new TextField(text), text);
        f.setPromptText(prompt);
        f.setOnAction(e -> commitIfChanged(f, text, commit));
        onLeave(f, text, commit);
        escapeReverts(f, text);
        return f;
    }

    static TextArea area(String text, String prompt, Consumer<String> commit) {
        TextArea a = track(new TextArea(text), text);
        a.setPromptText(prompt);
        a.setWrapText(true);
        a.setPrefRowCount(Math.max(2, Math.min(6, text.split("\n", -1).length)));
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

    /** A field that adds an item on Enter and clears itself. */
    static TextField adder(String prompt, Consumer<String> add) {
        TextField f = track(new TextField(), "");
        f.setPromptText(prompt);
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
