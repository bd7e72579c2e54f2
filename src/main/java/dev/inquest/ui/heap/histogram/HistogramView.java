package dev.inquest.ui.heap.histogram;

import dev.inquest.format.Units;
import dev.inquest.heap.model.Grouping;
import dev.inquest.heap.model.HistogramRow;
import dev.inquest.heap.query.ClassDelta;
import dev.inquest.heap.query.Comparison;
import dev.inquest.ui.common.FitColumn;
import dev.inquest.ui.heap.HeapCells;
import dev.inquest.ui.heap.HeapContext;
import dev.inquest.ui.heap.HeapPanes;
import dev.inquest.ui.heap.HeapView;
import dev.inquest.ui.heap.HeapRow;
import dev.inquest.ui.heap.MarkdownRow;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import javafx.animation.PauseTransition;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.css.PseudoClass;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.util.Duration;

/**
 * The class histogram: reachable objects per class, package or class loader with count, shallow
 * and retained size; a regex filter; and, with a second dump as baseline, delta columns.
 *
 * <p>The delta columns are the engine's {@link Comparison} (by class and by package) that the
 * document holds, row for row: the view does no join of its own, so the figures here are the
 * ones {@code inquest heap compare} prints.
 *
 * <p>The filter must keep up with typing over 50,000 classes, so each row carries its name in
 * lower case, a plain-text filter is a substring test (no regex engine), and the pattern is
 * compiled once per change, never per row.
 */
public final class HistogramView implements HeapView.Filtered {

    /** One row; the deltas are null until a baseline is chosen. */
    public record Row(String name, String lower, long count, long shallow, long retained, Long countDelta,
            Long shallowDelta, Long retainedDelta) {
    }

    /** Grouping choices, in the words the toolbar uses. */
    public enum GroupBy {
        CLASS("Class", Grouping.CLASS), PACKAGE("Package", Grouping.PACKAGE), LOADER("Class loader", Grouping.LOADER);

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

    private static final Pattern REGEX_CHARS = Pattern.compile("[\\\\^$.|?*+()\\[\\]{}]");

    private final HeapContext doc;
    /** All rows of the grouping, kept in the table's sort order so a filtered subset needs no sort. */
    private List<Row> all = List.of();
    private List<Row> unsorted = List.of();
    private final ObservableList<Row> shown = FXCollections.observableArrayList();
    private final TableView<Row> table = new TableView<>();
    private final TextField filter = new dev.inquest.ui.common.HintField("",
            List.of("Filter by name (regex; plain text matches anywhere)", "Filter by name (regex)", "Filter by name"));
    private final ChoiceBox<GroupBy> groupBy = new ChoiceBox<>();
    private final Button compare = new Button("Compare with baseline...");
    private final Label status = new Label();
    private final PauseTransition debounce = new PauseTransition(Duration.millis(40));
    private final Map<GroupBy, List<HistogramRow>> computed = new java.util.concurrent.ConcurrentHashMap<>();
    private volatile Comparison baseline;
    private Path baselineFile;
    private final BorderPane root = new BorderPane();
    private final List<TableColumn<Row, Long>> deltaColumns = new ArrayList<>();
    private volatile double lastFilterMillis;

    public HistogramView(HeapContext doc) {
        this.doc = doc;
        filter.setId("histogram-filter");
        filter.setPrefColumnCount(30);
        filter.textProperty().addListener((obs, was, is) -> debounce.playFromStart());
        debounce.setOnFinished(e -> applyFilter());
        groupBy.setId("histogram-group");
        groupBy.getItems().setAll(GroupBy.values());
        groupBy.setValue(GroupBy.CLASS);
        groupBy.valueProperty().addListener((obs, was, is) -> load(is));
        compare.setId("histogram-compare");
        compare.setTooltip(new Tooltip("Choose an earlier dump of the same application; the histogram shows what grew"));
        compare.setOnAction(e -> doc.chooseBaseline(compare));
        status.setId("histogram-status");
        status.getStyleClass().add("text-muted");
        status.setMinWidth(Region.USE_PREF_SIZE);
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        javafx.scene.control.ToolBar bar = HeapPanes.toolbar(8, filter, groupBy, compare, gap, status);

        buildTable();
        root.setTop(bar);
        root.setCenter(table);
        load(GroupBy.CLASS);
        doc.onBaseline(b -> {
            baseline = b.comparison();
            baselineFile = b.file();
            load(groupBy.getValue());
        });
    }

