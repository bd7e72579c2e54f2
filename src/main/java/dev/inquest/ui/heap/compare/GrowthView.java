package dev.inquest.ui.heap.compare;

import dev.inquest.format.Units;
import dev.inquest.heap.query.Comparison;
import dev.inquest.ui.common.FitColumn;
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
import javafx.scene.control.Labeled;
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
    private static final String TOP_LEVEL = "(top level: a GC root)";

    private final HeapContext doc;
    private final BorderPane root = new BorderPane();
    private final TableView<GrowthRows.Row> table = new TableView<>() {
        @Override
        protected void layoutChildren() {
            super.layoutChildren();
            yieldColumns();
        }
    };
    private final TableColumn<GrowthRows.Row, String> dominator = new TableColumn<>("Dominator");
    private final TableColumn<GrowthRows.Row, GrowthRows.Row> holders = new TableColumn<>("Held by");
    private final TableColumn<GrowthRows.Row, Long> objects = new TableColumn<>("Objects");
    private final TableColumn<GrowthRows.Row, Double> share = new TableColumn<>("Growth");
    /** The retained figures: they and the name never yield. */
    private final List<TableColumn<GrowthRows.Row, Long>> figures = new java.util.ArrayList<>();
    /** Secondary columns the reader showed or hid from the header's menu: the width no longer decides them. */
    private final java.util.Map<TableColumn<GrowthRows.Row, ?>, Boolean> chosen = new java.util.HashMap<>();
    /** True while the width decides the columns' visibility (not the reader). */
    private boolean yielding;
    /** The width the widest whole dominator name shown so far needs, icon and padding included. */
    private double nameWants;
    /** The table's type size, as its cells were last laid out (the window's zoom, presentation). */
    private double em = 13;
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
        // Its header is two lines (Objects / Before, After): the inspector below gives way first (issue 18).
        dev.inquest.ui.common.MainTable.keepRows(table, 3.4);
        table.getStyleClass().add("dense");
        table.setColumnResizePolicy(FitColumn.scrolling(TableView.CONSTRAINED_RESIZE_POLICY_ALL_COLUMNS));
        // Its column titles whole, not "Retain..." (issue 18).
        dev.inquest.ui.common.FitColumn.keepTitlesWhole(table);
        // The secondary columns a narrow window hides can be shown again from the header's menu.
        table.setTableMenuButtonVisible(true);
        dominator.setId("col-growth-dominator");
        dominator.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().className()));
        dominator.setCellFactory(c -> new TableCell<>() {
            private String shortest;

            @Override
            protected void layoutChildren() {
                super.layoutChildren();
                FitText.refit(this);
                // The column is never narrower than the shortest form of any name it shows.
                FitColumn.fitShortest(this, getTableColumn(), shortest);
                em = getFont().getSize();
                if (getText() != null && !isEmpty()) {
                    nameWants = Math.max(nameWants, FitText.width(getFont(), getItem()) + graphicWidth(this) + snappedLeftInset()
                            + snappedRightInset() + 3);
                }
            }

            @Override
            protected void updateItem(String s, boolean empty) {
                super.updateItem(s, empty);
                if (empty || s == null) {
                    FitText.clear(this);
                    shortest = null;
                    setText(null);
                    setGraphic(null);
                    setTooltip(null);
                    return;
                }
                setGraphic(HeapCells.iconFor(s, false));
                // The whole name, else packages to initials, else none: never "java.util...".
                shortest = HeapCells.simpleName(s);
                FitText.set(this, s, HeapCells.shortPackages(s), shortest);
                setTooltip(new Tooltip(s));
            }
        });
        dominator.setPrefWidth(260);
        holders.setId("col-growth-holders");
        holders.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue()));
        holders.setCellFactory(c -> new TableCell<>() {
            private String shortest;

            @Override
            protected void layoutChildren() {
                super.layoutChildren();
                FitText.refit(this);
                FitColumn.fitShortest(this, getTableColumn(), shortest);
            }

            @Override
            protected void updateItem(GrowthRows.Row r, boolean empty) {
                super.updateItem(r, empty);
                if (empty || r == null) {
                    FitText.clear(this);
                    shortest = null;
                    setText(null);
                    setTooltip(null);
                    return;
                }
                String[] forms = holderForms(r);
                shortest = forms[forms.length - 1];
                // The whole path, then packages to initials, then only the nearest holder: it is at the end.
                FitText.set(this, forms[0], java.util.Arrays.copyOfRange(forms, 1, forms.length));
                // The tooltip has the whole dominator path, one holder per line (the title is short to leave the names room).
                setTooltip(new Tooltip("Dominator path:\n  " + holdersText(r).replace(SEPARATOR, "\n  › ")));
            }
        });
        holders.setPrefWidth(300);
        holders.setComparator(java.util.Comparator.comparing(GrowthView::holdersText));
        TableColumn<GrowthRows.Row, Long> objectsBefore = number("Before", r -> r.delta().countBefore(), HeapCells.Format.COUNT);
        TableColumn<GrowthRows.Row, Long> objectsAfter = number("After", r -> r.delta().countAfter(), HeapCells.Format.COUNT);
        TableColumn<GrowthRows.Row, Long> before = number("Before", r -> r.delta().retainedBefore(), HeapCells.Format.BYTES);
        TableColumn<GrowthRows.Row, Long> after = number("After", r -> r.delta().retainedAfter(), HeapCells.Format.BYTES);
        TableColumn<GrowthRows.Row, Long> delta = number("Δ", r -> r.delta().retainedDelta(), HeapCells.Format.BYTES_DELTA);
        delta.setId("col-growth-delta");
        delta.setSortType(TableColumn.SortType.DESCENDING);
        share.setId("col-growth-share");
        share.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().delta().retainedDelta() / (double) largestGrowth));
        share.setCellFactory(c -> ShareBarCell.forTable());
        share.setPrefWidth(110);
        share.setMaxWidth(160);
        share.setSortable(false);
        // Grouped headers keep the six figures narrow: "Objects: before, after", "Retained: before, after, Δ".
        objects.setId("col-growth-objects");
        objects.getColumns().setAll(List.of(objectsBefore, objectsAfter));
        TableColumn<GrowthRows.Row, Long> retained = new TableColumn<>("Retained");
        retained.getColumns().setAll(List.of(before, after, delta));
        figures.addAll(List.of(before, after, delta));
        table.getColumns().setAll(List.of(dominator, holders, objects, retained, share));
        // Names fit anew at presentation's type and a narrower width: a minimum grown at another
        // layout held the first figure past the table's width (issue 18).
        FitColumn.refitOnResize(table);
        // A column the reader showed or hid from the header's menu stays so; the others follow the width.
        for (TableColumn<GrowthRows.Row, ?> c : List.of(holders, objects, share)) {
            c.visibleProperty().addListener((o, was, is) -> {
                if (!yielding) {
                    chosen.put(c, is);
                }
            });
        }
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

    private static double graphicWidth(Labeled cell) {
        Node g = cell.getGraphic();
        return g == null ? 0 : g.prefWidth(-1) + cell.getGraphicTextGap();
    }

    /**
     * After each layout of the table: the figure columns fit their titles, and the secondary
     * columns (the growth bar first, then the object counts, then the holders) yield while the
     * name and the retained figures would not fit with them, by a margin of two ems (a scroll bar,
     * a longer name in the next dump). The columns' widths are the ones the cells measured.
     */
    private void yieldColumns() {
        FitColumn.fitHeaders(table);
        double room = table.getWidth() - table.snappedLeftInset() - table.snappedRightInset() - 2 * em;
        if (room <= 0 || table.getItems().isEmpty()) {
            return;
        }
        double needed = dominator.getMinWidth() + figures.stream().mapToDouble(TableColumn::getMinWidth).sum();
        // The holders first: who keeps what grew is what this view adds to the histogram.
        double[] wants = {
            holders.getMinWidth(),
            objects.getColumns().stream().mapToDouble(TableColumn::getMinWidth).sum(),
            // The whole name before the bar: the bar repeats the Δ column.
            Math.max(0, nameWants - dominator.getMinWidth()),
            share.getMinWidth()};
        int shown = ColumnYield.shown(room, needed, wants);
        List<TableColumn<GrowthRows.Row, ?>> secondary = java.util.Arrays.asList(holders, objects, null, share);
        yielding = true;
        try {
            for (int i = 0; i < secondary.size(); i++) {
                TableColumn<GrowthRows.Row, ?> c = secondary.get(i);
                if (c != null) {
                    Boolean user = chosen.get(c);
                    boolean visible = user != null ? user : i < shown;
                    if (c.isVisible() != visible) {
                        c.setVisible(visible);
                    }
                }
            }
        } finally {
            yielding = false;
        }
    }

    /** Which secondary columns fit, in order of importance; no JavaFX. */
    static final class ColumnYield {
        private ColumnYield() {
        }

        /**
         * How many of the secondary {@code wants} (widths, most important first) fit in {@code room}
         * beside the {@code needed} width: the first that does not fit yields with all after it, so
         * a less important column never shows while a more important one is hidden.
         */
        static int shown(double room, double needed, double[] wants) {
            double used = needed;
            for (int i = 0; i < wants.length; i++) {
                used += wants[i];
                if (used > room) {
                    return i;
                }
            }
            return wants.length;
        }
    }

    private static TableColumn<GrowthRows.Row, Long> number(String title, Function<GrowthRows.Row, Long> f, HeapCells.Format format) {
        TableColumn<GrowthRows.Row, Long> c = new TableColumn<>(title);
        c.setCellValueFactory(cd -> new ReadOnlyObjectWrapper<>(f.apply(cd.getValue())));
        HeapCells.numeric(c, format);
        // As wide as its widest figure or its title (FitColumn widens both bounds), no wider: the
        // rest of the width goes to the names.
        c.setMinWidth(32);
        c.setPrefWidth(32);
        c.setMaxWidth(32);
        return c;
    }

    /**
     * The holders' path in shorter and shorter forms: whole, packages to initials, then only the
     * nearest holder (at the end of the path, the one that keeps the row's object) with its
     * packages to initials, then without them.
     */
    static String[] holderForms(GrowthRows.Row r) {
        if (r.holders().isEmpty()) {
            return new String[] {TOP_LEVEL, "(GC root)"};
        }
        String full = String.join(SEPARATOR, r.holders());
        String nearest = r.holders().getLast();
        String more = r.holders().size() > 1 ? "…" + SEPARATOR : "";
        return new String[] {full, compact(full), more + HeapCells.shortPackages(nearest), more + HeapCells.simpleName(nearest)};
    }

    static String holdersText(GrowthRows.Row r) {
        return r.holders().isEmpty() ? TOP_LEVEL : String.join(SEPARATOR, r.holders());
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
        nameWants = 0;
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
