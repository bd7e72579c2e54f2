package dev.inquest.ui.heap.tables;

import dev.inquest.format.Units;
import dev.inquest.heap.model.Grouping;
import dev.inquest.heap.model.HistogramRow;
import dev.inquest.ui.heap.HeapCells;
import dev.inquest.ui.heap.HeapDocument;
import dev.inquest.ui.heap.HeapRow;
import dev.inquest.ui.heap.MarkdownRow;
import java.util.List;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.collections.transformation.SortedList;
import javafx.scene.Node;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;

/**
 * Class loaders with the objects of the classes each defined: a quick look for a leaked web app
 * or plug-in loader. (The class-loader query of issue 4 adds defined-class counts and duplicates.)
 */
public final class ClassLoadersView {
    private final TableView<HistogramRow> table = new TableView<>();

    public ClassLoadersView(HeapDocument doc) {
        table.setId("loaders-table");
        table.getProperties().put(HeapDocument.VIEW_KEY, this);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        TableColumn<HistogramRow, String> name = new TableColumn<>("Class loader");
        name.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().name()));
        name.setPrefWidth(460);
        TableColumn<HistogramRow, Long> count = new TableColumn<>("Objects");
        count.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().count()));
        HeapCells.numeric(count, HeapCells.Format.COUNT);
        TableColumn<HistogramRow, Long> shallow = new TableColumn<>("Shallow");
        shallow.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().shallow()));
        HeapCells.numeric(shallow, HeapCells.Format.BYTES);
        TableColumn<HistogramRow, Long> retained = new TableColumn<>("Retained");
        retained.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().retained()));
        HeapCells.numeric(retained, HeapCells.Format.BYTES);
        for (var c : List.of(count, shallow, retained)) {
            c.setPrefWidth(100);
        }
        table.getColumns().setAll(List.of(name, count, shallow, retained));
        table.setPlaceholder(HeapDocument.placeholder("Computing..."));
        table.setContextMenu(doc.actions().menu(() -> {
            HistogramRow r = table.getSelectionModel().getSelectedItem();
            return r == null ? null : new HeapRow(-1, r.name(), List.of("Class loader", "Objects", "Shallow", "Retained"),
                    List.of(MarkdownRow.code(r.name()), Units.count(r.count()), Units.bytes(r.shallow()), Units.bytes(r.retained())));
        }));
        doc.run("Class loaders", p -> doc.dump().histogram(Grouping.LOADER), rows -> {
            SortedList<HistogramRow> sorted = new SortedList<>(FXCollections.observableArrayList(rows));
            sorted.comparatorProperty().bind(table.comparatorProperty());
            table.setItems(sorted);
        });
    }

    public Node node() {
        return table;
    }
}
