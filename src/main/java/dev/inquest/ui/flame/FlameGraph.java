package dev.inquest.ui.flame;

import dev.inquest.format.Units;
import dev.inquest.jfr.render.ColorMode;
import dev.inquest.jfr.render.FlameIndex;
import dev.inquest.jfr.render.FlameLayout;
import dev.inquest.jfr.render.FlameNode;
import dev.inquest.jfr.render.FlamePalette;
import dev.inquest.jfr.render.FlameSearch;
import dev.inquest.jfr.render.FlameSvg;
import dev.inquest.jfr.render.FlameTransforms;
import dev.inquest.jfr.render.Frame;
import dev.inquest.jfr.render.FrameInfo;
import dev.inquest.jfr.render.FrameKind;
import dev.inquest.jfr.render.LabelFit;
import dev.inquest.jfr.render.WeightUnit;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import java.util.concurrent.CompletableFuture;
import javafx.application.Platform;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.css.PseudoClass;
import javafx.embed.swing.SwingFXUtils;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.SnapshotParameters;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.Separator;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToolBar;
import javafx.scene.control.Tooltip;
import javafx.scene.image.WritableImage;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.stage.FileChooser;
import javafx.util.StringConverter;
import javax.imageio.ImageIO;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;
import org.kordamp.ikonli.materialdesign2.MaterialDesignF;
import org.kordamp.ikonli.materialdesign2.MaterialDesignH;
import org.kordamp.ikonli.materialdesign2.MaterialDesignI;
import org.kordamp.ikonli.materialdesign2.MaterialDesignM;
import org.kordamp.ikonli.materialdesign2.MaterialDesignR;
import org.kordamp.ikonli.materialdesign2.MaterialDesignS;

/**
 * The flame graph view: a tool bar (orientation, colours, callers view, recursion, minimum width,
 * exclude, search, reset zoom, export), the breadcrumb of the zoomed frame, the {@link FlameCanvas}
 * and a status line describing the frame under the mouse.
 *
 * <p>It owns the view transforms: the tree given to {@link #setTree} is kept and every change of
 * reverse / recursion / exclude / focus / minimum width rebuilds the shown tree from it through
 * {@link FlameTransforms}, in that order: exclude, collapse recursion, reverse, focus, prune.
 * Trees of more than {@value #ASYNC_FRAMES} frames are rebuilt on a background thread
 * ({@link #busyProperty()} is true meanwhile); smaller ones at once.
 */
public final class FlameGraph extends BorderPane {
    private static final PseudoClass DANGER = PseudoClass.getPseudoClass("danger");
    private static final List<Double> MIN_WIDTHS = List.of(0.0, 0.0001, 0.001, 0.005, 0.01);

    private final FlameCanvas canvas = new FlameCanvas();
    private final Label status = new Label();
    /** Whole swatches that wrap onto more lines in a narrow view (presentation's type at 1024 px), never wider than it. */
    private final javafx.scene.layout.FlowPane legend = new javafx.scene.layout.FlowPane(10, 2);
    private final CrumbBar crumbBar = new CrumbBar(legend);
    private final TextField searchField = new TextField();
    private final Label matchLabel = new Label();
    // A hint that gives way whole ("Exclude regex", then "Exclude") rather than read "Exclude rege" (issue 18).
    private final TextField excludeField = new dev.inquest.ui.common.HintField("", java.util.List.of("Exclude regex", "Exclude"));
    private final ToggleButton reverseButton = new ToggleButton(null, new FontIcon(MaterialDesignS.SWAP_VERTICAL));
    private final ToggleButton recursionButton = new ToggleButton(null, new FontIcon(MaterialDesignR.REPEAT_OFF));
    private final ToggleButton icicleButton = new ToggleButton(null, new FontIcon(MaterialDesignF.FLIP_VERTICAL));
    private final ComboBox<ColorMode> colorBox = new ComboBox<>();
    private final ComboBox<Double> minWidthBox = new ComboBox<>();
    private final Label focusLabel = new Label();
    private final HBox focusChip = new HBox(2);
    private final ReadOnlyDoubleWrapper matchedShare = new ReadOnlyDoubleWrapper(this, "matchedShare");

    /** Trees with more frames than this are transformed off the FX thread. */
    static final int ASYNC_FRAMES = 20_000;

    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private long generation;
    private int sourceFrames;
    private FlameNode source;
    private WeightUnit unit = WeightUnit.SAMPLES;
    private Pattern exclude;
    private Predicate<FlameNode> focus;
    private Frame shown;
    private FlameSvg.Heading heading;
    /** The status line's height so far while the pointer is over the frames (it does not shrink meanwhile). */
    private double statusFloor;

