package dev.inquest.ui.heap;

import dev.inquest.heap.model.HeapDump;
import dev.inquest.heap.model.HeapSummary;
import dev.inquest.heap.query.Suspect;
import dev.inquest.ui.common.DamageBanner;
import dev.inquest.ui.common.Offscreen;
import dev.inquest.ui.task.TaskRunner;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.ListCell;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ListView;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.StackPane;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;
import org.kordamp.ikonli.materialdesign2.MaterialDesignF;
import org.kordamp.ikonli.materialdesign2.MaterialDesignL;
import org.kordamp.ikonli.materialdesign2.MaterialDesignM;
import org.kordamp.ikonli.materialdesign2.MaterialDesignS;
import org.kordamp.ikonli.materialdesign2.MaterialDesignT;

/**
 * The tab for one heap dump: a compact navigation on the left (overview, dominators, histogram
 * and the query tables), the selected view in the middle, and an inspector / paths area on the
 * right that opens the first time a row is inspected. Owns the {@link HeapDump} and closes it
 * with the tab (after any of its background work has stopped).
 */
public final class HeapDocument {
    /** The views, in navigation order. */
    public enum Section {
        OVERVIEW("Overview", MaterialDesignC.CHART_BAR),
        DOMINATORS("Dominator tree", MaterialDesignF.FILE_TREE),
        HISTOGRAM("Histogram", MaterialDesignT.TABLE_LARGE),
        GROWTH("Growth", MaterialDesignT.TRENDING_UP),
        THREADS("Threads", MaterialDesignS.SOURCE_BRANCH),
        STRINGS("Duplicate strings", MaterialDesignF.FORMAT_QUOTE_CLOSE),
        DUPLICATES("Duplicate objects", MaterialDesignC.CONTENT_COPY),
        LOADERS("Class loaders", MaterialDesignL.LAYERS_OUTLINE),
        COLLECTIONS("Collection fill", MaterialDesignF.FORMAT_LIST_BULLETED),
        /** A class's merged paths from the GC roots: in the middle, not beside, as its tree needs the width. */
        WHY_ALIVE("Why alive", MaterialDesignS.SITEMAP_OUTLINE),
        /** Questions no other view foresaw, in MAT's object query language. */
        QUERY("Query", MaterialDesignC.CONSOLE_LINE);

        private final String label;
        private final Ikon icon;

        Section(String label, Ikon icon) {
            this.label = label;
            this.icon = icon;
        }

        public String label() {
            return label;
        }
    }

    private final HeapViews views;
    private final HeapViewSet viewSet;
    private final HeapContext context = new Context();
    private final Path file;
    private final HeapDump dump;
    private final HeapSummary summary;
    private final RowActions actions;
    private final BorderPane root = new Pane(this);
    private final StackPane viewHost = new StackPane();
    private final SplitPane split = new SplitPane();
    private final TabPane side = new TabPane();
    private final Tab inspectorTab = new Tab("Inspector");
    private final Tab pathsTab = new Tab("Paths to GC roots");
    private final ListView<Section> nav = new ListView<>() {
        @Override
        protected double computePrefWidth(double height) {
            return navIcons.get() ? NAV_ICON_WIDTH : namesWidth();
        }
    };
    /** The navigation's width with the views' names. */
    static final double NAV_WIDTH = 170;
    /** The navigation's width with icons only: an icon (16 px) and the cell's padding (10 px each side). */
    static final double NAV_ICON_WIDTH = 46;
    /**
     * The width the view beside the navigation needs before the navigation's names may take any:
     * the documents' minimum the shell keeps ({@link dev.inquest.ui.shell.SidePanelSpace#DOCUMENTS_MIN},
     * measured on the dominator tree, the widest name column, with the navigation as icons) less
     * the icons' width, 674 px at the base type size, in proportion at a larger one. Below it the
     * navigation shows icons only: at 1280x800 with the notebook open (854 px of documents, 684
     * for the view) the names stay; at 1024x700 with the inspector beside the view they go.
     */
    public static final double VIEW_MIN = dev.inquest.ui.shell.SidePanelSpace.DOCUMENTS_MIN - NAV_ICON_WIDTH;
    /**
     * The inspector's minimum width at the base type size (in proportion at a larger one): beside
     * the view only while it gets this and the view {@link #VIEW_MIN}; else it goes below the view.
     */
    public static final double INSPECTOR_MIN = SidePlacement.SIDE_MIN;

    /** Where the inspector / paths area is. */
    public enum SidePlace {
        /** Beside the view, on its right. */
        BESIDE,
        /** Below the view, at the full width: the window was too narrow for both side by side. */
        BELOW,
        /** Not shown: nothing inspected yet, or the user closed its tabs. */
        HIDDEN
    }

