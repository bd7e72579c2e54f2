package dev.inquest.ui.heap.overview;

import dev.inquest.format.Units;
import dev.inquest.heap.model.DominatorRow;
import dev.inquest.heap.model.HeapSummary;
import dev.inquest.heap.query.LeakSuspects;
import dev.inquest.heap.query.OffHeap;
import dev.inquest.heap.query.ObjectBrief;
import dev.inquest.heap.query.ContainerInfo;
import dev.inquest.heap.query.Duplication;
import dev.inquest.heap.query.Suspect;
import dev.inquest.heap.query.SuspectPart;
import dev.inquest.heap.query.SuspectReport;
import dev.inquest.ui.heap.HeapCells;
import dev.inquest.ui.heap.HeapContext;
import dev.inquest.ui.heap.HeapPanes;
import dev.inquest.ui.heap.HeapView;
import dev.inquest.ui.heap.HeapRow;
import dev.inquest.ui.heap.MarkdownRow;
import dev.inquest.ui.heap.RowActions;
import dev.inquest.ui.common.FactGrid;
import dev.inquest.ui.common.FitText;
import dev.inquest.ui.common.Tiles;
import dev.inquest.ui.common.TwoColumns;
import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import javafx.geometry.HPos;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/**
 * The first page of a dump: facts about the file, the JVM and the dump, the used heap and its
 * counts, the biggest dominators as bars (click one to inspect it), and the leak suspects as cards.
 */
public final class OverviewView implements HeapView {
    static final int TOP = 10;

    private final HeapContext doc;
    private final VBox root = new VBox(18);
    /** Cards side by side while they fit at 380 px each (at most 560 wide), else below each other. */
    private final Tiles suspects = new Tiles(380, 560, 3, 12, 12);
    /** The "Beyond the heap" row: empty and hidden until the buffers are counted and significant. */
    private final VBox offHeap = new VBox(4);
    private OffHeap.Report offHeapReport;

