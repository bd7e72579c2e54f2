package dev.inquest.ui.heap.query;

import dev.inquest.format.Units;
import dev.inquest.heap.query.ObjectBrief;
import dev.inquest.heap.query.OqlCells;
import dev.inquest.heap.query.OqlCompletion;
import dev.inquest.heap.query.OqlQuery;
import dev.inquest.heap.query.OqlResult;
import dev.inquest.heap.query.OqlRow;
import dev.inquest.heap.query.QuerySyntaxError;
import dev.inquest.ui.heap.HeapCells;
import dev.inquest.ui.heap.HeapContext;
import dev.inquest.ui.heap.HeapPanes;
import dev.inquest.ui.heap.HeapRow;
import dev.inquest.ui.heap.HeapView;
import dev.inquest.ui.heap.MarkdownRow;
import dev.inquest.ui.task.TaskRunner;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.geometry.Orientation;
import javafx.geometry.Side;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;
import org.kordamp.ikonli.materialdesign2.MaterialDesignH;
import org.kordamp.ikonli.materialdesign2.MaterialDesignP;

/**
 * Questions no other view foresaw, in MAT's object query language (issue 19): an editor that
 * completes class names after FROM / INSTANCEOF and field names after {@code alias.} (Ctrl+Space,
 * and on typing the dot), runs with Ctrl+Enter through the window's task runner (Cancel stops
 * it), shows a syntax error under the editor with its column and puts the caret there, and a
 * table whose rows arrive as the engine finds them when the query neither sorts nor groups.
 * Object rows offer the common row menu; Pin keeps the rows with their query as provenance.
 */
public final class QueryView implements HeapView.Query {
    /** Most rows a run shows: the rest is stated ("more rows match"), the query's LIMIT narrows it. */
    public static final int ROW_LIMIT = 10_000;
    /** Rows pinned when none is selected: the result's first. */
    public static final int PIN_ROWS = 20;
    /** Most candidates a completion lists. */
    static final int COMPLETIONS = 40;

    private final HeapContext doc;
    private final TextArea editor = new TextArea();
    private final Label error = new Label();
    private final Label status = new Label("Write a query, then Ctrl+Enter.");
    private final Button run = new Button("Run", new FontIcon(MaterialDesignP.PLAY));
    private final Button cancel = new Button("Cancel", new FontIcon(MaterialDesignC.CLOSE));
    private final MenuButton history = new MenuButton("History", new FontIcon(MaterialDesignH.HISTORY));
    private final Button pin = new Button("Pin", new FontIcon(MaterialDesignP.PIN_OUTLINE));
    private final TableView<OqlRow> table = new TableView<>();
    private final ContextMenu completion = new ContextMenu();
    private final SplitPane root;
    private TaskRunner.Handle running;
    /** The query the table shows, its columns, and whether its result was cut. */
    private String shownQuery;
    private List<String> shownColumns = List.of();
    private boolean shownMore;

