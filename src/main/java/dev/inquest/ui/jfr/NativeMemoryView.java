package dev.inquest.ui.jfr;

import dev.inquest.format.Units;
import dev.inquest.jfr.nativemem.NativeMemory;
import dev.inquest.jfr.nativemem.NativeMemory.Kind;
import dev.inquest.jfr.nativemem.NativeMemory.Point;
import dev.inquest.jfr.nativemem.NativeMemory.Series;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Point2D;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.cell.CheckBoxTableCell;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.Pane;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;

/**
 * Memory beyond the heap over the recording, on one chart: resident set size, committed heap and
 * heap after GC, metaspace, code cache, direct buffers, native memory tracking (total and, when
 * ticked, per category) and the gap between resident set and committed heap. Above it the engine's
 * sentence on the gap and what the recording lacks; below it the series' figures, each row's box
 * putting the series on the chart or taking it off. Hovering the chart gives every shown series'
 * value at that moment. The selected row pins as evidence (Ctrl+P): the engine's figures of that
 * series over the range dragged on the heap chart, shown above the chart.
 */
final class NativeMemoryView extends BorderPane implements JfrDocument.LazyView, dev.inquest.ui.view.EvidenceSourceView {
    /** Shown when the view opens; NMT categories wait for a tick, except those that grew most. */
    private static final Set<Kind> SHOWN = EnumSet.of(Kind.RSS, Kind.HEAP_COMMITTED, Kind.HEAP_AFTER_GC, Kind.METASPACE,
            Kind.CODE_CACHE, Kind.DIRECT_BUFFERS, Kind.NMT_TOTAL, Kind.GAP);
    /** NMT categories ticked at first: those that grew by at least this much, at most {@link #GROWERS_SHOWN}. */
    private static final long GROWTH_SHOWN = 8L << 20;
    private static final int GROWERS_SHOWN = 3;
    /** More points than this per series and the chart draws each bucket's lowest and highest instead. */
    static final int MAX_DRAWN = 1500;
    private static final double MIB = 1 << 20;
    /**
     * A colour per kind, so a line keeps its colour whichever rows are ticked (the chart's own
     * palette has eight and goes by position); mid tones that read on the light and the dark theme.
     */
    private static final java.util.Map<Kind, String> COLOURS = new java.util.EnumMap<>(java.util.Map.of(
            Kind.RSS, "#d62728", Kind.HEAP_COMMITTED, "#1f77b4", Kind.HEAP_AFTER_GC, "#2ca02c",
            Kind.METASPACE, "#17becf", Kind.CODE_CACHE, "#8c564b", Kind.DIRECT_BUFFERS, "#9467bd",
            Kind.NMT_TOTAL, "#e377c2", Kind.GAP, "#ff7f0e"));
    /** NMT categories, in the table's order (largest first). */
    private static final List<String> CATEGORY_COLOURS = List.of("#7f7f7f", "#bcbd22", "#aec7e8", "#98df8a", "#c5b0d5",
            "#c49c94", "#f7b6d2", "#dbdb8d", "#9edae5", "#ffbb78");

    /** A row of the table: a series and whether the chart shows it. */
    static final class Row {
        final Series series;
        final SimpleBooleanProperty shown = new SimpleBooleanProperty();

        Row(Series series, boolean shown) {
            this.series = series;
            this.shown.set(shown);
        }

        Series series() {
            return series;
        }
    }

    private final JfrContext doc;
    private final NumberAxis x = new NumberAxis();
    private final NumberAxis y = new NumberAxis();
    private final LineChart<Number, Number> chart = new LineChart<>(x, y);
    private final Label headline = new Label();
    private final Label absent = new Label();
    private final Label hover = new Label();
    /** The document's range on the chart (dragged here or on the heap chart): what a pinned series covers. */
    private final javafx.scene.shape.Rectangle band = new javafx.scene.shape.Rectangle();
    private final Pane overlay = new Pane(band, hover);
    private final ChartRangeBand rangeBand;
    private final TableView<Row> table = new TableView<>();
    private final Label rangeLabel = new Label();
    private boolean loaded;
    private NativeMemory memory;
    /** A series a pinned locator named before the series were read: selected once they are. */
    private String[] pendingReveal;