    /** The side's width the user last dragged the divider to while beside (NaN: not chosen). */
    private double userSide = Double.NaN;
    /** The view's share of the height the user last chose while the side was below (NaN: not chosen). */
    private double userViewShareBelow = Double.NaN;
    /** A press on the split's own divider: its release records the user's choice. */
    private boolean draggingDivider;
    private final javafx.beans.property.BooleanProperty navIcons = new javafx.beans.property.SimpleBooleanProperty();
    private final Map<Section, HeapView> built = new EnumMap<>(Section.class);
    private final List<TaskRunner.Handle> running = new ArrayList<>();
    private final dev.inquest.ui.debug.FxCost fxCost = new dev.inquest.ui.debug.FxCost();
    private HeapView.Inspector inspector;
    private HeapView.Paths paths;
    private volatile boolean closed;
    private Baseline baseline;
    private final List<Consumer<Baseline>> baselineListeners = new ArrayList<>();

    HeapDocument(HeapViews views, HeapViewSet viewSet, Path file, HeapDump dump, HeapSummary summary) {
        this.views = views;
        this.viewSet = viewSet;
        this.file = file;
        this.dump = dump;
        this.summary = summary;
        this.actions = new RowActions(this);
        root.getStyleClass().add("heap-document");

        nav.setId("heap-nav");
        nav.getStyleClass().add("heap-nav");
        nav.getItems().setAll(Section.values());
        nav.setCellFactory(lv -> new ListCell<>() {
            {
                // The navigation never scrolls sideways (issue 18: at 150 % type it did, "Dominator
                // tr"): a cell asks for no width, so the list has no horizontal scroll bar, and the
                // list's own width (namesWidth) is what gives the names their room.
                setPrefWidth(0);
            }

            @Override
            protected void updateItem(Section s, boolean empty) {
                super.updateItem(s, empty);
                boolean icons = navIcons.get();
                setText(empty || s == null || icons ? null : s.label);
                setGraphic(empty || s == null ? null : new FontIcon(s.icon));
                // Collapsed to icons, each still says what it is: on hover and to a screen reader.
                setTooltip(empty || s == null || !icons ? null : new javafx.scene.control.Tooltip(s.label));
                setAccessibleText(empty || s == null ? null : s.label);
            }
        });
        // The navigation is a side pane: below VIEW_MIN it gives its width to the view
        // (names and figures come before the views' names, which the icons, their tooltips and
        // Ctrl+1..9 and Ctrl+Shift+1..9 still give). Arrow keys still walk it; the selected view stays marked.
        navIcons.addListener((obs, was, is) -> {
            nav.requestLayout();
            nav.pseudoClassStateChanged(javafx.css.PseudoClass.getPseudoClass("icons"), is);
            nav.refresh();
        });
        // The view's width decides (the inspector beside it takes from it too); after the layout
        // that gave it, so that the navigation's new width is laid out in the next pulse.
        viewHost.widthProperty().addListener((obs, was, is) -> javafx.application.Platform.runLater(this::fitNavigation));
        // The side's place follows the room: recomputed after each layout that changed the split's size.
        split.widthProperty().addListener((obs, was, is) -> javafx.application.Platform.runLater(this::placeSide));
        split.heightProperty().addListener((obs, was, is) -> javafx.application.Platform.runLater(this::placeSide));
        split.addEventFilter(javafx.scene.input.MouseEvent.MOUSE_PRESSED, e -> draggingDivider = isOwnDivider(e.getTarget()));
        split.addEventFilter(javafx.scene.input.MouseEvent.MOUSE_RELEASED, e -> {
            if (draggingDivider && split.getItems().contains(side)) {
                // The user's divider is kept while it fits: as the side's width beside, as the view's share below.
                // From the divider's position, not the panes' sizes: those follow at the next layout.
                double position = split.getDividerPositions()[0];
                if (split.getOrientation() == javafx.geometry.Orientation.HORIZONTAL) {
                    userSide = split.getWidth() * (1 - position) - SidePlacement.DIVIDER / 2;
                } else {
                    userViewShareBelow = position;
                }
            }
            draggingDivider = false;
        });
        nav.getSelectionModel().selectedItemProperty().addListener((obs, was, is) -> {
            if (is != null) {
                showSection(is);
            }
        });
        root.setLeft(nav);

        viewHost.setId("heap-view-host");
        side.setId("heap-side");
        side.getTabs().addAll(inspectorTab, pathsTab);
        // Closing both side tabs gives the view the whole width back; inspecting brings them back.
        side.setTabClosingPolicy(TabPane.TabClosingPolicy.ALL_TABS);
        side.getTabs().addListener((javafx.collections.ListChangeListener<Tab>) c -> {
            if (side.getTabs().isEmpty()) {
                split.getItems().remove(side);
            }
        });
        inspectorTab.setGraphic(new FontIcon(MaterialDesignM.MAGNIFY));
        pathsTab.setGraphic(new FontIcon(MaterialDesignM.MAP_MARKER_PATH));
        split.setId("heap-document-split");
        split.getItems().add(viewHost);
        root.setCenter(split);
        if (dump.damage().partial()) {
            root.setTop(DamageBanner.of("heap-damage-banner", dump.damage().sentence()));
        }
        nav.getSelectionModel().select(Section.OVERVIEW);
        // Remember where the user last was (click, or keys that move a selection) for Ctrl+P.
        root.addEventFilter(javafx.scene.input.MouseEvent.MOUSE_PRESSED, e -> touched = e.getTarget() instanceof Node n ? n : null);
        root.addEventFilter(javafx.scene.input.KeyEvent.KEY_PRESSED, e -> {
            if (!e.isShortcutDown() && !e.isAltDown() && !e.getCode().isModifierKey() && e.getTarget() instanceof Node n) {
                touched = n;
            }
        });
    }