    @Override
    public Node node() {
        return root;
    }

    /** A class name with its shorter forms (FitText); a package's or a loader's name as it is. */
    private final class NameCell extends javafx.scene.control.TableCell<Row, String> {
        @Override
        protected void updateItem(String item, boolean empty) {
            super.updateItem(item, empty);
            dev.inquest.ui.common.FitText.clear(this);
            if (empty || item == null) {
                setText(null);
            } else if (groupBy.getValue() == GroupBy.CLASS) {
                dev.inquest.ui.common.FitText.set(this, item, HeapCells.shortPackages(item), HeapCells.simpleName(item));
            } else {
                setText(item);
            }
        }

        @Override
        protected void layoutChildren() {
            super.layoutChildren();
            TableColumn<Row, String> column = getTableColumn();
            if (groupBy.getValue() == GroupBy.CLASS && column != null && getItem() != null) {
                // The whole name's width, up to what the first figure column and the scroll bar leave.
                double whole = dev.inquest.ui.common.FitText.width(getFont(), getItem()) + snappedLeftInset()
                        + snappedRightInset() + 3;
                var shown = table.getVisibleLeafColumns();
                int next = shown.indexOf(column) + 1;
                double figure = next > 0 && next < shown.size() ? shown.get(next).getWidth() : 0;
                double cap = table.getWidth() - table.snappedLeftInset() - table.snappedRightInset() - figure - 16;
                double want = Math.ceil(Math.min(whole, cap));
                if (want > column.getMinWidth()) {
                    column.setMaxWidth(Math.max(column.getMaxWidth(), want));
                    column.setMinWidth(want);
                }
                dev.inquest.ui.common.FitText.refit(this, column);
            } else {
                FitColumn.fit(this, getTableColumn());
            }
        }
    }

    private void buildTable() {
        table.setId("histogram-table");
        dev.inquest.ui.common.MainTable.keepRows(table, 2.0);
        table.getStyleClass().add("dense");
        // Class names widen their column (FitColumn); past the table's width it scrolls to the figures.
        table.setColumnResizePolicy(FitColumn.scrolling(TableView.CONSTRAINED_RESIZE_POLICY_ALL_COLUMNS));
        // Its column titles whole, not "Retain..." (issue 18).
        dev.inquest.ui.common.FitColumn.keepTitlesWhole(table);
        TableColumn<Row, String> name = new TableColumn<>("Class");
        name.setId("col-name");
        name.textProperty().bind(groupBy.valueProperty().map(g -> g.label));
        name.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().name()));
        // The name has priority: its column widens to the widest name and the table scrolls, but
        // not past the first figure column: beyond that the names take their shorter forms
        // (packages as initials, then the simple name), issue 18 (presenting at 1024x700).
        name.setCellFactory(c -> new NameCell());
        name.setPrefWidth(460);
        TableColumn<Row, Long> count = longColumn("Objects", Row::count, HeapCells.Format.COUNT);
        TableColumn<Row, Long> shallow = longColumn("Shallow", Row::shallow, HeapCells.Format.BYTES);
        TableColumn<Row, Long> retained = longColumn("Retained", Row::retained, HeapCells.Format.BYTES);
        retained.setId("col-retained");
        shallow.setSortType(TableColumn.SortType.DESCENDING);
        TableColumn<Row, Long> dCount = longColumn("Δ Objects", Row::countDelta, HeapCells.Format.COUNT_DELTA);
        TableColumn<Row, Long> dShallow = longColumn("Δ Shallow", Row::shallowDelta, HeapCells.Format.BYTES_DELTA);
        TableColumn<Row, Long> dRetained = longColumn("Δ Retained", Row::retainedDelta, HeapCells.Format.BYTES_DELTA);
        dShallow.setId("col-delta-shallow");
        deltaColumns.addAll(List.of(dCount, dShallow, dRetained));
        deltaColumns.forEach(c -> c.setVisible(false));
        table.getColumns().setAll(List.of(name, count, shallow, retained, dCount, dShallow, dRetained));