    public FlameGraph() {
        getStyleClass().add("flame-graph");
        getStylesheets().add(FlameGraph.class.getResource("flame.css").toExternalForm());
        canvas.setId("flame-canvas");
        VBox top = new VBox(buildToolBar(), buildCrumbBar());
        setTop(top);
        setCenter(canvas);
        status.setId("flame-status");
        status.getStyleClass().add("flame-status");
        status.setMaxWidth(Double.MAX_VALUE);
        // A deep frame's long name with its figures may need two lines in a narrow view (issue 18:
        // the figures were cut). While the mouse moves over the frames the line only grows: a line
        // that shrank back would move the frames under the pointer and change the one described.
        status.setWrapText(true);
        status.setMinHeight(Region.USE_PREF_SIZE);
        status.widthProperty().addListener((o, a, b) -> resetStatusHeight());
        canvas.addEventHandler(javafx.scene.input.MouseEvent.MOUSE_EXITED, e -> resetStatusHeight());
        setBottom(status);

        canvas.hoveredProperty().addListener((o, a, b) -> updateStatus());
        canvas.zoomedProperty().addListener((o, a, b) -> {
            updateCrumbs();
            updateStatus();
        });
        canvas.searchProperty().addListener((o, a, b) -> updateMatch());
        canvas.colorModeProperty().addListener((o, a, b) -> updateLegend());
        installContextMenu();
        updateMatch();
        // F3 works wherever the focus is inside the view, not only on the canvas.
        addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.F3) {
                if (e.isShiftDown()) {
                    previousMatch();
                } else {
                    nextMatch();
                }
                e.consume();
            }
        });
    }

    // ---- public API -------------------------------------------------------------------------

    /** Shows a tree whose weights are in {@code unit}; the view transforms in effect apply to it. */
    public void setTree(FlameNode root, WeightUnit unit) {
        this.source = root;
        this.unit = unit;
        this.sourceFrames = root == null ? 0 : FlameTransforms.count(root);
        if (root != null && root.baseline() != FlameNode.NO_BASELINE) {
            colorBox.setValue(ColorMode.DIFF);
        } else if (colorBox.getValue() == ColorMode.DIFF) {
            colorBox.setValue(ColorMode.KIND);
        }
        rebuild();
    }

    /** The tree shown now, after the view transforms. */
    public Frame shownTree() {
        return shown;
    }

    public FlameCanvas canvas() {
        return canvas;
    }

    /** Searches frame labels with a regex (blank clears); an invalid regex marks the field and clears. */
    public void search(String regex) {
        if (!regex.equals(searchField.getText())) {
            searchField.setText(regex);   // its listener comes back here with the same text
            return;
        }
        Pattern p = null;
        boolean bad = false;
        if (!regex.isBlank()) {
            try {
                p = Pattern.compile(regex);
            } catch (PatternSyntaxException e) {
                bad = true;
            }
        }
        searchField.pseudoClassStateChanged(DANGER, bad);
        canvas.search(p);
    }

    public void nextMatch() {
        canvas.nextMatch();
    }

    public void previousMatch() {
        canvas.previousMatch();
    }

    /** Share of the total weight under frames matching the search, nested matches counted once. */
    public ReadOnlyDoubleProperty matchedShareProperty() {
        return matchedShare.getReadOnlyProperty();
    }

    public void resetZoom() {
        canvas.resetZoom();
    }

    /** Zooms into the frame reached by following labels from the root; false when there is none. */
    public boolean zoomTo(String... stack) {
        int i = canvas.index().find(stack);
        if (i >= 0) {
            canvas.zoomTo(i);
        }
        return i >= 0;
    }

    public ReadOnlyObjectProperty<FrameInfo> hoveredFrameProperty() {
        return canvas.hoveredProperty();
    }

    public ReadOnlyObjectProperty<FrameInfo> selectedFrameProperty() {
        return canvas.selectedProperty();
    }

    public ReadOnlyObjectProperty<FrameInfo> zoomedFrameProperty() {
        return canvas.zoomedProperty();
    }

    public ObjectProperty<FlameLayout.Orientation> orientationProperty() {
        return canvas.orientationProperty();
    }

    public ObjectProperty<ColorMode> colorModeProperty() {
        return canvas.colorModeProperty();
    }

    public void setReversed(boolean reversed) {
        reverseButton.setSelected(reversed);
    }

    public void setCollapseRecursion(boolean collapse) {
        recursionButton.setSelected(collapse);
    }

    /** Hides frames narrower than this share of the whole (0.001 = 0.1 %). */
    public void setMinWidthShare(double share) {
        if (!minWidthBox.getItems().contains(share)) {
            minWidthBox.getItems().add(share);
            minWidthBox.getItems().sort(Double::compare);
        }
        minWidthBox.setValue(share);
    }

    /** Drops the stacks through frames matching a regex (blank clears). */
    public void setExclude(String regex) {
        excludeField.setText(regex);
        applyExclude();
    }

    /** Shows only the stacks through frames with this label, merged at that frame; null clears. */
    public void focusOn(String label) {
        focus = label == null ? null : FlameTransforms.labelIs(label);
        focusLabel.setText(label == null ? "" : "Focus: " + label);
        focusChip.setVisible(label != null);
        focusChip.setManaged(label != null);
        rebuild();
    }

    /**
     * The title, totals and legend written above the frames in exported SVG (null for none): the
     * engine's {@code FlameGraphSvg.heading}, so the export matches the command line's file.
     */
    public void setHeading(FlameSvg.Heading heading) {
        this.heading = heading;
    }

    /** Writes the current view (zoom, orientation, colours, search highlight) as SVG, through the engine's one writer. */
    public void exportSvg(Path file) throws IOException {
        FlameLayout view = canvas.geometry();
        String svg = FlameSvg.write(canvas.index(), view.withSize(Math.max(view.width(), 200), view.height()),
                canvas.colors(), canvas.searchProperty().get(), unit, heading);
        Files.writeString(file, svg, StandardCharsets.UTF_8);
    }

    /** Writes the canvas as it is drawn now as PNG. Call on the FX thread. */
    public void exportPng(Path file) throws IOException {
        SnapshotParameters params = new SnapshotParameters();
        params.setFill(canvasBackground());
        WritableImage image = canvas.canvas().snapshot(params, null);
        BufferedImage img = SwingFXUtils.fromFXImage(image, null);
        if (!ImageIO.write(img, "png", file.toFile())) {
            throw new IOException("no PNG writer available");
        }
    }

    // ---- building ---------------------------------------------------------------------------

    /** The view transforms in effect, captured so they can run off the FX thread. */
    record ViewSettings(Pattern exclude, boolean collapseRecursion, boolean reverse, Predicate<FlameNode> focus, double minShare) {
        Frame apply(FlameNode source) {
            FlameNode t = source;
            if (exclude != null) {
                t = FlameTransforms.exclude(t, FlameTransforms.labelMatches(exclude));
            }
            if (collapseRecursion) {
                t = FlameTransforms.collapseRecursion(t);
            }
            if (reverse) {
                t = FlameTransforms.reverse(t);
            }
            if (focus != null) {
                t = FlameTransforms.focus(t, focus);
            }
            return minShare > 0 ? FlameTransforms.prune(t, minShare) : Frame.copyOf(t);
        }
    }

    private record Built(Frame tree, FlameIndex index) {
    }

    private void rebuild() {
        long gen = ++generation;
        if (source == null) {
            busy.set(false);
            show(null, FlameIndex.empty());
            return;
        }
        ViewSettings settings = new ViewSettings(exclude, recursionButton.isSelected(), reverseButton.isSelected(), focus,
                minWidthBox.getValue() == null ? 0 : minWidthBox.getValue());
        FlameNode src = source;
        if (sourceFrames < ASYNC_FRAMES) {
            Frame t = settings.apply(src);
            show(t, FlameIndex.of(t));
            return;
        }
        // Big trees: a reverse or focus can take a noticeable fraction of a second; keep the window
        // responsive and show the result when it is ready (a newer request supersedes an older one).
        busy.set(true);
        status.setText("Rebuilding the flame graph\u2026");
        CompletableFuture.supplyAsync(() -> {
            Frame t = settings.apply(src);
            return new Built(t, FlameIndex.of(t));
        }, dev.inquest.ui.task.TaskRunner.Lane.FLAME.executor()).whenComplete((built, error) -> Platform.runLater(() -> {
            if (gen != generation) {
                return;
            }
            busy.set(false);
            if (error != null) {
                status.setText("Cannot rebuild the flame graph: " + error.getMessage());
            } else {
                show(built.tree(), built.index());
            }
        }));
    }

    private void show(Frame tree, FlameIndex index) {
        shown = tree;
        canvas.setIndex(index, unit);
        updateLegend();
        updateStatus();
    }

    /** True while a big tree's view transforms run in the background. */
    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /** Swatches for what the colours mean now: the frame kinds present, or growth and shrink. */
    private void updateLegend() {
        legend.getChildren().clear();
        FlameIndex index = canvas.index();
        switch (canvas.colorModeProperty().get()) {
            case DIFF -> {
                if (index.isDifferential()) {
                    legend.getChildren().addAll(swatch(FlamePalette.diff(1, 1), "grew"), swatch(FlamePalette.diff(-1, 1), "shrank"),
                            swatch(FlamePalette.UNCHANGED, "same share"));
                }
            }
            case KIND -> {
                java.util.EnumSet<FrameKind> present = java.util.EnumSet.noneOf(FrameKind.class);
                for (int i = 1; i < index.count(); i++) {
                    present.add(index.kind(i));
                }
                present.remove(FrameKind.UNKNOWN);
                for (FrameKind k : present) {
                    legend.getChildren().add(swatch(FlamePalette.kind(k, ""), k.label()));
                }
            }
            case PACKAGE -> legend.getChildren().add(new Label("hue by package"));
        }
    }

    private static Label swatch(int rgb, String text) {
        javafx.scene.shape.Rectangle r = new javafx.scene.shape.Rectangle(10, 10, FlameCanvas.color(rgb));
        r.setArcWidth(3);
        r.setArcHeight(3);
        Label l = new Label(text, r);
        l.getStyleClass().add("flame-legend-item");
        l.setMinWidth(Region.USE_PREF_SIZE);
        return l;
    }

    private ToolBar buildToolBar() {
        icicleButton.setId("flame-orientation");
        icicleButton.setTooltip(new Tooltip("Icicle graph: root at the top"));
        icicleButton.selectedProperty().addListener((o, a, b) ->
                canvas.orientationProperty().set(b ? FlameLayout.Orientation.ICICLE : FlameLayout.Orientation.FLAME));
        canvas.orientationProperty().addListener((o, a, b) -> icicleButton.setSelected(b == FlameLayout.Orientation.ICICLE));

        colorBox.setId("flame-color");
        colorBox.getItems().setAll(ColorMode.values());
        colorBox.setValue(ColorMode.KIND);
        colorBox.setTooltip(new Tooltip("Colour frames by type, by package, or by change against the baseline"));
        colorBox.valueProperty().addListener((o, a, b) -> canvas.colorModeProperty().set(b == null ? ColorMode.KIND : b));
        canvas.colorModeProperty().addListener((o, a, b) -> colorBox.setValue(b));

        reverseButton.setId("flame-reverse");
        reverseButton.setTooltip(new Tooltip("Callers view: stacks upside down, hot frames at the root"));
        reverseButton.selectedProperty().addListener((o, a, b) -> rebuild());
        recursionButton.setId("flame-recursion");
        recursionButton.setTooltip(new Tooltip("Collapse recursion: merge frames that call themselves"));
        recursionButton.selectedProperty().addListener((o, a, b) -> rebuild());

        minWidthBox.setId("flame-min-width");
        minWidthBox.getItems().setAll(MIN_WIDTHS);
        minWidthBox.setValue(0.0);
        minWidthBox.setTooltip(new Tooltip("Hide frames narrower than this share of the whole"));
        minWidthBox.setConverter(new StringConverter<>() {
            @Override
            public String toString(Double d) {
                return d == null || d == 0 ? "all widths" : "\u2265 " + Units.percentPrecise(d).replace(".00 ", " ").replace(" %", "%");
            }

            @Override
            public Double fromString(String s) {
                return 0.0;
            }
        });
        minWidthBox.valueProperty().addListener((o, a, b) -> rebuild());

        excludeField.setId("flame-exclude");
        excludeField.setPrefColumnCount(7);
        excludeField.setTooltip(new Tooltip("Drop the stacks through frames matching this regex (Enter)"));
        excludeField.setOnAction(e -> applyExclude());

        Button clearFocus = new Button(null, new FontIcon(MaterialDesignC.CLOSE));
        clearFocus.setId("flame-focus-clear");
        clearFocus.getStyleClass().addAll("button-icon", "flat", "small");
        clearFocus.setTooltip(new Tooltip("Show all stacks again (clear the focus)"));
        clearFocus.setOnAction(e -> focusOn(null));
        HBox chip = focusChip;
        chip.getChildren().setAll(new FontIcon(MaterialDesignI.IMAGE_FILTER_CENTER_FOCUS), focusLabel, clearFocus);
        focusLabel.setMaxWidth(180);
        chip.setId("flame-focus");
        chip.getStyleClass().add("flame-focus");
        chip.setAlignment(Pos.CENTER_LEFT);
        chip.setVisible(false);
        chip.setManaged(false);

        searchField.setId("flame-search");
        searchField.setPromptText("Search regex");
        searchField.setPrefColumnCount(10);
        searchField.setTooltip(new Tooltip("Highlight frames matching a regex; Enter / Shift+Enter: next / previous match"));
        searchField.textProperty().addListener((o, a, b) -> search(b));
        searchField.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER || e.getCode() == KeyCode.F3) {
                if (e.isShiftDown()) {
                    previousMatch();
                } else {
                    nextMatch();
                }
                e.consume();
            } else if (e.getCode() == KeyCode.ESCAPE) {
                searchField.clear();
                e.consume();
            }
        });
        matchLabel.setId("flame-match");
        matchLabel.getStyleClass().add("text-muted");
        Button prev = iconButton(MaterialDesignC.CHEVRON_UP, "Previous match (Shift+F3)", "flame-prev");
        prev.setOnAction(e -> previousMatch());
        Button next = iconButton(MaterialDesignC.CHEVRON_DOWN, "Next match (F3)", "flame-next");
        next.setOnAction(e -> nextMatch());

        Button reset = iconButton(MaterialDesignH.HOME_OUTLINE, "Reset zoom (show the whole tree)", "flame-reset");
        reset.setOnAction(e -> resetZoom());

        MenuItem svg = new MenuItem("Export SVG...");
        svg.setOnAction(e -> chooseAndExport("SVG image", "*.svg", true));
        MenuItem png = new MenuItem("Export PNG...");
        png.setOnAction(e -> chooseAndExport("PNG image", "*.png", false));
        MenuButton export = new MenuButton(null, new FontIcon(MaterialDesignF.FILE_EXPORT_OUTLINE), svg, png);
        export.setId("flame-export");
        export.getStyleClass().addAll("button-icon", "flat");
        export.setTooltip(new Tooltip("Export the current view"));

        for (ToggleButton b : List.of(icicleButton, reverseButton, recursionButton)) {
            b.getStyleClass().addAll("button-icon");
        }
        Region spring = new Region();
        HBox.setHgrow(spring, Priority.ALWAYS);
        ToolBar bar = new ToolBar(icicleButton, colorBox, new Separator(Orientation.VERTICAL), reverseButton, recursionButton, minWidthBox,
                excludeField, chip, spring, new FontIcon(MaterialDesignM.MAGNIFY), searchField, matchLabel, prev, next,
                new Separator(Orientation.VERTICAL), reset, export);
        bar.setId("flame-toolbar");
        bar.getStyleClass().add("flame-toolbar");
        return bar;
    }

    private static Button iconButton(org.kordamp.ikonli.Ikon icon, String tip, String id) {
        Button b = new Button(null, new FontIcon(icon));
        b.setId(id);
        b.getStyleClass().addAll("button-icon", "flat");
        b.setTooltip(new Tooltip(tip));
        return b;
    }

    private CrumbBar buildCrumbBar() {
        legend.setId("flame-legend");
        legend.setAlignment(Pos.CENTER_RIGHT);
        // One line while it fits (FlowPane's own preference wraps at 400 px); its minimum is its
        // widest swatch, so the view no longer runs under the notebook for a legend.
        legend.setPrefWrapLength(1e6);
        crumbBar.getStyleClass().add("flame-crumbs");
        return crumbBar;
    }

    private void applyExclude() {
        String text = excludeField.getText() == null ? "" : excludeField.getText();
        Pattern p = null;
        boolean bad = false;
        if (!text.isBlank()) {
            try {
                p = Pattern.compile(text);
            } catch (PatternSyntaxException e) {
                bad = true;
            }
        }
        excludeField.pseudoClassStateChanged(DANGER, bad);
        exclude = p;
        rebuild();
    }

    private void updateCrumbs() {
        FrameInfo z = canvas.zoomedProperty().get();
        if (z == null) {
            crumbBar.setPath(List.of(), () -> null, k -> null);
            return;
        }
        FlameIndex index = canvas.index();
        int[] path = index.pathTo(index.indexOf(z.node()) < 0 ? 0 : index.indexOf(z.node()));
        // Every crumb whole (issue 18: a narrow view squeezed them all to "..."): the bar leaves out
        // whole crumbs from the middle when the path is wider than the view, into its "…" menu.
        List<Button> crumbs = new java.util.ArrayList<>();
        for (int k = 0; k < path.length; k++) {
            int node = path[k];
            Button b = new Button(LabelFit.shortName(index.label(node)));
            b.setId("flame-crumb-" + k);
            b.setMnemonicParsing(false);
            b.getStyleClass().addAll("flat", "small", "flame-crumb");
            b.setTooltip(new Tooltip(index.label(node)));
            b.setDisable(k == path.length - 1);
            b.setMinWidth(Region.USE_PREF_SIZE);
            b.setOnAction(e -> canvas.zoomTo(node));
            crumbs.add(b);
        }
        crumbBar.setPath(crumbs, () -> {
            FontIcon sep = new FontIcon(MaterialDesignC.CHEVRON_RIGHT);
            sep.getStyleClass().add("flame-crumb-separator");
            return sep;
        }, k -> {
            MenuItem item = new MenuItem(index.label(path[k]));
            item.setMnemonicParsing(false);
            item.setOnAction(e -> canvas.zoomTo(path[k]));
            return item;
        });
    }

    private void updateStatus() {
        FrameInfo f = canvas.hoveredProperty().get();
        if (f == null) {
            f = canvas.zoomedProperty().get();
        }
        status.setText(f == null ? "No data" : f.describe(unit));
        if (status.getWidth() > 0) {
            statusFloor = Math.max(statusFloor, status.prefHeight(status.getWidth()));
            status.setMinHeight(statusFloor);
        }
    }

    /** The status line's height follows its text again (the pointer left the frames, or the width changed). */
    private void resetStatusHeight() {
        statusFloor = 0;
        status.setMinHeight(Region.USE_PREF_SIZE);
    }

    private void updateMatch() {
        FlameSearch s = canvas.searchProperty().get();
        matchedShare.set(s.share());
        matchLabel.setText(s.isActive() ? "matched: " + Units.percentPrecise(s.share()) + " (" + s.count() + ")" : "");
    }

    private void installContextMenu() {
        MenuItem zoom = new MenuItem("Zoom into frame");
        MenuItem focusItem = new MenuItem("Focus on frame", new FontIcon(MaterialDesignI.IMAGE_FILTER_CENTER_FOCUS));
        MenuItem excludeItem = new MenuItem("Exclude frame");
        MenuItem copy = new MenuItem("Copy frame name", new FontIcon(MaterialDesignC.CONTENT_COPY));
        ContextMenu menu = new ContextMenu(zoom, focusItem, excludeItem, copy);
        int[] target = {-1};
        canvas.setOnContextMenuRequested(e -> {
            target[0] = canvas.frameAt(e.getX(), e.getY());
            if (target[0] >= 0) {
                menu.show(canvas, e.getScreenX(), e.getScreenY());
            }
            e.consume();
        });
        zoom.setOnAction(e -> canvas.zoomTo(target[0]));
        focusItem.setOnAction(e -> focusOn(canvas.index().label(target[0])));
        excludeItem.setOnAction(e -> setExclude(appendAlternative(excludeField.getText(), canvas.index().label(target[0]))));
        copy.setOnAction(e -> {
            ClipboardContent c = new ClipboardContent();
            c.putString(canvas.index().label(target[0]));
            Clipboard.getSystemClipboard().setContent(c);
        });
    }

    private static String appendAlternative(String regex, String label) {
        String exact = "^" + Pattern.quote(label) + "$";
        return regex == null || regex.isBlank() ? exact : regex + "|" + exact;
    }

    private void chooseAndExport(String description, String glob, boolean svg) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Export flame graph");
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(description, glob));
        chooser.setInitialFileName("flame-graph" + glob.substring(1));
        var file = chooser.showSaveDialog(getScene() == null ? null : getScene().getWindow());
        if (file == null) {
            return;
        }
        try {
            if (svg) {
                exportSvg(file.toPath());
            } else {
                exportPng(file.toPath());
            }
            status.setText("Exported " + file);
        } catch (IOException ex) {
            status.setText("Export failed: " + ex.getMessage());
        }
    }

    private Color canvasBackground() {
        var bg = canvas.getBackground();
        if (bg != null && !bg.getFills().isEmpty() && bg.getFills().getFirst().getFill() instanceof Color c) {
            return c;
        }
        return Color.WHITE;
    }
}
