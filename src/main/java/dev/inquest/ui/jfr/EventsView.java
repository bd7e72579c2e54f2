package dev.inquest.ui.jfr;

import dev.inquest.format.Units;
import dev.inquest.jfr.events.EventColumn;
import dev.inquest.jfr.events.EventQuery;
import dev.inquest.jfr.events.EventRow;
import dev.inquest.jfr.events.EventStack;
import dev.inquest.jfr.events.EventTable;
import dev.inquest.jfr.events.EventTypeInfo;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.ObservableListBase;
import javafx.collections.transformation.FilteredList;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.ToolBar;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * Every event of the recording: its types with their counts beside a typed table of the selected
 * type (the engine's columns, formatted by the engine), the selected event's stack trace below,
 * filtered by thread, text and the heap chart's time range. The table is virtual: it holds the
 * pages it has read (a few hundred rows each, the last {@value #PAGES_KEPT}) and asks the engine
 * for the others when they scroll into view, off the FX thread, so a million events never stall it.
 */
public final class EventsView extends BorderPane implements JfrDocument.LazyView {
    /** Rows one read asks for. */
    static final int PAGE = 256;
    /** Pages kept; scrolling back further reads them again. */
    static final int PAGES_KEPT = 24;

    private final JfrContext doc;
    private final ObservableList<EventTypeInfo> allTypes = FXCollections.observableArrayList();
    private final FilteredList<EventTypeInfo> shownTypes = new FilteredList<>(allTypes);
    private final ListView<EventTypeInfo> types = new ListView<>(shownTypes);
    private final TextField findType = new TextField();
    private final TextField thread = new TextField();
    private final TextField text = new TextField();
    private final Label rangeLabel = new Label();
    private final Label count = new Label();
    private final TableView<Slot> table = new TableView<>();
    private final ListView<String> stack = new ListView<>();
    private final Rows rows = new Rows();
    private boolean loaded;
    /** The table shown (null before a type is chosen); replaced, and closed, when the query changes. */
    private EventTable current;
    /** Counts the tables opened: the answers of a replaced one are dropped. */
    private int generation;

    EventsView(JfrContext doc) {
        this.doc = doc;
        setId("jfr-events-view");
        types.setId("jfr-event-types");
        types.setCellFactory(l -> new TypeCell());
        types.getSelectionModel().selectedItemProperty().addListener((o, was, is) -> reload());
        findType.setId("jfr-event-type-find");
        findType.setPromptText("find a type");
        findType.textProperty().addListener((o, was, is) -> {
            String needle = is == null ? "" : is.strip().toLowerCase(java.util.Locale.ROOT);
            shownTypes.setPredicate(t -> needle.isEmpty() || t.name().toLowerCase(java.util.Locale.ROOT).contains(needle)
                    || t.label().toLowerCase(java.util.Locale.ROOT).contains(needle));
        });
        VBox typePane = new VBox(4, findType, types);
        VBox.setVgrow(types, Priority.ALWAYS);
        typePane.setPadding(new Insets(4));
        // Wide enough for a type's label and its count at any type size (about 17 em: "GC Phase Pause Level 2" and
        // its count in presentation's type).
        typePane.minWidthProperty().bind(javafx.beans.binding.Bindings.createDoubleBinding(
                () -> findType.getFont().getSize() * 17, findType.fontProperty()));

        thread.setId("jfr-events-thread");
        thread.setPromptText("all threads");
        thread.setPrefColumnCount(12);
        thread.setOnAction(e -> reload());
        text.setId("jfr-events-text");
        text.setPromptText("any field contains");
        text.setPrefColumnCount(14);
        text.setOnAction(e -> reload());
        Button clearRange = RangeControls.clearButton(doc);
        RangeControls.show(rangeLabel, doc);
        count.setId("jfr-events-count");
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        // A tool bar: what does not fit goes whole into its overflow menu, as in the flame views.
        ToolBar bar = new ToolBar(new Label("Thread"), thread, new Label("Text"), text, new Label("Range"), rangeLabel,
                clearRange, spacer, count);
        bar.getStyleClass().add("flame-tool-bar");
        bar.setPadding(new Insets(6, 10, 2, 10));
        for (javafx.scene.Node n : bar.getItems()) {
            if (n instanceof Region r && n != spacer) {
                r.setMinWidth(Region.USE_PREF_SIZE);
            }
        }
        setTop(bar);

        table.setId("jfr-events-table");
        dev.inquest.ui.common.FitColumn.keepTitlesWhole(table);
        table.setItems(rows);
        table.setPlaceholder(new Label("Choose an event type"));
        table.setColumnResizePolicy(TableView.UNCONSTRAINED_RESIZE_POLICY);
        table.getSelectionModel().selectedItemProperty().addListener((o, was, is) -> showStack(is));
        stack.setId("jfr-event-stack");
        stack.setPlaceholder(new Label("Select an event to see its stack trace"));
        SplitPane right = new SplitPane(table, stack);
        right.setOrientation(Orientation.VERTICAL);
        right.setDividerPositions(0.68);
        SplitPane split = new SplitPane(typePane, right);
        split.setDividerPositions(0.24);
        SplitPane.setResizableWithParent(typePane, false);
        setCenter(split);
    }

    @Override
    public void ensureLoaded() {
        if (loaded) {
            return;
        }
        loaded = true;
        doc.run("Listing event types", p -> doc.recording().eventTypes(p), list -> {
            allTypes.setAll(list);
            if (!list.isEmpty() && types.getSelectionModel().isEmpty()) {
                types.getSelectionModel().select(0);
            }
        }, failure -> doc.showError("Cannot list the event types", failure));
    }

    /** The range changed: the table is read again when it has been shown. */
    void invalidate() {
        if (loaded) {
            reload();
        }
    }

    /** Shows {@code typeName}'s events (tests, and links from other views). */
    public void showType(String typeName) {
        ensureLoaded();
        findType.clear();
        for (EventTypeInfo t : allTypes) {
            if (t.name().equals(typeName)) {
                types.getSelectionModel().select(t);
                types.scrollTo(t);
                return;
            }
        }
    }

    private EventQuery query(EventTypeInfo type) {
        EventQuery q = EventQuery.of(type.name()).withThread(thread.getText()).withText(text.getText());
        JfrDocument.Range r = doc.rangeProperty().get();
        return r == null ? q : q.withRange(r.from(), r.to());
    }

    /** Opens the table for the selected type and filters: its first page, then its count. */
    private void reload() {
        EventTypeInfo type = types.getSelectionModel().getSelectedItem();
        int gen = ++generation;
        replace(null);
        table.getColumns().clear();
        stack.getItems().clear();
        if (type == null) {
            count.setText("");
            return;
        }
        EventQuery q = query(type);
        count.setText("reading\u2026");
        record First(EventTable table, List<EventRow> rows) implements AutoCloseable {
            @Override
            public void close() {
                table.close();
            }
        }
        doc.run("Reading " + type.name() + " events", p -> {
            EventTable t = doc.recording().events(q, p);
            try {
                return new First(t, t.rows(0, PAGE, p));
            } catch (java.io.IOException | RuntimeException e) {
                t.close();
                throw e;
            }
        }, first -> {
            if (gen != generation) {
                first.close();
                return;
            }
            replace(first.table());
            table.getColumns().setAll(columns(first.table().columns()));
            table.setPlaceholder(new Label(q.filtersEvents() ? "No " + type.name() + " events match" : "No " + type.name() + " events"));
            rows.start(first.table(), first.rows());
            if (first.table().sizeKnown()) {
                counted(first.table().sizeSoFar());
            } else {
                count(first.table(), gen);
            }
        }, failure -> {
            if (gen == generation) {
                count.setText("");
                doc.showError("Cannot read the " + type.name() + " events", failure);
            }
        });
    }

    /** Counts the matches of the whole recording in the background; the table grows when known. */
    private void count(EventTable t, int gen) {
        count.setText(Units.count(rows.size()) + "+ events, counting\u2026");
        doc.run("Counting " + t.query().type() + " events", t::size, n -> {
            if (gen == generation) {
                rows.grow(n);
                counted(n);
            }
        }, failure -> {
            if (gen == generation && !(failure instanceof java.util.concurrent.CancellationException)) {
                doc.showError("Cannot count the " + t.query().type() + " events", failure);
            }
        });
    }

    private void counted(long n) {
        count.setText(Units.count(n) + (n == 1 ? " event" : " events"));
    }

    private void replace(EventTable next) {
        EventTable old = current;
        current = next;
        if (old != null) {
            // Its files go off the FX thread; a page still reading from it fails quietly.
            doc.run("Closing events", p -> {
                old.close();
                return Boolean.TRUE;
            }, ok -> { }, failure -> { });
        }
        if (next == null) {
            rows.clear();
        }
    }

    private List<TableColumn<Slot, String>> columns(List<EventColumn> cols) {
        List<TableColumn<Slot, String>> out = new java.util.ArrayList<>();
        for (int i = 0; i < cols.size(); i++) {
            EventColumn c = cols.get(i);
            int at = i;
            TableColumn<Slot, String> col = new TableColumn<>(c.label());
            col.setId("jfr-events-col-" + c.name());
            col.setSortable(false);
            // Each column widens to the widest value shown (the table scrolls): names and times stay whole.
            col.setCellFactory(dev.inquest.ui.common.FitColumn.textCells());
            col.setCellValueFactory(cell -> new ReadOnlyStringWrapper(cell.getValue().row() == null ? "\u2026"
                    : c.format(cell.getValue().row().values().get(at))));
            if (c.kind().numeric()) {
                col.getStyleClass().add("numeric");
            }
            double forValues = switch (c.kind()) {
                case TIMESTAMP -> 110;
                case THREAD -> 170;
                case CLASS, METHOD -> 240;
                case OBJECT, TEXT -> 220;
                case BOOLEAN -> 70;
                default -> 110;
            };
            // Never narrower than its title (bold), scaled with the type size.
            javafx.scene.text.Text title = new javafx.scene.text.Text(c.label());
            title.setFont(javafx.scene.text.Font.font(null, javafx.scene.text.FontWeight.BOLD,
                    javafx.scene.text.Font.getDefault().getSize()));
            col.setPrefWidth(Math.max(forValues, Math.ceil(title.getLayoutBounds().getWidth()) + 36));
            out.add(col);
        }
        return out;
    }

    private void showStack(Slot slot) {
        stack.getItems().clear();
        EventTable t = current;
        if (slot == null || slot.row() == null || t == null) {
            return;
        }
        if (!slot.row().hasStack()) {
            stack.setPlaceholder(new Label("This event has no stack trace"));
            return;
        }
        int gen = generation;
        EventRow row = slot.row();
        doc.run("Reading the stack trace", p -> t.stack(row, p), s -> {
            Slot now = table.getSelectionModel().getSelectedItem();
            if (gen == generation && now != null && now.index() == row.index()) {
                stack.getItems().setAll(s.frames());
                if (s.truncated()) {
                    stack.getItems().add("\u2026 (the recorder cut the stack here)");
                }
                if (s.frames().isEmpty()) {
                    stack.setPlaceholder(new Label("This event has no stack trace"));
                }
            }
        }, failure -> doc.showError("Cannot read the stack trace", failure));
    }

    /** The table (tests). */
    TableView<Slot> table() {
        return table;
    }

    ListView<EventTypeInfo> typeList() {
        return types;
    }

    ListView<String> stackList() {
        return stack;
    }

    TextField threadFilter() {
        return thread;
    }

    TextField textFilter() {
        return text;
    }

    Label countLabel() {
        return count;
    }

    /** The rows read so far for index {@code i}, or null (tests). */
    EventRow rowIfRead(int i) {
        return rows.cached(i);
    }

    void close() {
        generation++;
        EventTable t = current;
        current = null;
        if (t != null) {
            t.close();
        }
    }

    /** A table row: its index and the event once its page is read (null until then: shown as "…"). */
    record Slot(int index, EventRow row) {
    }

    /**
     * The table's items: as many as the engine has matched, each made when the table asks for it;
     * a page not read yet is asked for (once) and the table refreshed when it comes.
     */
    private final class Rows extends ObservableListBase<Slot> {
        private int size;
        private EventTable source;
        private final Map<Integer, List<EventRow>> pages = new LinkedHashMap<>(32, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Integer, List<EventRow>> eldest) {
                return size() > PAGES_KEPT;
            }
        };
        private final Set<Integer> reading = new HashSet<>();

        void start(EventTable t, List<EventRow> first) {
            clear();
            source = t;
            pages.put(0, first);
            // The first page decides what shows at once; the count grows it when known.
            int n = first.size() < PAGE ? first.size() : (int) Math.min(Integer.MAX_VALUE, Math.max(t.sizeSoFar(), first.size()));
            change(n);
        }

        void grow(long n) {
            change((int) Math.min(Integer.MAX_VALUE - 1, n));
        }

        @Override
        public void clear() {
            source = null;
            pages.clear();
            reading.clear();
            change(0);
        }

        private void change(int n) {
            int old = size;
            if (n == old) {
                return;
            }
            beginChange();
            if (n > old) {
                size = n;
                nextAdd(old, n);
            } else {
                size = n;
                nextRemove(n, java.util.Collections.nCopies(old - n, new Slot(-1, null)));
            }
            endChange();
        }

        EventRow cached(int i) {
            List<EventRow> page = pages.get(i / PAGE);
            int at = i % PAGE;
            return page != null && at < page.size() ? page.get(at) : null;
        }

        @Override
        public Slot get(int i) {
            if (i < 0 || i >= size) {
                throw new IndexOutOfBoundsException(i);
            }
            EventRow r = cached(i);
            if (r == null) {
                read(i / PAGE);
            }
            return new Slot(i, r);
        }

        @Override
        public int size() {
            return size;
        }

        private void read(int page) {
            EventTable t = source;
            if (t == null || !reading.add(page)) {
                return;
            }
            int gen = generation;
            doc.run("Reading events", p -> t.rows((long) page * PAGE, PAGE, p), list -> {
                reading.remove(page);
                if (gen == generation && source == t) {
                    pages.put(page, list);
                    table.refresh();
                }
            }, failure -> {
                reading.remove(page);
                if (gen == generation) {
                    doc.showError("Cannot read the events", failure);
                }
            });
        }
    }

    /** A type with its count, the count right-aligned beside the label. */
    private static final class TypeCell extends ListCell<EventTypeInfo> {
        private final Label name = new Label();
        private final Label n = new Label();
        private final HBox box;

        TypeCell() {
            Region gap = new Region();
            HBox.setHgrow(gap, Priority.ALWAYS);
            n.getStyleClass().add("text-muted");
            n.setMinWidth(Region.USE_PREF_SIZE);
            name.setMinWidth(0);
            box = new HBox(8, name, gap, n);
            // Not as wide as its label: the list would scroll sideways and hide the counts; the cell
            // gives the box its own width (layoutChildren).
            box.setMinWidth(0);
            box.setPrefWidth(1);
        }

        @Override
        protected void updateItem(EventTypeInfo t, boolean empty) {
            super.updateItem(t, empty);
            if (empty || t == null) {
                setGraphic(null);
                setTooltip(null);
                return;
            }
            name.setText(t.label());
            n.setText(Units.count(t.count()));
            setTooltip(new javafx.scene.control.Tooltip(t.name() + (t.category().isEmpty() ? "" : "\n" + String.join(" / ", t.category()))));
            setGraphic(box);
        }

        @Override
        protected void layoutChildren() {
            super.layoutChildren();
            // The label gives way (its tooltip has the name), the count stays whole at the right.
            if (getGraphic() == box) {
                double x = snappedLeftInset();
                double y = snappedTopInset();
                box.resizeRelocate(x, y, Math.max(0, getWidth() - x - snappedRightInset()),
                        Math.max(0, getHeight() - y - snappedBottomInset()));
            }
        }
    }
}
