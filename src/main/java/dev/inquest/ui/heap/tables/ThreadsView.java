package dev.inquest.ui.heap.tables;

import dev.inquest.ui.common.FitColumn;
import dev.inquest.format.Units;
import dev.inquest.heap.model.StackFrame;
import dev.inquest.heap.query.ThreadOverview;
import dev.inquest.ui.heap.HeapCells;
import dev.inquest.ui.heap.HeapContext;
import dev.inquest.ui.heap.HeapPanes;
import dev.inquest.ui.heap.HeapView;
import dev.inquest.ui.heap.HeapRow;
import dev.inquest.ui.heap.MarkdownRow;
import java.util.Comparator;
import java.util.List;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.collections.transformation.SortedList;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.control.ListView;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;

/**
 * The threads of the dump with what each retains and what its local variables keep alive,
 * largest first; the selected thread's stack shows below (as HPROF recorded it at dump time).
 */
public final class ThreadsView implements HeapView {
    private final HeapContext doc;
    private final TableView<ThreadOverview.Row> table = new TableView<>();
    private final ListView<String> stack = new ListView<>();
    private final SplitPane root = new SplitPane(table, stack);

    public ThreadsView(HeapContext doc) {
        this.doc = doc;
        root.setOrientation(Orientation.VERTICAL);
        root.setDividerPositions(0.62);
        table.setId("threads-table");
        // A row stays in sight while the lower pane and the inspector give way (issue 18).
        dev.inquest.ui.common.MainTable.keepOneRow(table, 2.0);
        table.getStyleClass().add("dense");
        stack.getStyleClass().add("dense");
        stack.setId("threads-stack");
        table.setColumnResizePolicy(FitColumn.scrolling(TableView.CONSTRAINED_RESIZE_POLICY_ALL_COLUMNS));
        // Its column titles whole, not "Retain..." (issue 18).
        dev.inquest.ui.common.FitColumn.keepTitlesWhole(table);
        TableColumn<ThreadOverview.Row, String> name = new TableColumn<>("Thread");
        name.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().name() == null ? "<unnamed>" : c.getValue().name()));
        name.setPrefWidth(200);
        // A thread's name is how the reader knows it ("Signal Dispat..." at 1024x700): whole, the table scrolls.
        name.setCellFactory(dev.inquest.ui.common.FitColumn.textCells());
        TableColumn<ThreadOverview.Row, String> object = new TableColumn<>("Object");
        object.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(HeapCells.objectLabel(c.getValue().className(), c.getValue().address())));
        object.setCellFactory(dev.inquest.ui.common.FitColumn.textCells());
        object.setPrefWidth(300);
        TableColumn<ThreadOverview.Row, Long> retained = new TableColumn<>("Retained");
        retained.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().retained()));
        HeapCells.numeric(retained, HeapCells.Format.BYTES);
        retained.setSortType(TableColumn.SortType.DESCENDING);
        retained.setPrefWidth(100);
        TableColumn<ThreadOverview.Row, Long> locals = Columns.number("Locals", ThreadOverview.Row::locals, HeapCells.Format.COUNT);
        TableColumn<ThreadOverview.Row, Long> localsRetained = Columns.number("Locals retain", ThreadOverview.Row::localsRetained,
                HeapCells.Format.BYTES);
        localsRetained.setPrefWidth(110);
        TableColumn<ThreadOverview.Row, Long> frames = new TableColumn<>("Frames");
        frames.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>((long) c.getValue().frames().size()));
        HeapCells.numeric(frames, HeapCells.Format.COUNT);
        frames.setPrefWidth(80);
        table.getColumns().setAll(List.of(name, object, retained, locals, localsRetained, frames));
        table.setPlaceholder(HeapPanes.placeholder("Reading threads..."));
        stack.setPlaceholder(HeapPanes.placeholder("Select a thread to see its stack."));
        table.getSelectionModel().selectedItemProperty().addListener((obs, was, is) ->
                stack.getItems().setAll(is == null ? List.of() : is.frames().stream().map(ThreadsView::frame).toList()));
        Columns.inspectOnDoubleClick(table, doc, ThreadOverview.Row::node);
        table.setContextMenu(doc.actions().menu(() -> {
            ThreadOverview.Row t = table.getSelectionModel().getSelectedItem();
            return t == null ? null : new HeapRow(t.node(), t.name(), List.of("Thread", "Object", "Retained", "Frames"),
                    List.of(MarkdownRow.text(t.name() == null ? "<unnamed>" : t.name()),
                            MarkdownRow.code(HeapCells.objectLabel(t.className(), t.address())),
                            Units.bytes(t.retained()), Units.count(t.frames().size())));
        }));
        doc.run("Threads", p -> ThreadOverview.compute(doc.dump(), p), threads -> {
            SortedList<ThreadOverview.Row> sorted = new SortedList<>(FXCollections.observableArrayList(threads.stream()
                    .sorted(Comparator.comparingLong(ThreadOverview.Row::retained).reversed()).toList()));
            sorted.comparatorProperty().bind(table.comparatorProperty());
            table.setItems(sorted);
            table.setPlaceholder(HeapPanes.placeholder("The dump names no threads."));
        });
    }

    static String frame(StackFrame f) {
        String where = switch (f.line()) {
            case -2 -> "compiled";
            case -3 -> "native";
            default -> (f.sourceFile() == null ? "unknown" : f.sourceFile()) + (f.line() > 0 ? ":" + f.line() : "");
        };
        return "at " + f.className() + "." + f.method() + "(" + where + ")";
    }

    @Override
    public Node node() {
        return root;
    }

    public TableView<ThreadOverview.Row> table() {
        return table;
    }
}