    public QueryView(HeapContext doc) {
        this.doc = doc;
        editor.setId("query-editor");
        editor.getStyleClass().add("query-editor");
        editor.setPromptText("SELECT * FROM java.util.HashMap m WHERE m.size > 1000");
        editor.setPrefRowCount(4);
        editor.setWrapText(true);
        editor.addEventFilter(javafx.scene.input.KeyEvent.KEY_PRESSED, e -> {
            if (RUN_KEY.match(e)) {
                e.consume();
                run();
            } else if (COMPLETE_KEY.match(e)) {
                e.consume();
                complete();
            }
        });
        editor.addEventHandler(javafx.scene.input.KeyEvent.KEY_TYPED, e -> {
            if (".".equals(e.getCharacter())) {
                complete();
            }
        });
        error.setId("query-error");
        error.getStyleClass().add("query-error");
        error.setWrapText(true);
        error.setManaged(false);
        error.setVisible(false);
        completion.setId("query-completion");

        run.setId("query-run");
        run.setOnAction(e -> run());
        cancel.setId("query-cancel");
        cancel.setDisable(true);
        cancel.setOnAction(e -> {
            if (running != null) {
                running.cancel();
            }
        });
        history.setId("query-history");
        history.setOnShowing(e -> fillHistory());
        pin.setId("query-pin");
        pin.setDisable(true);
        pin.setOnAction(e -> pin());
        status.setId("query-status");

        table.setId("query-table");
        table.getStyleClass().add("dense");
        table.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        table.setColumnResizePolicy(dev.inquest.ui.common.FitColumn.scrolling(TableView.CONSTRAINED_RESIZE_POLICY_ALL_COLUMNS));
        // Its column titles whole, not "Retain..." (issue 18).
        dev.inquest.ui.common.FitColumn.keepTitlesWhole(table);
        table.setPlaceholder(HeapPanes.placeholder("No result yet."));
        table.setContextMenu(selectionMenu(doc.actions().menu(this::selectedRow)));
        table.setOnMouseClicked(e -> {
            OqlRow r = table.getSelectionModel().getSelectedItem();
            if (r != null && e.getButton() == javafx.scene.input.MouseButton.PRIMARY && e.getClickCount() == 2 && r.node() >= 0) {
                doc.inspect(r.node());
            }
        });
        table.getSelectionModel().getSelectedItems().addListener((javafx.collections.ListChangeListener<OqlRow>) c ->
                pin.setText(table.getSelectionModel().getSelectedItems().size() > 1 ? "Pin selected" : "Pin"));

        VBox top = new VBox(HeapPanes.toolbar(6, run, cancel, history, pin, status), editor, error);
        VBox.setMargin(error, new javafx.geometry.Insets(2, 8, 4, 8));
        VBox.setVgrow(editor, javafx.scene.layout.Priority.ALWAYS);
        BorderPane lower = new BorderPane(table);
        root = new SplitPane(top, lower);
        root.setOrientation(Orientation.VERTICAL);
        root.setDividerPositions(0.28);
        SplitPane.setResizableWithParent(top, false);
    }

    private static final KeyCombination RUN_KEY = new KeyCodeCombination(KeyCode.ENTER, KeyCombination.SHORTCUT_DOWN);
    private static final KeyCombination COMPLETE_KEY = new KeyCodeCombination(KeyCode.SPACE, KeyCombination.CONTROL_DOWN);

    @Override
    public Node node() {
        return root;
    }

    @Override
    public void setQuery(String query) {
        editor.setText(query);
        editor.positionCaret(query.length());
    }

    public TextArea editor() {
        return editor;
    }

    public TableView<OqlRow> table() {
        return table;
    }

    /** The error under the editor ("expected ... at column 12"), empty while there is none. */
    public String errorText() {
        return error.isVisible() ? error.getText() : "";
    }

    /** The line beside the buttons: rows shown, "more rows match", cancelled. */
    public String statusText() {
        return status.getText();
    }

    public ContextMenu completionMenu() {
        return completion;
    }

    public MenuButton historyMenu() {
        return history;
    }

    /** Whether a run is under way. */
    public boolean isRunning() {
        return running != null;
    }

    // ---- running ---------------------------------------------------------------------------