    private Node touched;

    /**
     * The row the user is on, for Ctrl+P: from the node last clicked (or moved in with the keys)
     * up to the nearest row source, the same supplier the row's context menu uses, so both pin the
     * same object; an object open in the inspector counts when no field or reference row is
     * selected. Empty when the user is on no row (the navigation, an empty table).
     */
    public java.util.Optional<HeapRow> selectedRow() {
        Node start = inside(touched) ? touched : root.getScene() != null && inside(root.getScene().getFocusOwner())
                ? root.getScene().getFocusOwner() : null;
        for (Node n = start; n != null && n != root; n = n.getParent()) {
            HeapRow row = RowActions.rowAt(n);
            if (row != null) {
                return java.util.Optional.of(row);
            }
            if (inspector != null && n == inspector.node() && inspector.shownRow() != null) {
                return java.util.Optional.of(inspector.shownRow());
            }
        }
        return java.util.Optional.empty();
    }

    /** Still shown inside this document (a view switched away or rebuilt detaches its old nodes). */
    private boolean inside(Node n) {
        while (n != null && n != root) {
            n = n.getParent();
        }
        return n == root;
    }

    public Node node() {
        return root;
    }

    public HeapDump dump() {
        return dump;
    }

    public Path file() {
        return file;
    }

    /** Computed once when the dump opened; views read their totals from it. */
    public HeapSummary summary() {
        return summary;
    }

    public HeapViews views() {
        return views;
    }

    public RowActions actions() {
        return actions;
    }

    /** Selects a view in the navigation (building it the first time). */
    public void show(Section section) {
        nav.getSelectionModel().select(section);
    }

    public Section shownSection() {
        return nav.getSelectionModel().getSelectedItem();
    }

    /** The view of a section, built on first use. */
    public Node view(Section section) {
        return built.computeIfAbsent(section, this::build).node();
    }

    /** The view object of a section (building it if needed), e.g. {@code viewOf(HISTOGRAM, HistogramView.class)}. */
    public <V> V viewOf(Section section, Class<V> type) {
        return type.cast(built.computeIfAbsent(section, this::build));
    }

    /**
     * A filter matching exactly one class name, written the way a user would type it
     * ("^java\.util\.HashMap\$Node$") rather than Pattern.quote's "^\Qjava.util.HashMap$Node\E$",
     * since it lands in the view's filter field.
     */
    static String exactly(String className) {
        StringBuilder sb = new StringBuilder("^");
        for (char ch : className.toCharArray()) {
            if ("\\.[]{}()*+?^$|".indexOf(ch) >= 0) {
                sb.append('\\');
            }
            sb.append(ch);
        }
        return sb.append('$').toString();
    }

    /** Shows the histogram narrowed to one class: its instances, shallow and retained size. */
    public void showClassInHistogram(String className) {
        show(Section.HISTOGRAM);
        viewOf(Section.HISTOGRAM, HeapView.Filtered.class).setFilter(exactly(className));
    }

    /** Shows the dominator tree narrowed to the instances of one class. */
    public void showClassInDominators(String className) {
        show(Section.DOMINATORS);
        viewOf(Section.DOMINATORS, HeapView.Filtered.class).setFilter(exactly(className));
    }

