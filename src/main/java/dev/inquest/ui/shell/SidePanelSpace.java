package dev.inquest.ui.shell;

import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignN;

/**
 * The documents and, beside them, the side panel (the case notebook), which gives way to them in
 * order (issue 18: names and figures are never cut while the notebook can shrink). While the
 * document area keeps at least {@link #DOCUMENTS_MIN} the panel has the width the user gave it
 * (its preferred width until they drag the divider); below, it narrows down to its minimum width;
 * below that it yields: it leaves the split for a slim strip at the window's edge whose button
 * opens it over the documents. The user's choice (shown or hidden) is kept throughout: when the
 * window grows again the panel comes back beside the documents at its width.
 *
 * <p>While the window's root has the style class {@code presentation} (presentation mode, which
 * sets its own half-and-half split), the panel stays beside the documents and its divider is left
 * to that mode.
 */
public final class SidePanelSpace {
    /**
     * The document area's width below which the notebook narrows, then yields. Measured (issue 18)
     * by {@code YieldingLayoutTest#measureWhereNamesStartCutting} on the demo's dump, narrowing the
     * window 10 px at a time with the notebook hidden: the dominator tree, the view with the widest
     * name column (a top-level object's class and address beside three figure columns), shows its
     * largest objects' names whole down to a document area of 680 to 700 px (the heap navigation as
     * icons; the demo's addresses differ from run to run) and cuts them from 670 to 680 px on. With
     * 20 to 40 px for names a few characters longer than the demo's: 720. At 1024 px the notebook thus narrows from 420 to about 300 px and stays beside the
     * documents; below about 1006 px (its 280 px minimum and this) it yields to the strip.
     */
    public static final double DOCUMENTS_MIN = 720;
    /** The split's divider, taken from the panel's room when the divider position is computed. */
    private static final double DIVIDER = 6;
    /** A few pixels either way at the boundary, so a width there does not flip the panel on every pulse. */
    private static final double HYSTERESIS = 8;

    private final SplitPane split = new SplitPane();
    private final VBox strip = new VBox();
    private final HBox overlay = new HBox();
    private final StackPane node;
    /** The strip's button; its font is the window's type size, which the documents' minimum follows. */
    private final Button open;
    private final javafx.collections.ObservableList<String> rootClasses;
    private Region panel;
    /** The user's choice: the panel shown (beside, or yielded to the strip when narrow). */
    private boolean wanted;
    private boolean yielded;
    private boolean overlaid;
    /** The width the user gave the panel by dragging the divider; 0 before any drag (its preferred width). */
    private double chosenWidth;
    /** The width this class last gave the panel: a drag is a width other than it. */
    private double givenWidth;