        // One replace per filter or sort, rather than FilteredList/SortedList events per row:
        // with 50,000 classes those cost more than the filtering itself.
        table.setItems(shown);
        table.setSortPolicy(t -> {
            sortAll();
            applyFilter();
            return true;
        });
        table.setContextMenu(doc.actions().menu(this::selectedRow));
        table.setOnMouseClicked(e -> {
            if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2 && groupBy.getValue() == GroupBy.CLASS) {
                Row r = table.getSelectionModel().getSelectedItem();
                if (r != null) {
                    doc.showClassInDominators(r.name());
                }
            }
        });
        table.setPlaceholder(HeapPanes.placeholder("Computing the histogram..."));
    }

    private TableColumn<Row, Long> longColumn(String title, java.util.function.Function<Row, Long> f, HeapCells.Format format) {
        TableColumn<Row, Long> c = new TableColumn<>(title);
        c.setCellValueFactory(cd -> new ReadOnlyObjectWrapper<>(f.apply(cd.getValue())));
        HeapCells.numeric(c, format);
        c.setPrefWidth(title.startsWith("Δ") ? 110 : 100);
        return c;
    }

    private HeapRow selectedRow() {
        Row r = table.getSelectionModel().getSelectedItem();
        if (r == null) {
            return null;
        }
        List<String> headers = new ArrayList<>(List.of(groupBy.getValue().label, "Objects", "Shallow", "Retained"));
        List<String> cells = new ArrayList<>(List.of(MarkdownRow.code(r.name()), Units.count(r.count()),
                Units.bytes(r.shallow()), Units.bytes(r.retained())));
        if (r.countDelta() != null) {
            headers.addAll(List.of("Δ Objects", "Δ Shallow", "Δ Retained"));
            cells.addAll(List.of(Units.countDelta(r.countDelta()), Units.bytesDelta(r.shallowDelta()),
                    Units.bytesDelta(r.retainedDelta())));
        }
        return groupBy.getValue() == GroupBy.CLASS ? HeapRow.ofClass(r.name(), headers, cells) : new HeapRow(-1, r.name(), headers, cells);
    }

    /**
     * Shows the rows of a grouping, from the engine's histogram or, with a baseline, from the
     * engine's comparison (its class or package deltas already carry this dump's figures). Built in
     * the background: 50,000 rows are too many for the FX thread.
     */
    private void load(GroupBy g) {
        status.setText("Computing...");
        Comparison base = baseline;
        List<ClassDelta> deltas = deltasOf(base, g);
        doc.run("Histogram by " + g.label.toLowerCase(Locale.ROOT), p -> {
            if (deltas != null) {
                return fromComparison(deltas);
            }
            List<HistogramRow> rows = computed.get(g);
            if (rows == null) {
                rows = doc.dump().histogram(g.grouping);
                computed.put(g, rows);
            }
            return fromHistogram(rows);
        }, rows -> {
            if (groupBy.getValue() == g && base == baseline) {
                showRows(g, rows, deltas != null);
            }
        });
    }

    private void showRows(GroupBy g, List<Row> rows, boolean deltas) {
        unsorted = rows;
        sortAll();
        deltaColumns.forEach(c -> c.setVisible(deltas));
        table.setPlaceholder(HeapPanes.placeholder("No " + g.label.toLowerCase(Locale.ROOT) + " matches the filter."));
        applyFilter();
    }

    /**
     * The comparison's rows for a grouping, or null when there are no deltas to show: no baseline,
     * or class loaders (rows named by address, which never match across dumps).
     */
    static List<ClassDelta> deltasOf(Comparison c, GroupBy g) {
        if (c == null) {
            return null;
        }
        return switch (g) {
            case CLASS -> c.classes();
            case PACKAGE -> c.packages();
            case LOADER -> null;
        };
    }

    static List<Row> fromHistogram(List<HistogramRow> rows) {
        List<Row> out = new ArrayList<>(rows.size());
        for (HistogramRow r : rows) {
            out.add(new Row(r.name(), r.name().toLowerCase(Locale.ROOT), r.count(), r.shallow(), r.retained(), null, null, null));
        }
        return out;
    }

    /** One row per delta, gone classes included (count 0 now): a negative delta is a finding too. */
    static List<Row> fromComparison(List<ClassDelta> deltas) {
        List<Row> out = new ArrayList<>(deltas.size());
        for (ClassDelta d : deltas) {
            out.add(new Row(d.name(), d.name().toLowerCase(Locale.ROOT), d.countAfter(), d.shallowAfter(), d.retainedAfter(),
                    d.countDelta(), d.shallowDelta(), d.retainedDelta()));
        }
        return out;
    }

    private void sortAll() {
        java.util.Comparator<Row> c = table.getComparator();
        if (c == null) {
            all = unsorted;
        } else {
            List<Row> copy = new ArrayList<>(unsorted);
            copy.sort(c);
            all = copy;
        }
    }

    private void applyFilter() {
        long t0 = System.nanoTime();
        String text = filter.getText() == null ? "" : filter.getText().strip();
        Predicate<Row> p;
        if (text.isEmpty()) {
            p = null;
        } else if (!REGEX_CHARS.matcher(text).find()) {
            String needle = text.toLowerCase(Locale.ROOT);
            p = r -> r.lower().contains(needle);
        } else {
            try {
                Pattern pattern = Pattern.compile(text, Pattern.CASE_INSENSITIVE);
                p = r -> pattern.matcher(r.name()).find();
            } catch (PatternSyntaxException e) {
                filter.pseudoClassStateChanged(PseudoClass.getPseudoClass("danger"), true);
                status.setText("Not a regular expression: " + e.getDescription());
                return;
            }
        }
        filter.pseudoClassStateChanged(PseudoClass.getPseudoClass("danger"), false);
        List<Row> kept;
        if (p == null) {
            kept = all;
        } else {
            kept = new ArrayList<>();
            for (Row r : all) {
                if (p.test(r)) {
                    kept.add(r);
                }
            }
        }
        shown.setAll(kept);
        lastFilterMillis = (System.nanoTime() - t0) / 1e6;
        String noun = groupBy.getValue() == GroupBy.CLASS ? "classes" : groupBy.getValue() == GroupBy.PACKAGE ? "packages" : "class loaders";
        status.setText((p == null ? Units.count(all.size()) : Units.count(kept.size()) + " of " + Units.count(all.size()))
                + " " + noun + (baselineFile == null ? "" : "  ·  baseline " + baselineFile.getFileName()));
    }

    /** How long the last filter change took on the FX thread, in milliseconds. */
    public double lastFilterMillis() {
        return lastFilterMillis;
    }

    /** The rows now shown, in display order. */
    public List<Row> shownRows() {
        return List.copyOf(table.getItems());
    }

    public int totalRows() {
        return all.size();
    }

    /**
     * Uses another dump (typically an earlier one of the same application) as baseline: the
     * document compares the two in the background and the delta columns appear.
     */
    public void compareWith(Path file) {
        doc.compareWith(file);
    }

    /** Switches the grouping (as the toolbar's choice box does); the rows follow in the background. */
    public void setGroupBy(GroupBy g) {
        groupBy.setValue(Objects.requireNonNull(g));
    }

    /** The grouping now shown. */
    public GroupBy groupBy() {
        return groupBy.getValue();
    }

    /** Sets the filter text at once, skipping the typing debounce (tests and links from other views). */
    @Override
    public void setFilter(String text) {
        filter.setText(text);
        debounce.stop();
        applyFilter();
    }
}