    /** Parses and runs the editor's query; rows stream into the table while the engine finds them. */
    public void run() {
        String text = editor.getText() == null ? "" : editor.getText();
        if (text.isBlank()) {
            return;
        }
        OqlQuery query;
        try {
            query = OqlQuery.parse(text);
        } catch (QuerySyntaxError e) {
            showError(e);
            return;
        }
        if (running != null) {
            running.cancel();
        }
        hideError();
        List<String> columns = query.columns();
        showColumns(columns);
        table.getItems().clear();
        shownQuery = text;
        shownColumns = columns;
        shownMore = false;
        pin.setDisable(true);
        status.setText("Running...");
        ConcurrentLinkedQueue<OqlRow> arrived = new ConcurrentLinkedQueue<>();
        AtomicBoolean flushQueued = new AtomicBoolean();
        AtomicBoolean done = new AtomicBoolean();
        TaskRunner.Handle[] handle = new TaskRunner.Handle[1];
        // Streamed rows come in batches, one FX pulse each, not one runLater per row.
        Runnable flush = () -> {
            flushQueued.set(false);
            if (done.get() || running != handle[0]) {
                return;
            }
            List<OqlRow> batch = new ArrayList<>();
            for (OqlRow r; (r = arrived.poll()) != null; ) {
                batch.add(r);
            }
            if (table.getItems().isEmpty() && !batch.isEmpty()) {
                shapeColumns(batch.getFirst());
            }
            table.getItems().addAll(batch);
            status.setText("Running... " + Units.count(table.getItems().size()) + " rows so far");
        };
        handle[0] = doc.run("Query", p -> query.run(doc.dump(), ROW_LIMIT, row -> {
            arrived.add(row);
            if (flushQueued.compareAndSet(false, true)) {
                Platform.runLater(flush);
            }
        }, p), (OqlResult r) -> {
            done.set(true);
            if (!finished(handle[0])) {
                return;
            }
            if (!r.rows().isEmpty()) {
                shapeColumns(r.rows().getFirst());
            }
            table.getItems().setAll(r.rows());
            shownMore = r.more();
            pin.setDisable(r.rows().isEmpty());
            status.setText(describe(r));
            doc.queryRan(text);
        }, t -> {
            done.set(true);
            // A run replaced by a newer one says nothing: the table is the newer one's.
            if (!finished(handle[0])) {
                return;
            }
            if (t instanceof QuerySyntaxError e) {
                showError(e);
                status.setText("");
            } else if (t instanceof java.util.concurrent.CancellationException) {
                status.setText("Cancelled after " + Units.count(table.getItems().size()) + " rows");
                pin.setDisable(table.getItems().isEmpty());
            } else {
                status.setText("");
                doc.showError("Query failed", t);
            }
        });
        running = handle[0];
        run.setDisable(true);
        cancel.setDisable(false);
    }

    /** Ends the run {@code h}; false when it is no longer the view's current run. */
    private boolean finished(TaskRunner.Handle h) {
        if (running != h) {
            return false;
        }
        running = null;
        run.setDisable(false);
        cancel.setDisable(true);
        return true;
    }

    /** "1,234 rows", or "the first 10,000 rows; more rows match". */
    static String describe(OqlResult r) {
        int n = r.rows().size();
        String rows = Units.count(n) + (n == 1 ? " row" : " rows");
        String out = r.more() ? "The first " + rows + "; more rows match" : rows;
        return r.listsCut() ? out + " (lists show their first " + Units.count(OqlQuery.MAX_LIST) + ")" : out;
    }

    private void showError(QuerySyntaxError e) {
        error.setText(e.what() + " at column " + e.column());
        error.setManaged(true);
        error.setVisible(true);
        int at = Math.max(0, Math.min(e.offset(), editor.getLength()));
        editor.requestFocus();
        editor.positionCaret(at);
    }

    private void hideError() {
        error.setText("");
        error.setManaged(false);
        error.setVisible(false);
    }

    // ---- the table -------------------------------------------------------------------------

    private void showColumns(List<String> columns) {
        List<TableColumn<OqlRow, Object>> out = new ArrayList<>();
        for (int i = 0; i < columns.size(); i++) {
            int index = i;
            String name = columns.get(i);
            TableColumn<OqlRow, Object> c = new TableColumn<>(name);
            c.setCellValueFactory(cd -> new ReadOnlyObjectWrapper<>(index < cd.getValue().values().size()
                    ? cd.getValue().values().get(index) : null));
            c.setCellFactory(col -> new QueryCell(name));
            c.setPrefWidth(columns.size() == 1 ? 480 : i == 0 ? 260 : 160);
            c.setSortable(false);
            out.add(c);
        }
        table.getColumns().setAll(out);
    }

    /**
     * Once the first row shows what the columns hold: figures and true/false need little room
     * (as in every heap table), the names take the rest.
     */
    private void shapeColumns(OqlRow first) {
        for (int i = 0; i < table.getColumns().size() && i < first.values().size(); i++) {
            Object v = first.values().get(i);
            TableColumn<OqlRow, ?> c = table.getColumns().get(i);
            if (v instanceof Number || v instanceof Boolean) {
                c.getStyleClass().add("numeric-column");
                c.setMinWidth(78);
                c.setMaxWidth(150);
                c.setPrefWidth(100);
            } else {
                c.setPrefWidth(v instanceof ObjectBrief ? 260 : 200);
            }
        }
    }

