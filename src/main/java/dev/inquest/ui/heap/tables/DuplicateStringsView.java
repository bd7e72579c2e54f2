package dev.inquest.ui.heap.tables;

import dev.inquest.format.Units;
import dev.inquest.heap.query.DuplicateString;
import dev.inquest.heap.query.DuplicateStrings;
import dev.inquest.ui.heap.HeapCells;
import dev.inquest.ui.heap.HeapDocument;
import dev.inquest.ui.heap.HeapRow;
import dev.inquest.ui.heap.MarkdownRow;
import java.util.List;
import javafx.collections.FXCollections;
import javafx.collections.transformation.SortedList;
import javafx.scene.Node;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;

/**
 * Strings with equal text held many times, largest waste first. Values stay redacted unless the
 * user asks for them: dumps hold passwords and tokens, and screenshots travel.
 */
public final class DuplicateStringsView {
    static final int LIMIT = 1_000;

    private final HeapDocument doc;
    private final TableView<DuplicateString> table = new TableView<>();
    private final CheckBox values = new CheckBox("Show values");
    private final Label status = new Label();
    private final BorderPane root = new BorderPane();

    public DuplicateStringsView(HeapDocument doc) {
        this.doc = doc;
        root.getProperties().put(HeapDocument.VIEW_KEY, this);
        table.setId("strings-table");
        table.getStyleClass().add("dense");
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_ALL_COLUMNS);
        table.getColumns().setAll(List.of(
                Columns.<DuplicateString>text("Value", d -> d.value(), 380),
                Columns.<DuplicateString>number("Length", DuplicateString::length, HeapCells.Format.COUNT),
                Columns.<DuplicateString>number("Copies", DuplicateString::count, HeapCells.Format.COUNT),
                Columns.<DuplicateString>number("Wasted", DuplicateString::wastedBytes, HeapCells.Format.BYTES),
                Columns.<DuplicateString>number("Total", DuplicateString::totalBytes, HeapCells.Format.BYTES)));
        table.setPlaceholder(HeapDocument.placeholder("Looking for duplicate strings..."));
        table.setContextMenu(doc.actions().menu(() -> {
            DuplicateString d = table.getSelectionModel().getSelectedItem();
            return d == null ? null : new HeapRow(d.example(), d.value(), List.of("Value", "Copies", "Wasted"),
                    List.of(MarkdownRow.code(d.value()), Units.count(d.count()), Units.bytes(d.wastedBytes())));
        }));
        Columns.inspectOnDoubleClick(table, doc, DuplicateString::example);
        values.setId("strings-values");
        values.selectedProperty().addListener((obs, was, is) -> load());
        status.getStyleClass().add("text-muted");
        HBox bar = HeapDocument.toolbar(12, values, status);
        root.setTop(bar);
        root.setCenter(table);
        load();
    }

    private void load() {
        boolean show = values.isSelected();
        doc.run("Duplicate strings", p -> DuplicateStrings.find(doc.dump(), LIMIT, show, p), rows -> {
            if (show != values.isSelected()) {
                return;
            }
            SortedList<DuplicateString> sorted = new SortedList<>(FXCollections.observableArrayList(rows));
            sorted.comparatorProperty().bind(table.comparatorProperty());
            table.setItems(sorted);
            long wasted = rows.stream().mapToLong(DuplicateString::wastedBytes).sum();
            status.setText(Units.count(rows.size()) + (rows.size() == LIMIT ? "+" : "") + " duplicated strings waste "
                    + Units.bytes(wasted));
            table.setPlaceholder(HeapDocument.placeholder("No string is held twice."));
        });
    }

    public Node node() {
        return root;
    }

    public TableView<DuplicateString> table() {
        return table;
    }
}