    SidePanelSpace(Node documents, javafx.collections.ObservableList<String> rootClasses) {
        this.rootClasses = rootClasses;
        // The room the documents keep is this class's decision (DOCUMENTS_MIN); their own computed
        // minimum (tables whose columns grew to their names) would hold the divider where a narrow
        // window left it, and the notebook would come back at its minimum when the window grows.
        if (documents instanceof Region r) {
            r.setMinWidth(0);
        }
        split.getItems().add(documents);

        open = new Button(null, new FontIcon(MaterialDesignN.NOTEBOOK_OUTLINE));
        open.setId("notebook-strip-open");
        open.getStyleClass().addAll("button-icon", "flat");
        open.setTooltip(new Tooltip("Notebook: the window is too narrow to keep it beside the documents;"
                + " opens it over them (Escape closes)"));
        open.setAccessibleText("Open the notebook over the documents");
        open.setOnAction(e -> setOverlaid(!overlaid));
        strip.setId("notebook-strip");
        strip.getStyleClass().add("side-strip");
        strip.getChildren().add(open);
        strip.setAlignment(Pos.TOP_CENTER);
        strip.setPadding(new javafx.geometry.Insets(6, 2, 6, 2));
        show(strip, false);

        // Over the documents: the panel at the right, at its preferred width (down to what the
        // window has); a press on the uncovered part of the documents or Escape closes it.
        Region outside = new Region();
        HBox.setHgrow(outside, Priority.ALWAYS);
        outside.addEventHandler(MouseEvent.MOUSE_PRESSED, e -> setOverlaid(false));
        overlay.setId("notebook-overlay");
        overlay.getChildren().add(outside);
        overlay.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.ESCAPE) {
                setOverlaid(false);
                e.consume();
            }
        });
        show(overlay, false);

        BorderPane row = new BorderPane(split);
        row.setRight(strip);
        node = new StackPane(row, overlay);
        // After the pulse that resized the window: the split keeps a non-resizable panel's width
        // when it is itself resized, so a divider set before that layout would be undone by it.
        node.widthProperty().addListener((obs, was, is) -> fitLater());
        // And after the split itself took the new width: a divider set before that layout is
        // undone by it (the split keeps the non-resizable panel's old width), which under a busy
        // FX thread left the notebook at its minimum after the window grew back.
        split.widthProperty().addListener((obs, was, is) -> fitLater());
        rootClasses.addListener((javafx.collections.ListChangeListener<String>) c -> fit());
        // A drag of the divider is the user's width for the panel, kept when the window narrows and grows.
        split.addEventFilter(MouseEvent.MOUSE_RELEASED, e -> {
            if (panel != null && split.getItems().contains(panel) && !presenting()
                    && Math.abs(panel.getWidth() - givenWidth) > 4) {
                chosenWidth = panel.getWidth();
                givenWidth = chosenWidth;
            }
        });
    }

    Node node() {
        return node;
    }

    /** The split of documents and panel (presentation mode looks it up from the panel). */
    SplitPane split() {
        return split;
    }

    void setPanel(Region newPanel) {
        detach();
        panel = newPanel;
        chosenWidth = 0;
        wanted = newPanel != null;
        if (newPanel != null) {
            SplitPane.setResizableWithParent(newPanel, false);
            attachBeside();
            fit();
        }
    }

    /**
     * Shows or hides the panel (the user's choice). Yielded to the strip, it opens over the
     * documents instead, and closes from there back to the strip; asked for when the window is too
     * narrow to have it beside, it opens over the documents, since the user asked to see it.
     */
    void toggle() {
        if (panel == null) {
            return;
        }
        if (wanted && yielded) {
            setOverlaid(!overlaid);
            return;
        }
        wanted = !wanted;
        if (wanted) {
            attachBeside();
            fit();
            fitLater();
            if (yielded) {
                setOverlaid(true);
            }
        } else {
            detach();
        }
    }

    /** Brings the panel into view: beside the documents, or over them while it is yielded. */
    void reveal() {
        if (panel == null) {
            return;
        }
        if (!wanted) {
            toggle();
        } else if (yielded && !overlaid) {
            setOverlaid(true);
        }
    }

    boolean wanted() {
        return panel != null && wanted;
    }

    boolean yielded() {
        return yielded;
    }

    boolean overlaid() {
        return overlaid;
    }

    private boolean presenting() {
        return rootClasses.contains("presentation");
    }

    private void attachBeside() {
        if (!split.getItems().contains(panel)) {
            overlay.getChildren().remove(panel);
            split.getItems().add(panel);
            split.setDividerPositions(0.68);
        }
    }

    private void detach() {
        if (panel != null) {
            split.getItems().remove(panel);
            overlay.getChildren().remove(panel);
        }
        yielded = false;
        overlaid = false;
        show(strip, false);
        show(overlay, false);
    }

    private void setOverlaid(boolean on) {
        if (panel == null || !yielded || on == overlaid) {
            return;
        }
        overlaid = on;
        if (on) {
            overlay.getChildren().add(panel);
            panel.getStyleClass().add("side-overlay");
            show(overlay, true);
            panel.requestFocus();
        } else {
            overlay.getChildren().remove(panel);
            panel.getStyleClass().remove("side-overlay");
            show(overlay, false);
        }
    }

    private boolean fitPending;

    private void fitLater() {
        if (!fitPending) {
            fitPending = true;
            javafx.application.Platform.runLater(() -> {
                fitPending = false;
                fit();
            });
        }
    }

    /** Gives the panel its width for the window's, in the order of the class comment. */
    private void fit() {
        double total = node.getWidth();
        if (panel == null || !wanted || total <= 0) {
            return;
        }
        if (presenting()) {
            if (yielded) {
                setOverlaid(false);
                yielded = false;
                show(strip, false);
                attachBeside();
            }
            return;
        }
        double min = Math.max(panel.minWidth(-1), 0);
        double room = total - min - DIVIDER;
        // Measured at the base type size (13 px); names grow with a larger one, and so does their need.
        double documentsMin = DOCUMENTS_MIN * Math.max(1, open.getFont().getSize() / 13);
        boolean narrow = yielded ? room < documentsMin + HYSTERESIS : room < documentsMin;
        if (narrow) {
            if (!yielded) {
                split.getItems().remove(panel);
                yielded = true;
                show(strip, true);
            }
            return;
        }
        if (yielded) {
            setOverlaid(false);
            panel.getStyleClass().remove("side-overlay");
            yielded = false;
            show(strip, false);
            split.getItems().add(panel);
            // The split lays a new item out at its minimum once: give the width again after that.
            fitLater();
        }
        double wantWidth = chosenWidth > 0 ? chosenWidth : panel.prefWidth(-1);
        double width = Math.max(min, Math.min(wantWidth, total - documentsMin - DIVIDER));
        givenWidth = width;
        split.setDividerPositions(Math.max(0, Math.min(1, (total - width - DIVIDER / 2) / total)));
    }

    private static void show(Node n, boolean on) {
        n.setVisible(on);
        n.setManaged(on);
    }
}
