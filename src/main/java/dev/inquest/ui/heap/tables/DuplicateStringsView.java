package dev.inquest.ui.heap.tables;

import dev.inquest.format.Units;
import dev.inquest.heap.query.DuplicateString;
import dev.inquest.heap.query.DuplicateStrings;
import dev.inquest.ui.heap.HeapCells;
import dev.inquest.ui.heap.HeapContext;
import dev.inquest.ui.heap.HeapView;
import dev.inquest.ui.heap.HeapRow;
import dev.inquest.ui.heap.MarkdownRow;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.TableView;

/**
 * Strings with equal text held many times, largest waste first. Values stay redacted unless the
 * user asks for them: dumps hold passwords and tokens, and screenshots travel.
 */
public final class DuplicateStringsView implements HeapView {
    static final int LIMIT = 1_000;

    private final RedactedTable<DuplicateString> view;

    public DuplicateStringsView(HeapContext doc) {
        view = new RedactedTable<>(doc, "strings", "Show values", "Duplicate strings",
                (show, p) -> DuplicateStrings.find(doc.dump(), LIMIT, show, p),
                rows -> Units.count(rows.size()) + (rows.size() == LIMIT ? "+" : "") + " duplicated strings waste "
                        + Units.bytes(rows.stream().mapToLong(DuplicateString::wastedBytes).sum()),
                "Looking for duplicate strings...", "No string is held twice.");
        TableView<DuplicateString> table = view.table();
        table.getColumns().setAll(List.of(
                Columns.<DuplicateString>text("Value", d -> d.value(), 380),
                Columns.<DuplicateString>number("Length", DuplicateString::length, HeapCells.Format.COUNT),
                Columns.<DuplicateString>number("Copies", DuplicateString::count, HeapCells.Format.COUNT),
                Columns.<DuplicateString>number("Wasted", DuplicateString::wastedBytes, HeapCells.Format.BYTES),
                Columns.<DuplicateString>number("Total", DuplicateString::totalBytes, HeapCells.Format.BYTES)));
        table.setContextMenu(doc.actions().menu(() -> {
            DuplicateString d = table.getSelectionModel().getSelectedItem();
            return d == null ? null : new HeapRow(d.example(), d.value(), List.of("Value", "Copies", "Wasted"),
                    List.of(MarkdownRow.code(d.value()), Units.count(d.count()), Units.bytes(d.wastedBytes())));
        }));
        Columns.inspectOnDoubleClick(table, doc, DuplicateString::example);
        view.load();
    }

    @Override
    public Node node() {
        return view.root();
    }

    public TableView<DuplicateString> table() {
        return view.table();
    }
}
