package dev.inquest.ui.heap.tables;

import dev.inquest.ui.heap.HeapDocument;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;

/** Stands in for a query table whose engine query is not in this build, saying so plainly. */
public final class QueryPendingView {
    private final VBox root;

    public QueryPendingView(HeapDocument doc, String title, String text) {
        Label t = new Label(title);
        t.getStyleClass().add("title-4");
        root = new VBox(10, t, HeapDocument.placeholder(text));
        root.setPadding(new Insets(24));
    }

    public Node node() {
        return root;
    }
}
