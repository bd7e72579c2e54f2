package dev.inquest.ui.jfr;

import dev.inquest.ui.common.FitColumn;
import dev.inquest.format.Units;
import dev.inquest.jfr.Recording;
import dev.inquest.jfr.alloc.AllocationTables;
import dev.inquest.jfr.render.DiffFlame;
import dev.inquest.jfr.render.FlameGraphSvg;
import dev.inquest.jfr.render.FrameKind;
import dev.inquest.jfr.render.StackTreeFlame;
import dev.inquest.jfr.stack.EventKind;
import dev.inquest.jfr.stack.StackTree;
import dev.inquest.jfr.stack.StackTreeQuery;
import dev.inquest.jfr.stack.Weight;
import dev.inquest.ui.flame.FlameGraph;
import java.util.List;
import java.util.Optional;
import dev.inquest.investigation.model.Evidence;
import dev.inquest.jfr.render.FrameInfo;
import dev.inquest.link.RecordingEvidence;
import dev.inquest.ui.view.EvidenceSourceView;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;

/**
 * A flame graph of the recording's allocations (by bytes or by count, with tables by class, top
 * frame and thread) or of its CPU samples (optionally one thread). Reads when first shown and again
 * when the weight, the thread or the time range changes.
 */
public final class FlameView extends BorderPane implements JfrDocument.LazyView, EvidenceSourceView {
    /** Which events the graph is built from; LOCKS is the command line's {@code --kind lock}: the same query. */
    enum Mode {
        ALLOCATIONS("jfr-alloc", EventKind.ALLOC, "allocations"),
        CPU("jfr-cpu", EventKind.CPU, "CPU samples"),
        LOCKS("jfr-lock", EventKind.LOCK, "lock contention");

        final String id;
        final EventKind kind;
        final String what;

        Mode(String id, EventKind kind, String what) {
            this.id = id;
            this.kind = kind;
            this.what = what;
        }
    }

    /**
     * The lower tables' minimum: tab header, column header, a row with its share bar under the
     * figure and a scroll bar (160 px at presentation's 21 px type, a row short by 3 px at 150 %).
     */
    static final double TABLES_MIN_EM = 8.0;

    private final JfrContext doc;
    private final Mode mode;
    private final FlameGraph flame = new FlameGraph();
    private final ChoiceBox<Weight> weight;
    private final TextField thread = new TextField();
    private final Label rangeLabel = new Label();
    private final Label totals = new Label();
    private final TableView<AllocationTables.Row> byClass = rowTable("Allocated class");
    private final TableView<AllocationTables.Row> byFrame = rowTable("Top frame");
    private final TableView<AllocationTables.ThreadRow> byThread = threadTable();
    private boolean loaded;
    private StackTree tree;
    private String[] pendingReveal;
    private String focusedClass;

