package dev.inquest.ui.flame;

import dev.inquest.jfr.render.ColorMode;
import dev.inquest.jfr.render.FlameIndex;
import dev.inquest.jfr.render.FlameLayout;
import dev.inquest.jfr.render.FlameNode;
import dev.inquest.jfr.render.FlamePalette;
import dev.inquest.jfr.render.FlameSearch;
import dev.inquest.jfr.render.FrameInfo;
import dev.inquest.jfr.render.LabelFit;
import dev.inquest.jfr.render.WeightUnit;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Pattern;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.ScrollBar;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.FontSmoothingType;
import javafx.scene.text.Text;

/**
 * The flame graph itself: one {@link Canvas}, no node per frame. Everything it draws comes from a
 * {@link FlameIndex} and a {@link FlameLayout}; only visible frames wider than a pixel are
 * visited, and labels are fitted with a cached average character width.
 *
 * <p>Mouse: click zooms into a frame, drag pans sideways, wheel scrolls through deep stacks,
 * Ctrl+wheel zooms around the pointer. Keys: F3 / Shift+F3 next / previous search match, Escape
 * zooms out one level.
 */
public final class FlameCanvas extends Region {
    private final Canvas canvas = new Canvas();
    private final ScrollBar vbar = new ScrollBar();
    private boolean syncingBar;
    private final ObjectProperty<FlameLayout.Orientation> orientation = new SimpleObjectProperty<>(this, "orientation", FlameLayout.Orientation.FLAME);
    private final ObjectProperty<ColorMode> colorMode = new SimpleObjectProperty<>(this, "colorMode", ColorMode.KIND);
    private final ReadOnlyObjectWrapper<FrameInfo> hovered = new ReadOnlyObjectWrapper<>(this, "hovered");
    private final ReadOnlyObjectWrapper<FrameInfo> zoomed = new ReadOnlyObjectWrapper<>(this, "zoomed");
    private final ReadOnlyObjectWrapper<FrameInfo> selected = new ReadOnlyObjectWrapper<>(this, "selected");
    private final ReadOnlyObjectWrapper<FlameSearch> search = new ReadOnlyObjectWrapper<>(this, "search");
    private final DoubleProperty fontSize = new SimpleDoubleProperty(this, "fontSize", 12);
    private final Text fontProbe = new Text("M");
    /**
     * The keyboard's ring (issue 18, visible focus everywhere): Tab reaches the canvas and F3 and
     * Escape act on it, but the canvas covers the whole region, so a border of the region's own
     * would be drawn under it. A frame over the canvas instead, shown while the region has the focus.
     */
    private final Region focusRing = new Region();

    private FlameIndex index = FlameIndex.empty();
    private WeightUnit unit = WeightUnit.SAMPLES;
    private int[] colors = new int[0];
    private Color[] fills = new Color[0];
    private Color[] texts = new Color[0];
    private double viewStart;
    private double viewEnd = 1;
    private double scrollY;
    private int zoomNode;
    private int hoverNode = -1;
    private int currentMatch = -1;
    private Font font;
    private double charWidth;
    private double rowHeight;
    private double pressX;
    private double pressViewStart;
    private long lastDrawNanos;