    /**
     * Builds the dominator tree's view on the {@link Offscreen} thread, with its cells laid out
     * as the window will show them, so the first click on "Dominator tree" only attaches rows
     * that already exist. Its constructor reads the dump and makes controls, nothing the FX
     * thread owns; if the user gets there first, the FX thread builds its own and this one is
     * dropped.
     */
    void prebuildDominators() {
        if (Boolean.getBoolean("inquest.noPrebuild") || root.getScene() == null) {
            return;
        }
        List<String> sheets = List.copyOf(root.getScene().getStylesheets());
        String fontStyle = root.getScene().getRoot().getStyle();
        double w = Math.max(400, viewHost.getWidth() > 0 ? viewHost.getWidth() : root.getScene().getWidth() - 400);
        double h = Math.max(300, viewHost.getHeight() > 0 ? viewHost.getHeight() : root.getScene().getHeight() - 150);
        CompletableFuture<Void> done = new CompletableFuture<>();
        prebuild = done;
        Offscreen.submit(() -> {
            try {
                if (closed) {
                    return;
                }
                HeapView n = build(Section.DOMINATORS);
                Offscreen.prepare(n.node(), sheets, fontStyle, w, h);
                Platform.runLater(() -> {
                    if (!closed) {
                        built.putIfAbsent(Section.DOMINATORS, n);
                    }
                });
            } finally {
                done.complete(null);
            }
        });
    }

    /** Whether the view of {@code section} exists already (built on first show, or prebuilt). */
    boolean hasView(Section section) {
        return built.containsKey(section);
    }

    private void showSection(Section s) {
        fxCost.measure("show " + s.label, () -> viewHost.getChildren().setAll(view(s)));
    }

    private HeapView build(Section s) {
        HeapView v = viewSet.sections().get(s).apply(context);
        v.node().setId("heap-view-" + s.name().toLowerCase());
        return v;
    }

    // ------------------------------------------------------------------ baseline

    /** The earlier dump this one is compared with, once one was chosen. */
    public java.util.Optional<Baseline> baseline() {
        return java.util.Optional.ofNullable(baseline);
    }

    /** Called (FX thread) whenever a baseline has been compared; at once if there is one already. */
    public void onBaseline(Consumer<Baseline> listener) {
        baselineListeners.add(listener);
        if (baseline != null) {
            listener.accept(baseline);
        }
    }

    /**
     * Asks which earlier dump of the same application to compare with: the other dumps open in
     * the window first (the baseline is usually open beside it), then "Other file..."; with no
     * other dump open, straight to the file chooser.
     */
    public void chooseBaseline(Node anchor) {
        ContextMenu menu = baselineChoices();
        if (menu.getItems().size() == 1 || anchor == null || anchor.getScene() == null) {
            menu.getItems().getLast().fire();
        } else {
            shownBaselineMenu = menu;
            menu.show(anchor, javafx.geometry.Side.BOTTOM, 0, 0);
        }
    }

    private ContextMenu shownBaselineMenu;

    /** The menu {@link #chooseBaseline(Node)} showed last, or null (tests pick from it as a user would). */
    public ContextMenu shownBaselineMenu() {
        return shownBaselineMenu;
    }

    /** The choices of a baseline: one item per other open dump (ids {@code baseline-open-N}), then "Other file...". */
    public ContextMenu baselineChoices() {
        ContextMenu menu = new ContextMenu();
        menu.setId("baseline-choices");
        int i = 0;
        for (HeapDocument other : otherOpenDumps()) {
            MenuItem item = new MenuItem("Compare with " + other.title(), new FontIcon(MaterialDesignM.MEMORY));
            item.setId("baseline-open-" + i++);
            item.setMnemonicParsing(false);
            int dumpIndex = other.summary().dump();
            Path otherFile = other.file();
            item.setOnAction(e -> compareWith(otherFile, dumpIndex));
            menu.getItems().add(item);
        }
        if (!menu.getItems().isEmpty()) {
            menu.getItems().add(new javafx.scene.control.SeparatorMenuItem());
        }
        MenuItem file = new MenuItem("Other file...", new FontIcon(MaterialDesignF.FOLDER_OPEN_OUTLINE));
        file.setId("baseline-other-file");
        file.setOnAction(e -> chooseBaselineFile());
        menu.getItems().add(file);
        return menu;
    }

    /** The heap documents open in the window other than this one, in tab order. */
    List<HeapDocument> otherOpenDumps() {
        List<HeapDocument> out = new ArrayList<>();
        for (Tab t : views.window().documents().allTabs()) {
            HeapDocument d = HeapViews.documentOf(t);
            if (d != null && d != this && !d.isClosed()) {
                out.add(d);
            }
        }
        return out;
    }

    /** The name the tab shows: the file, and the dump's number when the file holds several. */
    String title() {
        return file.getFileName() + (summary.dumps() > 1 ? " #" + summary.dump() : "");
    }

    private void chooseBaselineFile() {
        javafx.stage.FileChooser chooser = new javafx.stage.FileChooser();
        chooser.setTitle("Choose a baseline heap dump (an earlier dump of the same application)");
        chooser.getExtensionFilters().add(new javafx.stage.FileChooser.ExtensionFilter("Heap dumps", "*.hprof", "*.hprof.gz", "*.bin"));
        if (file.toAbsolutePath().getParent() != null) {
            chooser.setInitialDirectory(file.toAbsolutePath().getParent().toFile());
        }
        var f = chooser.showOpenDialog(views.window().stage());
        if (f != null) {
            compareWith(f.toPath());
        }
    }

