package dev.inquest.ui.jfr;

import java.time.Instant;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.Pane;
import javafx.scene.shape.Rectangle;

/**
 * The time range of a recording's chart (seconds since the recording started on x): dragging
 * across the plot sets the document's range, and a band over the plot shows a range. The heap
 * chart and the native memory chart share it, so a range set on either reads the same.
 */
final class ChartRangeBand {
    /** A shorter drag is a click: it sets no range. */
    private static final double MIN_SECONDS = 0.05;

    private final JfrContext doc;
    private final LineChart<Number, Number> chart;
    private final NumberAxis x;
    private final Pane overlay;
    private final Rectangle band;
    private double dragStart = Double.NaN;

    /**
     * @param overlay a mouse-transparent pane stacked over the chart, holding {@code band}
     * @param onClick what a press without a drag leaves shown (the band hides on every press)
     */
    ChartRangeBand(JfrContext doc, LineChart<Number, Number> chart, NumberAxis x, Pane overlay, Rectangle band,
                   Runnable onClick) {
        this.doc = doc;
        this.chart = chart;
        this.x = x;
        this.overlay = overlay;
        this.band = band;
        chart.setOnMousePressed(e -> {
            dragStart = seconds(e);
            band.setVisible(false);
        });
        chart.setOnMouseDragged(e -> {
            double at = seconds(e);
            if (!Double.isNaN(dragStart) && !Double.isNaN(at)) {
                show(Math.min(dragStart, at), Math.max(dragStart, at));
            }
        });
        chart.setOnMouseReleased(e -> {
            double end = seconds(e);
            if (!Double.isNaN(dragStart) && !Double.isNaN(end) && Math.abs(end - dragStart) > MIN_SECONDS) {
                select(Math.min(dragStart, end), Math.max(dragStart, end));
            } else {
                onClick.run();
            }
            dragStart = Double.NaN;
        });
    }

    private double seconds(MouseEvent e) {
        Point2D p = x.sceneToLocal(e.getSceneX(), e.getSceneY());
        return p == null ? Double.NaN : x.getValueForDisplay(p.getX()).doubleValue();
    }

    /** Sets the document's range from seconds since the recording started. */
    void select(double fromSeconds, double toSeconds) {
        Instant start = doc.summary().start();
        doc.rangeProperty().set(new JfrDocument.Range(start.plusMillis(Math.round(fromSeconds * 1000)),
                start.plusMillis(Math.round(toSeconds * 1000))));
    }

    /** The band from one time to another over the plot's height; hidden while the plot is not laid out. */
    void show(double fromSeconds, double toSeconds) {
        Node plot = chart.lookup(".chart-plot-background");
        if (plot == null || plot.getScene() == null) {
            band.setVisible(false);
            return;
        }
        Point2D a = overlay.sceneToLocal(x.localToScene(x.getDisplayPosition(fromSeconds), 0));
        Point2D b = overlay.sceneToLocal(x.localToScene(x.getDisplayPosition(toSeconds), 0));
        Point2D top = overlay.sceneToLocal(plot.localToScene(0, 0));
        if (a == null || b == null || top == null) {
            band.setVisible(false);
            return;
        }
        band.setX(Math.min(a.getX(), b.getX()));
        band.setWidth(Math.abs(b.getX() - a.getX()));
        band.setY(top.getY());
        band.setHeight(plot.getBoundsInLocal().getHeight());
        band.setVisible(true);
    }

    void hide() {
        band.setVisible(false);
    }
}