    public FlameCanvas() {
        getStyleClass().add("flame-canvas");
        vbar.setOrientation(javafx.geometry.Orientation.VERTICAL);
        vbar.setId("flame-vbar");
        vbar.setVisible(false);
        vbar.valueProperty().addListener((o, a, b) -> {
            if (!syncingBar) {
                double max = vbar.getMax();
                // A flame graph's deep frames are at the top: the bar's top means "scrolled deepest".
                scrollY = clampScroll(orientation.get() == FlameLayout.Orientation.FLAME ? max - b.doubleValue() : b.doubleValue());
                draw();
            }
        });
        // The bar's own presses and drags must not reach the canvas handlers (they would pan or zoom).
        vbar.addEventHandler(MouseEvent.ANY, javafx.event.Event::consume);
        focusRing.setId("flame-focus-ring");
        focusRing.getStyleClass().add("flame-focus-ring");
        focusRing.setManaged(false);
        focusRing.setMouseTransparent(true);
        focusRing.visibleProperty().bind(focusedProperty());
        getChildren().addAll(canvas, vbar, fontProbe, focusRing);
        // A canvas has no CSS font: a hidden Text inherits the window's font size (Ctrl+Plus/Minus,
        // presentation mode) and the frames are drawn one pixel smaller than the UI text, as before.
        fontProbe.setVisible(false);
        fontProbe.setManaged(false);
        fontProbe.fontProperty().addListener((o, a, b) -> fontSize.set(Math.max(8, b.getSize() - 1)));
        setFocusTraversable(true);
        setMinSize(100, 60);
        setPrefSize(800, 400);
        search.set(FlameSearch.none(index));
        updateFont();
        orientation.addListener((o, a, b) -> draw());
        colorMode.addListener((o, a, b) -> recolor());
        fontSize.addListener((o, a, b) -> {
            updateFont();
            draw();
        });
        installMouse();
        setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.F3) {
                if (e.isShiftDown()) {
                    previousMatch();
                } else {
                    nextMatch();
                }
                e.consume();
            } else if (e.getCode() == KeyCode.ESCAPE && zoomNode > 0) {
                zoomTo(index.parent(zoomNode));
                e.consume();
            }
        });
    }

    // ---- data -------------------------------------------------------------------------------

    /** Shows a tree; zoom, scroll and search start over (the search pattern is kept). */
    public void setTree(FlameNode root, WeightUnit unit) {
        setIndex(root == null ? FlameIndex.empty() : FlameIndex.of(root), unit);
    }

    void setIndex(FlameIndex index, WeightUnit unit) {
        Pattern pattern = search.get().pattern();
        this.index = index;
        this.unit = unit;
        this.hoverNode = -1;
        this.currentMatch = -1;
        hovered.set(null);
        selected.set(null);
        search.set(pattern == null ? FlameSearch.none(index) : FlameSearch.of(index, pattern));
        scrollY = 0;
        recolor();
        zoomTo(0);
    }

    public FlameIndex index() {
        return index;
    }

    public WeightUnit unit() {
        return unit;
    }

    private void recolor() {
        colors = FlamePalette.colors(index, colorMode.get());
        fills = new Color[colors.length];
        texts = new Color[colors.length];
        Map<Integer, Color> cache = new HashMap<>();
        for (int i = 0; i < colors.length; i++) {
            fills[i] = cache.computeIfAbsent(colors[i], FlameCanvas::color);
            texts[i] = cache.computeIfAbsent(FlamePalette.textOn(colors[i]), FlameCanvas::color);
        }
        draw();
    }

    /** Colours of the current mode, per index. */
    public int[] colors() {
        return colors;
    }

    static Color color(int rgb) {
        return Color.rgb((rgb >> 16) & 0xff, (rgb >> 8) & 0xff, rgb & 0xff);
    }

    // ---- zoom and pan -----------------------------------------------------------------------

    /** Zooms so that frame {@code i} fills the width, and scrolls its row into view. */
    public void zoomTo(int i) {
        if (index.count() == 0) {
            viewStart = 0;
            viewEnd = 1;
            zoomNode = 0;
            zoomed.set(null);
            draw();
            return;
        }
        if (index.total(i) <= 0 && i != 0) {
            return;   // a weightless frame (baseline-only in a diff tree) has no width to fill
        }
        viewStart = index.start(i);
        viewEnd = index.start(i) + Math.max(1, index.total(i));
        zoomNode = i;
        zoomed.set(FrameInfo.of(index, i));
        ensureRowVisible(index.depth(i));
        draw();
    }

    public void resetZoom() {
        scrollY = 0;
        zoomTo(0);
    }

    /** Index of the frame that fills the width now (0 for the root). */
    public int zoomNode() {
        return zoomNode;
    }

    /** Zooms by a factor around an x position (Ctrl+wheel); factor &lt; 1 zooms in. */
    public void zoomAround(double px, double factor) {
        if (index.count() == 0) {
            return;
        }
        double range = viewEnd - viewStart;
        double anchor = viewStart + px / Math.max(1, canvas.getWidth()) * range;
        double newRange = Math.max(1e-3, Math.min(index.total(0), range * factor));
        setView(anchor - (anchor - viewStart) * newRange / range, newRange);
    }

    /** Pans by pixels (positive moves the view right). */
    public void panBy(double dx) {
        double range = viewEnd - viewStart;
        setView(viewStart + dx / Math.max(1, canvas.getWidth()) * range, range);
    }

    private void setView(double start, double range) {
        if (index.count() == 0) {
            return;
        }
        double max = index.count() == 0 ? 1 : index.total(0);
        start = Math.max(0, Math.min(start, max - range));
        viewStart = start;
        viewEnd = start + range;
        // The zoom frame is the deepest one that still spans the whole view: breadcrumbs follow it.
        int cur = 0;
        boolean deeper = true;
        while (deeper) {
            deeper = false;
            for (int c = cur + 1; c < cur + index.size(cur); c += index.size(c)) {
                if (index.start(c) <= viewStart + 1e-9 && index.start(c) + index.total(c) >= viewEnd - 1e-9) {
                    cur = c;
                    deeper = true;
                    break;
                }
            }
        }
        if (cur != zoomNode) {
            zoomNode = cur;
            zoomed.set(FrameInfo.of(index, cur));
        }
        draw();
    }

    public void scrollBy(double dy) {
        scrollY = clampScroll(scrollY + dy);
        draw();
    }

    private double clampScroll(double s) {
        double max = Math.max(0, geometry().contentHeight(index) - canvas.getHeight());
        return Math.max(0, Math.min(max, s));
    }

    private void ensureRowVisible(int depth) {
        FlameLayout l = geometry();
        double y = l.y(depth);
        if (y < 0) {
            scrollY = clampScroll(orientation.get() == FlameLayout.Orientation.FLAME ? scrollY - y : scrollY + y);
        } else if (y + rowHeight > canvas.getHeight()) {
            double over = y + rowHeight - canvas.getHeight();
            scrollY = clampScroll(orientation.get() == FlameLayout.Orientation.FLAME ? scrollY - over : scrollY + over);
        }
    }

    /** The geometry in use now. */
    public FlameLayout geometry() {
        return new FlameLayout(viewStart, viewEnd, canvas.getWidth(), canvas.getHeight(), rowHeight, orientation.get(), scrollY);
    }

    /** The frame under a point in this control's coordinates, or -1. */
    public int frameAt(double x, double y) {
        return geometry().hit(index, x, y);
    }

    // ---- search -----------------------------------------------------------------------------

    /** Highlights frames matching a regex (null or blank clears); returns what matched. */
    public FlameSearch search(Pattern pattern) {
        search.set(pattern == null ? FlameSearch.none(index) : FlameSearch.of(index, pattern));
        currentMatch = -1;
        draw();
        return search.get();
    }

    public ReadOnlyObjectProperty<FlameSearch> searchProperty() {
        return search.getReadOnlyProperty();
    }

    /** Moves to the next match (left to right, outer before inner), zooming to it when it is too narrow to see. */
    public void nextMatch() {
        stepMatch(+1);
    }

    public void previousMatch() {
        stepMatch(-1);
    }

    private void stepMatch(int dir) {
        int[] order = search.get().order();
        if (order.length == 0) {
            return;
        }
        int k = -1;
        for (int j = 0; j < order.length; j++) {
            if (order[j] == currentMatch) {
                k = j;
                break;
            }
        }
        k = k < 0 ? (dir > 0 ? 0 : order.length - 1) : Math.floorMod(k + dir, order.length);
        currentMatch = order[k];
        FlameLayout l = geometry();
        double x = l.x(index, currentMatch);
        double w = l.w(index, currentMatch);
        if (w < 40 || x < 0 || x + w > l.width()) {
            // Show the match with its siblings for context when it is then readable, else fill the width with it.
            int parent = index.parent(currentMatch);
            boolean parentWillDo = parent >= 0 && (double) index.total(currentMatch) / index.total(parent) * l.width() >= 40;
            zoomTo(parentWillDo ? parent : currentMatch);
        }
        ensureRowVisible(index.depth(currentMatch));
        selected.set(FrameInfo.of(index, currentMatch));
        draw();
    }

    /** The match last moved to with next/previous, or -1. */
    public int currentMatch() {
        return currentMatch;
    }

    // ---- properties -------------------------------------------------------------------------

    public ObjectProperty<FlameLayout.Orientation> orientationProperty() {
        return orientation;
    }

    public ObjectProperty<ColorMode> colorModeProperty() {
        return colorMode;
    }

    public DoubleProperty fontSizeProperty() {
        return fontSize;
    }

    /** The frame under the mouse, null when none. */
    public ReadOnlyObjectProperty<FrameInfo> hoveredProperty() {
        return hovered.getReadOnlyProperty();
    }

    /** The frame that fills the width (the root when not zoomed). */
    public ReadOnlyObjectProperty<FrameInfo> zoomedProperty() {
        return zoomed.getReadOnlyProperty();
    }

    /** The frame last clicked or moved to by search navigation. */
    public ReadOnlyObjectProperty<FrameInfo> selectedProperty() {
        return selected.getReadOnlyProperty();
    }

    /** Nanoseconds the last redraw took on the FX thread (for the benchmark). */
    public long lastDrawNanos() {
        return lastDrawNanos;
    }

    public Canvas canvas() {
        return canvas;
    }

    // ---- input ------------------------------------------------------------------------------

    private void installMouse() {
        setOnMouseMoved(e -> hover(frameAt(e.getX(), e.getY())));
        setOnMouseExited(e -> hover(-1));
        setOnMousePressed(e -> {
            requestFocus();
            pressX = e.getX();
            pressViewStart = viewStart;
        });
        setOnMouseDragged(e -> {
            if (e.getButton() == MouseButton.PRIMARY) {
                double range = viewEnd - viewStart;
                setView(pressViewStart - (e.getX() - pressX) / Math.max(1, canvas.getWidth()) * range, range);
            }
        });
        setOnMouseClicked(this::click);
        addEventHandler(ScrollEvent.SCROLL, e -> {
            if (e.isControlDown() || e.isShortcutDown()) {
                zoomAround(e.getX(), e.getDeltaY() > 0 ? 0.8 : 1.25);
            } else if (e.isShiftDown() || Math.abs(e.getDeltaX()) > Math.abs(e.getDeltaY())) {
                panBy(-(e.isShiftDown() && e.getDeltaX() == 0 ? e.getDeltaY() : e.getDeltaX()));
            } else {
                // Wheel up moves towards the deep frames in a flame graph (they are above).
                scrollBy(orientation.get() == FlameLayout.Orientation.FLAME ? e.getDeltaY() : -e.getDeltaY());
            }
            e.consume();
        });
    }

    private void click(MouseEvent e) {
        if (e.getButton() != MouseButton.PRIMARY || !e.isStillSincePress()) {
            return;
        }
        int i = frameAt(e.getX(), e.getY());
        if (i >= 0) {
            selected.set(FrameInfo.of(index, i));
            zoomTo(i);
        }
    }

    /** Shows frame {@code i} as hovered (-1 for none), as the mouse would; for keyboard use and tests. */
    public void hoverAt(int i) {
        hover(i);
    }

    private void hover(int i) {
        if (i == hoverNode) {
            return;
        }
        hoverNode = i;
        hovered.set(i < 0 ? null : FrameInfo.of(index, i));
        draw();
    }

    // ---- drawing ----------------------------------------------------------------------------

    private void updateFont() {
        font = Font.font(Font.getDefault().getFamily(), fontSize.get());
        Text probe = new Text("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789.$<>_");
        probe.setFont(font);
        // Average advance, padded a little: fillText's maxWidth squeezes what still runs over.
        charWidth = probe.getLayoutBounds().getWidth() / probe.getText().length() * 1.04;
        rowHeight = FlameLayout.rowHeight(fontSize.get());
    }

    public double rowHeight() {
        return rowHeight;
    }

    @Override
    protected void layoutChildren() {
        double h = snapSizeY(getHeight());
        boolean needBar = index.count() > 0 && geometry().contentHeight(index) > h;
        double barWidth = needBar ? snapSizeX(vbar.prefWidth(-1)) : 0;
        vbar.setVisible(needBar);
        if (needBar) {
            vbar.resizeRelocate(snapSizeX(getWidth()) - barWidth, 0, barWidth, h);
        }
        focusRing.resizeRelocate(0, 0, snapSizeX(getWidth()), h);
        double w = snapSizeX(getWidth()) - barWidth;
        if (canvas.getWidth() != w || canvas.getHeight() != h) {
            canvas.setWidth(w);
            canvas.setHeight(h);
            scrollY = clampScroll(scrollY);
            draw();
        }
    }

    private void syncBar() {
        double max = Math.max(0, geometry().contentHeight(index) - canvas.getHeight());
        syncingBar = true;
        try {
            vbar.setMin(0);
            vbar.setMax(max);
            vbar.setVisibleAmount(max <= 0 ? 1 : canvas.getHeight() / geometry().contentHeight(index) * max);
            vbar.setUnitIncrement(rowHeight);
            vbar.setBlockIncrement(canvas.getHeight() * 0.8);
            vbar.setValue(orientation.get() == FlameLayout.Orientation.FLAME ? max - scrollY : scrollY);
        } finally {
            syncingBar = false;
        }
        if (vbar.isVisible() != max > 0) {
            requestLayout();
        }
    }

    /** Redraws everything; cheap enough to call on every mouse move. */
    public void draw() {
        long t0 = System.nanoTime();
        syncBar();
        GraphicsContext g = canvas.getGraphicsContext2D();
        double w = canvas.getWidth();
        double h = canvas.getHeight();
        g.clearRect(0, 0, w, h);
        if (index.count() == 0 || w <= 0 || h <= 0) {
            lastDrawNanos = System.nanoTime() - t0;
            return;
        }
        g.setFont(font);
        g.setTextBaseline(VPos.CENTER);
        g.setFontSmoothingType(FontSmoothingType.GRAY);
        FlameSearch s = search.get();
        boolean[] matched = s.isActive() ? s.matched() : null;
        Color matchFill = color(FlamePalette.MATCH);
        Color matchText = color(FlamePalette.textOn(FlamePalette.MATCH));
        Color sliver = color(FlamePalette.SLIVER);
        FlameLayout l = geometry();
        l.layout(index, new FlameLayout.Sink() {
            @Override
            public void frame(int i, double x, double y, double fw, double fh) {
                boolean m = matched != null && matched[i];
                // Frames above the zoomed one are context, not content: draw them faded.
                boolean context = i != zoomNode && index.contains(i, zoomNode);
                g.setGlobalAlpha(context ? 0.55 : 1.0);
                g.setFill(m ? matchFill : fills[i]);
                g.fillRect(x, y + 0.5, fw > 2 ? fw - 1 : fw, fh - 1);
                if (fw > 3 * charWidth + 2 * LabelFit.PAD) {
                    String text = LabelFit.fit(index.label(i), index.kind(i), fw, charWidth);
                    if (text != null) {
                        g.setFill(m ? matchText : texts[i]);
                        g.fillText(text, x + LabelFit.PAD, y + fh / 2, fw - 2 * LabelFit.PAD);
                    }
                }
            }

            @Override
            public void sliver(double x, double y, double sw, double sh) {
                g.setGlobalAlpha(0.6);
                g.setFill(sliver);
                g.fillRect(x, y + 0.5, sw, sh - 1);
            }
        });
        g.setGlobalAlpha(1.0);
        outline(g, l, hoverNode, Color.gray(0.1), 1.5);
        outline(g, l, currentMatch, Color.rgb(120, 0, 140), 2.5);
        lastDrawNanos = System.nanoTime() - t0;
    }

    private void outline(GraphicsContext g, FlameLayout l, int i, Color c, double width) {
        if (i < 0 || i >= index.count()) {
            return;
        }
        double x = Math.max(0, l.x(index, i));
        double x1 = Math.min(l.width(), l.x(index, i) + l.w(index, i));
        if (x1 - x < 1) {
            return;
        }
        g.setStroke(c);
        g.setLineWidth(width);
        g.strokeRect(x + width / 2, l.y(index.depth(i)) + width / 2, x1 - x - width, rowHeight - width);
    }
}
