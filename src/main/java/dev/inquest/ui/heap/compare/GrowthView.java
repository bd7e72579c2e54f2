package dev.inquest.ui.heap.compare;

import dev.inquest.format.Units;
import dev.inquest.heap.query.Comparison;
import dev.inquest.ui.common.FitText;
import dev.inquest.ui.common.ShareBarCell;
import dev.inquest.ui.heap.Baseline;
import dev.inquest.ui.heap.HeapCells;
import dev.inquest.ui.heap.GrowthRows;
import dev.inquest.ui.heap.HeapContext;
import dev.inquest.ui.heap.HeapPanes;
import dev.inquest.ui.heap.HeapView;
import dev.inquest.ui.heap.HeapRow;
import dev.inquest.ui.heap.MarkdownRow;
import java.util.List;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignS;

/**
 * What grew since a baseline dump, by dominator path: each row is a dominator identified by the
 * classes above it in the dominator tree (addresses differ between dumps, paths do not), with
 * its objects and retained size before and after, largest growth first. Rows act on the largest
 * object of the path in this dump (inspect, paths to GC roots), like every heap row.
 */
public final class GrowthView implements HeapView {
    static final String SEPARATOR = " › ";

    private final HeapContext doc;
    private final BorderPane root = new BorderPane();
    private final TableView<GrowthRows.Row> table = new TableView<>();
    private final Label summary = new Label();
    private long largestGrowth = 1;

    public GrowthView(HeapContext doc) {
        this.doc = doc;
        root.setId("growth");
        Button compare = new Button("Compare with baseline...", new FontIcon(MaterialDesignS.SWAP_HORIZONTAL));
        compare.setId("growth-compare");
        compare.setTooltip(new Tooltip("Choose an earlier dump of the same application; the table shows which dominators grew"));
        compare.setOnAction(e -> doc.chooseBaseline(compare));
        summary.setId("growth-summary");
        summary.getStyleClass().add("text-muted");
        summary.setWrapText(true);
        summary.setText("No baseline yet.");
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox bar = new HBox(8, compare, gap);
        bar.setAlignment(Pos.CENTER_LEFT);
        VBox top = new VBox(6, bar, summary);
        top.setPadding(new Insets(6, 8, 6, 8));
        top.getStyleClass().add("heap-toolbar");
        buildTable();
        root.setTop(top);
        root.setCenter(table);
        doc.onBaseline(this::show);
    }

    @Override
    public Node node() {
        return root;
    }