    FlameView(JfrContext doc, Mode mode) {
        this.doc = doc;
        this.mode = mode;
        setId(mode.id + "-view");
        weight = new ChoiceBox<>(FXCollections.observableArrayList(mode == Mode.LOCKS
                ? List.of(Weight.NANOS, Weight.COUNT) : List.of(Weight.BYTES, Weight.COUNT)));
        weight.setId(mode.id + "-weight");
        weight.setValue(mode.kind.defaultWeight());
        weight.setConverter(new javafx.util.StringConverter<>() {
            @Override
            public String toString(Weight w) {
                return switch (w) {
                    case BYTES -> "by bytes";
                    case NANOS -> "by blocked time";
                    case COUNT -> "by count";
                };
            }

            @Override
            public Weight fromString(String s) {
                return s.contains("bytes") ? Weight.BYTES : s.contains("time") ? Weight.NANOS : Weight.COUNT;
            }
        });
        weight.valueProperty().addListener((o, a, b) -> invalidate());
        thread.setPromptText("all threads");
        thread.setPrefColumnCount(16);
        thread.setOnAction(e -> invalidate());
        Button clearRange = RangeControls.clearButton(doc);
        RangeControls.show(rangeLabel, doc);
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        // A tool bar, not a box: what does not fit goes into its overflow menu (>>) whole, where a
        // box cut every word ("We...", "whole recor...", "Compare wi...") in a narrow tab group.
        javafx.scene.control.ToolBar bar = new javafx.scene.control.ToolBar();
        bar.getStyleClass().add("flame-tool-bar");
        bar.setPadding(new Insets(6, 10, 2, 10));
        if (mode == Mode.ALLOCATIONS) {
            bar.getItems().addAll(new Label("Weight"), weight);
        } else if (mode == Mode.LOCKS) {
            // Blocked time by default (what the command line weighs), or how often threads blocked.
            bar.getItems().addAll(new Label("Weight"), weight, new Label("Thread"), thread);
        } else {
            bar.getItems().addAll(new Label("Thread"), thread);
        }
        Button compare = new Button("Compare with...", new FontIcon(MaterialDesignC.COMPARE_HORIZONTAL));
        compare.setId(mode.id + "-compare");
        compare.setTooltip(new javafx.scene.control.Tooltip("Differential flame graph against a baseline recording"));
        compare.setOnAction(e -> chooseBaseline(compare));
        Button inHeap = new Button("Show in heap dump", new FontIcon(org.kordamp.ikonli.materialdesign2.MaterialDesignM.MEMORY));
        inHeap.setId(mode.id + "-in-heap");
        inHeap.setTooltip(new javafx.scene.control.Tooltip("Instances of the selected allocated class in an open heap dump"));
        inHeap.setOnAction(e -> showSelectedClassInHeap());
        inHeap.disableProperty().bind(javafx.beans.binding.Bindings.createBooleanBinding(
                () -> selectedAllocatedClass() == null, flame.selectedFrameProperty(), flame.zoomedFrameProperty()));
        bar.getItems().addAll(new Label("Range"), rangeLabel, clearRange, spacer, totals, compare);
        if (mode == Mode.ALLOCATIONS) {
            bar.getItems().add(inHeap);
        }
        for (javafx.scene.Node n : bar.getItems()) {
            if (n instanceof Region r && n != spacer) {
                r.setMinWidth(Region.USE_PREF_SIZE);
            }
        }
        setTop(bar);
        flame.setId(mode.id + "-flame");
        if (mode == Mode.ALLOCATIONS) {
            byClass.setContextMenu(classRowMenu());
            TabPane tables = new TabPane(new Tab("By class", byClass), new Tab("By top frame", byFrame), new Tab("By thread", byThread));
            tables.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
            // The tables keep their tabs, header, a row and a scroll bar; the flame graph above gives
            // way to that (issue 18: presenting at 1024x700 the By class table showed no row).
            tables.setStyle("-fx-min-height: " + TABLES_MIN_EM + "em;");
            // The flame graph scrolls its frames: below its tool bar and legend it is clipped by the
            // split, where its own minimum had pushed the view past its tab (texts over texts).
            flame.setMinHeight(0);
            SplitPane split = new SplitPane(flame, tables);
            split.setOrientation(Orientation.VERTICAL);
            split.setDividerPositions(0.68);
            setCenter(split);
        } else {
            setCenter(flame);
        }
    }

    /** The allocated class selected (or zoomed into), or null. */
    String selectedAllocatedClass() {
        FrameInfo f = flame.selectedFrameProperty().get();
        if (f == null) {
            f = flame.zoomedFrameProperty().get();
        }
        return f != null && f.kind() == FrameKind.ALLOCATED_CLASS ? f.label() : null;
    }

    /** "Show in heap dump": the selected allocated class in an open dump. */
    public boolean showSelectedClassInHeap() {
        String cls = selectedAllocatedClass();
        if (cls == null) {
            doc.status("Select an allocated class (a leaf frame) first");
            return false;
        }
        return showClassInHeap(cls);
    }