    NativeMemoryView(JfrContext doc) {
        this.doc = doc;
        setId("jfr-native-view");
        x.setLabel("seconds since start");
        x.setForceZeroInRange(false);
        y.setLabel("memory");
        // Values are in MiB; the ticks say them as the rest of the window does ("64.0 MB").
        y.setTickLabelFormatter(new StringConverter<>() {
            @Override
            public String toString(Number v) {
                return Units.bytes(v.doubleValue() * MIB);
            }

            @Override
            public Number fromString(String s) {
                throw new UnsupportedOperationException();
            }
        });
        chart.setId("jfr-native-chart");
        chart.setCreateSymbols(false);
        chart.setAnimated(false);
        chart.setLegendVisible(true);
        hover.setId("jfr-native-hover");
        hover.getStyleClass().add("chart-hover");
        hover.setStyle("-fx-background-color: -color-bg-default; -fx-border-color: -color-border-default;"
                + " -fx-padding: 4 8 4 8; -fx-background-radius: 3; -fx-border-radius: 3;");
        hover.setVisible(false);
        hover.setManaged(false);
        hover.setMouseTransparent(true);
        overlay.setMouseTransparent(true);
        overlay.setPickOnBounds(false);
        StackPane stack = new StackPane(chart, overlay);
        chart.setOnMouseMoved(e -> showHover(e.getSceneX(), e.getSceneY()));
        chart.setOnMouseExited(e -> hover.setVisible(false));
        band.getStyleClass().add("range-band");
        band.setId("jfr-native-band");
        band.setManaged(false);
        band.setVisible(false);
        rangeBand = new ChartRangeBand(doc, chart, x, overlay, band, this::placeBand);
        // The band follows the range, and the axis when the chart is resized or its lines change.
        doc.rangeProperty().addListener((o, was, is) -> placeBand());
        x.lowerBoundProperty().addListener((o, was, is) -> placeBand());
        x.upperBoundProperty().addListener((o, was, is) -> placeBand());
        chart.widthProperty().addListener((o, was, is) -> javafx.application.Platform.runLater(this::placeBand));
        chart.heightProperty().addListener((o, was, is) -> javafx.application.Platform.runLater(this::placeBand));

        headline.setId("jfr-native-headline");
        headline.getStyleClass().add("title-4");
        headline.setWrapText(true);
        absent.setId("jfr-native-absent");
        absent.getStyleClass().add("text-muted");
        absent.setWrapText(true);
        absent.setManaged(false);
        absent.visibleProperty().bind(absent.managedProperty());
        Label hint = new Label("Tick a row to chart it; hover the chart for the values at a moment; drag across it"
                + " for a range; select a row and pin it (Ctrl+P) as evidence over the range.");
        hint.getStyleClass().add("text-muted");
        hint.setWrapText(true);
        // The range pinned figures cover: the one dragged on the heap chart, as the flame graphs' bars say it.
        rangeLabel.setId("jfr-native-range");
        RangeControls.show(rangeLabel, doc);
        Label rangeTitle = new Label("Range");
        rangeTitle.getStyleClass().add("text-muted");
        javafx.scene.layout.HBox range = new javafx.scene.layout.HBox(6, rangeTitle, rangeLabel, RangeControls.clearButton(doc));
        range.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        VBox header = new VBox(4, headline, absent, hint, range);
        header.setPadding(new Insets(10, 16, 4, 16));
        setTop(header);

        buildTable();
        SplitPane split = new SplitPane(stack, table);
        split.setOrientation(Orientation.VERTICAL);
        split.setDividerPositions(0.62);
        setCenter(split);
    }

