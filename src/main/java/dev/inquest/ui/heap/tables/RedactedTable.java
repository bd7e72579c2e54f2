package dev.inquest.ui.heap.tables;

import dev.inquest.ui.common.FitColumn;
import dev.inquest.progress.Progress;
import dev.inquest.ui.heap.HeapContext;
import dev.inquest.ui.heap.HeapPanes;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Function;
import javafx.collections.FXCollections;
import javafx.collections.transformation.SortedList;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.layout.BorderPane;

/**
 * A query table whose rows show values read from the heap (strings, keys), hidden until the user
 * ticks the check box: dumps hold passwords and tokens, and screenshots travel. Redaction happens
 * in the engine, so the toggle runs the query again; an answer that arrives for the other setting
 * is dropped.
 */
final class RedactedTable<T> {
    private final HeapContext doc;
    private final TableView<T> table = new TableView<>();
    private final CheckBox values;
    private final Label status = new Label();
    private final BorderPane root = new BorderPane();
    private final String title;
    private final QueryWithValues<T> query;
    private final Function<List<T>, String> summary;
    private final String empty;

    /** The query, told whether to include values. */
    interface QueryWithValues<T> extends BiFunction<Boolean, Progress, List<T>> {
    }

    /**
     * @param title   the task's name in the status bar
     * @param summary the status line for the rows found
     * @param empty   what the table says when nothing was found
     */
    RedactedTable(HeapContext doc, String id, String valuesLabel, String title, QueryWithValues<T> query,
            Function<List<T>, String> summary, String loading, String empty) {
        this.doc = doc;
        this.title = title;
        this.query = query;
        this.summary = summary;
        this.empty = empty;
        this.values = new CheckBox(valuesLabel);
        table.setId(id + "-table");
        table.getStyleClass().add("dense");
        table.setColumnResizePolicy(FitColumn.scrolling(TableView.CONSTRAINED_RESIZE_POLICY_ALL_COLUMNS));
        // Its column titles whole, not "Retain..." (issue 18).
        dev.inquest.ui.common.FitColumn.keepTitlesWhole(table);
        table.setPlaceholder(HeapPanes.placeholder(loading));
        values.setId(id + "-values");
        values.selectedProperty().addListener((obs, was, is) -> load());
        status.getStyleClass().add("text-muted");
        root.setTop(HeapPanes.toolbar(12, values, status));
        root.setCenter(table);
    }

    TableView<T> table() {
        return table;
    }

    BorderPane root() {
        return root;
    }

    void showValues(boolean show) {
        values.setSelected(show);
    }

    /** Runs the query off the FX thread for the check box's setting and shows its rows. */
    void load() {
        boolean show = values.isSelected();
        doc.run(title, p -> query.apply(show, p), rows -> {
            if (show != values.isSelected()) {
                return;
            }
            SortedList<T> sorted = new SortedList<>(FXCollections.observableArrayList(rows));
            sorted.comparatorProperty().bind(table.comparatorProperty());
            table.setItems(sorted);
            status.setText(summary.apply(rows));
            table.setPlaceholder(HeapPanes.placeholder(empty));
        });
    }
}