    /**
     * "Show in heap dump" for an allocated class (a flame frame or a "By class" row): the link
     * chooses among the open dumps by this recording's time span and says which it took.
     */
    public boolean showClassInHeap(String cls) {
        if (!doc.links().canShowHeapInstances()) {
            doc.status("Open a heap dump of the same service first");
            return false;
        }
        return doc.links().showHeapInstances(doc.span(), cls);
    }

    /**
     * The "By class" table's row menu: the class's instances in a heap dump, and its callers in
     * the flame graph (the table was a dead end: neither was reachable from a row, issue 18).
     */
    private javafx.scene.control.ContextMenu classRowMenu() {
        javafx.scene.control.MenuItem inHeap = new javafx.scene.control.MenuItem("Show in heap dump",
                new FontIcon(org.kordamp.ikonli.materialdesign2.MaterialDesignM.MEMORY));
        inHeap.setId("jfr-alloc-class-in-heap");
        inHeap.setOnAction(e -> selectedClassRow().ifPresent(r -> showClassInHeap(r.key())));
        javafx.scene.control.MenuItem callers = new javafx.scene.control.MenuItem("Show callers in the flame graph");
        callers.setId("jfr-alloc-class-callers");
        callers.setOnAction(e -> selectedClassRow().ifPresent(r -> showAllocationsOf(r.key())));
        // With several dumps open: the link's choice first (by time, never the baseline while another is open), the others by name.
        javafx.scene.control.Menu showIn = new javafx.scene.control.Menu("Show in");
        showIn.setId("jfr-alloc-class-in-dump");
        javafx.scene.control.ContextMenu menu = new javafx.scene.control.ContextMenu(inHeap, showIn, callers);
        // Enabled for what the row can reach now: a heap link needs an open dump.
        menu.setOnShowing(e -> {
            boolean row = selectedClassRow().isPresent();
            inHeap.setDisable(!row || !doc.links().canShowHeapInstances());
            callers.setDisable(!row);
            List<String> dumps = row ? doc.links().heapDumps(doc.span()) : List.of();
            showIn.getItems().clear();
            for (int i = 0; i < dumps.size(); i++) {
                int rank = i;
                javafx.scene.control.MenuItem item = new javafx.scene.control.MenuItem(dumps.get(i) + (i == 0 ? " (the link's choice)" : ""));
                item.setOnAction(a -> selectedClassRow().ifPresent(r -> doc.links().showHeapInstancesIn(doc.span(), r.key(), rank)));
                showIn.getItems().add(item);
            }
            showIn.setVisible(dumps.size() > 1);
        });
        return menu;
    }

    private Optional<AllocationTables.Row> selectedClassRow() {
        return Optional.ofNullable(byClass.getSelectionModel().getSelectedItem());
    }

    /** The "By class" table (tests). */
    public TableView<AllocationTables.Row> classTable() {
        return byClass;
    }

    /**
     * "Where were these allocated?": the callers of one allocated class, as a reversed flame
     * graph focused on it; returns its share of the allocations shown.
     */
    public void showAllocationsOf(String className) {
        flame.setReversed(true);
        flame.focusOn(className);
        focusedClass = className;
        reportFocusedShare();
    }

    /** As {@link #showAllocationsOf}, then zooms into one allocating frame of the class. */
    public void showAllocationSite(String className, String frame) {
        showAllocationsOf(className);
        reveal(List.of(className, frame));
    }

    /** The focused class's share of the allocations shown, or NaN before the tree is read. */
    public double focusedShare() {
        return tree == null || focusedClass == null || tree.total() == 0 ? Double.NaN
                : (double) tree.totalOf(focusedClass) / tree.total();
    }

    private void reportFocusedShare() {
        double share = focusedShare();
        if (!Double.isNaN(share)) {
            doc.status(focusedClass + ": " + Units.percent(share) + " of the allocations in "
                    + doc.summary().file());
        }
    }

    /** Switches the allocation weight (bytes or count); reloads when shown. */
    void useWeight(Weight w) {
        weight.setValue(w);
    }