    private void buildTable() {
        table.setId("growth-table");
        table.getStyleClass().add("dense");
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_ALL_COLUMNS);
        TableColumn<GrowthRows.Row, String> dominator = new TableColumn<>("Dominator");
        dominator.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().className()));
        dominator.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(String s, boolean empty) {
                super.updateItem(s, empty);
                setText(empty ? null : s);
                setGraphic(empty || s == null ? null : HeapCells.iconFor(s, false));
            }
        });
        dominator.setPrefWidth(230);
        TableColumn<GrowthRows.Row, String> holders = new TableColumn<>("Held by (dominator path)");
        holders.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(holdersText(c.getValue())));
        holders.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void layoutChildren() {
                super.layoutChildren();
                FitText.refit(this);
            }

            @Override
            protected void updateItem(String s, boolean empty) {
                super.updateItem(s, empty);
                if (empty || s == null) {
                    FitText.clear(this);
                    setText(null);
                    setTooltip(null);
                    return;
                }
                // Packages to initials first; then cut on the left: the nearest holder is at the end.
                FitText.set(this, s, compact(s));
                // The tooltip has the whole path, one holder per line.
                setTooltip(new Tooltip(s.replace(SEPARATOR, "\n  › ")));
            }
        });
        holders.setPrefWidth(300);
        TableColumn<GrowthRows.Row, Long> objectsBefore = number("Before", r -> r.delta().countBefore(), HeapCells.Format.COUNT);
        TableColumn<GrowthRows.Row, Long> objectsAfter = number("After", r -> r.delta().countAfter(), HeapCells.Format.COUNT);
        TableColumn<GrowthRows.Row, Long> before = number("Before", r -> r.delta().retainedBefore(), HeapCells.Format.BYTES);
        TableColumn<GrowthRows.Row, Long> after = number("After", r -> r.delta().retainedAfter(), HeapCells.Format.BYTES);
        TableColumn<GrowthRows.Row, Long> delta = number("Δ", r -> r.delta().retainedDelta(), HeapCells.Format.BYTES_DELTA);
        delta.setId("col-growth-delta");
        delta.setSortType(TableColumn.SortType.DESCENDING);
        TableColumn<GrowthRows.Row, Double> share = new TableColumn<>("Growth");
        share.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().delta().retainedDelta() / (double) largestGrowth));
        share.setCellFactory(c -> ShareBarCell.forTable());
        share.setPrefWidth(110);
        share.setSortable(false);
        // Grouped headers keep the six figures narrow: "Objects: before, after", "Retained: before, after, Δ".
        TableColumn<GrowthRows.Row, Long> objects = new TableColumn<>("Objects");
        objects.getColumns().setAll(List.of(objectsBefore, objectsAfter));
        TableColumn<GrowthRows.Row, Long> retained = new TableColumn<>("Retained");
        retained.getColumns().setAll(List.of(before, after, delta));
        table.getColumns().setAll(List.of(dominator, holders, objects, retained, share));
        table.setPlaceholder(HeapPanes.placeholder(
                "Choose an earlier dump of the same application as baseline: this table then lists the dominators that grew since."));
        table.setContextMenu(doc.actions().menu(this::selectedRow));
        table.setOnMouseClicked(e -> {
            if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2) {
                GrowthRows.Row r = table.getSelectionModel().getSelectedItem();
                if (r != null && r.node() >= 0) {
                    doc.inspect(r.node());
                }
            }
        });
    }

    private static TableColumn<GrowthRows.Row, Long> number(String title, Function<GrowthRows.Row, Long> f, HeapCells.Format format) {
        TableColumn<GrowthRows.Row, Long> c = new TableColumn<>(title);
        c.setCellValueFactory(cd -> new ReadOnlyObjectWrapper<>(f.apply(cd.getValue())));
        HeapCells.numeric(c, format);
        c.setPrefWidth(title.startsWith("Δ") ? 100 : 80);
        return c;
    }

    static String holdersText(GrowthRows.Row r) {
        return r.holders().isEmpty() ? "(top level: a GC root)" : String.join(SEPARATOR, r.holders());
    }

    /** The path with every holder's packages cut to initials. */
    private static String compact(String path) {
        return java.util.Arrays.stream(path.split(java.util.regex.Pattern.quote(SEPARATOR)))
                .map(HeapCells::shortPackages).collect(java.util.stream.Collectors.joining(SEPARATOR));
    }

    private void show(Baseline b) {
        Comparison c = b.comparison();
        largestGrowth = Math.max(1, b.growth().stream().mapToLong(r -> r.delta().retainedDelta()).max().orElse(1));
        summary.setText("Baseline " + b.file().getFileName() + "  ·  used heap " + Units.bytes(c.usedBefore()) + " → "
                + Units.bytes(c.usedAfter()) + " (" + Units.bytesDelta(c.usedAfter() - c.usedBefore()) + ")  ·  objects "
                + Units.count(c.objectsBefore()) + " → " + Units.count(c.objectsAfter()) + " ("
                + Units.countDelta(c.objectsAfter() - c.objectsBefore()) + ")  ·  " + Units.count(b.growth().size())
                + (b.growth().size() == 1 ? " dominator path grew" : " dominator paths grew")
                + (c.newClasses().isEmpty() ? "" : "  ·  " + Units.count(c.newClasses().size()) + " classes new since"));
        table.getSortOrder().clear();
        table.setItems(FXCollections.observableArrayList(b.growth()));
        table.setPlaceholder(HeapPanes.placeholder("No dominator grew by more than 0.1 % of the heap since the baseline."));
    }

    private HeapRow selectedRow() {
        GrowthRows.Row r = table.getSelectionModel().getSelectedItem();
        if (r == null) {
            return null;
        }
        return new HeapRow(r.node(), r.className(),
                List.of("Dominator", "Held by", "Objects before", "Objects after", "Retained before", "Retained after", "Δ Retained"),
                List.of(MarkdownRow.code(r.className()), r.holders().isEmpty() ? "top level" : MarkdownRow.code(String.join(" > ", r.holders())),
                        Units.count(r.delta().countBefore()), Units.count(r.delta().countAfter()),
                        Units.bytes(r.delta().retainedBefore()), Units.bytes(r.delta().retainedAfter()),
                        Units.bytesDelta(r.delta().retainedDelta())));
    }

    /** The rows shown, in display order. */
    public List<GrowthRows.Row> shownRows() {
        return List.copyOf(table.getItems());
    }

    /** The line above the table (baseline, used heap and objects before and after). */
    public String summaryText() {
        return summary.getText();
    }

    public TableView<GrowthRows.Row> table() {
        return table;
    }
}
