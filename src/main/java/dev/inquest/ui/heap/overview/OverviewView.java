package dev.inquest.ui.heap.overview;

import dev.inquest.format.Units;
import dev.inquest.heap.model.DominatorRow;
import dev.inquest.heap.model.HeapSummary;
import dev.inquest.ui.heap.HeapCells;
import dev.inquest.ui.heap.HeapDocument;
import dev.inquest.ui.heap.HeapRow;
import dev.inquest.ui.heap.MarkdownRow;
import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/**
 * The first page of a dump: facts about the file, the JVM and the dump, the used heap and its
 * counts, the biggest dominators as bars (click one to inspect it), and the leak suspects as cards.
 */
public final class OverviewView {
    static final int TOP = 10;

    private final HeapDocument doc;
    private final VBox root = new VBox(18);
    private final FlowPane suspects = new FlowPane(12, 12);

    public OverviewView(HeapDocument doc) {
        this.doc = doc;
        HeapSummary s = doc.summary();
        root.getStyleClass().add("heap-overview");
        root.setPadding(new Insets(18, 22, 18, 22));

        HBox figures = new HBox(12,
                figure("Used heap", Units.bytes(s.usedHeap()), Units.exactBytes(s.usedHeap()) + " bytes in reachable objects"),
                figure("Objects", Units.count(s.objects()), "reachable objects, class objects included"),
                figure("Classes", Units.count(s.classes()), "loaded classes with reachable class objects"),
                figure("GC roots", Units.count(s.gcRoots()), "distinct objects held by GC roots"),
                figure("Unreachable", Units.count(s.unreachableObjects()),
                        Units.bytes(s.unreachableHeap()) + " in objects no GC root reaches (left out of every figure)"));
        figures.setId("overview-figures");

        Label title = new Label(doc.file().getFileName().toString());
        title.getStyleClass().add("title-3");
        VBox facts = new VBox(8, section("Dump"), factGrid(s));
        VBox top = new VBox(8, section("Biggest dominators"), dominatorBars());
        HBox.setHgrow(top, Priority.ALWAYS);
        facts.setMinWidth(360);
        facts.setPrefWidth(420);
        HBox columns = new HBox(28, facts, top);

        suspects.setId("overview-suspects");
        suspects.getChildren().add(card("Leak suspects",
                "Leak suspect analysis comes with the heap investigation queries (issue 4); this build does not have them yet.",
                null));
        root.getChildren().addAll(title, figures, columns, section("Leak suspects"), suspects);
        if (s.truncated()) {
            Label warn = new Label("This dump is incomplete: " + String.join("; ", s.problems())
                    + ". Every figure covers only the readable part.");
            warn.getStyleClass().addAll("heap-warning");
            warn.setWrapText(true);
            root.getChildren().add(1, warn);
        }
    }

    public Node node() {
        ScrollPane scroll = new ScrollPane(root);
        scroll.getProperties().put(HeapDocument.VIEW_KEY, this);
        scroll.setFitToWidth(true);
        scroll.getStyleClass().add("edge-to-edge");
        return scroll;
    }

    /** Replaces the suspect cards; the leak suspect query calls it once it has run. */
    public void setSuspects(List<Node> cards) {
        suspects.getChildren().setAll(cards);
    }

    private static Label section(String text) {
        Label l = new Label(text);
        l.getStyleClass().addAll("heap-section", "text-bold");
        return l;
    }

    private static VBox figure(String label, String value, String tip) {
        Label v = new Label(value);
        v.getStyleClass().addAll("heap-figure-value");
        Label k = new Label(label);
        k.getStyleClass().add("heap-figure-label");
        VBox box = new VBox(2, v, k);
        box.getStyleClass().add("heap-figure");
        Tooltip.install(box, new Tooltip(tip));
        HBox.setHgrow(box, Priority.ALWAYS);
        box.setMaxWidth(Double.MAX_VALUE);
        return box;
    }

