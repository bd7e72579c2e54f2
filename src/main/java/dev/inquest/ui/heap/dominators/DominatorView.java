package dev.inquest.ui.heap.dominators;

import dev.inquest.format.Units;
import dev.inquest.heap.model.Grouping;
import dev.inquest.ui.common.FitColumn;
import dev.inquest.ui.common.FitText;
import dev.inquest.ui.common.PagedTreeItem;
import dev.inquest.ui.common.ShareBarCell;
import dev.inquest.ui.heap.HeapCells;
import dev.inquest.ui.heap.HeapContext;
import dev.inquest.ui.heap.HeapPanes;
import dev.inquest.ui.heap.HeapView;
import dev.inquest.ui.heap.HeapRow;
import dev.inquest.ui.heap.MarkdownRow;
import dev.inquest.ui.heap.dominators.DominatorRows.Kind;
import dev.inquest.ui.heap.dominators.DominatorRows.Row;
import dev.inquest.ui.task.TaskRunner;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import javafx.animation.PauseTransition;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.scene.Node;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeTableCell;
import javafx.scene.control.TreeTableColumn;
import javafx.scene.control.TreeTableView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.util.Duration;

/**
 * The dominator tree: who keeps what alive. Children load when a row expands, a hundred at a
 * time, largest retained first ("next 100 of 1,203,344" loads more). The top level can be
 * grouped by class or package and narrowed by a class-name regex; other columns sort the rows
 * already loaded.
 */
public final class DominatorView implements HeapView.Filtered {
    public static final int PAGE = 100;

    /** What the grouping choice box offers. */
    public enum GroupBy {
        NONE("No grouping", null), CLASS("Group by class", Grouping.CLASS), PACKAGE("Group by package", Grouping.PACKAGE);

        final String label;
        final Grouping grouping;

        GroupBy(String label, Grouping grouping) {
            this.label = label;
            this.grouping = grouping;
        }

        @Override
        public String toString() {
            return label;
        }
    }

    private final HeapContext doc;
    private final DominatorRows rows;
    private final TreeTableView<Row> table = new TreeTableView<>();
    private final TextField filter = new dev.inquest.ui.common.HintField("",
            List.of("Filter top level by class (regex)", "Filter by class (regex)", "Filter by class"));
    private final ChoiceBox<GroupBy> groupBy = new ChoiceBox<>();
    private final Label status = new Label();
    private final PauseTransition debounce = new PauseTransition(Duration.millis(120));
    private final BorderPane root = new BorderPane();
    private DominatorRows.Top top;
    private TaskRunner.Handle pending;

    public DominatorView(HeapContext doc) {
        this.doc = doc;
        this.rows = new DominatorRows(doc.dump(), doc.summary().usedHeap());

        filter.setId("dominator-filter");
        filter.setPrefColumnCount(22);
        filter.textProperty().addListener((obs, was, is) -> debounce.playFromStart());
        debounce.setOnFinished(e -> refresh());
        groupBy.setId("dominator-group");
        groupBy.getItems().setAll(GroupBy.values());
        groupBy.setValue(GroupBy.NONE);
        groupBy.valueProperty().addListener((obs, was, is) -> refresh());
        status.setId("dominator-status");
        status.getStyleClass().add("text-muted");
        status.setMinWidth(Region.USE_PREF_SIZE);
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        javafx.scene.control.ToolBar bar = HeapPanes.toolbar(8, filter, groupBy, gap, status);

        buildTable();
        root.setTop(bar);
        root.setCenter(table);
        // The unfiltered top level needs no computing: show it at once.
        show(rows.top(null, null, dev.inquest.progress.Progress.NONE));
    }

    @Override
    public Node node() {
        return root;
    }