    private void buildTable() {
        table.setId("jfr-native-table");
        dev.inquest.ui.common.FitColumn.keepTitlesWhole(table);
        table.setEditable(true);
        TableColumn<Row, Boolean> shown = new TableColumn<>("Chart");
        shown.setCellValueFactory(c -> c.getValue().shown);
        shown.setCellFactory(CheckBoxTableCell.forTableColumn(shown));
        shown.setEditable(true);
        shown.setPrefWidth(56);
        shown.setSortable(false);
        TableColumn<Row, String> name = new TableColumn<>("Series");
        name.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().series.label()));
        name.setCellFactory(dev.inquest.ui.common.FitColumn.textCells());
        name.setPrefWidth(260);
        table.getColumns().add(shown);
        table.getColumns().add(name);
        table.getColumns().add(figure("First", NativeMemory.Stats::first, false));
        table.getColumns().add(figure("Last", NativeMemory.Stats::last, false));
        table.getColumns().add(figure("Min", NativeMemory.Stats::min, false));
        table.getColumns().add(figure("Max", NativeMemory.Stats::max, false));
        table.getColumns().add(figure("Growth", NativeMemory.Stats::growth, true));
        table.getColumns().add(FlameView.numeric("Points", r -> (long) r.series.stats().points(), Units::count));
        table.getColumns().forEach(c -> {
            if (c != name && c != shown) {
                c.setPrefWidth(100);
            }
        });
        table.setColumnResizePolicy(dev.inquest.ui.common.FitColumn.scrolling(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN));
        table.setPlaceholder(new Label("Reading memory beyond the heap\u2026"));
    }

    /** A figure of the row's series, in bytes or as a count as the series measures; sorted by value. */
    private static TableColumn<Row, Row> figure(String title, java.util.function.ToLongFunction<NativeMemory.Stats> f,
            boolean delta) {
        TableColumn<Row, Row> col = new TableColumn<>(title);
        col.setCellValueFactory(c -> new javafx.beans.property.ReadOnlyObjectWrapper<>(c.getValue()));
        col.setComparator(java.util.Comparator.comparingLong(r -> f.applyAsLong(r.series.stats())));
        col.setCellFactory(c -> new javafx.scene.control.TableCell<>() {
            @Override
            protected void updateItem(Row item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : format(item.series, f.applyAsLong(item.series.stats()), delta));
            }

            @Override
            protected void layoutChildren() {
                super.layoutChildren();
                // The column widens to its widest figure; past the pane's width the table scrolls.
                dev.inquest.ui.common.FitColumn.fit(this, getTableColumn());
            }
        });
        col.getStyleClass().add("numeric");
        return col;
    }

    static String format(Series s, long v, boolean delta) {
        if (s.kind().bytes()) {
            return delta ? Units.bytesDelta(v) : Units.bytes(v);
        }
        return delta ? Units.countDelta(v) : Units.count(v);
    }

    @Override
    public void ensureLoaded() {
        if (loaded) {
            return;
        }
        loaded = true;
        doc.run("Reading memory beyond the heap", p -> doc.recording().nativeMemory(p), this::show,
                failure -> doc.showError("Cannot read memory beyond the heap", failure));
    }

    private void show(NativeMemory m) {
        headline.setText(m.headline());
        List<Series> missing = m.series().stream().filter(s -> !s.recorded()).toList();
        if (!missing.isEmpty()) {
            // One line per reason: NMT's two series share theirs, direct buffers' two theirs.
            Map<String, List<String>> byReason = new LinkedHashMap<>();
            for (Series s : missing) {
                byReason.computeIfAbsent(s.absence(), k -> new ArrayList<>()).add(s.label());
            }
            absent.setText("Not in this recording: " + byReason.entrySet().stream()
                    .map(e -> names(e.getValue()) + " (" + e.getKey() + ")").collect(Collectors.joining("; ")) + ".");
            absent.setManaged(true);
        }
        Set<Series> growers = m.nmtCategories().stream().filter(s -> s.stats().growth() >= GROWTH_SHOWN)
                .sorted(java.util.Comparator.comparingLong((Series s) -> -s.stats().growth())).limit(GROWERS_SHOWN)
                .collect(Collectors.toSet());
        List<Row> rows = new ArrayList<>();
        for (Series s : m.series()) {
            if (s.recorded()) {
                Row r = new Row(s, s.kind().bytes() && (SHOWN.contains(s.kind()) || growers.contains(s)));
                r.shown.addListener((o, was, is) -> redraw());
                rows.add(r);
            }
        }
        table.setItems(FXCollections.observableArrayList(rows));
        table.setPlaceholder(new Label("No memory series in this recording"));
        this.memory = m;
        redraw();
        if (pendingReveal != null) {
            String[] r = pendingReveal;
            pendingReveal = null;
            reveal(r[0], r[1]);
        }
    }

    /**
     * The selected series as evidence: the engine's sentence and figures over the document's range
     * (the whole recording when none), with the way back to this tab on that series; empty with no
     * row selected or no point of it in the range.
     */
    @Override
    public java.util.Optional<dev.inquest.investigation.model.Evidence> evidenceForSelection() {
        Row r = table.getSelectionModel().getSelectedItem();
        if (r == null || memory == null) {
            return java.util.Optional.empty();
        }
        return dev.inquest.link.RecordingEvidence.nativeSeries(doc.summary().file(), doc.artifactPath(), r.series,
                doc.summary().start(), doc.rangeLocator());
    }

    /**
     * Selects (and charts) the series a pinned locator names: its kind's id ("rss") and, for an NMT
     * category, the category; once the series are read when they are not yet.
     */
    void reveal(String seriesId, String category) {
        if (memory == null) {
            pendingReveal = new String[] {seriesId, category};
            ensureLoaded();
            return;
        }
        for (Row r : table.getItems()) {
            if (r.series.kind().id().equals(seriesId) && java.util.Objects.equals(r.series.category(), category)) {
                r.shown.set(r.series.kind().bytes() || r.shown.get());
                table.getSelectionModel().select(r);
                table.scrollTo(r);
                return;
            }
        }
        doc.status("This recording has no " + (category == null ? seriesId : seriesId + " " + category) + " series");
    }

    /** Sets the document's range from seconds since the recording started. */
    void selectRange(double fromSeconds, double toSeconds) {
        rangeBand.select(fromSeconds, toSeconds);
    }

    /** The band over the document's range, clipped to the plot; hidden for the whole recording. */
    private void placeBand() {
        JfrDocument.Range r = doc.rangeProperty().get();
        if (r == null || chart.getData().isEmpty()) {
            band.setVisible(false);
            return;
        }
        double from = Math.max(x.getLowerBound(), seconds(r.from()));
        double to = Math.min(x.getUpperBound(), seconds(r.to()));
        if (to <= from) {
            band.setVisible(false);
            return;
        }
        rangeBand.show(from, to);
    }


    /** The range band, for tests. */
    javafx.scene.shape.Rectangle band() {
        return band;
    }

    /** "a", "a and b", "a, b and c". */
    private static String names(List<String> labels) {
        return labels.size() == 1 ? labels.getFirst()
                : String.join(", ", labels.subList(0, labels.size() - 1)) + " and " + labels.getLast();
    }

    /** The chart's lines: the ticked rows, each thinned to at most {@link #MAX_DRAWN} points. */
    private void redraw() {
        List<XYChart.Series<Number, Number>> lines = new ArrayList<>();
        for (Row r : table.getItems()) {
            if (!r.shown.get() || !r.series.kind().bytes()) {
                continue;
            }
            XYChart.Series<Number, Number> line = new XYChart.Series<>();
            line.setName(r.series.label());
            for (Point p : thin(r.series.points(), MAX_DRAWN)) {
                line.getData().add(new XYChart.Data<>(seconds(p.time()), p.value() / MIB));
            }
            if (line.getData().size() == 1) {
                // One point draws no line: give it the chart's symbol.
                line.getData().getFirst().setNode(new StackPane());
            }
            lines.add(line);
        }
        chart.getData().setAll(lines);
        colour();
        javafx.application.Platform.runLater(this::placeBand);
    }

    /** Each line and its legend mark in its series' colour; the gap, the view's subject, drawn thicker. */
    private void colour() {
        Map<String, String> byName = new java.util.HashMap<>();
        int category = 0;
        for (Row r : table.getItems()) {
            String c = r.series.kind() == Kind.NMT_CATEGORY ? CATEGORY_COLOURS.get(category++ % CATEGORY_COLOURS.size())
                    : COLOURS.getOrDefault(r.series.kind(), "#7f7f7f");
            byName.put(r.series.label(), c);
        }
        for (XYChart.Series<Number, Number> line : chart.getData()) {
            String c = byName.get(line.getName());
            if (line.getNode() != null && c != null) {
                line.getNode().setStyle("-fx-stroke: " + c + "; -fx-stroke-width: " + (line.getName().equals(Kind.GAP.label()) ? 3.5 : 2) + "px;");
            }
            for (XYChart.Data<Number, Number> d : line.getData()) {
                if (d.getNode() != null && c != null) {
                    d.getNode().setStyle("-fx-background-color: " + c + ";");
                }
            }
        }
        for (javafx.scene.Node item : chart.lookupAll(".chart-legend-item")) {
            if (item instanceof Label l && byName.containsKey(l.getText()) && l.getGraphic() != null) {
                l.getGraphic().setStyle("-fx-background-color: " + byName.get(l.getText()) + "; -fx-background-radius: 6px;"
                        + " -fx-padding: 5px;");
            }
        }
    }

    /** The colour a charted series is drawn in (its line's stroke), for tests. */
    String colourOf(String seriesName) {
        return chart.getData().stream().filter(s -> s.getName().equals(seriesName) && s.getNode() != null).findFirst()
                .map(s -> s.getNode().getStyle()).orElse(null);
    }

    /**
     * At most about {@code max} points: past it, each of {@code max / 2} buckets in time keeps its
     * lowest and highest point, so a spike stays visible where every n-th point would drop it.
     */
    static List<Point> thin(List<Point> points, int max) {
        if (points.size() <= max) {
            return points;
        }
        int buckets = max / 2;
        List<Point> out = new ArrayList<>(max);
        for (int b = 0; b < buckets; b++) {
            int from = (int) ((long) points.size() * b / buckets);
            int to = (int) ((long) points.size() * (b + 1) / buckets);
            Point lo = points.get(from);
            Point hi = lo;
            for (int i = from; i < to; i++) {
                Point p = points.get(i);
                lo = p.value() < lo.value() ? p : lo;
                hi = p.value() > hi.value() ? p : hi;
            }
            if (lo == hi) {
                out.add(lo);
            } else if (lo.time().isBefore(hi.time())) {
                out.add(lo);
                out.add(hi);
            } else {
                out.add(hi);
                out.add(lo);
            }
        }
        return out;
    }

    private double seconds(Instant t) {
        return Duration.between(doc.summary().start(), t).toMillis() / 1000.0;
    }

    private void showHover(double sceneX, double sceneY) {
        Point2D p = x.sceneToLocal(sceneX, sceneY);
        if (p == null || memory == null || chart.getData().isEmpty()) {
            hover.setVisible(false);
            return;
        }
        double at = x.getValueForDisplay(p.getX()).doubleValue();
        if (at < x.getLowerBound() || at > x.getUpperBound()) {
            hover.setVisible(false);
            return;
        }
        hover.setText(hoverText(at));
        Point2D local = overlay.sceneToLocal(sceneX, sceneY);
        hover.autosize();
        // Beside the pointer, flipped left near the right edge so it stays inside the chart.
        double left = local.getX() + 14 + hover.getWidth() > overlay.getWidth() ? local.getX() - 14 - hover.getWidth() : local.getX() + 14;
        hover.relocate(Math.max(0, left), Math.max(0, Math.min(local.getY() + 10, overlay.getHeight() - hover.getHeight())));
        hover.setVisible(true);
    }

    /** The values of the charted series at {@code seconds} since the start: each series' latest point at or before it. */
    String hoverText(double seconds) {
        Instant t = doc.summary().start().plusNanos(Math.round(seconds * 1e9));
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "%.1f s", seconds));
        for (Row r : table.getItems()) {
            if (!r.shown.get()) {
                continue;
            }
            Point p = at(r.series.points(), t);
            sb.append('\n').append(r.series.label()).append(": ").append(p == null ? "not yet sampled" : format(r.series, p.value(), false));
        }
        return sb.toString();
    }

    /** The latest point at or before {@code t}, or null when {@code t} is before the first. */
    static Point at(List<Point> points, Instant t) {
        int lo = 0;
        int hi = points.size() - 1;
        Point best = null;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            if (points.get(mid).time().isAfter(t)) {
                hi = mid - 1;
            } else {
                best = points.get(mid);
                lo = mid + 1;
            }
        }
        return best;
    }

    NativeMemory memory() {
        return memory;
    }

    LineChart<Number, Number> chart() {
        return chart;
    }

    TableView<Row> table() {
        return table;
    }

    Label headline() {
        return headline;
    }

    Label absent() {
        return absent;
    }

    Label hover() {
        return hover;
    }
}