    private GridPane factGrid(HeapSummary s) {
        GridPane grid = new GridPane(14, 5);
        grid.setId("overview-facts");
        String size;
        try {
            size = Units.bytes(Files.size(doc.file()));
        } catch (IOException e) {
            size = "unknown";
        }
        String[][] rows = {
                {"File", doc.file().toAbsolutePath().normalize().toString()},
                {"Size on disk", size + " (" + s.container() + ")"},
                {"Format", s.format()},
                {"Dump", s.dumps() > 1 ? (s.dump() + 1) + " of " + s.dumps() : "the only one in the file"},
                {"Identifiers", s.idSize() * 8 + "-bit" + (s.compressedOops() ? ", compressed oops" : "")},
                {"Object alignment", s.objectAlignment() + " bytes"},
                {"Unreachable heap", Units.bytes(s.unreachableHeap())},
                {"Parsed in", String.format(java.util.Locale.ROOT, "%.1f s", s.parseMillis() / 1000.0)},
                {"Complete", s.truncated() ? "no: " + String.join("; ", s.problems()) : "yes"},
        };
        for (int i = 0; i < rows.length; i++) {
            Label k = new Label(rows[i][0]);
            k.getStyleClass().add("heap-fact-key");
            Label v = new Label(rows[i][1]);
            v.setWrapText(true);
            v.setTooltip(new Tooltip(rows[i][1]));
            grid.addRow(i, k, v);
        }
        ColumnConstraints key = new ColumnConstraints();
        key.setMinWidth(Region.USE_PREF_SIZE);
        ColumnConstraints val = new ColumnConstraints();
        val.setHgrow(Priority.ALWAYS);
        grid.getColumnConstraints().addAll(key, val);
        return grid;
    }

    /** Horizontal bars, widest first: easier to read than a bar chart axis for ten class names. */
    private Node dominatorBars() {
        List<DominatorRow> top = doc.dump().topDominators(TOP);
        GridPane grid = new GridPane(10, 6);
        grid.setId("overview-dominators");
        long max = top.isEmpty() ? 1 : Math.max(1, top.getFirst().retained());
        long used = Math.max(1, doc.summary().usedHeap());
        for (int i = 0; i < top.size(); i++) {
            DominatorRow r = top.get(i);
            Label name = new Label(HeapCells.objectLabel(r.className(), r.address()), HeapCells.iconFor(r.className(), false));
            name.setMinWidth(120);
            name.setPrefWidth(330);
            name.setTooltip(new Tooltip(HeapCells.objectLabel(r.className(), r.address()) + "\nClick to inspect"));
            StackPane bar = new StackPane();
            bar.getStyleClass().add("overview-bar-track");
            Region fill = new Region();
            fill.getStyleClass().add("overview-bar");
            fill.maxWidthProperty().bind(bar.widthProperty().multiply((double) r.retained() / max));
            StackPane.setAlignment(fill, Pos.CENTER_LEFT);
            bar.getChildren().add(fill);
            bar.setMinWidth(60);
            bar.setPrefHeight(14);
            bar.setMaxHeight(14);
            GridPane.setHgrow(bar, Priority.ALWAYS);
            Label size = new Label(Units.bytes(r.retained()));
            size.getStyleClass().add("numeric");
            size.setMinWidth(Region.USE_PREF_SIZE);
            Label pct = new Label(Units.percent((double) r.retained() / used));
            pct.getStyleClass().add("numeric");
            pct.setMinWidth(Region.USE_PREF_SIZE);
            grid.addRow(i, name, bar, size, pct);
            long node = r.node();
            HeapRow row = new HeapRow(node, r.className(), List.of("Object", "Retained", "Percent"),
                    List.of(MarkdownRow.code(HeapCells.objectLabel(r.className(), r.address())),
                            Units.bytes(r.retained()), Units.percent((double) r.retained() / used)));
            var menu = doc.actions().menu(() -> row);
            for (Node n : List.of(name, bar, size, pct)) {
                n.getStyleClass().add("overview-bar-row");
                n.setOnMouseClicked(e -> {
                    if (e.getButton() == javafx.scene.input.MouseButton.PRIMARY) {
                        doc.inspect(node);
                    }
                });
                n.setOnContextMenuRequested(e -> menu.show(n, e.getScreenX(), e.getScreenY()));
            }
        }
        if (top.isEmpty()) {
            return HeapDocument.placeholder("No reachable objects.");
        }
        return grid;
    }

    /** A suspect card: a headline, a few lines of explanation, and an optional object to inspect. */
    public Node card(String headline, String text, Long node) {
        Label h = new Label(headline);
        h.getStyleClass().add("text-bold");
        Label t = new Label(text);
        t.setWrapText(true);
        VBox box = new VBox(6, h, t);
        box.getStyleClass().add("suspect-card");
        box.setPrefWidth(380);
        if (node != null) {
            box.setOnMouseClicked(e -> doc.inspect(node));
        }
        return box;
    }
}
