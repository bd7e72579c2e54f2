package dev.inquest.ui.flame;

import java.util.ArrayList;
import java.util.List;
import javafx.geometry.HPos;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.VPos;
import javafx.scene.Node;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.Region;
import javafx.scene.shape.Rectangle;

/**
 * The line above the frames: the zoomed frame's path (breadcrumb) on the left, the colour legend
 * on the right. Issue 18: in a narrow view the crumbs were squeezed to "..." and drawn over the
 * legend. Here no crumb is ever elided: the legend moves to a line of its own when the whole path
 * and the legend do not fit side by side (and wraps its swatches when even that line is too narrow), and a path wider than the view hides whole crumbs from
 * its middle behind a "…" menu that lists them (the root and the zoomed frame stay).
 */
final class CrumbBar extends Region {
    private static final double GAP = 12;
    private static final double ROW_GAP = 2;

    private final Crumbs crumbs = new Crumbs();
    private final Region legend;

    CrumbBar(Region legend) {
        this.legend = legend;
        getChildren().addAll(crumbs, legend);
    }

    /** Shows {@code path} (crumb buttons, from the root to the zoomed frame), separated by {@code separators}. */
    void setPath(List<? extends Region> path, java.util.function.Supplier<Node> separator, java.util.function.IntFunction<MenuItem> hiddenItem) {
        crumbs.setPath(path, separator, hiddenItem);
    }

    /** The crumbs' box (id {@code flame-crumbs}). */
    Region crumbs() {
        return crumbs;
    }

    @Override
    public Orientation getContentBias() {
        return Orientation.HORIZONTAL;
    }

    private boolean oneRow(double contentWidth) {
        return contentWidth < 0 || crumbs.prefWidth(-1) + (crumbs.isEmpty() ? 0 : GAP) + legend.prefWidth(-1) <= contentWidth;
    }

    private double rowHeight() {
        return Math.max(crumbs.prefHeight(-1), legend.prefHeight(-1));
    }

    /** The legend's height at {@code width}: more than a line when its swatches wrap. */
    private double legendHeight(double width) {
        return legend.prefHeight(Math.min(width, legend.prefWidth(-1)));
    }

    @Override
    protected double computeMinWidth(double height) {
        Insets in = getInsets();
        return in.getLeft() + in.getRight() + Math.max(crumbs.minWidth(-1), legend.minWidth(-1));
    }

    @Override
    protected double computePrefWidth(double height) {
        Insets in = getInsets();
        return in.getLeft() + in.getRight() + crumbs.prefWidth(-1) + GAP + legend.prefWidth(-1);
    }

    @Override
    protected double computeMinHeight(double width) {
        return computePrefHeight(width);
    }

    @Override
    protected double computePrefHeight(double width) {
        Insets in = getInsets();
        double content = width < 0 ? -1 : width - in.getLeft() - in.getRight();
        if (oneRow(content)) {
            return in.getTop() + in.getBottom() + rowHeight();
        }
        double legendRows = legendHeight(content);
        return in.getTop() + in.getBottom() + (crumbs.isEmpty() ? legendRows : crumbs.prefHeight(-1) + ROW_GAP + legendRows);
    }

    @Override
    protected void layoutChildren() {
        Insets in = getInsets();
        double x = in.getLeft();
        double y = in.getTop();
        double w = getWidth() - in.getLeft() - in.getRight();
        double legendWidth = Math.min(w, legend.prefWidth(-1));
        if (oneRow(w)) {
            double row = rowHeight();
            layoutInArea(crumbs, x, y, Math.max(0, w - legendWidth - GAP), row, 0, HPos.LEFT, VPos.CENTER);
            layoutInArea(legend, x + w - legendWidth, y, legendWidth, row, 0, HPos.RIGHT, VPos.CENTER);
        } else {
            // The path on a line of its own (when there is one), the legend below, wrapped to the width.
            double top = y;
            if (!crumbs.isEmpty()) {
                double row = crumbs.prefHeight(-1);
                layoutInArea(crumbs, x, y, w, row, 0, HPos.LEFT, VPos.CENTER);
                top += row + ROW_GAP;
            }
            layoutInArea(legend, x + w - legendWidth, top, legendWidth, legendHeight(w), 0, HPos.RIGHT, VPos.TOP);
        }
    }

    /**
     * The path: whole crumbs, as many as fit from both ends; those left out are in the "…" menu.
     * A view narrower than the zoomed frame's own crumb clips it rather than draw over its neighbours.
     */
    static final class Crumbs extends Region {
        private final List<Region> path = new ArrayList<>();
        private final List<Node> separators = new ArrayList<>();
        private final MenuButton hidden = new MenuButton("\u2026");
        private final List<MenuItem> hiddenItems = new ArrayList<>();
        private final Rectangle clip = new Rectangle();