    /**
     * Compares with another dump, typically an earlier one of the same application: opens it in
     * the background, takes the engine's comparison (by class, package and dominator
     * path), and closes it again. The histogram's delta columns and the growth view follow.
     */
    public void compareWith(Path baselineFile) {
        compareWith(baselineFile, -1);
    }

    /**
     * As {@link #compareWith(Path)} with the dump of a file holding several: an open dump is
     * compared as it is open, not as the file's last dump.
     */
    public void compareWith(Path baselineFile, int dumpIndex) {
        run("Comparing with " + baselineFile.getFileName(), p -> {
            try (HeapDump other = HeapDump.open(baselineFile, views.openOptions().withDump(dumpIndex), p)) {
                // Classes and packages: the histogram's delta columns are this comparison's rows.
                var comparison = dev.inquest.heap.query.HeapComparison.compare(other, dump, true, p);
                p.phase("Finding the grown dominators", -1, dev.inquest.progress.Progress.Unit.ITEMS);
                return new Baseline(baselineFile, comparison, GrowthRows.rows(dump, comparison, p));
            }
        }, b -> {
            baseline = b;
            List.copyOf(baselineListeners).forEach(l -> l.accept(b));
            views.baselineHandler().accept(this, b);
            views.window().status().setText("Compared with " + baselineFile.getFileName() + ": "
                    + b.growth().size() + (b.growth().size() == 1 ? " dominator path grew" : " dominator paths grew"));
        });
    }

    /** Opens the object in the inspector beside the current view. */
    public void inspect(long node) {
        if (inspector == null) {
            inspector = viewSet.inspector().apply(context);
            inspectorTab.setContent(inspector.node());
        }
        showSide(inspectorTab);
        inspector.navigate(node);
    }

    /** Shows the shortest paths from the object to GC roots beside the current view. */
    public void pathsToRoots(long node) {
        if (paths == null) {
            paths = viewSet.paths().apply(context);
            pathsTab.setContent(paths.node());
        }
        showSide(pathsTab);
        paths.show(node);
    }

    /**
     * Shows why the instances of a class are alive: their shortest paths from the GC roots merged
     * into one tree (the command line's {@code heap why}), in the "Why alive" view.
     */
    public void whyAlive(String className) {
        show(Section.WHY_ALIVE);
        viewOf(Section.WHY_ALIVE, HeapView.MergedPaths.class).show(className);
    }

    /** Shows the query view with {@code query} in its editor (a pinned result reopened), without running it. */
    public void showQuery(String query) {
        show(Section.QUERY);
        viewOf(Section.QUERY, HeapView.Query.class).setQuery(query);
    }

    /** The why-alive view as its view class, or null before the first request. */
    public <V> V whyAlive(Class<V> type) {
        return hasView(Section.WHY_ALIVE) ? viewOf(Section.WHY_ALIVE, type) : null;
    }

    private RetainedSetPanel retainedPanel;
    private javafx.scene.control.Dialog<Void> retainedDialog;
    private TaskRunner.Handle retainedTask;

    /**
     * Shows what a row keeps alive (MAT's retained set): an object's, or a class row's every
     * instance together, computed in the background (a new request cancels the last). In a
     * window of its own beside the main one, not the side area: with a case's notebook open the
     * side area is left a hundred pixels, too narrow for class names.
     */
    public void retainedSet(HeapRow row) {
        String what = row.isObject() ? dump.className(row.node()) + String.format(" @ 0x%x", dump.address(row.node()))
                : "all " + row.title();
        showRetainedSet(what, p -> row.isObject()
                ? dev.inquest.heap.query.RetainedSet.forObjects(dump, what, new long[] {row.node()}, p)
                : dev.inquest.heap.query.RetainedSet.forClass(dump, row.title(), false, p));
    }

    /**
     * Shows what several objects keep alive together (a selection of query rows), in the same
     * window as a row's: what they share counts, though none of them alone retains it.
     */
    public void retainedSet(long[] nodes, String what) {
        long[] members = nodes.clone();
        showRetainedSet(what, p -> dev.inquest.heap.query.RetainedSet.forObjects(dump, what, members, p));
    }

