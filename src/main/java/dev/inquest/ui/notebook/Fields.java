package dev.inquest.ui.notebook;

import java.util.function.Consumer;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.KeyCode;

/**
 * Inline editing: a field commits when the user presses Enter or leaves it, never per keystroke,
 * so one undo step is one edit of a field, not one letter.
 */
final class Fields {
    private Fields() {
    }

    static TextField field(String text, String prompt, Consumer<String> commit) {
        TextField f = new TextField(text);
        f.setPromptText(prompt);
        f.setOnAction(e -> commitIfChanged(f, text, commit));
        onLeave(f, text, commit);
        escapeReverts(f, text);
        return f;
    }

    static TextArea area(String text, String prompt, Consumer<String> commit) {
        TextArea a = new TextArea(text);
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
        TextField f = new TextField();
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
