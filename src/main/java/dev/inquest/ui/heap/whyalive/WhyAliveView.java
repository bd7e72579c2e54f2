package dev.inquest.ui.heap.whyalive;

import dev.inquest.ui.common.FitColumn;
import dev.inquest.format.Units;
import dev.inquest.heap.query.WhyAlive;
import dev.inquest.ui.heap.HeapCells;
import dev.inquest.ui.heap.HeapContext;
import dev.inquest.ui.heap.HeapPanes;
import dev.inquest.ui.heap.HeapRow;
import dev.inquest.ui.heap.HeapView;
import dev.inquest.ui.heap.MarkdownRow;
import java.util.List;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.ObservableList;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeTableCell;
import javafx.scene.control.TreeTableColumn;
import javafx.scene.control.TreeTableView;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.BorderPane;

/**
 * Why the instances of a whole class are alive: the engine's {@link WhyAlive} tree, their
 * shortest strong paths merged from the GC roots down, siblings of one class reached through one
 * field grouped in one row ("[] -> 5,000 x Widget"). The command line's {@code heap why} in the
 * window.
 *
 * <p>The tree is built as the user opens it: a row's children become tree items on its first
 * expansion, at most {@value #CHILDREN} of them, so a path millions of objects deep or a row with
 * many distinct children never turns into millions of items at once.
 */
public final class WhyAliveView implements HeapView.MergedPaths {
    /** Children made per row on expansion; the rest are counted in one last row. */
    public static final int CHILDREN = 500;
    /** A first show opens a chain of only children this deep, so the usual single path reads at once. */
    static final int OPEN_CHAIN = 30;

    private final HeapContext doc;
    private final BorderPane root = new BorderPane();
    private final TreeTableView<WhyAlive.Group> tree = new TreeTableView<>();
    private final Label status = new Label();
    private String className;
    private WhyAlive.Result result;