    private void showRetainedSet(String what, TaskRunner.Work<dev.inquest.heap.query.RetainedSet.Result> work) {
        if (retainedPanel == null) {
            retainedPanel = new RetainedSetPanel(this);
            retainedDialog = new javafx.scene.control.Dialog<>();
            if (views.window().stage() != null) {
                retainedDialog.initOwner(views.window().stage());
            }
            retainedDialog.initModality(javafx.stage.Modality.NONE);
            retainedDialog.setResizable(true);
            retainedDialog.getDialogPane().setId("retained-set-dialog");
            retainedDialog.getDialogPane().setContent(retainedPanel.node());
            retainedDialog.getDialogPane().getButtonTypes().setAll(javafx.scene.control.ButtonType.CLOSE);
            retainedDialog.getDialogPane().setPrefSize(660, 460);
            // Closing it stops work nobody waits for any more.
            retainedDialog.setOnHidden(e -> {
                if (retainedTask != null) {
                    retainedTask.cancel();
                    retainedTask = null;
                }
            });
        }
        if (retainedTask != null) {
            retainedTask.cancel();
        }
        retainedPanel.computing(what);
        retainedDialog.setTitle("Retained set of " + what + " - " + file.getFileName());
        if (!retainedDialog.isShowing()) {
            retainedDialog.show();
        }
        RetainedSetPanel panel = retainedPanel;
        TaskRunner.Handle[] task = new TaskRunner.Handle[1];
        task[0] = run("Retained set of " + what, work, r -> {
                    if (retainedTask == task[0]) {
                        retainedTask = null;
                        panel.show(r);
                    }
                }, t -> {
                    if (retainedTask == task[0]) {
                        retainedTask = null;
                        panel.failed(what, t);
                    }
                });
        retainedTask = task[0];
    }

    /** The retained set shown, or null before the first request or while computing. */
    public dev.inquest.heap.query.RetainedSet.Result retainedSetShown() {
        return retainedPanel == null ? null : retainedPanel.result();
    }

    /** The retained set's window, or null before the first request. */
    public javafx.scene.control.Dialog<Void> retainedSetDialog() {
        return retainedDialog;
    }

    /** Inspects the instance of a class that retains the most (a class row's "Inspect"); says so when it has none. */
    public void inspectLargest(String className) {
        run("Largest " + className, p -> dev.inquest.heap.query.ClassInstances.largest(dump, className, p), node -> {
            if (node >= 0) {
                inspect(node);
            } else {
                views.window().status().setText("No reachable instance of " + className);
            }
        });
    }

    /**
     * Shows a panel of another feature (cross links) as a tab beside the inspector and paths,
     * replacing that feature's previous panel of the same id.
     */
    public void showSidePanel(String id, String title, Node content) {
        Tab tab = side.getTabs().stream().filter(t -> id.equals(t.getId())).findFirst().orElse(null);
        if (tab == null) {
            tab = new Tab(title);
            tab.setId(id);
        }
        tab.setText(title);
        tab.setContent(content);
        showSide(tab);
    }

    /** The content of a panel shown with {@link #showSidePanel}, or null. */
    public Node sidePanel(String id) {
        return side.getTabs().stream().filter(t -> id.equals(t.getId())).map(Tab::getContent).findFirst().orElse(null);
    }

    /** Icons only while the view has less than {@link #VIEW_MIN} (in proportion to the type size), names again from a little more. */
    private void fitNavigation() {
        double view = viewHost.getWidth();
        if (view <= 0) {
            return;
        }
        double need = VIEW_MIN * typeScale();
        if (!navIcons.get() && view < need) {
            navIcons.set(true);
        } else if (navIcons.get() && view - (namesWidth() - NAV_ICON_WIDTH) >= need + 8) {
            navIcons.set(false);
        }
    }

    /**
     * The navigation's width with the views' names: {@link #NAV_WIDTH}, or the widest name with its
     * icon and the cell's padding in the cells' font when that is more (a larger type).
     */
    private double namesWidth() {
        if (!(nav.lookup(".list-cell") instanceof javafx.scene.control.ListCell<?> cell)) {
            return NAV_WIDTH;
        }
        double widest = 0;
        for (Section s : Section.values()) {
            widest = Math.max(widest, dev.inquest.ui.common.FitText.width(cell.getFont(), s.label));
        }
        // The icon (16 px), the gap to the name, the cell's padding, the list's border and a pixel of rounding.
        double need = widest + 16 + cell.getGraphicTextGap() + cell.snappedLeftInset() + cell.snappedRightInset()
                + nav.snappedLeftInset() + nav.snappedRightInset() + 2;
        return Math.max(NAV_WIDTH, Math.ceil(need));
    }

    /** True while the navigation shows icons only (the view beside it is narrower than {@link #VIEW_MIN}). */
    public boolean navigationIcons() {
        return navIcons.get();
    }

    /**
     * The type size against the base 13 px, from the navigation's cells (View > Bigger type, presentation).
     * Styles first: a zoom sets the window's font size in the same event that may place the side,
     * and the cells' font follows only once styles apply, so it read the previous size (issue 18).
     */
    private double typeScale() {
        nav.applyCss();
        if (!(nav.lookup(".list-cell") instanceof javafx.scene.control.Labeled cell)) {
            return 1;
        }
        // A new type size with the same room (no width changes, so nothing else re-places): the
        // side and the navigation are placed again for it, after the layout that applies it.
        dev.inquest.ui.common.FitText.onTypeSize(cell, FOLLOWS_TYPE, () -> javafx.application.Platform.runLater(() -> {
            placeSide();
            fitNavigation();
        }));
        return cell.getFont().getSize() / 13;
    }

