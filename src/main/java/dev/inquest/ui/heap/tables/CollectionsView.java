package dev.inquest.ui.heap.tables;

import dev.inquest.ui.common.FitColumn;
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
import javafx.geometry.Orientation;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;

/**
 * How full the collections are: instances, empty ones, fill ratio and the bytes unused slots cost,
 * per class; below, the selected class's individual collections (biggest or emptiest first, from
 * the engine's {@link CollectionFill#instances}), each to inspect.
 */
public final class CollectionsView implements HeapView {
    /** Collections listed per class: the first ones in the chosen order. */
    static final int INSTANCES = 1_000;

    private final TableView<CollectionFill.Row> table = new TableView<>();
    private final TableView<CollectionFill.Instance> instances = new TableView<>();
    private final ChoiceBox<CollectionFill.Order> order = new ChoiceBox<>();
    private final Label instancesTitle = new Label("Select a class to list its collections");
    private final SplitPane root = new SplitPane();
    private final HeapContext doc;
    private CollectionFill.Instances shownInstances;
    private String instancesOf;

    public CollectionsView(HeapContext doc) {
        this.doc = doc;
        table.setId("collections-table");
        // A row stays in sight while the lower pane and the inspector give way (issue 18).
        dev.inquest.ui.common.MainTable.keepOneRow(table, 2.0);
        table.getStyleClass().add("dense");
        table.setColumnResizePolicy(FitColumn.scrolling(TableView.CONSTRAINED_RESIZE_POLICY_ALL_COLUMNS));
        // Its column titles whole, not "Retain..." (issue 18).
        dev.inquest.ui.common.FitColumn.keepTitlesWhole(table);
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
        table.getSelectionModel().selectedItemProperty().addListener((obs, was, is) -> {
            if (is != null) {
                showInstances(is.className());
            }
        });
        buildInstances();
        doc.run("Collection fill", p -> CollectionFill.compute(doc.dump(), p), rows -> {
            SortedList<CollectionFill.Row> sorted = new SortedList<>(FXCollections.observableArrayList(rows));
            sorted.comparatorProperty().bind(table.comparatorProperty());
            table.setItems(sorted);
            table.setPlaceholder(HeapPanes.placeholder("No collections."));
        });
    }

    private void buildInstances() {
        instances.setId("collection-instances");
        instances.getStyleClass().add("dense");
        instances.setColumnResizePolicy(FitColumn.scrolling(TableView.CONSTRAINED_RESIZE_POLICY_ALL_COLUMNS));
        dev.inquest.ui.common.FitColumn.keepTitlesWhole(instances);
        TableColumn<CollectionFill.Instance, Double> fill = new TableColumn<>("Fill");
        fill.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().fillRatio()));
        fill.setCellFactory(c -> dev.inquest.ui.common.ShareBarCell.forTable());
        fill.setPrefWidth(110);
        fill.setMinWidth(96);
        instances.getColumns().setAll(List.of(
                // The class is in the title above: the short name leaves the figures their room.
                Columns.<CollectionFill.Instance>text("Object", i -> HeapCells.objectLabel(HeapCells.shortPackages(instancesOf), i.address()), 200),
                Columns.<CollectionFill.Instance>number("Elements", CollectionFill.Instance::size, HeapCells.Format.COUNT),
                Columns.<CollectionFill.Instance>number("Slots", CollectionFill.Instance::capacity, HeapCells.Format.COUNT),
                fill,
                Columns.<CollectionFill.Instance>number("Wasted", CollectionFill.Instance::wastedBytes, HeapCells.Format.BYTES)));
        instances.setPlaceholder(HeapPanes.placeholder("Select a class above to list its collections."));
        instances.setContextMenu(doc.actions().menu(() -> {
            CollectionFill.Instance i = instances.getSelectionModel().getSelectedItem();
            return i == null ? null : new HeapRow(i.node(), instancesOf,
                    List.of("Collection", "Elements", "Slots", "Fill", "Wasted"),
                    List.of(MarkdownRow.code(HeapCells.objectLabel(instancesOf, i.address())), Units.count(i.size()),
                            Units.count(i.capacity()), Units.percent(i.fillRatio()), Units.bytes(i.wastedBytes())));
        }));
        Columns.inspectOnDoubleClick(instances, doc, CollectionFill.Instance::node);
        order.setId("collection-order");
        order.getItems().setAll(CollectionFill.Order.values());
        order.setValue(CollectionFill.Order.BIGGEST);
        order.setConverter(new javafx.util.StringConverter<>() {
            @Override
            public String toString(CollectionFill.Order o) {
                return o == null ? "" : o == CollectionFill.Order.BIGGEST ? "Biggest first" : "Emptiest first (most unused slots)";
            }

            @Override
            public CollectionFill.Order fromString(String s) {
                return null;
            }
        });
        order.valueProperty().addListener((obs, was, is) -> {
            if (instancesOf != null) {
                showInstances(instancesOf);
            }
        });
        instancesTitle.setId("collection-instances-title");
        instancesTitle.getStyleClass().add("text-bold");
        instancesTitle.setMinWidth(0);
        HBox.setHgrow(instancesTitle, Priority.ALWAYS);
        instancesTitle.setMaxWidth(Double.MAX_VALUE);
        BorderPane lower = new BorderPane(instances);
        lower.setTop(HeapPanes.toolbar(8, instancesTitle, order));
        root.setOrientation(Orientation.VERTICAL);
        root.getItems().setAll(table, lower);
        root.setDividerPositions(0.55);
    }

    /** Lists the individual collections of a class in the chosen order, in the background. */
    public void showInstances(String className) {
        instancesOf = className;
        CollectionFill.Order o = order.getValue();
        instances.getItems().clear();
        instancesTitle.setText("Collections of " + className + "...");
        doc.run("Collections of " + className, p -> CollectionFill.instances(doc.dump(), className, o, INSTANCES, p), r -> {
            if (className.equals(instancesOf) && o == order.getValue()) {
                shownInstances = r;
                instances.getItems().setAll(r.rows());
                instancesTitle.setText(Units.count(r.total()) + " " + className + (r.total() > r.rows().size()
                        ? ", the " + Units.count(r.rows().size()) + (o == CollectionFill.Order.BIGGEST ? " biggest" : " emptiest") : ""));
            }
        });
    }

    /** Switches the order of the collections listed (as the choice box does). */
    public void setOrder(CollectionFill.Order o) {
        order.setValue(o);
    }

    /** The individual collections listed, or null before a class was chosen. */
    public CollectionFill.Instances shownInstances() {
        return shownInstances;
    }

    public TableView<CollectionFill.Instance> instances() {
        return instances;
    }

    @Override
    public Node node() {
        return root;
    }

    public TableView<CollectionFill.Row> table() {
        return table;
    }
}