    /** A cell: an object as its label (packages shortened where it does not fit), figures right-aligned in their units. */
    private static final class QueryCell extends TableCell<OqlRow, Object> {
        private final String column;

        QueryCell(String column) {
            this.column = column;
        }

        @Override
        protected void updateItem(Object item, boolean empty) {
            super.updateItem(item, empty);
            getStyleClass().remove("numeric");
            if (empty) {
                setText(null);
                setGraphic(null);
                dev.inquest.ui.common.FitText.clear(this);
                return;
            }
            if (item instanceof ObjectBrief b) {
                HeapCells.objectText(this, b.className(), b.address());
                setGraphic(HeapCells.iconFor(b.className(), false));
                return;
            }
            dev.inquest.ui.common.FitText.clear(this);
            setGraphic(null);
            setText(OqlCells.text(column, item));
            if (item instanceof Number || item instanceof Boolean) {
                getStyleClass().add("numeric");
            }
        }

        @Override
        protected void layoutChildren() {
            super.layoutChildren();
            if (getGraphic() != null) {
                dev.inquest.ui.common.FitText.refit(this, getTableColumn());
            } else if (getStyleClass().contains("numeric")) {
                // Figures are never cut; text (a string's value may be long) keeps the column's width.
                dev.inquest.ui.common.FitColumn.fit(this, getTableColumn());
            }
        }
    }

    /** The row under the selection as the row menu acts on it (null: none). */
    private HeapRow selectedRow() {
        OqlRow r = table.getSelectionModel().getSelectedItem();
        if (r == null) {
            return null;
        }
        List<String> cells = new ArrayList<>();
        String title = null;
        for (int i = 0; i < r.values().size(); i++) {
            Object v = r.values().get(i);
            String text = OqlCells.text(i < shownColumns.size() ? shownColumns.get(i) : "", v);
            cells.add(v instanceof ObjectBrief || v instanceof String ? MarkdownRow.code(text) : MarkdownRow.text(text));
            if (title == null && v instanceof ObjectBrief) {
                title = text;
            }
        }
        if (r.node() >= 0 && title == null) {
            title = doc.dump().className(r.node());
        }
        return new HeapRow(r.node(), title == null ? "row" : title, shownColumns, cells);
    }

    /**
     * The common row menu (it acts on the row under the cursor), plus what acts on several
     * selected rows together, shown when more than one is selected: pin them as one evidence, and
     * their objects' retained set (what they keep alive together, MAT's "Show Retained Set").
     */
    private ContextMenu selectionMenu(ContextMenu menu) {
        javafx.scene.control.SeparatorMenuItem line = new javafx.scene.control.SeparatorMenuItem();
        MenuItem pinAll = new MenuItem("Pin the selected rows", new FontIcon(MaterialDesignP.PIN_OUTLINE));
        pinAll.setId("query-pin-selection");
        pinAll.setOnAction(e -> pin());
        MenuItem retained = new MenuItem("Retained set of the selected rows",
                new FontIcon(org.kordamp.ikonli.materialdesign2.MaterialDesignS.SELECT_GROUP));
        retained.setId("query-retained-selection");
        retained.setOnAction(e -> retainedSetOfSelection());
        menu.getItems().addAll(line, pinAll, retained);
        javafx.event.EventHandler<javafx.stage.WindowEvent> common = menu.getOnShowing();
        menu.setOnShowing(e -> {
            if (common != null) {
                common.handle(e);
            }
            int rows = table.getSelectionModel().getSelectedItems().size();
            long objects = selectedObjects().length;
            for (MenuItem i : List.of(line, pinAll, retained)) {
                i.setVisible(rows > 1);
            }
            pinAll.setText("Pin the " + Units.count(rows) + " selected rows (one evidence)");
            pinAll.setDisable(!doc.canPinQuery());
            retained.setText(objects == 0 ? "Retained set of the selected rows (they hold no objects)"
                    : "Retained set of the " + Units.count(objects) + " selected objects, together");
            retained.setDisable(objects == 0);
        });
        return menu;
    }