    public FlameGraph flameGraph() {
        return flame;
    }

    /** The tree shown, or null until loaded. */
    public StackTree tree() {
        return tree;
    }

    @Override
    public void ensureLoaded() {
        if (!loaded) {
            loaded = true;
            load();
        }
    }

    /** Drops the data; reloads now if the view has been shown. */
    void invalidate() {
        if (loaded) {
            load();
        }
    }

    /** The recording's file name, as the command line names it in titles. */
    private String fileName() {
        return java.nio.file.Path.of(doc.summary().file()).getFileName().toString();
    }

    private StackTreeQuery query() {
        StackTreeQuery q = StackTreeQuery.of(mode.kind);
        if (mode != Mode.CPU) {
            q = q.withWeight(weight.getValue());
        }
        if (mode != Mode.ALLOCATIONS && !thread.getText().isBlank()) {
            q = q.withThread(thread.getText().strip());
        }
        JfrDocument.Range r = doc.rangeProperty().get();
        if (r != null) {
            q = q.withRange(r.from(), r.to());
        }
        return q;
    }

    private record Loaded(StackTree tree, AllocationTables tables) {
    }

    private void load() {
        StackTreeQuery q = query();
        String what = mode.what;
        doc.run("Reading " + what, p -> {
            StackTree t = doc.recording().stacks(q, p);
            AllocationTables tables = mode == Mode.ALLOCATIONS ? doc.recording().allocationTables(t, p) : null;
            return new Loaded(t, tables);
        }, loaded -> show(loaded.tree(), loaded.tables()), failure -> doc.showError("Cannot read " + what, failure));
    }

    private void show(StackTree t, AllocationTables tables) {
        this.tree = t;
        flame.setTree(StackTreeFlame.of(t), StackTreeFlame.unit(t.weight()));
        flame.setHeading(FlameGraphSvg.heading(t, FlameGraphSvg.title(query().kind(), fileName(), query().thread())));
        totals.setText(t.events() == 0 && mode == Mode.LOCKS
                ? "No " + String.join(" or ", mode.kind.eventTypes()) + " events"
                : Units.count(t.events()) + " events, " + StackTreeFlame.unit(t.weight()).format(t.total()));
        applyReveal();
        if (tables != null) {
            byClass.setItems(FXCollections.observableArrayList(tables.byClass()));
            byFrame.setItems(FXCollections.observableArrayList(tables.byTopFrame()));
            byThread.setItems(FXCollections.observableArrayList(tables.byThread()));
        }
    }