    public OverviewView(HeapContext doc) {
        this.doc = doc;
        HeapSummary s = doc.summary();
        root.getStyleClass().add("heap-overview");
        root.setPadding(new Insets(18, 22, 18, 22));

        // Five tiles in a row on a wide tab, wrapping to rows of three or two in a narrow group.
        Tiles figures = new Tiles(115, Double.MAX_VALUE, 5, 12, 12,
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
        // Facts beside the bars while the bars keep 400 px, else the bars below the facts.
        TwoColumns columns = new TwoColumns(facts, top, 420, 420 + 28 + 400, 28);

        suspects.setId("overview-suspects");
        suspects.getChildren().add(card("Looking for leak suspects...", "The suspects appear here when the analysis is done.", null));
        doc.run("Leak suspects", p -> LeakSuspects.find(doc.dump(), p), this::showSuspects);
        // Issue 20: a row on memory beyond the heap, shown only when the engine finds the buffers significant.
        offHeap.setId("overview-offheap");
        offHeap.getStyleClass().addAll("suspect-card", "offheap-row");
        offHeap.setVisible(false);
        offHeap.setManaged(false);
        doc.run("Direct and mapped buffers", p -> OffHeap.of(doc.dump(), p), this::showOffHeap);
        root.getChildren().addAll(title, figures, offHeap, columns, section("Leak suspects"), suspects);
        // A cut dump's sentence is the document's banner, above this view and every other one.
    }

    @Override
    public Node node() {
        if (scroll == null) {
            scroll = new ScrollPane(root);
            scroll.setFitToWidth(true);
            scroll.getStyleClass().add("edge-to-edge");
        }
        return scroll;
    }

    private ScrollPane scroll;

    /** The headlines of the suspect cards shown (a "looking" card while the analysis runs). */
    public List<String> suspectHeadlines() {
        return suspects.getChildren().stream().map(n -> ((Label) ((VBox) n).getChildren().getFirst()).getText()).toList();
    }

    /** The "Held by" lines of the split suspects' cards, in order (issue 19; tests read them). */
    public List<String> suspectPartLines() {
        return suspects.lookupAll(".suspect-part").stream().map(n -> ((Label) n).getText()).toList();
    }

    /** The off-heap figures once counted (null before), whether or not the row shows. */
    public OffHeap.Report offHeapReport() {
        return offHeapReport;
    }

    /** The "Beyond the heap" row's lines, headline first; empty while it is hidden. */
    public List<String> offHeapLines() {
        if (!offHeap.isVisible()) {
            return List.of();
        }
        return offHeap.getChildren().stream().filter(n -> n instanceof Label).map(n -> ((Label) n).getText()).toList();
    }

    /** The row's link to the holders (null while hidden); tests fire it. */
    public javafx.scene.control.Hyperlink offHeapLink() {
        return (javafx.scene.control.Hyperlink) offHeap.lookup("#overview-offheap-holders");
    }

    /**
     * Issue 20: the buffers' headline, who holds them, the thread stacks, and a link to the
     * "Why alive" view of {@code DirectByteBuffer} (merged paths and the collections holding them);
     * shown only when the engine's rule ({@link OffHeap#significant}) says so.
     */
    private void showOffHeap(OffHeap.Report r) {
        offHeapReport = r;
        if (!r.significant()) {
            return;
        }
        Label head = new Label("Beyond the heap: " + r.headline());
        head.getStyleClass().add("text-bold");
        head.setWrapText(true);
        head.setMinHeight(Region.USE_PREF_SIZE);
        offHeap.getChildren().add(head);
        for (OffHeap.Holder h : r.buffers().holders().subList(0, Math.min(3, r.buffers().holders().size()))) {
            Label l = new Label(h.describe(), h.via() == null ? null : HeapCells.iconFor(h.via().className(), false));
            l.setWrapText(true);
            l.setMinHeight(Region.USE_PREF_SIZE);
            if (h.via() != null) {
                long node = h.via().node();
                l.getStyleClass().add("overview-bar-row");
                l.setTooltip(new Tooltip(HeapCells.objectLabel(h.via().className(), h.via().address()) + "\nClick to inspect"));
                l.setOnMouseClicked(e -> doc.inspect(node));
            }
            offHeap.getChildren().add(l);
        }
        Label stacks = new Label("Thread stacks: " + r.threadStacks().describe());
        stacks.setWrapText(true);
        stacks.setMinHeight(Region.USE_PREF_SIZE);
        offHeap.getChildren().add(stacks);
        javafx.scene.control.Hyperlink why = new javafx.scene.control.Hyperlink("Why are the buffers alive?");
        why.setId("overview-offheap-holders");
        why.setOnAction(e -> doc.whyAlive(OffHeap.BUFFER_CLASS));
        offHeap.getChildren().add(why);
        offHeap.setManaged(true);
        offHeap.setVisible(true);
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
        // A figure is never elided: its tile is as wide as its value (Tiles wraps to fewer a row).
        v.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        Label k = new Label(label);
        k.getStyleClass().add("heap-figure-label");
        VBox box = new VBox(2, v, k);
        box.getStyleClass().add("heap-figure");
        Tooltip.install(box, new Tooltip(tip));
        return box;
    }

    private GridPane factGrid(HeapSummary s) {
        String size;
        try {
            size = Units.bytes(Files.size(doc.file()));
        } catch (IOException e) {
            size = "unknown";
        }
        String[][] rows = {
                {"File", FactGrid.wrappablePath(doc.file().toAbsolutePath().normalize().toString())},
                {"Size on disk", size + " (" + s.container() + ")"},
                {"Format", s.format()},
                {"Dump", s.dumps() > 1 ? (s.dump() + 1) + " of " + s.dumps() : "the only one in the file"},
                {"Identifiers", s.idSize() * 8 + "-bit" + (s.compressedOops() ? ", compressed oops" : "")},
                {"Object alignment", s.objectAlignment() + " bytes"},
                {"Unreachable heap", Units.bytes(s.unreachableHeap())},
                {"Parsed in", String.format(java.util.Locale.ROOT, "%.1f s", s.parseMillis() / 1000.0)},
                {"Complete", s.truncated() ? "no (" + Units.count(s.problems().size()) + (s.problems().size() == 1 ? " problem" : " problems")
                        + ", listed above)" : "yes"},
        };
        GridPane grid = FactGrid.of(rows);
        grid.setId("overview-facts");
        return grid;
    }

    /**
     * Horizontal bars, widest first: easier to read than a chart axis for ten class names. Each
     * name has the row's width above its bar, so it stays readable in a half-width group.
     */
    private Node dominatorBars() {
        List<DominatorRow> top = doc.dump().topDominators(TOP);
        GridPane grid = new GridPane(10, 3);
        grid.setId("overview-dominators");
        ColumnConstraints nameColumn = new ColumnConstraints();
        nameColumn.setHgrow(Priority.ALWAYS);
        nameColumn.setMinWidth(120);
        grid.getColumnConstraints().add(nameColumn);
        long max = top.isEmpty() ? 1 : Math.max(1, top.getFirst().retained());
        long used = Math.max(1, doc.summary().usedHeap());
        for (int i = 0; i < top.size(); i++) {
            DominatorRow r = top.get(i);
            Label name = new Label(null, HeapCells.iconFor(r.className(), false));
            FitText.fit(name, HeapCells.objectLabel(r.className(), r.address()),
                    HeapCells.objectLabels(r.className(), r.address()));
            name.setMinWidth(120);
            name.setMaxWidth(Double.MAX_VALUE);
            name.setTooltip(new Tooltip(HeapCells.objectLabel(r.className(), r.address()) + "\nClick to inspect"));
            StackPane bar = new StackPane();
            bar.getStyleClass().add("overview-bar-track");
            Region fill = new Region();
            fill.getStyleClass().add("overview-bar");
            fill.maxWidthProperty().bind(bar.widthProperty().multiply((double) r.retained() / max));
            StackPane.setAlignment(fill, Pos.CENTER_LEFT);
            bar.getChildren().add(fill);
            bar.setMinWidth(60);
            bar.setPrefHeight(8);
            bar.setMaxHeight(8);
            Label size = new Label(Units.bytes(r.retained()));
            size.getStyleClass().add("numeric");
            size.setMinWidth(Region.USE_PREF_SIZE);
            Label pct = new Label(Units.percent((double) r.retained() / used));
            pct.getStyleClass().add("numeric");
            pct.setMinWidth(Region.USE_PREF_SIZE);
            GridPane.setHalignment(size, HPos.RIGHT);
            GridPane.setHalignment(pct, HPos.RIGHT);
            if (i > 0) {
                for (Node n : List.of(name, size, pct)) {
                    GridPane.setMargin(n, new Insets(7, 0, 0, 0));
                }
            }
            grid.addRow(2 * i, name, size, pct);
            grid.add(bar, 0, 2 * i + 1, 3, 1);
            long node = r.node();
            HeapRow row = new HeapRow(node, r.className(), List.of("Object", "Retained", "Percent"),
                    List.of(MarkdownRow.code(HeapCells.objectLabel(r.className(), r.address())),
                            Units.bytes(r.retained()), Units.percent((double) r.retained() / used)));
            var menu = doc.actions().menu(() -> row);
            for (Node n : List.of(name, bar, size, pct)) {
                RowActions.offer(n, menu);
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
            return HeapPanes.placeholder("No reachable objects.");
        }
        return grid;
    }

    private void showSuspects(SuspectReport report) {
        List<Node> cards = new java.util.ArrayList<>();
        long used = Math.max(1, report.usedHeap());
        for (Suspect s : report.suspects()) {
            ObjectBrief target = s.accumulation() != null ? s.accumulation() : s.dominator();
            StringBuilder text = new StringBuilder();
            if (s.explanation() != null && !s.explanation().isBlank()) {
                text.append(s.explanation());
            } else {
                text.append(s.count() > 1 ? Units.count(s.count()) + " instances of " : "").append(s.className())
                        .append(s.count() > 1 ? " retain " : " retains ").append(Units.bytes(s.retained())).append(" (")
                        .append(Units.percent((double) s.retained() / used)).append(" of the used heap).");
            }
            if (s.holder() != null && !s.splits()) {
                text.append("\nHeld by ").append(s.holder()).append('.');
            }
            if (s.container() != null && s.container().elementClass() != null) {
                text.append("\nElements: mostly ").append(s.container().elementClass()).append(" (")
                        .append(Units.count(s.container().elementClassCount())).append(", retaining ")
                        .append(Units.bytes(s.container().elementClassRetained())).append(").");
            }
            Node card = card(s.title(), text.toString(), target == null ? null : target.node());
            card.getStyleClass().add("suspect");
            if (s.splits()) {
                ((VBox) card).getChildren().add(parts(s));
            }
            Node extra = doc.suspectPanel(s);
            if (extra != null) {
                ((VBox) card).getChildren().add(extra);
            }
            HeapRow row = new HeapRow(target == null ? -1 : target.node(), s.title(),
                    List.of("Suspect", "Class", "Retained", "Percent", "Held by"),
                    List.of(MarkdownRow.text(s.title()), MarkdownRow.code(s.className()), Units.bytes(s.retained()),
                            Units.percent((double) s.retained() / used), heldBy(s)));
            var menu = doc.actions().menu(() -> row);
            card.setOnContextMenuRequested(e -> menu.show(card, e.getScreenX(), e.getScreenY()));
            RowActions.offer(card, menu);
            cards.add(card);
        }
        if (cards.isEmpty()) {
            StringBuilder text = new StringBuilder("No single object or class retains " + Units.percent(LeakSuspects.THRESHOLD)
                    + " of the used heap (" + Units.bytes(report.threshold()) + ").");
            for (SuspectReport.Dismissed d : report.dismissed()) {
                text.append("\nNot blamed: ").append(HeapCells.objectLabel(d.dominator().className(), d.dominator().address()))
                        .append(" — ").append(d.reason());
            }
            cards.add(card("No leak suspect", text.toString(), null));
        }
        setSuspects(cards);
    }

    /** The "Held by" cell of a suspect's row: its holder, or each part's when it splits. */
    private static String heldBy(Suspect s) {
        if (s.splits()) {
            return s.parts().stream().map(p -> MarkdownRow.code(p.label())).collect(java.util.stream.Collectors.joining(", "));
        }
        return s.holder() == null ? "" : MarkdownRow.code(s.holder());
    }

    /**
     * Issue 19: a split suspect's holders, one line per part as the engine named it (holder field,
     * count and class of what accumulates, size, duplication); a click inspects that part's
     * accumulation point rather than the object where the walk split.
     */
    private Node parts(Suspect s) {
        VBox box = new VBox(2);
        box.setId("suspect-parts");
        Label head = new Label("Held by");
        head.getStyleClass().add("text-bold");
        box.getChildren().add(head);
        for (SuspectPart p : s.parts()) {
            ContainerInfo c = p.container();
            StringBuilder line = new StringBuilder(p.label());
            if (c != null && c.elementClass() != null) {
                line.append(": ").append(Units.count(c.elementClassCount())).append(' ')
                        .append(HeapCells.shortPackages(c.elementClass())).append(" in a ").append(c.kind().label());
            }
            line.append(", ").append(Units.bytes(p.accumulationRetained()));
            if (p.field() != null) {
                line.append(" (field ").append(p.field()).append(')');
            }
            Duplication d = p.duplication();
            if (d != null) {
                line.append("; ").append(Units.count(d.instances())).append(' ').append(HeapCells.shortPackages(d.className()))
                        .append(" for ").append(Units.count(d.distinctKeys())).append(" distinct ").append(d.keyField());
            }
            Label row = new Label(line.toString(), HeapCells.iconFor(p.accumulation().className(), false));
            row.setWrapText(true);
            row.setMinHeight(Region.USE_PREF_SIZE);
            row.getStyleClass().add("suspect-part");
            row.setTooltip(new Tooltip(HeapCells.objectLabel(p.accumulation().className(), p.accumulation().address())
                    + "\nClick to inspect"));
            long node = p.accumulation().node();
            row.setOnMouseClicked(e -> {
                e.consume();
                doc.inspect(node);
            });
            box.getChildren().add(row);
        }
        return box;
    }

    /** A suspect card: a headline, a few lines of explanation, and an optional object to inspect. */
    public Node card(String headline, String text, Long node) {
        Label h = new Label(headline);
        h.getStyleClass().add("text-bold");
        h.setWrapText(true);
        h.setMinHeight(Region.USE_PREF_SIZE);
        Label t = new Label(text);
        t.setWrapText(true);
        t.setMinHeight(Region.USE_PREF_SIZE);
        // The card takes the tile's width (Tiles); its text wraps to it.
        VBox box = new VBox(6, h, t);
        box.getStyleClass().add("suspect-card");
        if (node != null) {
            box.setOnMouseClicked(e -> doc.inspect(node));
        }
        return box;
    }
}
