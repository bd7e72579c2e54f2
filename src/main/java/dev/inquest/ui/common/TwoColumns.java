package dev.inquest.ui.common;

import javafx.geometry.HPos;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.VPos;
import javafx.scene.Node;
import javafx.scene.layout.Pane;

/**
 * Two parts side by side (the left one at a fixed width, the right one taking the rest) when the
 * pane is at least {@code breakpoint} wide, else stacked, each then as wide as the pane. Decided
 * in layout from the width the parent gives, so a tab group dragged narrower reflows at once.
 */
public final class TwoColumns extends Pane {
    private final Node left;
    private final Node right;
    private final double leftWidth;
    private final double breakpoint;
    private final double gap;

    public TwoColumns(Node left, Node right, double leftWidth, double breakpoint, double gap) {
        super(left, right);
        this.left = left;
        this.right = right;
        this.leftWidth = leftWidth;
        this.breakpoint = breakpoint;
        this.gap = gap;
    }

    /**
     * True when the parts sit side by side at this outer width: from the breakpoint on, and only
     * while the right part gets its preferred width there (its names whole: a larger type size, or
     * a narrower side pane giving the pane more room, must not put them beside the left part cut).
     */
    public boolean sideBySide(double width) {
        double inner = width - horizontalInsets();
        return inner >= breakpoint && inner - leftWidth - gap >= right.prefWidth(-1);
    }

    @Override
    public Orientation getContentBias() {
        return Orientation.HORIZONTAL;
    }

    private double horizontalInsets() {
        Insets in = getInsets();
        return in.getLeft() + in.getRight();
    }

    @Override
    protected double computeMinWidth(double height) {
        return horizontalInsets() + Math.max(left.minWidth(-1), right.minWidth(-1));
    }

    @Override
    protected double computePrefWidth(double height) {
        return horizontalInsets() + Math.max(breakpoint, leftWidth + gap + right.prefWidth(-1));
    }

    @Override
    protected double computePrefHeight(double width) {
        double outer = width < 0 ? prefWidth(-1) : width;
        double inner = outer - horizontalInsets();
        Insets in = getInsets();
        double h = sideBySide(outer)
                ? Math.max(left.prefHeight(leftWidth), right.prefHeight(inner - leftWidth - gap))
                : left.prefHeight(inner) + gap + right.prefHeight(inner);
        return in.getTop() + in.getBottom() + h;
    }

    @Override
    protected void layoutChildren() {
        Insets in = getInsets();
        double inner = getWidth() - horizontalInsets();
        double x = in.getLeft();
        double y = in.getTop();
        if (sideBySide(getWidth())) {
            double h = getHeight() - in.getTop() - in.getBottom();
            layoutInArea(left, x, y, leftWidth, h, 0, Insets.EMPTY, true, false, HPos.LEFT, VPos.TOP);
            layoutInArea(right, x + leftWidth + gap, y, inner - leftWidth - gap, h, 0, Insets.EMPTY, true, false,
                    HPos.LEFT, VPos.TOP);
        } else {
            double lh = left.prefHeight(inner);
            layoutInArea(left, x, y, inner, lh, 0, Insets.EMPTY, true, false, HPos.LEFT, VPos.TOP);
            layoutInArea(right, x, y + lh + gap, inner, right.prefHeight(inner), 0, Insets.EMPTY, true, false,
                    HPos.LEFT, VPos.TOP);
        }
    }
}
