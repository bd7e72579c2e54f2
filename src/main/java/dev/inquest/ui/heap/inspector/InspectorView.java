package dev.inquest.ui.heap.inspector;

import dev.inquest.ui.common.FitColumn;
import dev.inquest.format.Units;
import dev.inquest.heap.model.HeapDump;
import dev.inquest.heap.model.ObjectRef;
import dev.inquest.heap.query.Inspection;
import dev.inquest.heap.query.ObjectInspector;
import dev.inquest.ui.common.FitColumn;
import dev.inquest.ui.common.FitText;
import dev.inquest.ui.heap.ClassCountColumns;
import dev.inquest.ui.heap.HeapCells;
import dev.inquest.ui.heap.HeapContext;
import dev.inquest.ui.heap.HeapPanes;
import dev.inquest.ui.heap.HeapView;
import dev.inquest.ui.heap.HeapRow;
import dev.inquest.ui.heap.MarkdownRow;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignA;
import org.kordamp.ikonli.materialdesign2.MaterialDesignE;
import org.kordamp.ikonli.materialdesign2.MaterialDesignM;

/**
 * One object at a time: its fields with values (strings shown in full up to a limit, or redacted),
 * the objects it references and the objects that reference it. Double-click a reference to walk
 * there; back and forward retrace the walk.
 */
public final class InspectorView implements HeapView.Inspector {
    static final int MAX_REFS = 500;
    static final int MAX_STRING = 400;
    static final String REDACTED = "•••";

    /**
     * A field row: the name, the type, the value as text, and the referenced node (-1 for primitives);
     * for a reference shown as an object label, its class and address (else null and 0), so the cell
     * can shorten the packages rather than cut the label.
     */
    public record FieldRow(String name, String type, String value, boolean textValue, long target, boolean isStatic,
            String targetClass, long targetAddress) {
    }

    /** Everything shown for one object, read in the background. */
    public record Details(long node, String className, long address, long shallow, long retained, String rootKinds,
            String stringValue, List<FieldRow> fields, List<ObjectRef> outbound, List<ObjectRef> inbound, long inboundCount) {
    }

    private final HeapContext doc;
    private final BorderPane root = new BorderPane();
    private final Label title = new Label("Nothing inspected yet");
    private final Label facts = new Label();
    private final Button back = new Button(null, new FontIcon(MaterialDesignA.ARROW_LEFT));
    private final Button forward = new Button(null, new FontIcon(MaterialDesignA.ARROW_RIGHT));
    private final ToggleButton redact = new ToggleButton(null, new FontIcon(MaterialDesignE.EYE_OFF_OUTLINE));
    private final TableView<FieldRow> fields = new TableView<>();
    private final TableView<ObjectRef> outbound;
    private final TableView<ObjectRef> inbound;
    private final Tab outTab = new Tab("Outbound");
    private final Tab inTab = new Tab("Inbound");
    private final Tab retainedTab = new Tab("Retained set");
    private final TableView<Inspection.ClassCount> retainedSet = new TableView<>();
    /** The object whose retained set is shown or being computed (-1: none yet). */
    private long retainedFor = -1;
    private List<Inspection.ClassCount> retainedRows;
    private dev.inquest.ui.task.TaskRunner.Handle retainedTask;
    private final Deque<Long> backStack = new ArrayDeque<>();
    private final Deque<Long> forwardStack = new ArrayDeque<>();
    private Details current;