    /** The distinct objects the selected rows stand for (GROUP BY rows stand for none), in row order. */
    public long[] selectedObjects() {
        return table.getSelectionModel().getSelectedItems().stream().mapToLong(OqlRow::node).filter(n -> n >= 0).distinct().toArray();
    }

    /** Shows the retained set of the selected rows' objects taken together, in the retained set's window. */
    public void retainedSetOfSelection() {
        long[] nodes = selectedObjects();
        if (nodes.length == 0) {
            status.setText("The selected rows hold no objects");
            return;
        }
        doc.retainedSet(nodes, nodes.length == 1
                ? doc.dump().className(nodes[0]) + String.format(java.util.Locale.ROOT, " @ 0x%x", doc.dump().address(nodes[0]))
                : "the selected query rows");
    }

    // ---- pin -------------------------------------------------------------------------------

    /** Pins the selected rows, or the result's first {@link #PIN_ROWS} when at most one is selected. */
    public void pin() {
        if (shownQuery == null || table.getItems().isEmpty()) {
            return;
        }
        if (!doc.canPinQuery()) {
            status.setText("Open or create a case to pin evidence");
            return;
        }
        List<OqlRow> selected = List.copyOf(table.getSelectionModel().getSelectedItems());
        List<OqlRow> rows = selected.size() > 1 ? selected
                : List.copyOf(table.getItems().subList(0, Math.min(PIN_ROWS, table.getItems().size())));
        doc.pinQuery(shownQuery, shownColumns, rows, table.getItems().size(), shownMore);
    }

    // ---- history ---------------------------------------------------------------------------

    private void fillHistory() {
        history.getItems().clear();
        List<String> queries = doc.queryHistory();
        if (queries.isEmpty()) {
            MenuItem none = new MenuItem("No queries run yet");
            none.setDisable(true);
            history.getItems().add(none);
        }
        for (String q : queries) {
            String flat = q.strip().replaceAll("\\s+", " ");
            MenuItem item = new MenuItem(flat.length() > 90 ? flat.substring(0, 87) + "..." : flat);
            item.setMnemonicParsing(false);
            item.setOnAction(e -> setQuery(q));
            history.getItems().add(item);
        }
    }

    /** The history's queries as the drop-down lists them (fills it as opening it does). */
    public List<MenuItem> historyItems() {
        fillHistory();
        return List.copyOf(history.getItems());
    }

    // ---- completion ------------------------------------------------------------------------

    /**
     * Offers the class or field names that fit at the caret; the names are read off the FX thread.
     * Nothing opens where no name is expected.
     */
    public void complete() {
        // On a typed dot the key event comes before the text has the dot: read the text after it.
        Platform.runLater(() -> {
            String now = editor.getText() == null ? "" : editor.getText();
            int caret = editor.getCaretPosition();
            OqlCompletion.at(now, caret).ifPresentOrElse(
                    req -> doc.run("Completing", p -> OqlCompletion.candidates(doc.dump(), req, COMPLETIONS),
                            (List<String> names) -> offer(req, caret, names)),
                    completion::hide);
        });
    }

    private void offer(OqlCompletion.Request req, int caret, List<String> names) {
        completion.getItems().clear();
        for (String n : names) {
            MenuItem item = new MenuItem(n);
            item.setMnemonicParsing(false);
            item.setOnAction(e -> {
                editor.replaceText(req.start(), caret, n);
                editor.positionCaret(req.start() + n.length());
            });
            completion.getItems().add(item);
        }
        if (names.isEmpty() || editor.getScene() == null || editor.getScene().getWindow() == null) {
            completion.hide();
            return;
        }
        var bounds = editor.lookup(".caret") == null ? null : editor.lookup(".caret").localToScreen(editor.lookup(".caret").getBoundsInLocal());
        if (bounds != null) {
            completion.show(editor, bounds.getMinX(), bounds.getMaxY());
        } else {
            completion.show(editor, Side.BOTTOM, 0, 0);
        }
    }
}
