package dev.inquest.ui.jfr;

import dev.inquest.ui.common.NodeKey;
import dev.inquest.format.Units;
import dev.inquest.jfr.heap.HeapTimeline;
import dev.inquest.link.RecordingEvidence;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import javafx.geometry.Insets;
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
final class HeapTrendView extends BorderPane implements JfrDocument.LazyView, dev.inquest.ui.view.EvidenceSourceView {
    /** The collection a pause mark stands for. */
    static final NodeKey<HeapTimeline.Collection> COLLECTION = NodeKey.of("heapTrend.collection", HeapTimeline.Collection.class);

    private static final double MB = 1_000_000.0;
    private static final String MARK_STYLE = "-fx-background-color: -color-danger-emphasis; -fx-opacity: 0.75;"
            + " -fx-background-radius: 1; -fx-padding: 0;";

    private final JfrContext doc;
    private final NumberAxis x = new NumberAxis();
    private final NumberAxis y = new NumberAxis();
    private final LineChart<Number, Number> chart = new LineChart<>(x, y);
    private final Label trend = new Label();
    private final Label pauses = new Label();
    private final Rectangle band = new Rectangle();
    private final Pane overlay = new Pane(band);
    private boolean loaded;
    private HeapTimeline timeline;
    private final ChartRangeBand range;

    HeapTrendView(JfrContext doc) {
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
        range = new ChartRangeBand(doc, chart, x, overlay, band, () -> band.setVisible(false));
    }

    @Override
    public void ensureLoaded() {
        if (loaded) {
            return;
        }
        loaded = true;
        doc.run("Reading heap over time", p -> doc.recording().heapTimeline(p), this::show,
                failure -> doc.showError("Cannot read heap over time", failure));
    }

    /** The live-set trend with its after-GC points, as the report's heap-trend figure draws them. */
    @Override
    public java.util.Optional<dev.inquest.investigation.model.Evidence> evidenceForSelection() {
        return RecordingEvidence.heapTrend(doc.summary().file(), doc.artifactPath(), timeline, doc.summary().start());
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
        java.util.List<XYChart.Series<Number, Number>> lines = new java.util.ArrayList<>(java.util.List.of(before, after, committed));
        if (!t.rss().isEmpty()) {
            XYChart.Series<Number, Number> rss = new XYChart.Series<>();
            rss.setName("resident set size");
            for (HeapTimeline.RssSample s : t.rss()) {
                rss.getData().add(new XYChart.Data<>(seconds(s.time()), s.size() / MB));
            }
            lines.add(rss);
        }
        for (XYChart.Series<Number, Number> line : lines) {
            // One point draws no line: give it the chart's symbol (a node of its own gets the series' colour).
            if (line.getData().size() == 1) {
                line.getData().getFirst().setNode(new javafx.scene.layout.StackPane());
            }
        }
        chart.getData().setAll(lines);
        XYChart.Series<Number, Number> marks = pauseSeries(t);
        chart.getData().add(marks);
        if (marks.getNode() != null) {
            marks.getNode().setStyle("-fx-stroke: transparent;");
        }
        for (Node item : chart.lookupAll(".chart-legend-item")) {
            if (item instanceof Label l && "GC pause".equals(l.getText()) && l.getGraphic() != null) {
                l.getGraphic().setStyle("-fx-background-color: -color-danger-emphasis; -fx-background-radius: 1;"
                        + " -fx-padding: 6px 2px 6px 2px;");
            }
        }
        trend.setText(RecordingEvidence.describe(t.trend()));
        long count = t.collections().size();
        Duration longest = t.collections().stream().map(HeapTimeline.Collection::longestPause).filter(d -> d != null)
                .max(Duration::compareTo).orElse(Duration.ZERO);
        Duration sum = t.collections().stream().map(HeapTimeline.Collection::sumOfPauses).filter(d -> d != null)
                .reduce(Duration.ZERO, Duration::plus);
        pauses.setText(Units.count(count) + " collections, " + millis(sum) + " paused in all, longest pause " + millis(longest)
                + ". Red marks on the time axis are the pauses; hover one for its figures.");
        // Last: tests and evidence wait for the timeline, and then read the chart.
        this.timeline = t;
    }

    /**
     * One mark per collection at its start, sitting on the time axis: a series of its own so the
     * chart places the marks as it places every point, and so the legend names them. The series'
     * line is hidden; the tooltip gives the pause times, cause and heap before and after.
     */
    private XYChart.Series<Number, Number> pauseSeries(HeapTimeline t) {
        XYChart.Series<Number, Number> marks = new XYChart.Series<>();
        marks.setName("GC pause");
        for (HeapTimeline.Collection c : t.collections()) {
            XYChart.Data<Number, Number> d = new XYChart.Data<>(seconds(c.start()), 0);
            javafx.scene.layout.Region mark = new javafx.scene.layout.Region();
            mark.getStyleClass().add("gc-pause-mark");
            // Wider for longer pauses (1 px per 10 ms, 3 to 9 px): the longest stand out at a glance.
            double w = Math.max(3, Math.min(9, (c.sumOfPauses() == null ? 0 : c.sumOfPauses().toNanos() / 1e7)));
            mark.setPrefSize(w, 26);
            mark.setStyle(MARK_STYLE);
            javafx.scene.control.Tooltip tip = new javafx.scene.control.Tooltip(pauseText(c));
            tip.setShowDelay(javafx.util.Duration.millis(150));
            javafx.scene.control.Tooltip.install(mark, tip);
            COLLECTION.set(mark, c);
            d.setNode(mark);
            marks.getData().add(d);
        }
        return marks;
    }

    String pauseText(HeapTimeline.Collection c) {
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "GC %d at %.3f s: %s", c.gcId(), seconds(c.start()), c.name()));
        if (c.cause() != null) {
            sb.append(" (").append(c.cause()).append(')');
        }
        if (c.sumOfPauses() != null) {
            sb.append("\npaused ").append(millis(c.sumOfPauses()));
            if (c.longestPause() != null) {
                sb.append(", longest pause ").append(millis(c.longestPause()));
            }
        }
        if (c.heapBefore() >= 0 && c.heapAfter() >= 0) {
            sb.append("\nheap ").append(Units.bytes(c.heapBefore())).append(" \u2192 ").append(Units.bytes(c.heapAfter()));
        }
        return sb.toString();
    }

    /** The pause marks drawn (one chart point per collection; its node carries the collection). */
    java.util.List<XYChart.Data<Number, Number>> pauseMarks() {
        return chart.getData().stream().filter(sr -> "GC pause".equals(sr.getName())).findFirst()
                .map(sr -> (java.util.List<XYChart.Data<Number, Number>>) sr.getData()).orElse(java.util.List.of());
    }


    private static String millis(Duration d) {
        return String.format(Locale.ROOT, "%.1f ms", d.toNanos() / 1e6);
    }

    /** Sets the document's range from seconds since the recording started. */
    void selectRange(double fromSeconds, double toSeconds) {
        range.select(fromSeconds, toSeconds);
    }
}
