package dev.inquest.ui.common;

import java.util.List;
import javafx.geometry.HPos;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.VPos;
import javafx.scene.Node;
import javafx.scene.layout.Pane;

/**
 * Children in rows of equal-width tiles: as many columns as fit at the minimum tile width (at most
 * {@code maxColumns}), each tile stretched so a full row fills the width (up to {@code maxTile}:
 * one card across a wide page would make lines too long to read), rows as tall as their tallest
 * tile. Unlike a FlowPane (fixed-size children, a ragged right edge, clipped when one child
 * is wider than the pane) the tiles shrink with a narrow tab group and wrap their text.
 */
public final class Tiles extends Pane {
    private final double minTile;
    private final double maxTile;
    private final int maxColumns;
    private final double hgap;
    private final double vgap;

    public Tiles(double minTile, double maxTile, int maxColumns, double hgap, double vgap, Node... children) {
        super(children);
        this.minTile = minTile;
        this.maxTile = maxTile;
        this.maxColumns = maxColumns;
        this.hgap = hgap;
        this.vgap = vgap;
    }

    @Override
    public Orientation getContentBias() {
        return Orientation.HORIZONTAL;
    }

    /** Columns at an inner width: at least one, at most the children and {@code maxColumns}. */
    public int columns(double inner) {
        int n = getManagedChildren().size();
        int fit = (int) Math.floor((inner + hgap) / (smallestTile() + hgap));
        return Math.max(1, Math.min(fit, Math.min(Math.max(n, 1), maxColumns)));
    }

    /**
     * The narrowest a tile may be: {@code minTile}, or wider where a tile's minimum says so (a figure
     * tile's value keeps its whole text, so larger type means fewer tiles a row, never "74.8 ...").
     */
    private double smallestTile() {
        double w = minTile;
        for (Node c : getManagedChildren()) {
            w = Math.max(w, c.minWidth(-1));
        }
        return w;
    }

    private double tileWidth(double inner, int columns) {
        return Math.min(maxTile, Math.max(0, (inner - hgap * (columns - 1)) / columns));
    }

    private double horizontalInsets() {
        Insets in = getInsets();
        return in.getLeft() + in.getRight();
    }

    @Override
    protected double computeMinWidth(double height) {
        // One column, as narrow as the pane gets: the tiles' text wraps, so nothing forces a scroll
        // bar, unless a tile's minimum (a figure kept whole) is wider than minTile.
        double widest = 0;
        for (Node c : getManagedChildren()) {
            widest = Math.max(widest, c.minWidth(-1));
        }
        return horizontalInsets() + widest;
    }

    @Override
    protected double computePrefWidth(double height) {
        List<Node> kids = getManagedChildren();
        int columns = Math.max(1, Math.min(kids.size(), maxColumns));
        double widest = minTile;
        for (Node c : kids) {
            widest = Math.max(widest, c.prefWidth(-1));
        }
        return horizontalInsets() + columns * widest + (columns - 1) * hgap;
    }

    @Override
    protected double computePrefHeight(double width) {
        double inner = (width < 0 ? prefWidth(-1) : width) - horizontalInsets();
        Insets in = getInsets();
        return in.getTop() + in.getBottom() + rowsHeight(inner, false);
    }

    @Override
    protected void layoutChildren() {
        rowsHeight(getWidth() - horizontalInsets(), true);
    }

    /** Walks the rows at an inner width, placing the tiles when {@code place}; returns the total height. */
    private double rowsHeight(double inner, boolean place) {
        List<Node> kids = getManagedChildren();
        int columns = columns(inner);
        double tile = tileWidth(inner, columns);
        Insets in = getInsets();
        double y = 0;
        for (int start = 0; start < kids.size(); start += columns) {
            List<Node> row = kids.subList(start, Math.min(kids.size(), start + columns));
            double rowHeight = 0;
            for (Node c : row) {
                rowHeight = Math.max(rowHeight, c.prefHeight(tile));
            }
            if (place) {
                for (int i = 0; i < row.size(); i++) {
                    layoutInArea(row.get(i), in.getLeft() + i * (tile + hgap), in.getTop() + y, tile, rowHeight, 0,
                            Insets.EMPTY, true, true, HPos.LEFT, VPos.TOP);
                }
            }
            y += rowHeight + vgap;
        }
        return kids.isEmpty() ? 0 : y - vgap;
    }
}
