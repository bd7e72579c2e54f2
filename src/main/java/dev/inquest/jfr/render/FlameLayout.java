package dev.inquest.jfr.render;

/**
 * Pixel geometry of a flame graph, free of any toolkit so that the canvas, the SVG export and the
 * tests agree on every rectangle. A frame's x comes from its weight offset scaled by the visible
 * weight range ({@code viewStart..viewEnd}); its row is its depth, counted from the bottom for a
 * flame graph and from the top for an icicle graph.
 *
 * @param viewStart   left edge of the visible range, in weight units from the root's left edge
 * @param viewEnd     right edge of the visible range (greater than viewStart)
 * @param scrollY     vertical pan in pixels towards the deep frames (0 shows the root)
 */
public record FlameLayout(double viewStart, double viewEnd, double width, double height, double rowHeight,
                          Orientation orientation, double scrollY) {

    /** Frames narrower than this many pixels are not drawn on their own. */
    public static final double MIN_PX = 1.0;

    public enum Orientation {
        /** Root at the bottom, callees growing upwards (Brendan Gregg's flame graph). */
        FLAME,
        /** Root at the top, callees hanging below. */
        ICICLE
    }

    /** Receives what to draw; coordinates are clipped to the viewport horizontally. */
    public interface Sink {
        void frame(int node, double x, double y, double w, double h);

        /** A run of sibling frames each too narrow to draw, merged into one thin mark. */
        default void sliver(double x, double y, double w, double h) {
        }
    }

    public FlameLayout {
        if (!(viewEnd > viewStart)) {
            viewEnd = viewStart + 1;
        }
    }

    /** Pixels per weight unit. */
    public double scale() {
        return width / (viewEnd - viewStart);
    }

    /** Top of a row of frames at this depth. */
    public double y(int depth) {
        return orientation == Orientation.FLAME ? height - (depth + 1) * rowHeight + scrollY : depth * rowHeight - scrollY;
    }

    /** The depth whose row covers this y, possibly out of the tree's range. */
    public int depthAt(double y) {
        return orientation == Orientation.FLAME
                ? (int) Math.ceil((height + scrollY - y) / rowHeight) - 1
                : (int) Math.floor((y + scrollY) / rowHeight);
    }

    /** Height of all rows of a tree. */
    public double contentHeight(FlameIndex index) {
        return (index.maxDepth() + 1) * rowHeight;
    }

    public double x(FlameIndex index, int node) {
        return (index.start(node) - viewStart) * scale();
    }

    public double w(FlameIndex index, int node) {
        return index.total(node) * scale();
    }

    /** Visits every frame to draw, skipping whole subtrees that are off screen or sub-pixel. */
    public void layout(FlameIndex index, Sink sink) {
        layout(index, sink, MIN_PX);
    }

    /**
     * As {@link #layout(FlameIndex, Sink)} with another threshold for frames drawn on their own: the
     * HTML page keeps frames far narrower than a pixel, which its zoom makes visible.
     */
    public void layout(FlameIndex index, Sink sink, double minPx) {
        int n = index.count();
        double scale = scale();
        int sliverDepth = -1;
        double sx0 = 0;
        double sx1 = 0;
        int i = 0;
        while (i < n) {
            double x = (index.start(i) - viewStart) * scale;
            double x0 = Math.max(0, x);
            double x1 = Math.min(width, x + index.total(i) * scale);
            int d = index.depth(i);
            double y = y(d);
            boolean beyondDeepEdge = orientation == Orientation.FLAME ? y + rowHeight <= 0 : y >= height;
            if (x1 <= x0 || beyondDeepEdge) {
                i += index.size(i);
                continue;
            }
            if (x1 - x0 < minPx) {
                if (d == sliverDepth && x0 - sx1 < 0.5) {
                    sx1 = Math.max(sx1, x1);
                } else {
                    flushSliver(sink, sliverDepth, sx0, sx1, minPx);
                    sliverDepth = d;
                    sx0 = x0;
                    sx1 = x1;
                }
                i += index.size(i);
                continue;
            }
            boolean beyondRootEdge = orientation == Orientation.FLAME ? y >= height : y + rowHeight <= 0;
            if (!beyondRootEdge) {
                sink.frame(i, x0, y, x1 - x0, rowHeight);
            }
            i++;
        }
        flushSliver(sink, sliverDepth, sx0, sx1, minPx);
    }

    private void flushSliver(Sink sink, int depth, double x0, double x1, double minPx) {
        if (depth >= 0 && x1 - x0 >= minPx) {
            sink.sliver(x0, y(depth), x1 - x0, rowHeight);
        }
    }

    /** The frame drawn under a point, or -1 (gaps, sub-pixel frames, empty rows). */
    public int hit(FlameIndex index, double px, double py) {
        if (index.count() == 0 || px < 0 || px >= width || py < 0 || py >= height) {
            return -1;
        }
        int d = depthAt(py);
        if (d < 0 || d > index.maxDepth()) {
            return -1;
        }
        double wx = viewStart + px / scale();
        int cur = 0;
        if (!covers(index, 0, wx)) {
            return -1;
        }
        for (int level = 1; level <= d; level++) {
            int found = -1;
            for (int c = cur + 1; c < cur + index.size(cur); c += index.size(c)) {
                if (covers(index, c, wx)) {
                    found = c;
                    break;
                }
            }
            if (found < 0) {
                return -1;
            }
            cur = found;
        }
        double x = Math.max(0, x(index, cur));
        double x1 = Math.min(width, x(index, cur) + w(index, cur));
        return x1 - x >= MIN_PX ? cur : -1;
    }

    private static boolean covers(FlameIndex index, int i, double wx) {
        return index.start(i) <= wx && wx < index.start(i) + index.total(i);
    }

    /** Row height for a label font size: the canvas and the files written for it use the same rows. */
    public static double rowHeight(double fontSize) {
        return Math.ceil(fontSize * 1.55);
    }

    /** The whole tree, unzoomed, root at the bottom, all rows tall enough to show: what files show by default. */
    public static FlameLayout whole(FlameIndex index, double width, double rowHeight) {
        double end = index.count() == 0 ? 1 : Math.max(1, index.total(0));
        return new FlameLayout(0, end, width, (index.maxDepth() + 1) * rowHeight, rowHeight, Orientation.FLAME, 0);
    }

    public FlameLayout withView(double start, double end) {
        return new FlameLayout(start, end, width, height, rowHeight, orientation, scrollY);
    }

    public FlameLayout withSize(double w, double h) {
        return new FlameLayout(viewStart, viewEnd, w, h, rowHeight, orientation, scrollY);
    }

    public FlameLayout withScrollY(double s) {
        return new FlameLayout(viewStart, viewEnd, width, height, rowHeight, orientation, s);
    }
}