    private void buildTable() {
        table.setId("dominator-table");
        dev.inquest.ui.common.MainTable.keepRows(table, 2.0);
        table.getStyleClass().add("dense");
        table.setShowRoot(false);
        // The object column takes the room its names need first (FitText); past the table's width it scrolls.
        table.setColumnResizePolicy(FitColumn.scrollingTree(TreeTableView.CONSTRAINED_RESIZE_POLICY_ALL_COLUMNS));
        // Its column titles whole, not "Retain..." (issue 18).
        dev.inquest.ui.common.FitColumn.keepTitlesWhole(table);

        TreeTableColumn<Row, Row> object = new TreeTableColumn<>("Object");
        object.setId("col-object");
        object.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().getValue()));
        object.setCellFactory(c -> new ObjectCell());
        object.setComparator(Comparator.comparing(r -> r.name() == null ? "" : r.name()));
        object.setPrefWidth(520);

        TreeTableColumn<Row, Long> count = new TreeTableColumn<>("Objects");
        count.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().getValue().kind() == Kind.GROUP
                ? c.getValue().getValue().count() : null));
        HeapCells.numeric(count, HeapCells.Format.COUNT);
        count.setPrefWidth(90);
        count.visibleProperty().bind(groupBy.valueProperty().isNotEqualTo(GroupBy.NONE));

        TreeTableColumn<Row, Long> shallow = new TreeTableColumn<>("Shallow");
        shallow.setId("col-shallow");
        shallow.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(value(c.getValue().getValue(), Row::shallow)));
        HeapCells.numeric(shallow, HeapCells.Format.BYTES);
        shallow.setPrefWidth(80);

        TreeTableColumn<Row, Long> retained = new TreeTableColumn<>("Retained");
        retained.setId("col-retained");
        retained.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(value(c.getValue().getValue(), Row::retained)));
        HeapCells.numeric(retained, HeapCells.Format.BYTES);
        retained.setPrefWidth(85);
        retained.setSortType(TreeTableColumn.SortType.DESCENDING);

        TreeTableColumn<Row, Double> share = new TreeTableColumn<>("Percent");
        share.setId("col-percent");
        share.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().getValue().kind() == Kind.MORE
                ? null : c.getValue().getValue().share()));
        share.setCellFactory(c -> ShareBarCell.forTreeTable());
        share.setPrefWidth(100);
        share.setMaxWidth(160);
        share.setMinWidth(96);

        table.getColumns().setAll(List.of(object, count, shallow, retained, share));
        table.setSortPolicy(t -> {
            sortLoaded(t.getRoot(), t.getComparator());
            return true;
        });

        table.setOnMouseClicked(e -> {
            if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2) {
                activate(table.getSelectionModel().getSelectedItem());
            }
        });
        table.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER) {
                activate(table.getSelectionModel().getSelectedItem());
            }
        });
        table.setContextMenu(doc.actions().menu(this::selectedRow));
        table.setPlaceholder(HeapPanes.placeholder("No top-level dominator matches the filter."));
    }

    private static Long value(Row r, java.util.function.ToLongFunction<Row> f) {
        return r.kind() == Kind.MORE ? null : f.applyAsLong(r);
    }

    /** Double-click / Enter: a "more" row loads the next page, an object opens in the inspector. */
    private void activate(TreeItem<Row> item) {
        if (item == null) {
            return;
        }
        Row r = item.getValue();
        if (r.kind() == Kind.MORE) {
            PagedTreeItem.activate(item);
        } else if (r.isObject()) {
            doc.inspect(r.node());
        }
    }

    private HeapRow selectedRow() {
        TreeItem<Row> item = table.getSelectionModel().getSelectedItem();
        if (item == null || item.getValue().kind() == Kind.MORE) {
            return null;
        }
        Row r = item.getValue();
        String label = r.isObject() ? HeapCells.objectLabel(r.name(), r.address()) : r.name();
        List<String> cells = new ArrayList<>(List.of(MarkdownRow.code(label)));
        List<String> headers = new ArrayList<>(List.of(r.isObject() ? "Object" : "Group"));
        if (r.kind() == Kind.GROUP) {
            headers.add("Objects");
            cells.add(Units.count(r.count()));
        }
        headers.addAll(List.of("Shallow", "Retained", "Percent"));
        cells.addAll(List.of(Units.bytes(r.shallow()), Units.bytes(r.retained()), Units.percent(r.share())));
        if (!r.isObject() && groupBy.getValue() == GroupBy.CLASS) {
            return HeapRow.ofClass(label, headers, cells);
        }
        return new HeapRow(r.isObject() ? r.node() : -1, label, headers, cells);
    }

    /** Recomputes the top level for the filter and grouping, off the FX thread. */
    private void refresh() {
        String text = filter.getText() == null ? "" : filter.getText().strip();
        Pattern p = null;
        if (!text.isEmpty()) {
            try {
                p = Pattern.compile(text, Pattern.CASE_INSENSITIVE);
                filter.pseudoClassStateChanged(javafx.css.PseudoClass.getPseudoClass("danger"), false);
            } catch (PatternSyntaxException e) {
                filter.pseudoClassStateChanged(javafx.css.PseudoClass.getPseudoClass("danger"), true);
                status.setText("Not a regular expression: " + e.getDescription());
                return;
            }
        }
        if (pending != null) {
            pending.cancel();
        }
        Pattern pattern = p;
        Grouping by = groupBy.getValue().grouping;
        TaskRunner.Handle[] mine = new TaskRunner.Handle[1];
        mine[0] = doc.run("Dominator tree", progress -> rows.top(pattern, by, progress), t -> {
            if (pending == mine[0]) {
                pending = null;
            }
            show(t);
        }, t -> {
            if (!(t instanceof java.util.concurrent.CancellationException)) {
                doc.showError("Dominator tree failed", t);
            }
        });
        pending = mine[0];
    }

    private void show(DominatorRows.Top t) {
        this.top = t;
        PagedTreeItem<Row> rootItem = new PagedTreeItem<>(rows.root(), new Source(), PAGE);
        rootItem.setExpanded(true);
        table.setRoot(rootItem);
        long all = doc.dump().topLevelCount();
        String what = t.grouped() ? Units.count(t.groups().size()) + " groups of " + Units.count(t.matched()) + " objects"
                : Units.count(t.matched()) + " objects";
        status.setText(t.matched() == all ? "Top level: " + what : "Top level: " + what + " of " + Units.count(all) + " match");
        if (!table.getSortOrder().isEmpty()) {
            table.sort();
        }
    }

    /** Sorts the children of every loaded, expanded row; the "more" row stays last. */
    private static void sortLoaded(TreeItem<Row> item, Comparator<TreeItem<Row>> cmp) {
        if (item == null || item.isLeaf() || !item.isExpanded()) {
            return;
        }
        Comparator<TreeItem<Row>> order = cmp != null ? cmp : Comparator.comparingLong((TreeItem<Row> i) -> i.getValue().retained()).reversed();
        List<TreeItem<Row>> kids = new ArrayList<>(item.getChildren());
        TreeItem<Row> more = !kids.isEmpty() && kids.getLast().getValue().kind() == Kind.MORE ? kids.removeLast() : null;
        kids.sort(order);
        if (more != null) {
            kids.add(more);
        }
        item.getChildren().setAll(kids);
        for (TreeItem<Row> k : kids) {
            sortLoaded(k, cmp);
        }
    }

    public TreeTableView<?> table() {
        return table;
    }

    /** Sets the class filter and recomputes at once (links from other views, tests). */
    @Override
    public void setFilter(String regex) {
        filter.setText(regex);
        debounce.stop();
        refresh();
    }

    public void setGrouping(GroupBy by) {
        groupBy.setValue(by);
    }

    /** The rows now at the top level (loaded pages only), in display order. */
    public List<DominatorRows.Row> topRows() {
        return table.getRoot() == null ? List.of() : table.getRoot().getChildren().stream().map(TreeItem::getValue).toList();
    }

    private final class Source implements PagedTreeItem.Source<Row> {
        @Override
        public long childCount(Row parent) {
            return rows.childCount(parent, top);
        }

        @Override
        public List<Row> children(Row parent, long from, int max) {
            return rows.children(parent, top, from, max);
        }

        @Override
        public Row more(Row parent, long shown, long total) {
            return rows.more(parent, shown, total);
        }

        @Override
        public boolean isMore(Row value) {
            return value.kind() == Kind.MORE;
        }
    }

    private final class ObjectCell extends TreeTableCell<Row, Row> {
        @Override
        protected void layoutChildren() {
            super.layoutChildren();
            FitText.refit(this, getTableColumn());
        }

        @Override
        protected void updateItem(Row r, boolean empty) {
            super.updateItem(r, empty);
            getStyleClass().remove("more-row");
            setOnMouseClicked(null);
            FitText.clear(this);
            if (empty || r == null) {
                setText(null);
                setGraphic(null);
                return;
            }
            switch (r.kind()) {
                case MORE -> {
                    long next = Math.min(PAGE, r.total() - r.shown());
                    setText("next " + next + " of " + Units.count(r.total() - r.shown()));
                    setGraphic(HeapCells.iconFor(null, false));
                    getStyleClass().add("more-row");
                    setOnMouseClicked(e -> {
                        if (e.getButton() == MouseButton.PRIMARY) {
                            PagedTreeItem.activate(getTableRow().getTreeItem());
                            e.consume();
                        }
                    });
                }
                case GROUP -> {
                    setText(r.name());
                    setGraphic(HeapCells.iconFor(r.name(), true));
                }
                default -> {
                    HeapCells.objectText(this, r.name(), r.address());
                    setGraphic(HeapCells.iconFor(r.name(), false));
                }
            }
        }
    }
}