        Crumbs() {
            setId("flame-crumbs");
            hidden.setId("flame-crumbs-hidden");
            hidden.getStyleClass().addAll("flat", "small", "flame-crumb", "no-arrow");
            hidden.setTooltip(new Tooltip("The frames between, left out for the width"));
            setClip(clip);
        }

        boolean isEmpty() {
            return path.isEmpty();
        }

        void setPath(List<? extends Region> crumbs, java.util.function.Supplier<Node> separator,
                java.util.function.IntFunction<MenuItem> hiddenItem) {
            path.clear();
            path.addAll(crumbs);
            separators.clear();
            hiddenItems.clear();
            List<Node> children = new ArrayList<>();
            for (int i = 0; i < crumbs.size(); i++) {
                // A separator before every crumb but the first; each crumb's menu entry made once.
                Node sep = separator.get();
                separators.add(sep);
                if (i > 0) {
                    children.add(sep);
                }
                children.add(crumbs.get(i));
                hiddenItems.add(hiddenItem.apply(i));
            }
            children.add(hidden);
            getChildren().setAll(children);
            requestLayout();
        }

        /** A separator's width and the gaps around it (the first crumb's separator is not in the scene: not styled, not measured). */
        private double spacing() {
            return separators.size() < 2 ? 0 : separators.get(1).prefWidth(-1) + 4;
        }

        private double width(int i) {
            return path.get(i).prefWidth(-1);
        }

        @Override
        protected double computeMinWidth(double height) {
            return path.isEmpty() ? 0 : Math.min(width(path.size() - 1), 80);
        }

        @Override
        protected double computePrefWidth(double height) {
            double w = 0;
            for (int i = 0; i < path.size(); i++) {
                w += width(i) + (i > 0 ? spacing() : 0);
            }
            // place() leaves 2 px after each node: the separators' share is in spacing(), the last crumb's here.
            return getInsets().getLeft() + getInsets().getRight() + w + (path.isEmpty() ? 0 : 2);
        }

        @Override
        protected double computePrefHeight(double width) {
            double h = hidden.prefHeight(-1);
            for (Region r : path) {
                h = Math.max(h, r.prefHeight(-1));
            }
            return getInsets().getTop() + getInsets().getBottom() + h;
        }

        /** Which crumbs show in {@code width}: all, else the root, "…" and as many as fit from the zoomed end. */
        private boolean[] choose(double width) {
            int n = path.size();
            boolean[] shown = new boolean[n];
            double sp = spacing();
            double all = computePrefWidth(-1) - getInsets().getLeft() - getInsets().getRight();
            if (all <= width) {
                java.util.Arrays.fill(shown, true);
                return shown;
            }
            shown[n - 1] = true;
            double used = width(n - 1) + sp + hidden.prefWidth(-1) + 4;
            if (n > 1 && used + sp + width(0) <= width) {
                shown[0] = true;
                used += sp + width(0);
            }
            for (int i = n - 2; i > 0; i--) {
                if (used + sp + width(i) > width) {
                    break;
                }
                shown[i] = true;
                used += sp + width(i);
            }
            return shown;
        }

        @Override
        protected void layoutChildren() {
            clip.setWidth(getWidth());
            clip.setHeight(getHeight());
            if (path.isEmpty()) {
                hidden.setVisible(false);
                return;
            }
            Insets in = getInsets();
            double h = getHeight() - in.getTop() - in.getBottom();
            boolean[] shown = choose(getWidth() - in.getLeft() - in.getRight());
            List<MenuItem> left = new ArrayList<>();
            double x = in.getLeft();
            boolean gapDrawn = false;
            for (int i = 0; i < path.size(); i++) {
                Node sep = separators.get(i);
                Region crumb = path.get(i);
                if (!shown[i]) {
                    left.add(hiddenItems.get(i));
                    sep.setVisible(false);
                    crumb.setVisible(false);
                    if (!gapDrawn) {
                        // The "…" menu stands where the hidden crumbs would be, after its own separator.
                        gapDrawn = true;
                        if (i > 0 && shown[i - 1]) {
                            sep.setVisible(true);
                            x = place(sep, x, in.getTop(), h);
                        }
                        x = place(hidden, x, in.getTop(), h);
                    }
                    continue;
                }
                sep.setVisible(i > 0);
                if (i > 0) {
                    x = place(sep, x, in.getTop(), h);
                }
                crumb.setVisible(true);
                x = place(crumb, x, in.getTop(), h);
            }
            hidden.setVisible(gapDrawn);
            if (!hidden.getItems().equals(left)) {
                hidden.getItems().setAll(left);
            }
        }

        /** Lays {@code n} out at its preferred width from {@code x}; returns where the next one starts. */
        private double place(Node n, double x, double y, double h) {
            double w = n.prefWidth(-1);
            layoutInArea(n, x, y, w, h, 0, HPos.LEFT, VPos.CENTER);
            return x + w + 2;
        }
    }
}