    /** Marks the navigation cell whose font {@link #typeScale} follows. */
    private static final Object FOLLOWS_TYPE = new Object();

    /** Whether a mouse target is this document's split divider (not the inspector's own inner one). */
    private boolean isOwnDivider(Object target) {
        for (Node n = target instanceof Node t ? t : null; n != null && n != split; n = n.getParent()) {
            if (n.getStyleClass().contains("split-pane-divider")) {
                return n.getParent() == split;
            }
        }
        return false;
    }

    /**
     * Puts the side area beside the view while both get their minimum ({@link #VIEW_MIN},
     * {@link #INSPECTOR_MIN}, in proportion to the type), else below it: never 0 px wide.
     */
    private void placeSide() {
        if (!split.getItems().contains(side) || split.getWidth() <= 0) {
            return;
        }
        double scale = typeScale();
        // The width the split has with the navigation as icons: beside the side, the view is below
        // VIEW_MIN plus the names' width, so the navigation gives its names up (fitNavigation).
        double width = split.getWidth() + (navIcons.get() ? 0 : NAV_WIDTH - NAV_ICON_WIDTH);
        boolean wasBeside = split.getOrientation() == javafx.geometry.Orientation.HORIZONTAL;
        SidePlacement.Placement p = SidePlacement.choose(width, split.getHeight(), scale, VIEW_MIN * scale, userSide, userViewShareBelow,
                wasBeside);
        if (p.beside()) {
            split.setOrientation(javafx.geometry.Orientation.HORIZONTAL);
            // The side keeps its width as the window changes (not resizable with the split), the view takes the rest.
            split.setDividerPositions(Math.max(0.05, p.dividerBeside(split.getWidth())));
        } else {
            split.setOrientation(javafx.geometry.Orientation.VERTICAL);
            split.setDividerPositions(p.viewShareBelow());
        }
    }

    /** Where the inspector / paths area is shown. */
    public SidePlace sidePlace() {
        if (!split.getItems().contains(side)) {
            return SidePlace.HIDDEN;
        }
        return split.getOrientation() == javafx.geometry.Orientation.HORIZONTAL ? SidePlace.BESIDE : SidePlace.BELOW;
    }

    /** Closes the inspector / paths area (the views keep their state for the next inspect). */
    public void hideSide() {
        side.getTabs().clear();
    }

    /** The inspector as its view class (e.g. {@code inspector(InspectorView.class)}), or null before the first inspect. */
    public <V> V inspector(Class<V> type) {
        return type.cast(inspector);
    }

    /** The paths view as its view class, or null before the first paths request. */
    public <V> V paths(Class<V> type) {
        return type.cast(paths);
    }

    private void showSide(Tab tab) {
        if (!side.getTabs().contains(tab)) {
            side.getTabs().add(tab == inspectorTab ? 0 : side.getTabs().size(), tab);
        }
        if (!split.getItems().contains(side)) {
            split.getItems().add(side);
            SplitPane.setResizableWithParent(side, false);
        }
        placeSide();
        // Again after the layout that gave the split its size (the first show, a new type size).
        javafx.application.Platform.runLater(this::placeSide);
        side.getSelectionModel().select(tab);
    }

    /**
     * Runs engine work for this document off the FX thread; the result is dropped if the tab
     * closed meanwhile. Failures other than a cancel show as an error.
     */
    public <T> TaskRunner.Handle run(String title, TaskRunner.Work<T> work, Consumer<? super T> onSuccess) {
        return run(title, work, onSuccess, t -> views.window().showError(title + " failed", t));
    }

    public <T> TaskRunner.Handle run(String title, TaskRunner.Work<T> work, Consumer<? super T> onSuccess,
            Consumer<Throwable> onFailure) {
        TaskRunner.Handle[] handle = new TaskRunner.Handle[1];
        handle[0] = views.window().tasks().submit(title, work, result -> {
            finished(handle[0]);
            if (!closed) {
                fxCost.measure(title, () -> onSuccess.accept(result));
            }
        }, t -> {
            finished(handle[0]);
            if (!closed) {
                onFailure.accept(t);
            }
        });
        running.add(handle[0]);
        return handle[0];
    }

    /**
     * Builds the structures the queries share in the background (or maps them from an earlier
     * open), so the first question asked does not wait for them. A failure here is not the
     * user's concern yet: the query that needs the structure will meet it and report it.
     */
    void prepareQueries() {
        run("Preparing queries", p -> {
            // One core at most: the other core stays with the FX thread while the analyst reads the overview.
            return views.window().tasks().onOneCore(() -> {
                dev.inquest.heap.query.QueryPreparation.prepare(dump, p);
                return Boolean.TRUE;
            });
        }, done -> queriesPrepared = true, failed -> {
        });
    }