    public InspectorView(HeapContext doc) {
        this.doc = doc;
        this.outbound = refTable("inspector-outbound", "Field", "Referenced object");
        this.inbound = refTable("inspector-inbound", "Through field", "Referencing object");
        root.setId("inspector");
        back.setId("inspector-back");
        forward.setId("inspector-forward");
        redact.setId("inspector-redact");
        back.setTooltip(new Tooltip("Back"));
        forward.setTooltip(new Tooltip("Forward"));
        redact.setTooltip(new Tooltip("Redact values (strings and numbers) before sharing a screenshot"));
        for (var b : List.of(back, forward, redact)) {
            b.getStyleClass().addAll("button-icon", "flat");
        }
        back.setOnAction(e -> back());
        forward.setOnAction(e -> forward());
        redact.selectedProperty().addListener((obs, was, is) -> {
            fields.refresh();
            render();
        });
        title.setId("inspector-title");
        title.getStyleClass().add("text-bold");
        title.setWrapText(true);
        facts.setId("inspector-facts");
        facts.getStyleClass().add("text-muted");
        facts.setWrapText(true);
        // Wrapped over as many lines as they need: in a low pane (below a view) the fields give up
        // height, the object's name does not (it was "class ..." there).
        title.setMinHeight(Region.USE_PREF_SIZE);
        facts.setMinHeight(Region.USE_PREF_SIZE);
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox nav = new HBox(2, back, forward, gap, redact);
        nav.setAlignment(Pos.CENTER_LEFT);
        VBox head = new VBox(4, nav, title, facts);
        head.setPadding(new Insets(4, 8, 6, 8));

        buildFields();
        outTab.setContent(outbound);
        inTab.setContent(inbound);
        buildRetainedSet();
        retainedTab.setContent(retainedSet);
        retainedTab.setTooltip(new Tooltip("The objects this object alone keeps alive, by class (its dominator subtree)"));
        // Icons, so the tabs not selected give way to them in a narrow inspector (issue 18: "Re").
        outTab.setGraphic(new FontIcon(MaterialDesignA.ARROW_RIGHT));
        inTab.setGraphic(new FontIcon(MaterialDesignA.ARROW_LEFT));
        retainedTab.setGraphic(new FontIcon(org.kordamp.ikonli.materialdesign2.MaterialDesignC.CHART_PIE));
        TabPane refs = new dev.inquest.ui.common.IconTabs(outTab, inTab, retainedTab);
        refs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        // Linear in the retained set, which can be most of the heap: computed only when looked at.
        retainedTab.selectedProperty().addListener((obs, was, is) -> {
            if (is) {
                loadRetainedSet();
            }
        });
        javafx.scene.control.SplitPane split = new javafx.scene.control.SplitPane(fields, refs);
        split.setOrientation(javafx.geometry.Orientation.VERTICAL);
        split.setDividerPositions(0.5);
        // Below a heap view (a narrow window) the inspector is wide and low: the object's head in
        // one line across the top (the title beside the buttons, where it does not wrap into three
        // lines of a half width), then the fields on the left and the references on the right, each
        // with the rest of the height, so both show their rows (issue 18: at 150 % type the fields
        // showed none below the head). Beside a view, head, fields and references one above the other.
        javafx.beans.InvalidationListener shape = o -> {
            boolean wide = root.getWidth() > 2.2 * root.getHeight();
            var want = wide ? javafx.geometry.Orientation.HORIZONTAL : javafx.geometry.Orientation.VERTICAL;
            if (split.getOrientation() == want && nav.getChildren().contains(title) == wide) {
                return;
            }
            split.setOrientation(want);
            if (wide) {
                HBox.setHgrow(title, Priority.ALWAYS);
                title.setMaxWidth(Double.MAX_VALUE);
                nav.getChildren().setAll(back, forward, title, redact);
                head.getChildren().setAll(nav, facts);
            } else {
                HBox.setHgrow(title, Priority.NEVER);
                nav.getChildren().setAll(back, forward, gap, redact);
                head.getChildren().setAll(nav, title, facts);
            }
            split.setDividerPositions(0.5);
        };
        root.widthProperty().addListener(shape);
        root.heightProperty().addListener(shape);
        // Column titles whole too ("Type", "Through field", not "..."), measured after the layout
        // that sized the headers, and again when the type size changes.
        for (TableView<?> t : List.of(fields, outbound, inbound, retainedSet)) {
            FitColumn.keepTitlesWhole(t);
        }
        root.setTop(head);
        root.setCenter(split);
        updateButtons();
    }

    @Override
    public Node node() {
        return root;
    }

