package dev.inquest.ui.heap;

import dev.inquest.ui.common.FitColumn;
import dev.inquest.ui.common.Offscreen;
import dev.inquest.ui.common.ShareBarCell;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.scene.Scene;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeTableCell;
import javafx.scene.control.TreeTableColumn;
import javafx.scene.control.TreeTableView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;
import org.kordamp.ikonli.materialdesign2.MaterialDesignM;

/**
 * Loads and runs the heap tables' framework code once, off the FX thread, before the analyst
 * first opens them.
 *
 * <p>In a fresh JVM the first show of the dominator tree cost 340-390 ms of FX-thread time on a
 * quiet 2-core machine (10 ms later on): it is the first view with a tree table, a text field, a
 * choice box and a context menu, so their ~650 classes are loaded and ~200 lambda classes of
 * their behaviors are spun right then, and their layout code runs interpreted. JavaFX allows a
 * scene that is not in a showing window to be built and laid out on any thread, so a background
 * thread builds look-alike controls (same style sheets, same cell classes) in a scene of its own
 * while the user is still on the welcome page or waiting for a dump to open ({@link Offscreen},
 * the thread every off-screen scene shares).
 */
public final class TableWarmUp {
    private static final AtomicBoolean STARTED = new AtomicBoolean();
    /** How long after the first window's views are installed the warm-up starts. */
    static final long START_DELAY_MILLIS = 1500;
    private static final CompletableFuture<Void> FINISHED = new CompletableFuture<>();

    private TableWarmUp() {
    }

    /** Starts the warm-up once per JVM on a low-priority daemon thread; {@code stylesheets} are the window scene's. */
    public static void startOnce(List<String> stylesheets) {
        if (Boolean.getBoolean("inquest.noWarmUp")) {
            FINISHED.complete(null);
            return;
        }
        if (!STARTED.compareAndSet(false, true)) {
            return;
        }
        List<String> sheets = List.copyOf(stylesheets);
        // Not at once: a file named on the command line (or a case's) starts opening within the
        // window's first second, and a round already running when the open starts runs on
        // (issue 18: about 1 s of CPU taken from the first open's first phases). Started later,
        // the warm-up finds the open under way and waits for it; a user who picks a file by hand
        // takes longer than this to do so.
        dev.inquest.ui.task.TaskRunner.later(START_DELAY_MILLIS, () -> Offscreen.submit(() -> round(sheets, 0)));
    }

    /** One round per job, so a document's prebuild queued meanwhile waits for one round, not all. */
    private static void round(List<String> sheets, int n) {
        if (dev.inquest.ui.task.TaskRunner.opening()) {
            // An open is under way: it has the cores (issue 18: the warm-up was the window's biggest
            // CPU user beside the open itself). Look again shortly; a prebuild queued meanwhile runs first.
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                FINISHED.complete(null);
                return;
            }
            Offscreen.submit(() -> round(sheets, n));
            return;
        }
        if (n < Integer.getInteger("inquest.warmUpRounds", 12)) {
            try {
                run(sheets);
            } catch (RuntimeException | Error e) {
                FINISHED.complete(null);
                throw e;
            }
            Offscreen.submit(() -> round(sheets, n + 1));
        } else {
            FINISHED.complete(null);
        }
    }

    /** Completes when the warm-up has run all its rounds (or was switched off, or failed). */
    public static CompletableFuture<Void> finished() {
        return FINISHED;
    }

    /** One row of the look-alike tables. */
    private record Row(String name, long shallow, long retained, double share) {
    }

    private static void run(List<String> stylesheets) {
        TreeTableView<Row> tree = new TreeTableView<>();
        tree.getStyleClass().add("dense");
        tree.setShowRoot(false);
        tree.setColumnResizePolicy(FitColumn.scrollingTree(TreeTableView.CONSTRAINED_RESIZE_POLICY_ALL_COLUMNS));
        TreeTableColumn<Row, Row> name = new TreeTableColumn<>("Object");
        name.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().getValue()));
        name.setCellFactory(c -> new TreeTableCell<>() {
            @Override
            protected void updateItem(Row item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : item.name());
                setGraphic(empty || item == null ? null : new FontIcon(MaterialDesignC.CUBE_OUTLINE));
            }
        });
        TreeTableColumn<Row, Long> shallow = new TreeTableColumn<>("Shallow");
        shallow.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().getValue().shallow()));
        HeapCells.numeric(shallow, HeapCells.Format.BYTES);
        TreeTableColumn<Row, Long> retained = new TreeTableColumn<>("Retained");
        retained.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().getValue().retained()));
        HeapCells.numeric(retained, HeapCells.Format.BYTES);
        TreeTableColumn<Row, Double> share = new TreeTableColumn<>("Percent");
        share.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().getValue().share()));
        share.setCellFactory(c -> ShareBarCell.forTreeTable());
        tree.getColumns().setAll(List.of(name, shallow, retained, share));
        TreeItem<Row> root = new TreeItem<>(new Row("", 0, 0, 0));
        for (int i = 0; i < 60; i++) {
            TreeItem<Row> item = new TreeItem<>(new Row("java.util.HashMap$Node @ 0x" + Long.toHexString(0x7f000000L + 40L * i),
                    16 + i, 1_000L * (60 - i), (60 - i) / 60.0));
            item.getChildren().add(new TreeItem<>(new Row("byte[]", 24, 24, 0.001)));
            root.getChildren().add(item);
        }
        tree.setRoot(root);
        tree.setContextMenu(new ContextMenu(new MenuItem("Copy", new FontIcon(MaterialDesignC.CONTENT_COPY)),
                new SeparatorMenuItem(), new MenuItem("Inspect", new FontIcon(MaterialDesignM.MAGNIFY))));

        TableView<Row> table = new TableView<>();
        table.getStyleClass().add("dense");
        TableColumn<Row, String> cls = new TableColumn<>("Class");
        cls.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().name()));
        TableColumn<Row, Long> bytes = new TableColumn<>("Shallow");
        bytes.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().shallow()));
        HeapCells.numeric(bytes, HeapCells.Format.BYTES);
        TableColumn<Row, Double> tshare = new TableColumn<>("Percent");
        tshare.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().share()));
        tshare.setCellFactory(c -> ShareBarCell.forTable());
        table.getColumns().setAll(List.of(cls, bytes, tshare));
        table.getItems().setAll(root.getChildren().stream().map(TreeItem::getValue).toList());

        TextField filter = new TextField();
        filter.setPromptText("Filter");
        ChoiceBox<String> group = new ChoiceBox<>();
        group.getItems().setAll("No grouping", "Class", "Package");
        group.setValue("No grouping");
        HBox bar = new HBox(8, filter, group, new Label("60 objects"));
        bar.getStyleClass().add("heap-toolbar");
        BorderPane pane = new BorderPane(new VBox(tree, table));
        pane.setTop(bar);
        Scene scene = new Scene(pane, 1280, 800);
        scene.getStylesheets().setAll(stylesheets);
        for (int pass = 0; pass < 3; pass++) {
            root.getChildren().get(pass).setExpanded(true);
            filter.setText("java\\.util" + pass);
            tree.getSelectionModel().select(pass);
            table.getSelectionModel().select(pass);
            tree.scrollTo(pass * 20);
            table.scrollTo(pass * 20);
            pane.applyCss();
            pane.layout();
        }
    }
}
