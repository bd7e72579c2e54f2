package dev.inquest.ui.shell;

import dev.inquest.input.BadInputException;
import java.io.PrintWriter;
import java.io.StringWriter;
import dev.inquest.input.FileProblems;
import java.io.IOException;
import java.util.concurrent.CancellationException;
import javafx.scene.control.Alert;
import javafx.scene.control.TextArea;
import javafx.stage.Window;

/**
 * Turns failures into a message a performance engineer can act on: what went wrong with which
 * file, in one sentence. The stack trace is there for bug reports, folded away under "details".
 */
public final class ErrorPresenter {
    private ErrorPresenter() {
    }

    /** The short, readable form of a failure. */
    public static String describe(Throwable t) {
        Throwable root = unwrap(t);
        if (root instanceof BadInputException bad) {
            return bad.getMessage();
        }
        if (root instanceof IOException io) {
            // The command line's words for the same failures (permission denied, is a directory...).
            return FileProblems.describe(io);
        }
        if (root instanceof CancellationException) {
            return "Cancelled.";
        }
        if (root instanceof OutOfMemoryError) {
            return "Inquest ran out of memory. Give it more with -Xmx (see Settings) or close other tabs.";
        }
        String msg = root.getMessage();
        return msg == null || msg.isBlank() ? root.getClass().getSimpleName() : msg;
    }

    static Throwable unwrap(Throwable t) {
        Throwable cur = t;
        while ((cur instanceof java.util.concurrent.ExecutionException || cur instanceof java.util.concurrent.CompletionException
                || cur instanceof java.io.UncheckedIOException) && cur.getCause() != null) {
            cur = cur.getCause();
        }
        return cur;
    }

    /** Shows the failure; never a bare stack-trace dialog. */
    public static Alert show(Window owner, String header, Throwable t) {
        Alert alert = new Alert(Alert.AlertType.ERROR, describe(t));
        alert.setHeaderText(header);
        alert.setTitle("Inquest");
        if (owner != null) {
            alert.initOwner(owner);
        }
        StringWriter trace = new StringWriter();
        t.printStackTrace(new PrintWriter(trace));
        TextArea details = new TextArea(trace.toString());
        details.setEditable(false);
        details.setPrefRowCount(14);
        details.getStyleClass().add("monospace");
        alert.getDialogPane().setExpandableContent(details);
        alert.getDialogPane().setExpanded(false);
        alert.show();
        return alert;
    }
}
