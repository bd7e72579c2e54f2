package dev.inquest.ui.heap.tables;

import dev.inquest.format.Units;
import dev.inquest.heap.query.DuplicateObject;
import dev.inquest.heap.query.DuplicateObjects;
import dev.inquest.ui.heap.HeapCells;
import dev.inquest.ui.heap.HeapContext;
import dev.inquest.ui.heap.HeapView;
import dev.inquest.ui.heap.HeapRow;
import dev.inquest.ui.heap.MarkdownRow;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.TableView;

/**
 * Application classes whose instances are equal by a key field (one per key would do), largest
 * waste first. The most common key stays redacted unless asked for, as duplicate strings' values:
 * keys are user ids, account numbers, tokens.
 */
public final class DuplicateObjectsView implements HeapView {
    static final int LIMIT = 1_000;

    private final RedactedTable<DuplicateObject> view;

    public DuplicateObjectsView(HeapContext doc) {
        view = new RedactedTable<>(doc, "duplicates", "Show key values", "Duplicate objects",
                (show, p) -> DuplicateObjects.find(doc.dump(), LIMIT, show, p),
                rows -> Units.count(rows.size()) + (rows.size() == LIMIT ? "+" : "") + " classes with copies by key waste "
                        + Units.bytes(rows.stream().mapToLong(DuplicateObject::wastedBytes).sum()) + " (shallow)",
                "Looking for objects equal by key...", "No application class holds many instances per key.");
        TableView<DuplicateObject> table = view.table();
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
        table.setContextMenu(doc.actions().menu(() -> {
            DuplicateObject d = table.getSelectionModel().getSelectedItem();
            return d == null ? null : new HeapRow(d.example(), d.className(),
                    List.of("Class", "Instances", "Key field", "Distinct keys", "Wasted"),
                    List.of(MarkdownRow.code(d.className()), Units.count(d.instances()), MarkdownRow.code(d.keyField()),
                            Units.count(d.distinctKeys()), Units.bytes(d.wastedBytes())));
        }));
        Columns.inspectOnDoubleClick(table, doc, DuplicateObject::example);
        view.load();
    }

    /** The key's type as a reader names it: {@code LeakPatterns$Currency} reads as {@code Currency}. */
    static String simpleName(String type) {
        return type.substring(Math.max(type.lastIndexOf('.'), type.lastIndexOf('$')) + 1);
    }

    @Override
    public Node node() {
        return view.root();
    }

    public TableView<DuplicateObject> table() {
        return view.table();
    }

    /** Shows or hides the key values (re-runs the query), as the check box does. */
    public void showValues(boolean show) {
        view.showValues(show);
    }
}
