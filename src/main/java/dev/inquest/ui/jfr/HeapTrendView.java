package dev.inquest.ui.jfr;

import dev.inquest.format.Units;
import dev.inquest.jfr.heap.HeapTimeline;
import dev.inquest.jfr.heap.HeapTimelineReader;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import javafx.geometry.Insets;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Label;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.Pane;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Rectangle;

/**
 * Heap used before and after each GC, committed heap and resident set size over the recording,
 * with the live-set trend (slope of heap-after-GC) stated in words, caveat included. Dragging
 * across the chart picks a time range that the flame graphs then show.
 */
final class HeapTrendView extends BorderPane implements JfrDocument.LazyView, dev.inquest.ui.notebook.EvidenceSourceView {
    private static final double MB = 1_000_000.0;

    private final JfrDocument doc;
    private final NumberAxis x = new NumberAxis();
    private final NumberAxis y = new NumberAxis();
    private final LineChart<Number, Number> chart = new LineChart<>(x, y);
    private final Label trend = new Label();
    private final Label pauses = new Label();
    private final Rectangle band = new Rectangle();
    private final Pane overlay = new Pane(band);
    private boolean loaded;
    private HeapTimeline timeline;
    private double dragStart = Double.NaN;

    HeapTrendView(JfrDocument doc) {
        this.doc = doc;
        setId("jfr-heap-view");
        x.setLabel("seconds since start");
        x.setForceZeroInRange(false);
        y.setLabel("MB");
        chart.setId("jfr-heap-chart");
        chart.setCreateSymbols(false);
        chart.setAnimated(false);
        chart.setLegendVisible(true);
        band.getStyleClass().add("range-band");
        band.setVisible(false);
        band.setManaged(false);
        overlay.setMouseTransparent(true);
        overlay.setPickOnBounds(false);
        StackPane stack = new StackPane(chart, overlay);
        trend.setId("jfr-live-set-trend");
        trend.getStyleClass().add("title-4");
        trend.setWrapText(true);
        pauses.setWrapText(true);
        Label hint = new Label("Drag across the chart to limit the flame graphs to that time range.");
        hint.getStyleClass().add("text-muted");
        VBox header = new VBox(4, trend, pauses, hint);
        header.setPadding(new Insets(10, 16, 4, 16));
        setTop(header);
        setCenter(stack);
        installRangeDrag();
    }

    @Override
    public void ensureLoaded() {
        if (loaded) {
            return;
        }
        loaded = true;
        doc.window().tasks().submit("Reading heap over time", p -> HeapTimelineReader.read(doc.source(), p), this::show,
                failure -> doc.window().showError("Cannot read heap over time", failure));
    }

    /** The live-set trend with its after-GC points, as the report's heap-trend figure draws them. */
    @Override
    public java.util.Optional<dev.inquest.investigation.model.Evidence> evidenceForSelection() {
        if (timeline == null || timeline.trend() == null) {
            return java.util.Optional.empty();
        }
        var b = dev.inquest.investigation.model.Evidence.builder(dev.inquest.investigation.model.Evidence.HEAP_TREND)
                .summary(describe(timeline.trend()) + " (" + doc.summary().file() + ")");
        for (HeapTimeline.HeapSample s : timeline.heap()) {
            if (s.afterGc()) {
                b.bytes(String.format(Locale.ROOT, "%.1f s", seconds(s.time())), s.used());
            }
        }
        b.source(doc.artifactPath(), "jfr.heapTrend");
        return java.util.Optional.of(b.build());
    }

    HeapTimeline timeline() {
        return timeline;
    }

    LineChart<Number, Number> chart() {
        return chart;
    }

    private double seconds(Instant t) {
        return Duration.between(doc.summary().start(), t).toMillis() / 1000.0;
    }

