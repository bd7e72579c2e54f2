package dev.inquest.ui.capture;

import dev.inquest.capture.TextSnapshot;
import java.util.Locale;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;

/**
 * A class histogram, thread dump or native memory summary as the JVM printed it: read-only,
 * monospace, with a find field (Enter finds the next match, from the caret, wrapping around).
 */
public final class TextSnapshotView extends BorderPane {
    private final TextArea text = new TextArea();
    private final TextField find = new TextField();
    private final Label found = new Label();

    TextSnapshotView(TextSnapshot snapshot, String file) {
        setId("text-snapshot");
        Label what = new Label(snapshot.kind().label() + " of " + snapshot.jvm().describe() + ", " + snapshot.taken()
                + (file == null ? "" : "  \u2014  " + file));
        what.setId("text-snapshot-title");
        what.getStyleClass().add("text-small");
        what.setWrapText(true);
        HBox.setHgrow(what, Priority.ALWAYS);
        what.setMaxWidth(Double.MAX_VALUE);
        find.setId("text-snapshot-find");
        find.setPromptText("Find (Enter: next)");
        find.setPrefColumnCount(18);
        find.setOnAction(e -> findNext());
        found.setId("text-snapshot-found");
        found.getStyleClass().add("text-muted");
        HBox top = new HBox(10, what, find, found);
        top.setAlignment(Pos.CENTER_LEFT);
        top.setPadding(new Insets(6, 10, 6, 10));
        setTop(top);
        text.setId("text-snapshot-text");
        text.setEditable(false);
        text.setWrapText(false);
        text.setStyle("-fx-font-family: monospace;");
        text.setText(snapshot.text());
        setCenter(text);
    }

    /** Selects the next match of the find field after the caret (case-insensitive); false when there is none. */
    boolean findNext() {
        String needle = find.getText();
        if (needle == null || needle.isEmpty()) {
            found.setText("");
            return false;
        }
        String hay = text.getText().toLowerCase(Locale.ROOT);
        String n = needle.toLowerCase(Locale.ROOT);
        int from = text.getSelection().getLength() > 0 ? text.getSelection().getEnd() : text.getCaretPosition();
        int at = hay.indexOf(n, from);
        if (at < 0) {
            at = hay.indexOf(n);
        }
        if (at < 0) {
            found.setText("not found");
            return false;
        }
        text.selectRange(at, at + n.length());
        found.setText("");
        return true;
    }

    public String text() {
        return text.getText();
    }

    TextArea area() {
        return text;
    }

    TextField findField() {
        return find;
    }
}
