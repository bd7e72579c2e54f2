package dev.inquest.ui.heap.tables;

import dev.inquest.format.Units;
import dev.inquest.heap.query.DuplicateObject;
import dev.inquest.heap.query.DuplicateObjects;
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
 * Application classes whose instances are equal by a key field (one per key would do), largest
 * waste first. The most common key stays redacted unless asked for, as duplicate strings' values:
 * keys are user ids, account numbers, tokens.
 */
public final class DuplicateObjectsView {
    static final int LIMIT = 1_000;

    private final HeapDocument doc;
    private final TableView<DuplicateObject> table = new TableView<>();
    private final CheckBox values = new CheckBox("Show key values");
    private final Label status = new Label();
    private final BorderPane root = new BorderPane();

    public DuplicateObjectsView(HeapDocument doc) {
        this.doc = doc;
        root.getProperties().put(HeapDocument.VIEW_KEY, this);
        table.setId("duplicates-table");
        table.getStyleClass().add("dense");
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_ALL_COLUMNS);
        var distinct = Columns.<DuplicateObject>number("Distinct keys", DuplicateObject::distinctKeys, HeapCells.Format.COUNT);
        distinct.setMinWidth(122); // the header, not the figures, sets this column's width
        table.getColumns().setAll(List.of(
                Columns.<DuplicateObject>text("Class", DuplicateObject::className, 260),
                Columns.<DuplicateObject>number("Instances", DuplicateObject::instances, HeapCells.Format.COUNT),
                Columns.<DuplicateObject>text("Key field", d -> d.keyField() + " (" + simpleName(d.keyType()) + ")", 190),
                distinct,
                Columns.<DuplicateObject>number("Surplus", DuplicateObject::surplusInstances, HeapCells.Format.COUNT),
                Columns.<DuplicateObject>number("Wasted", DuplicateObject::wastedBytes, HeapCells.Format.BYTES),
                Columns.<DuplicateObject>text("Most common key", d -> d.topKey() + " × " + Units.count(d.topKeyCount()), 200)));
        table.setPlaceholder(HeapDocument.placeholder("Looking for objects equal by key..."));
        table.setContextMenu(doc.actions().menu(() -> {
            DuplicateObject d = table.getSelectionModel().getSelectedItem();
            return d == null ? null : new HeapRow(d.example(), d.className(),
                    List.of("Class", "Instances", "Key field", "Distinct keys", "Wasted"),
                    List.of(MarkdownRow.code(d.className()), Units.count(d.instances()), MarkdownRow.code(d.keyField()),
                            Units.count(d.distinctKeys()), Units.bytes(d.wastedBytes())));
        }));
        Columns.inspectOnDoubleClick(table, doc, DuplicateObject::example);
        values.setId("duplicates-values");
        values.selectedProperty().addListener((obs, was, is) -> load());
        status.getStyleClass().add("text-muted");
        HBox bar = HeapDocument.toolbar(12, values, status);
        root.setTop(bar);
        root.setCenter(table);
        load();
    }

    /** The key's type as a reader names it: {@code LeakPatterns$Currency} reads as {@code Currency}. */
    static String simpleName(String type) {
        return type.substring(Math.max(type.lastIndexOf('.'), type.lastIndexOf('$')) + 1);
    }

    private void load() {
        boolean show = values.isSelected();
        doc.run("Duplicate objects", p -> DuplicateObjects.find(doc.dump(), LIMIT, show, p), rows -> {
            if (show != values.isSelected()) {
                return;
            }
            SortedList<DuplicateObject> sorted = new SortedList<>(FXCollections.observableArrayList(rows));
            sorted.comparatorProperty().bind(table.comparatorProperty());
            table.setItems(sorted);
            long wasted = rows.stream().mapToLong(DuplicateObject::wastedBytes).sum();
            status.setText(Units.count(rows.size()) + (rows.size() == LIMIT ? "+" : "") + " classes with copies by key waste "
                    + Units.bytes(wasted) + " (shallow)");
            table.setPlaceholder(HeapDocument.placeholder("No application class holds many instances per key."));
        });
    }

    public Node node() {
        return root;
    }

    public TableView<DuplicateObject> table() {
        return table;
    }

    /** Shows or hides the key values (re-runs the query), as the check box does. */
    public void showValues(boolean show) {
        values.setSelected(show);
    }
}
