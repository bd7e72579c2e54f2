package dev.inquest.ui.heap;

import dev.inquest.heap.query.Inspection;
import dev.inquest.heap.query.RetainedSet;
import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * The retained set of a row (an object, or every instance of a class) in its own window, as MAT's
 * "Show Retained Set" lists it: the total first, then the retained objects per class. The figures
 * come whole from the engine ({@link RetainedSet}); this only shows them.
 */
final class RetainedSetPanel {
    private final VBox root = new VBox(8);
    private final Label total = new Label();
    private final TableView<Inspection.ClassCount> table = new TableView<>();
    private RetainedSet.Result result;

    RetainedSetPanel(HeapDocument doc) {
        root.setId("retained-set-panel");
        root.setPadding(new Insets(10, 12, 0, 12));
        root.setPrefSize(640, 400);
        total.setId("retained-set-total");
        total.setWrapText(true);
        total.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE); // wrap, never cut the sentence
        total.getStyleClass().add("retained-set-total");
        table.setId("retained-set-table");
        table.getStyleClass().add("dense");
        // Scrolls when its titles and figures need more than its width (FitColumn).
        table.setColumnResizePolicy(dev.inquest.ui.common.FitColumn.scrolling(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN));
        // Its column titles whole, not "Retain..." (issue 18).
        dev.inquest.ui.common.FitColumn.keepTitlesWhole(table);
        ClassCountColumns.install(table, "Of the set", () -> result == null ? 0 : result.shallow());
        table.setContextMenu(doc.actions().menu(() -> ClassCountColumns.row(table.getSelectionModel().getSelectedItem())));
        VBox.setVgrow(table, Priority.ALWAYS);
        root.getChildren().setAll(total, table);
    }

    javafx.scene.Node node() {
        return root;
    }

    /** While the engine works. */
    void computing(String what) {
        result = null;
        total.setText("Computing the retained set of " + what + "...");
        table.getItems().clear();
        table.setPlaceholder(HeapPanes.placeholder("Marking what stays reachable without it..."));
    }

    void failed(String what, Throwable t) {
        total.setText(t instanceof java.util.concurrent.CancellationException ? "Cancelled: the retained set of " + what + "."
                : "Could not compute the retained set of " + what + ": " + t.getMessage());
        table.setPlaceholder(HeapPanes.placeholder(""));
    }

    void show(RetainedSet.Result r) {
        result = r;
        total.setText(r.sentence());
        table.setItems(FXCollections.observableArrayList(r.histogram()));
        table.setPlaceholder(HeapPanes.placeholder("Nothing reachable is selected: the set is empty."));
    }

    /** The result shown, or null while computing. */
    RetainedSet.Result result() {
        return result;
    }
}
