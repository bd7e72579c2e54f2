package dev.inquest.ui.heap.tables;

import dev.inquest.format.Units;
import dev.inquest.heap.query.CollectionFill;
import dev.inquest.ui.heap.HeapCells;
import dev.inquest.ui.heap.HeapContext;
import dev.inquest.ui.heap.HeapPanes;
import dev.inquest.ui.heap.HeapView;
import dev.inquest.ui.heap.HeapRow;
import dev.inquest.ui.heap.MarkdownRow;
import java.util.List;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.collections.transformation.SortedList;
import javafx.scene.Node;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;

/** How full the collections are: instances, empty ones, fill ratio and the bytes unused slots cost. */
public final class CollectionsView implements HeapView {
    private final TableView<CollectionFill.Row> table = new TableView<>();

    public CollectionsView(HeapContext doc) {
        table.setId("collections-table");
        table.getStyleClass().add("dense");
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_ALL_COLUMNS);
        TableColumn<CollectionFill.Row, Double> fill = new TableColumn<>("Fill");
        fill.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().fillRatio()));
        fill.setCellFactory(c -> dev.inquest.ui.common.ShareBarCell.forTable());
        fill.setPrefWidth(110);
        fill.setMinWidth(96);
        table.getColumns().setAll(List.of(
                Columns.<CollectionFill.Row>text("Collection", CollectionFill.Row::className, 300),
                Columns.<CollectionFill.Row>number("Instances", CollectionFill.Row::instances, HeapCells.Format.COUNT),
                Columns.<CollectionFill.Row>number("Empty", CollectionFill.Row::empty, HeapCells.Format.COUNT),
                Columns.<CollectionFill.Row>number("Elements", CollectionFill.Row::size, HeapCells.Format.COUNT),
                Columns.<CollectionFill.Row>number("Slots", CollectionFill.Row::capacity, HeapCells.Format.COUNT),
                fill,
                Columns.<CollectionFill.Row>number("Wasted", CollectionFill.Row::wastedBytes, HeapCells.Format.BYTES)));
        table.setPlaceholder(HeapPanes.placeholder("Measuring collections..."));
        table.setContextMenu(doc.actions().menu(() -> {
            CollectionFill.Row r = table.getSelectionModel().getSelectedItem();
            return r == null ? null : new HeapRow(r.largest(), r.className(),
                    List.of("Collection", "Instances", "Empty", "Fill", "Wasted"),
                    List.of(MarkdownRow.code(r.className()), Units.count(r.instances()), Units.count(r.empty()),
                            Units.percent(r.fillRatio()), Units.bytes(r.wastedBytes())));
        }));
        Columns.inspectOnDoubleClick(table, doc, CollectionFill.Row::largest);
        doc.run("Collection fill", p -> CollectionFill.compute(doc.dump(), p), rows -> {
            SortedList<CollectionFill.Row> sorted = new SortedList<>(FXCollections.observableArrayList(rows));
            sorted.comparatorProperty().bind(table.comparatorProperty());
            table.setItems(sorted);
            table.setPlaceholder(HeapPanes.placeholder("No collections."));
        });
    }

    @Override
    public Node node() {
        return table;
    }

    public TableView<CollectionFill.Row> table() {
        return table;
    }
}
