package dev.inquest.ui.common;

import dev.inquest.format.Units;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.TreeTableCell;
import javafx.scene.control.TableCell;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;

/**
 * A share of the heap as text over a thin bar, so the eye finds the big rows before reading a
 * number. Works in tables and tree tables; the value is a fraction 0..1 (null leaves the cell empty).
 */
public final class ShareBarCell {
    private ShareBarCell() {
    }

    public static <S> TableCell<S, Double> forTable() {
        return new TableCell<>() {
            private final Bar bar = new Bar();

            @Override
            protected void updateItem(Double item, boolean empty) {
                super.updateItem(item, empty);
                setText(null);
                setGraphic(empty || item == null ? null : bar.show(item));
            }

            @Override
            protected void layoutChildren() {
                super.layoutChildren();
                if (getGraphic() != null) {
                    FitColumn.fit(this, getTableColumn(), bar.text);
                }
            }
        };
    }

    public static <S> TreeTableCell<S, Double> forTreeTable() {
        return new TreeTableCell<>() {
            private final Bar bar = new Bar();

            @Override
            protected void updateItem(Double item, boolean empty) {
                super.updateItem(item, empty);
                setText(null);
                setGraphic(empty || item == null ? null : bar.show(item));
            }

            @Override
            protected void layoutChildren() {
                super.layoutChildren();
                if (getGraphic() != null) {
                    FitColumn.fit(this, getTableColumn(), bar.text);
                }
            }
        };
    }

    private static final class Bar extends StackPane {
        private final Region fill = new Region();
        private final Label text = new Label();

        Bar() {
            getStyleClass().add("share-bar");
            fill.getStyleClass().add("share-bar-fill");
            fill.setMaxHeight(Region.USE_PREF_SIZE);
            fill.setPrefHeight(4);
            StackPane.setAlignment(fill, Pos.BOTTOM_LEFT);
            text.getStyleClass().add("share-bar-text");
            StackPane.setAlignment(text, Pos.CENTER_RIGHT);
            getChildren().addAll(fill, text);
            setMinWidth(0);
        }

        Bar show(double share) {
            text.setText(Units.percent(share));
            fill.maxWidthProperty().unbind();
            fill.maxWidthProperty().bind(widthProperty().multiply(Math.max(0, Math.min(1, share))));
            return this;
        }
    }
}