    private boolean queriesPrepared;

    /** Whether the background preparation of the query structures has finished (FX thread). */
    public boolean queriesPrepared() {
        return queriesPrepared;
    }

    /**
     * The most expensive FX-thread rendering of a background result so far (CPU and wall time):
     * the speed test holds every view to the issue's 50 ms with it.
     */
    public dev.inquest.ui.debug.FxCost fxCost() {
        return fxCost;
    }

    private void finished(TaskRunner.Handle h) {
        running.remove(h);
        if (closed && running.isEmpty()) {
            release();
        }
    }

    /** Stops this document's work and releases the dump (at once, or when its last task has stopped). */
    void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (retainedDialog != null) {
            retainedDialog.close(); // its rows stand for objects of the dump being released
        }
        running.forEach(TaskRunner.Handle::cancel);
        if (running.isEmpty()) {
            release();
        }
    }

    /**
     * Closes the dump off the FX thread: closing lets query structures still being written beside
     * the index finish first, a disk write the window must not wait for, and waits for an
     * off-screen prebuild that is reading the dump.
     */
    private void release() {
        CompletableFuture<Void> building = prebuild;
        TaskRunner.Lane.RELEASE.submit(() -> {
            // A prebuild under way reads the dump while it lays out rows: it ends first.
            building.join();
            dump.close();
        });
    }

    /** The off-screen dominator view's build, done when it finished or was never asked for. */
    private volatile CompletableFuture<Void> prebuild = CompletableFuture.completedFuture(null);

    public boolean isClosed() {
        return closed;
    }

    /** The document's content node: the tab finds its document through it, typed. */
    static final class Pane extends BorderPane implements dev.inquest.ui.view.DocumentViews {
        private final HeapDocument document;

        Pane(HeapDocument document) {
            this.document = document;
        }

        HeapDocument document() {
            return document;
        }

        @Override
        public List<String> viewNames() {
            return document.nav.getItems().stream().map(Section::label).toList();
        }

        @Override
        public void showView(int index) {
            if (index >= 0 && index < document.nav.getItems().size()) {
                document.show(document.nav.getItems().get(index));
                document.nav.requestFocus();
            }
        }
    }

    /** What the views see of the document: {@link HeapContext}, delegating here. */
    private final class Context implements HeapContext {
        @Override
        public HeapDump dump() {
            return dump;
        }

        @Override
        public Path file() {
            return file;
        }

        @Override
        public HeapSummary summary() {
            return summary;
        }

        @Override
        public RowActions actions() {
            return actions;
        }

        @Override
        public void inspect(long node) {
            HeapDocument.this.inspect(node);
        }

        @Override
        public void showClassInDominators(String className) {
            HeapDocument.this.showClassInDominators(className);
        }

        @Override
        public void whyAlive(String className) {
            HeapDocument.this.whyAlive(className);
        }

        @Override
        public void chooseBaseline(Node anchor) {
            HeapDocument.this.chooseBaseline(anchor);
        }

        @Override
        public void compareWith(Path baselineFile) {
            HeapDocument.this.compareWith(baselineFile);
        }

        @Override
        public void onBaseline(Consumer<Baseline> listener) {
            HeapDocument.this.onBaseline(listener);
        }

        @Override
        public <T> TaskRunner.Handle run(String title, TaskRunner.Work<T> work, Consumer<? super T> onSuccess) {
            return HeapDocument.this.run(title, work, onSuccess);
        }

        @Override
        public <T> TaskRunner.Handle run(String title, TaskRunner.Work<T> work, Consumer<? super T> onSuccess,
                Consumer<Throwable> onFailure) {
            return HeapDocument.this.run(title, work, onSuccess, onFailure);
        }

        @Override
        public void showError(String title, Throwable failure) {
            views.window().showError(title, failure);
        }

        @Override
        public void retainedSet(long[] nodes, String what) {
            HeapDocument.this.retainedSet(nodes, what);
        }

        @Override
        public boolean canPinQuery() {
            return views.queryPinHandler() != null;
        }

        @Override
        public void pinQuery(String query, List<String> columns, List<dev.inquest.heap.query.OqlRow> rows, long total,
                boolean more) {
            if (views.queryPinHandler() != null) {
                views.queryPinHandler().pin(HeapDocument.this, query, columns, rows, total, more);
            }
        }

        @Override
        public List<String> queryHistory() {
            return views.queryHistory().queries();
        }

        @Override
        public void queryRan(String query) {
            views.queryHistory().ran(query);
        }

        @Override
        public Node suspectPanel(Suspect suspect) {
            return views.suspectExtras() == null ? null : views.suspectExtras().panel(HeapDocument.this, suspect);
        }
    }
}