    public WhyAliveView(HeapContext doc) {
        this.doc = doc;
        root.setId("why-alive");
        // A narrow side area shrinks the tree (its columns scroll), never shifts it out of sight.
        root.setMinWidth(0);
        tree.setMinWidth(0);
        status.setId("why-alive-status");
        status.getStyleClass().add("text-muted");
        status.setWrapText(true);
        status.setPadding(new Insets(6, 8, 6, 8));
        tree.setId("why-alive-tree");
        tree.getStyleClass().add("dense");
        tree.setShowRoot(false);
        // The path takes what the figures leave: names are what a reader follows down the tree.
        tree.setColumnResizePolicy(FitColumn.scrollingTree(TreeTableView.CONSTRAINED_RESIZE_POLICY_ALL_COLUMNS));
        // Its column titles whole, not "Retain..." (issue 18).
        dev.inquest.ui.common.FitColumn.keepTitlesWhole(tree);
        TreeTableColumn<WhyAlive.Group, WhyAlive.Group> path = new TreeTableColumn<>("Path from GC roots");
        path.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().getValue()));
        path.setCellFactory(c -> new PathCell());
        path.setPrefWidth(320);
        TreeTableColumn<WhyAlive.Group, Long> objects = number("Objects", WhyAlive.Group::nodes, HeapCells.Format.COUNT);
        TreeTableColumn<WhyAlive.Group, Long> held = number("Held", WhyAlive.Group::objects, HeapCells.Format.COUNT);
        held.setId("why-alive-held");
        TreeTableColumn<WhyAlive.Group, Long> shallow = number("Held shallow", WhyAlive.Group::objectsShallow, HeapCells.Format.BYTES);
        TreeTableColumn<WhyAlive.Group, String> roots = new TreeTableColumn<>("GC root");
        roots.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().getValue().rootKinds()));
        roots.setPrefWidth(80);
        roots.setMinWidth(60);
        roots.setMaxWidth(120);
        tree.getColumns().setAll(List.of(path, objects, held, shallow, roots));
        tree.setPlaceholder(HeapPanes.placeholder("Right-click a class or an object in another view and choose \"Why alive?\"."));
        tree.setContextMenu(doc.actions().menu(this::selectedRow));
        tree.setOnMouseClicked(e -> {
            if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2) {
                HeapRow r = selectedRow();
                if (r != null && r.isObject()) {
                    doc.inspect(r.node());
                }
            }
        });
        root.setTop(status);
        root.setCenter(tree);
    }

    private static TreeTableColumn<WhyAlive.Group, Long> number(String title, java.util.function.ToLongFunction<WhyAlive.Group> f,
            HeapCells.Format format) {
        TreeTableColumn<WhyAlive.Group, Long> c = new TreeTableColumn<>(title);
        c.setCellValueFactory(cd -> new ReadOnlyObjectWrapper<>(cd.getValue().getValue().className() == null ? null
                : f.applyAsLong(cd.getValue().getValue())));
        HeapCells.numeric(c, format);
        c.setPrefWidth(84);
        c.setMinWidth(72);
        c.setMaxWidth(110);
        return c;
    }

    @Override
    public Node node() {
        return root;
    }

    /** Computes the merged paths of the class's instances in the background and shows them. */
    @Override
    public void show(String name) {
        this.className = name;
        this.result = null;
        tree.setRoot(null);
        status.setText("Merging the paths of every " + name + " to the GC roots...");
        doc.run("Why alive: " + name, p -> WhyAlive.forClass(doc.dump(), name, p), r -> {
            if (name.equals(className)) {
                render(r);
            }
        });
    }

    private void render(WhyAlive.Result r) {
        this.result = r;
        status.setText(Units.count(r.instances()) + " " + r.className() + ", " + Units.count(r.withPath()) + " held strongly"
                + (r.unreached() > 0 ? ", " + Units.count(r.unreached()) + " only weakly/softly" : ""));
        TreeItem<WhyAlive.Group> top = new TreeItem<>();
        top.getChildren().setAll(items(r.roots()));
        tree.setRoot(top);
        tree.setPlaceholder(HeapPanes.placeholder("No instance of " + r.className() + " is held through strong references."));
        // Open the chain while each row has one child: the usual answer reads without clicking.
        TreeItem<WhyAlive.Group> at = top.getChildren().size() == 1 ? top.getChildren().getFirst() : null;
        for (int depth = 0; at != null && depth < OPEN_CHAIN; depth++) {
            at.setExpanded(true);
            at = at.getChildren().size() == 1 ? at.getChildren().getFirst() : null;
        }
    }

    /** Tree items for up to {@value #CHILDREN} groups, with one more row counting the rest. */
    static List<TreeItem<WhyAlive.Group>> items(List<WhyAlive.Group> groups) {
        List<TreeItem<WhyAlive.Group>> out = new java.util.ArrayList<>(Math.min(groups.size(), CHILDREN + 1));
        for (int i = 0; i < Math.min(groups.size(), CHILDREN); i++) {
            out.add(new GroupItem(groups.get(i)));
        }
        if (groups.size() > CHILDREN) {
            long objects = 0;
            for (int i = CHILDREN; i < groups.size(); i++) {
                objects += groups.get(i).objects();
            }
            // A row with no class: the cell reads it as "N more groups holding M instances".
            out.add(new TreeItem<>(new WhyAlive.Group(null, null, groups.size() - CHILDREN, objects, 0, null, 0, List.of())));
        }
        return out;
    }

    /** A group whose children become items on first use (expansion, or a look at them). */
    public static final class GroupItem extends TreeItem<WhyAlive.Group> {
        private boolean built;

        GroupItem(WhyAlive.Group g) {
            super(g);
        }

        @Override
        public boolean isLeaf() {
            return getValue().children().isEmpty();
        }

        @Override
        public ObservableList<TreeItem<WhyAlive.Group>> getChildren() {
            if (!built) {
                built = true;
                super.getChildren().setAll(items(getValue().children()));
            }
            return super.getChildren();
        }

        /** Whether the children were made (tests: nothing is built before it is opened). */
        public boolean built() {
            return built;
        }
    }

    private final class PathCell extends TreeTableCell<WhyAlive.Group, WhyAlive.Group> {
        @Override
        protected void updateItem(WhyAlive.Group g, boolean empty) {
            super.updateItem(g, empty);
            if (empty || g == null) {
                setText(null);
                setGraphic(null);
            } else if (g.className() == null) {
                setText(Units.count(g.nodes()) + " more groups holding " + Units.count(g.objects()) + " instances");
                setGraphic(null);
            } else {
                setText(label(g));
                setGraphic(HeapCells.iconFor(g.className(), g.nodes() > 1));
            }
        }
    }

    /** ".field → 3 × Class" as the command line prints a row; the field is absent at the roots. */
    static String label(WhyAlive.Group g) {
        String what = (g.nodes() > 1 ? Units.count(g.nodes()) + " × " : "") + g.className();
        return g.field() == null ? what : g.field() + " → " + what;
    }

    private HeapRow selectedRow() {
        TreeItem<WhyAlive.Group> item = tree.getSelectionModel().getSelectedItem();
        if (item == null || item.getValue() == null || item.getValue().className() == null) {
            return null;
        }
        WhyAlive.Group g = item.getValue();
        // A group of several objects acts on its example, as the command line names it.
        long node = doc.dump().node(g.exampleAddress());
        List<String> headers = List.of("Path", "Objects", "Instances held", "GC root");
        List<String> cells = List.of(MarkdownRow.code(label(g)), Units.count(g.nodes()), Units.count(g.objects()),
                g.rootKinds() == null ? "" : MarkdownRow.text(g.rootKinds()));
        return node >= 0 ? new HeapRow(node, g.className(), headers, cells) : HeapRow.ofClass(g.className(), headers, cells);
    }

    /** The result shown, or null while computing. */
    public WhyAlive.Result result() {
        return result;
    }

    public TreeTableView<WhyAlive.Group> tree() {
        return tree;
    }
}