    private void show(HeapTimeline t) {
        this.timeline = t;
        XYChart.Series<Number, Number> before = new XYChart.Series<>();
        before.setName("used before GC");
        XYChart.Series<Number, Number> after = new XYChart.Series<>();
        after.setName("used after GC (live set)");
        XYChart.Series<Number, Number> committed = new XYChart.Series<>();
        committed.setName("committed");
        for (HeapTimeline.HeapSample s : t.heap()) {
            XYChart.Data<Number, Number> point = new XYChart.Data<>(seconds(s.time()), s.used() / MB);
            (s.afterGc() ? after : before).getData().add(point);
            if (s.afterGc()) {
                committed.getData().add(new XYChart.Data<>(seconds(s.time()), s.committed() / MB));
            }
        }
        chart.getData().setAll(java.util.List.of(before, after, committed));
        if (!t.rss().isEmpty()) {
            XYChart.Series<Number, Number> rss = new XYChart.Series<>();
            rss.setName("resident set size");
            for (HeapTimeline.RssSample s : t.rss()) {
                rss.getData().add(new XYChart.Data<>(seconds(s.time()), s.size() / MB));
            }
            chart.getData().add(rss);
        }
        trend.setText(describe(t.trend()));
        long count = t.collections().size();
        Duration longest = t.collections().stream().map(HeapTimeline.Collection::longestPause).filter(d -> d != null)
                .max(Duration::compareTo).orElse(Duration.ZERO);
        Duration sum = t.collections().stream().map(HeapTimeline.Collection::sumOfPauses).filter(d -> d != null)
                .reduce(Duration.ZERO, Duration::plus);
        pauses.setText(Units.count(count) + " collections, " + millis(sum) + " paused in all, longest pause " + millis(longest) + ".");
    }

    static String describe(HeapTimeline.LiveSetTrend trend) {
        if (trend == null) {
            return "No heap summaries recorded.";
        }
        String slope = Units.bytesDelta(Math.round(trend.bytesPerMinute())) + " per minute";
        String base = "Live set (heap after GC) trend: " + slope + " over " + trend.collections() + " collections";
        return trend.caveat() == null ? base + "." : base + " \u2014 " + trend.caveat();
    }

    private static String millis(Duration d) {
        return String.format(Locale.ROOT, "%.1f ms", d.toNanos() / 1e6);
    }

    private void installRangeDrag() {
        chart.setOnMousePressed(e -> {
            dragStart = xValue(e.getSceneX(), e.getSceneY());
            band.setVisible(false);
        });
        chart.setOnMouseDragged(e -> {
            if (Double.isNaN(dragStart)) {
                return;
            }
            Node plot = chart.lookup(".chart-plot-background");
            Point2D a = overlay.sceneToLocal(x.localToScene(x.getDisplayPosition(dragStart), 0));
            Point2D b = overlay.sceneToLocal(e.getSceneX(), e.getSceneY());
            Point2D top = overlay.sceneToLocal(plot.localToScene(0, 0));
            band.setX(Math.min(a.getX(), b.getX()));
            band.setWidth(Math.abs(a.getX() - b.getX()));
            band.setY(top.getY());
            band.setHeight(plot.getBoundsInLocal().getHeight());
            band.setVisible(true);
        });
        chart.setOnMouseReleased(e -> {
            double end = xValue(e.getSceneX(), e.getSceneY());
            if (!Double.isNaN(dragStart) && !Double.isNaN(end) && Math.abs(end - dragStart) > 0.05) {
                selectRange(Math.min(dragStart, end), Math.max(dragStart, end));
            } else {
                band.setVisible(false);
            }
            dragStart = Double.NaN;
        });
    }

    private double xValue(double sceneX, double sceneY) {
        Point2D p = x.sceneToLocal(sceneX, sceneY);
        return p == null ? Double.NaN : x.getValueForDisplay(p.getX()).doubleValue();
    }

    /** Sets the document's range from seconds since the recording started. */
    void selectRange(double fromSeconds, double toSeconds) {
        Instant start = doc.summary().start();
        doc.rangeProperty().set(new JfrDocument.Range(start.plusMillis(Math.round(fromSeconds * 1000)),
                start.plusMillis(Math.round(toSeconds * 1000))));
    }
}
