package dev.inquest.ui.heap.tables;

import dev.inquest.ui.common.FitColumn;
import dev.inquest.format.Units;
import dev.inquest.heap.query.ClassLoaders;
import dev.inquest.ui.heap.HeapCells;
import dev.inquest.ui.heap.HeapContext;
import dev.inquest.ui.heap.HeapPanes;
import dev.inquest.ui.heap.HeapView;
import dev.inquest.ui.heap.HeapRow;
import dev.inquest.ui.heap.MarkdownRow;
import java.util.List;
import javafx.collections.FXCollections;
import javafx.collections.transformation.SortedList;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableView;
import javafx.scene.layout.BorderPane;

/**
 * Class loaders with the classes they defined and what those classes' instances weigh, and
 * below them the classes defined by more than one loader: the mark of a class-loader leak.
 */
public final class ClassLoadersView implements HeapView {
    private final TableView<ClassLoaders.Loader> loaders = new TableView<>();
    private final TableView<ClassLoaders.DuplicatedClass> duplicated = new TableView<>();
    private final SplitPane root;
    /** The loaders' table's least height in em of its type: the header, a row and the horizontal scroll bar. */
    static final double LOADERS_MIN_EM = 4.5;
    /** The lower part's least height in em: its title and its table's header. */
    static final double DUPLICATES_MIN_EM = 4;

    public ClassLoadersView(HeapContext doc) {
        loaders.setId("loaders-table");
        loaders.getStyleClass().add("dense");
        duplicated.getStyleClass().add("dense");
        duplicated.setId("loaders-duplicates");
        loaders.setColumnResizePolicy(FitColumn.scrolling(TableView.CONSTRAINED_RESIZE_POLICY_ALL_COLUMNS));
        // Its column titles whole, not "Retain..." (issue 18).
        dev.inquest.ui.common.FitColumn.keepTitlesWhole(loaders);
        duplicated.setColumnResizePolicy(FitColumn.scrolling(TableView.CONSTRAINED_RESIZE_POLICY_ALL_COLUMNS));
        dev.inquest.ui.common.FitColumn.keepTitlesWhole(duplicated);
        loaders.getColumns().setAll(List.of(
                Columns.<ClassLoaders.Loader>text("Class loader", l -> l.address() == 0 ? "<bootstrap loader>"
                        : HeapCells.objectLabel(l.className(), l.address()), 380),
                Columns.<ClassLoaders.Loader>number("Classes", ClassLoaders.Loader::classes, HeapCells.Format.COUNT),
                Columns.<ClassLoaders.Loader>number("Instances", ClassLoaders.Loader::instances, HeapCells.Format.COUNT),
                Columns.<ClassLoaders.Loader>number("Shallow", ClassLoaders.Loader::instancesShallow, HeapCells.Format.BYTES),
                Columns.<ClassLoaders.Loader>number("Retained", ClassLoaders.Loader::retained, HeapCells.Format.BYTES)));
        duplicated.getColumns().setAll(List.of(
                Columns.<ClassLoaders.DuplicatedClass>text("Class defined by several loaders", ClassLoaders.DuplicatedClass::name, 380),
                Columns.<ClassLoaders.DuplicatedClass>number("Loaders", ClassLoaders.DuplicatedClass::loaders, HeapCells.Format.COUNT),
                Columns.<ClassLoaders.DuplicatedClass>number("Instances", ClassLoaders.DuplicatedClass::instances, HeapCells.Format.COUNT)));
        loaders.setPlaceholder(HeapPanes.placeholder("Reading class loaders..."));
        duplicated.setPlaceholder(HeapPanes.placeholder("No class is defined by more than one loader."));
        loaders.setContextMenu(doc.actions().menu(() -> {
            ClassLoaders.Loader l = loaders.getSelectionModel().getSelectedItem();
            return l == null ? null : new HeapRow(l.address() == 0 ? -1 : l.node(), l.className(),
                    List.of("Class loader", "Classes", "Instances", "Retained"),
                    List.of(MarkdownRow.code(l.address() == 0 ? "<bootstrap loader>" : HeapCells.objectLabel(l.className(), l.address())),
                            Units.count(l.classes()), Units.count(l.instances()), Units.bytes(l.retained())));
        }));
        Columns.inspectOnDoubleClick(loaders, doc, l -> l.address() == 0 ? -1 : l.node());
        duplicated.setContextMenu(doc.actions().menu(() -> {
            ClassLoaders.DuplicatedClass d = duplicated.getSelectionModel().getSelectedItem();
            return d == null ? null : HeapRow.ofClass(d.name(), List.of("Class", "Loaders", "Instances"),
                    List.of(MarkdownRow.code(d.name()), Units.count(d.loaders()), Units.count(d.instances())));
        }));
        Label dupTitle = new Label("Classes defined more than once");
        dupTitle.getStyleClass().addAll("text-bold");
        BorderPane lower = new BorderPane(duplicated);
        lower.setTop(dupTitle);
        BorderPane.setMargin(dupTitle, new javafx.geometry.Insets(6, 8, 6, 8));
        root = new SplitPane(loaders, lower);
        root.setOrientation(Orientation.VERTICAL);
        root.setDividerPositions(0.6);
        // The loaders are what this view is for; the classes defined twice (mostly none) give way
        // first. At 1024x700 beside the inspector at 150 % type the view is about 175 px high and
        // the loaders' table kept one row there on a knife edge (issue 18): a few pixels less (a
        // divider moved by an earlier, shorter layout, a status line a little taller) left its flow
        // no row, and a flow without rows shows no horizontal scroll bar, so the figure columns
        // beyond the table's width sat out of reach. Its minimum is its header, a row and its bar.
        loaders.setStyle("-fx-min-height: " + LOADERS_MIN_EM + "em;");
        // The lower part keeps its title and its table's header (below that they would overlap).
        lower.setStyle("-fx-min-height: " + DUPLICATES_MIN_EM + "em;");
        doc.run("Class loaders", p -> ClassLoaders.compute(doc.dump(), p), r -> {
            SortedList<ClassLoaders.Loader> sorted = new SortedList<>(FXCollections.observableArrayList(r.loaders()));
            sorted.comparatorProperty().bind(loaders.comparatorProperty());
            loaders.setItems(sorted);
            duplicated.setItems(FXCollections.observableArrayList(r.duplicatedClasses()));
            loaders.setPlaceholder(HeapPanes.placeholder("No class loaders."));
        });
    }

    @Override
    public Node node() {
        return root;
    }

    public TableView<ClassLoaders.Loader> table() {
        return loaders;
    }
}