    private void buildFields() {
        fields.setId("inspector-fields");
        fields.getStyleClass().add("dense");
        // Names, types and object labels widen their columns (FitColumn, FitText); past the pane's
        // width the table scrolls to the values rather than cutting "java.util.HashMap @ 0x...".
        fields.setColumnResizePolicy(FitColumn.scrolling(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN));
        // It scrolls: its columns' widths are not the inspector's minimum (the split would give it nothing).
        fields.setMinWidth(80);
        TableColumn<FieldRow, String> name = new TableColumn<>("Field");
        name.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>((c.getValue().isStatic() ? "static " : "") + c.getValue().name()));
        name.setCellFactory(FitColumn.textCells());
        name.setPrefWidth(130);
        TableColumn<FieldRow, String> type = new TableColumn<>("Type");
        type.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().type().equals("reference") ? "ref" : c.getValue().type()));
        type.setCellFactory(FitColumn.textCells());
        type.setPrefWidth(64);
        TableColumn<FieldRow, FieldRow> value = new TableColumn<>("Value");
        value.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue()));
        value.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(FieldRow r, boolean empty) {
                super.updateItem(r, empty);
                FitText.clear(this);
                getStyleClass().remove(FREE_TEXT);
                setTextOverrun(javafx.scene.control.OverrunStyle.ELLIPSIS);
                if (empty || r == null) {
                    setText(null);
                } else if (r.targetClass() != null) {
                    HeapCells.objectText(this, r.targetClass(), r.targetAddress());
                } else {
                    setText(shown(r));
                    if (r.textValue()) {
                        // A string's text (up to MAX_STRING characters) is the dump's data, not a
                        // name or a figure: it may end in "...", as the facts above show it whole.
                        getStyleClass().add(FREE_TEXT);
                    }
                }
            }

            @Override
            protected void layoutChildren() {
                super.layoutChildren();
                FieldRow r = getItem();
                if (r != null && r.targetClass() != null) {
                    FitText.refit(this, getTableColumn());
                } else if (r != null && !r.textValue()) {
                    FitColumn.fit(this, getTableColumn());
                }
            }
        });
        value.setPrefWidth(280);
        fields.getColumns().setAll(List.of(name, type, value));
        // Below the view at 150 % type, then beside it at 100 %: the widths are fitted anew, not kept.
        FitColumn.refitOnResize(fields);
        fields.setPlaceholder(HeapPanes.placeholder("No fields."));
        fields.setOnMouseClicked(e -> {
            if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2) {
                FieldRow r = fields.getSelectionModel().getSelectedItem();
                if (r != null && r.target() >= 0) {
                    navigate(r.target());
                }
            }
        });
        fields.setContextMenu(doc.actions().menu(() -> {
            FieldRow r = fields.getSelectionModel().getSelectedItem();
            return r == null ? null : new HeapRow(r.target(), r.name(), List.of("Field", "Type", "Value"),
                    List.of(MarkdownRow.code(r.name()), r.type(), r.textValue() || r.target() < 0 ? MarkdownRow.text(shown(r)) : MarkdownRow.code(shown(r))));
        }));
    }

    /**
     * The style class of a cell whose text is the dump's free text (a string's value), which may be
     * elided; the layout matrix checks names and figures, not these.
     */
    public static final String FREE_TEXT = "free-text";

    private String shown(FieldRow r) {
        return redact.isSelected() && (r.textValue() || r.target() < 0) ? REDACTED : r.value();
    }

    private TableView<ObjectRef> refTable(String id, String fieldTitle, String objectTitle) {
        TableView<ObjectRef> t = new TableView<>();
        t.setId(id);
        t.getStyleClass().add("dense");
        // The object column takes its names' room first (FitText), then the table scrolls.
        t.setColumnResizePolicy(FitColumn.scrolling(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN));
        // It scrolls: its columns' widths are not the inspector's minimum (the split would give it nothing).
        t.setMinWidth(80);
        TableColumn<ObjectRef, String> field = new TableColumn<>(fieldTitle);
        field.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().field()));
        field.setCellFactory(FitColumn.textCells());
        field.setPrefWidth(120);
        TableColumn<ObjectRef, ObjectRef> object = new TableColumn<>(objectTitle);
        object.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue()));
        object.setComparator(java.util.Comparator.comparing(r -> HeapCells.objectLabel(r.className(), r.address())));
        object.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void layoutChildren() {
                super.layoutChildren();
                FitText.refit(this, getTableColumn());
            }

            @Override
            protected void updateItem(ObjectRef r, boolean empty) {
                super.updateItem(r, empty);
                if (empty || r == null) {
                    FitText.clear(this);
                    setText(null);
                    setGraphic(null);
                } else {
                    HeapCells.objectText(this, r.className(), r.address());
                    setGraphic(HeapCells.iconFor(r.className(), false));
                }
            }
        });
        object.setPrefWidth(300);
        TableColumn<ObjectRef, Long> retained = new TableColumn<>("Retained");
        retained.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(doc.dump().retained(c.getValue().node())));
        HeapCells.numeric(retained, HeapCells.Format.BYTES);
        retained.setPrefWidth(90);
        t.getColumns().setAll(List.of(field, object, retained));
        t.setPlaceholder(HeapPanes.placeholder("None."));
        t.setOnMouseClicked(e -> {
            if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2) {
                ObjectRef r = t.getSelectionModel().getSelectedItem();
                if (r != null) {
                    navigate(r.node());
                }
            }
        });
        t.setContextMenu(doc.actions().menu(() -> {
            ObjectRef r = t.getSelectionModel().getSelectedItem();
            return r == null ? null : new HeapRow(r.node(), r.className(), List.of(fieldTitle, objectTitle, "Retained"),
                    List.of(MarkdownRow.code(r.field()), MarkdownRow.code(HeapCells.objectLabel(r.className(), r.address())),
                            Units.bytes(doc.dump().retained(r.node()))));
        }));
        return t;
    }

    /** Shows an object, remembering the current one for "back". */
    @Override
    public void navigate(long node) {
        if (current != null && current.node() == node) {
            return;
        }
        if (current != null) {
            backStack.push(current.node());
        }
        forwardStack.clear();
        load(node);
    }

    public void back() {
        if (!backStack.isEmpty()) {
            forwardStack.push(current.node());
            load(backStack.pop());
        }
    }

    public void forward() {
        if (!forwardStack.isEmpty()) {
            backStack.push(current.node());
            load(forwardStack.pop());
        }
    }

    private void load(long node) {
        title.setText("Reading " + HeapCells.objectLabel(doc.dump().className(node), doc.dump().address(node)) + "...");
        updateButtons();
        doc.run("Inspecting object", p -> read(doc.dump(), node, p), d -> {
            current = d;
            render();
            updateButtons();
        });
    }

    /**
     * Reads everything the inspector shows, from the engine's inspection (the retained set is left
     * for its tab); the first call also builds the inbound index.
     */
    static Details read(HeapDump dump, long node, dev.inquest.progress.Progress progress) {
        List<FieldRow> rows = new ArrayList<>();
        for (Inspection.Field f : ObjectInspector.fields(dump, node, true, MAX_STRING)) {
            boolean isText = f.text() != null;
            boolean object = !isText && f.target() >= 0;
            rows.add(new FieldRow(f.name(), f.type(), isText ? '"' + f.text() + '"' : f.value(), isText, f.target(), f.isStatic(),
                    object ? dump.className(f.target()) : null, object ? dump.address(f.target()) : 0));
        }
        List<ObjectRef> out = dump.outbound(node);
        if (out.size() > MAX_REFS) {
            out = out.subList(0, MAX_REFS);
        }
        List<ObjectRef> in = dump.inbound(node, MAX_REFS, progress);
        long inCount = dump.inboundCount(node, progress);
        return new Details(node, dump.className(node), dump.address(node), dump.shallow(node), dump.retained(node),
                dump.rootKinds(node), dump.stringValue(node, MAX_STRING), rows, List.copyOf(out), in, inCount);
    }

    private void render() {
        Details d = current;
        if (d == null) {
            return;
        }
        title.setText(HeapCells.objectLabel(d.className(), d.address()));
        title.setGraphic(HeapCells.iconFor(d.className(), false));
        StringBuilder sb = new StringBuilder("Shallow " + Units.bytes(d.shallow()) + "  ·  retained " + Units.bytes(d.retained()));
        if (d.rootKinds() != null) {
            sb.append("  ·  GC root: ").append(d.rootKinds());
        }
        if (d.stringValue() != null) {
            sb.append("\nValue: ").append(redact.isSelected() ? REDACTED : '"' + d.stringValue() + '"');
        }
        facts.setText(sb.toString());
        fields.setItems(FXCollections.observableArrayList(d.fields()));
        outbound.setItems(FXCollections.observableArrayList(d.outbound()));
        inbound.setItems(FXCollections.observableArrayList(d.inbound()));
        outTab.setText("Outbound (" + Units.count(d.outbound().size()) + ")");
        inTab.setText("Inbound (" + Units.count(d.inboundCount()) + ")");
        retainedTabText();
        if (retainedTab.isSelected()) {
            loadRetainedSet();
        }
    }

    private void buildRetainedSet() {
        retainedSet.setId("inspector-retained-set");
        retainedSet.getStyleClass().add("dense");
        retainedSet.setColumnResizePolicy(FitColumn.scrolling(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN));
        // It scrolls: its columns' widths are not the inspector's minimum (the split would give it nothing).
        retainedSet.setMinWidth(80);
        ClassCountColumns.install(retainedSet, "Of retained", () -> current == null ? 0 : current.retained());
        retainedSet.setPlaceholder(HeapPanes.placeholder("Computing the retained set..."));
        retainedSet.setContextMenu(doc.actions().menu(() -> ClassCountColumns.row(retainedSet.getSelectionModel().getSelectedItem())));
    }

    private void retainedTabText() {
        List<Inspection.ClassCount> rows = retainedRows;
        boolean shown = rows != null && current != null && current.node() == retainedFor;
        retainedTab.setText(shown ? "Retained set (" + Units.count(rows.size()) + (rows.size() == 1 ? " class)" : " classes)")
                : "Retained set");
    }

    /** Walks the shown object's dominator subtree in the background (once per object). */
    private void loadRetainedSet() {
        Details d = current;
        if (d == null || d.node() == retainedFor) {
            return;
        }
        if (retainedTask != null) {
            retainedTask.cancel();
        }
        long node = d.node();
        retainedFor = node;
        retainedRows = null;
        retainedSet.getItems().clear();
        retainedSet.setPlaceholder(HeapPanes.placeholder("Computing the retained set..."));
        retainedTask = doc.run("Retained set", p -> ObjectInspector.retainedSet(doc.dump(), node, p), rows -> {
            if (retainedFor != node) {
                return;
            }
            retainedTask = null;
            retainedRows = rows;
            retainedSet.setItems(FXCollections.observableArrayList(rows));
            retainedTabText();
        }, t -> {
            if (retainedFor == node) {
                retainedFor = -1;
                retainedSet.setPlaceholder(HeapPanes.placeholder(t instanceof java.util.concurrent.CancellationException
                        ? "Cancelled." : "Could not compute the retained set: " + t.getMessage()));
            }
        });
    }

    /** Shows the retained set of the current object (computing it if needed). */
    public void showRetainedSet() {
        retainedTab.getTabPane().getSelectionModel().select(retainedTab);
        loadRetainedSet();
    }

    /** The retained set of the current object by class, once computed; else null. */
    public List<Inspection.ClassCount> retainedSetRows() {
        return retainedRows;
    }

    private void updateButtons() {
        back.setDisable(backStack.isEmpty());
        forward.setDisable(forwardStack.isEmpty());
    }

    /** The object shown, or null. */
    public Details current() {
        return current;
    }

    @Override
    public HeapRow shownRow() {
        return current == null ? null : new HeapRow(current.node(), current.className(), List.of(), List.of());
    }

    public void setRedacted(boolean on) {
        redact.setSelected(on);
    }

    /** Switches the references pane to the inbound list. */
    public void showInbound() {
        inTab.getTabPane().getSelectionModel().select(inTab);
    }
}