    private static TableView<AllocationTables.Row> rowTable(String keyTitle) {
        TableView<AllocationTables.Row> t = new TableView<>();
        TableColumn<AllocationTables.Row, String> key = new TableColumn<>(keyTitle);
        key.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().key()));
        key.setPrefWidth(520);
        // Class names and frames whole: the column widens to them and the table scrolls (issue 18:
        // the title-wide figure columns took the room, "jdk.jfr.internal.util.Timesp..." presenting).
        key.setCellFactory(FitColumn.textCells());
        t.getColumns().add(key);
        t.getColumns().add(numeric("Bytes", AllocationTables.Row::bytes, Units::bytes));
        TableColumn<AllocationTables.Row, Double> share = new TableColumn<>("Share");
        share.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().share()));
        share.setCellFactory(col -> dev.inquest.ui.common.ShareBarCell.forTable());
        share.setPrefWidth(140);
        t.getColumns().add(share);
        t.setColumnResizePolicy(FitColumn.scrolling(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN));
        // Its column titles whole, not "Retain..." (issue 18).
        dev.inquest.ui.common.FitColumn.keepTitlesWhole(t);
        t.setPlaceholder(new Label("No allocation events in this range"));
        return t;
    }

    private static TableView<AllocationTables.ThreadRow> threadTable() {
        TableView<AllocationTables.ThreadRow> t = new TableView<>();
        TableColumn<AllocationTables.ThreadRow, String> name = new TableColumn<>("Thread");
        name.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().thread()));
        name.setPrefWidth(420);
        name.setCellFactory(FitColumn.textCells());
        t.getColumns().add(name);
        t.getColumns().add(numeric("During recording", AllocationTables.ThreadRow::allocatedDuringRecording, Units::bytes));
        t.getColumns().add(numeric("Since thread start", AllocationTables.ThreadRow::allocatedSinceStart, Units::bytes));
        t.setColumnResizePolicy(FitColumn.scrolling(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN));
        dev.inquest.ui.common.FitColumn.keepTitlesWhole(t);
        t.setPlaceholder(new Label("No jdk.ThreadAllocationStatistics in this recording"));
        return t;
    }

    static <S> TableColumn<S, Long> numeric(String title, Function<S, Long> value, Function<Long, String> format) {
        TableColumn<S, Long> col = new TableColumn<>(title);
        col.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(value.apply(c.getValue())));
        col.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(Long item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : format.apply(item));
            }

            @Override
            protected void layoutChildren() {
                super.layoutChildren();
                dev.inquest.ui.common.FitColumn.fit(this, getTableColumn());
            }
        });
        col.getStyleClass().add("numeric");
        col.setPrefWidth(150);
        return col;
    }

    /**
     * The selected (or zoomed-into) frame as evidence: its share of the profile, its weights and the
     * stack that reaches it, with the view, event kind, weight and time range to reopen it.
     */
    @Override
    public Optional<Evidence> evidenceForSelection() {
        FrameInfo f = flame.selectedFrameProperty().get();
        if (f == null) {
            f = flame.zoomedFrameProperty().get();
        }
        if (f == null || tree == null || f.stack().isEmpty()) {
            return Optional.empty();
        }
        RecordingEvidence.Frame frame = new RecordingEvidence.Frame(f.label(), f.stack(), f.shareOfRoot(), f.total(), f.self());
        if (mode == Mode.LOCKS) {
            return Optional.of(RecordingEvidence.lockFrame(doc.summary().file(), doc.artifactPath(), tree.weight(),
                    tree.eventTypes(), tree.events(), frame, doc.rangeLocator()));
        }
        return Optional.of(RecordingEvidence.flameFrame(doc.summary().file(), doc.artifactPath(), mode == Mode.ALLOCATIONS,
                tree.weight(), tree.events(), frame, doc.rangeLocator()));
    }

    /** Shows the frame named by a pinned locator ("a;b;c"), zooming into it once the tree is there. */
    void reveal(List<String> frameStack) {
        pendingReveal = frameStack.toArray(String[]::new);
        if (tree != null) {
            applyReveal();
        }
    }

    private void applyReveal() {
        String[] stack = pendingReveal;
        if (stack == null) {
            return;
        }
        if (!flame.busyProperty().get()) {
            pendingReveal = null;
            flame.zoomTo(stack);
            return;
        }
        // Big trees are rebuilt off the FX thread; zoom when the rebuild is done.
        flame.busyProperty().addListener(new javafx.beans.value.ChangeListener<>() {
            @Override
            public void changed(javafx.beans.value.ObservableValue<? extends Boolean> o, Boolean was, Boolean busy) {
                if (!busy) {
                    o.removeListener(this);
                    applyReveal();
                }
            }
        });
    }

    /**
     * The other recordings open in the window first (the baseline is usually open beside this one),
     * then "Other file..."; with no other recording open, straight to the file chooser.
     */
    void chooseBaseline(javafx.scene.Node anchor) {
        javafx.scene.control.ContextMenu menu = baselineChoices();
        if (menu.getItems().size() == 1 || anchor == null || anchor.getScene() == null) {
            menu.getItems().getLast().fire();
        } else {
            shownBaselineMenu = menu;
            menu.show(anchor, javafx.geometry.Side.BOTTOM, 0, 0);
        }
    }

    private javafx.scene.control.ContextMenu shownBaselineMenu;

    /** The menu {@link #chooseBaseline} showed last, or null (tests pick from it as a user would). */
    public javafx.scene.control.ContextMenu shownBaselineMenu() {
        return shownBaselineMenu;
    }

    /** One item per other open recording (ids {@code <view>-baseline-open-N}), then "Other file...". */
    public javafx.scene.control.ContextMenu baselineChoices() {
        javafx.scene.control.ContextMenu menu = new javafx.scene.control.ContextMenu();
        menu.setId(mode.id + "-baseline-choices");
        int i = 0;
        for (java.nio.file.Path other : doc.otherRecordings()) {
            javafx.scene.control.MenuItem item = new javafx.scene.control.MenuItem("Compare with " + other.getFileName(),
                    new FontIcon(MaterialDesignC.COMPARE_HORIZONTAL));
            item.setId(mode.id + "-baseline-open-" + i++);
            item.setMnemonicParsing(false);
            item.setOnAction(e -> compareWith(other));
            menu.getItems().add(item);
        }
        if (!menu.getItems().isEmpty()) {
            menu.getItems().add(new javafx.scene.control.SeparatorMenuItem());
        }
        javafx.scene.control.MenuItem file = new javafx.scene.control.MenuItem("Other file...",
                new FontIcon(org.kordamp.ikonli.materialdesign2.MaterialDesignF.FOLDER_OPEN_OUTLINE));
        file.setId(mode.id + "-baseline-other-file");
        file.setOnAction(e -> chooseBaselineFile());
        menu.getItems().add(file);
        return menu;
    }

    private void chooseBaselineFile() {
        javafx.stage.FileChooser chooser = new javafx.stage.FileChooser();
        chooser.setTitle("Baseline recording to compare " + doc.summary().file() + " with");
        chooser.getExtensionFilters().add(new javafx.stage.FileChooser.ExtensionFilter("Recordings", "*.jfr", "*.jfr.gz"));
        java.io.File f = chooser.showOpenDialog(getScene().getWindow());
        if (f != null) {
            compareWith(f.toPath());
        }
    }

    /**
     * Opens a tab with the differential flame graph: {@code baseline} against this recording, same
     * event kind and weight, shares normalised by each side's total.
     */
    public void compareWith(java.nio.file.Path baseline) {
        StackTreeQuery q = query();
        doc.run("Comparing with " + baseline.getFileName(), p -> {
            StackTree before;
            try (Recording base = Recording.open(baseline, p)) {
                before = base.stacks(q, p);
            }
            StackTree after = doc.recording().stacks(q, p);
            return Recording.diff(before, after);
        }, diff -> {
            FlameGraph g = new FlameGraph();
            g.setId("jfr-diff-flame");
            g.setTree(new DiffFlame(diff.root()), StackTreeFlame.unit(diff.weight()));
            g.setHeading(FlameGraphSvg.heading(diff, FlameGraphSvg.diffTitle(q.kind(), baseline.getFileName().toString(), fileName())));
            Label header = new Label(switch (mode) {
                case ALLOCATIONS -> "Allocations";
                case CPU -> "CPU";
                case LOCKS -> "Lock contention";
            } + ": " + baseline.getFileName()
                    + " (baseline, " + StackTreeFlame.unit(diff.weight()).format(diff.baselineTotal()) + ") \u2192 "
                    + doc.summary().file() + " (" + StackTreeFlame.unit(diff.weight()).format(diff.afterTotal())
                    + "). Red grew, blue shrank, as a share of each recording's total.");
            header.setWrapText(true);
            header.setPadding(new Insets(8, 12, 4, 12));
            BorderPane view = new BorderPane(g);
            view.setTop(header);
            doc.openTab("\u0394 " + baseline.getFileName() + " \u2192 " + doc.summary().file(),
                    new FontIcon(MaterialDesignC.COMPARE_HORIZONTAL), view);
        }, failure -> doc.showError("Cannot compare with " + baseline.getFileName(), failure));
    }

    List<AllocationTables.Row> classRows() {
        return byClass.getItems();
    }
}
