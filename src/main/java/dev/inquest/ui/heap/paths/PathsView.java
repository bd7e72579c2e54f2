package dev.inquest.ui.heap.paths;

import dev.inquest.format.Units;
import dev.inquest.heap.model.PathResult;
import dev.inquest.heap.model.PathStep;
import dev.inquest.ui.heap.HeapCells;
import dev.inquest.ui.heap.HeapContext;
import dev.inquest.ui.heap.HeapView;
import dev.inquest.ui.heap.HeapRow;
import dev.inquest.ui.heap.MarkdownRow;
import java.util.List;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.TreeCell;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * Why is this object alive: the shortest paths from it to GC roots, merged into a tree whose
 * first level is the object's referrers, each labelled with the field that holds the reference.
 * References through weak, soft and phantom referents are left out by default, as in MAT.
 */
public final class PathsView implements HeapView.Paths {
    static final int LIMIT = 25;

    /** One tree node: a step of a path; {@code root} is set on the step that is a GC root. */
    public record Step(long node, String className, long address, String field, String rootKinds) {
    }

    private final HeapContext doc;
    private final BorderPane root = new BorderPane();
    private final TreeView<Step> tree = new TreeView<>();
    private final CheckBox excludeWeak = new CheckBox("Exclude weak/soft/phantom references");
    private final Label status = new Label();
    private long node = -1;
    private PathResult result;

    public PathsView(HeapContext doc) {
        this.doc = doc;
        root.setId("paths");
        excludeWeak.setId("paths-exclude-weak");
        excludeWeak.setSelected(true);
        excludeWeak.selectedProperty().addListener((obs, was, is) -> {
            if (node >= 0) {
                show(node);
            }
        });
        status.setId("paths-status");
        status.getStyleClass().add("text-muted");
        status.setWrapText(true);
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        VBox head = new VBox(4, new HBox(8, excludeWeak, gap), status);
        head.setPadding(new Insets(6, 8, 6, 8));
        ((HBox) head.getChildren().getFirst()).setAlignment(Pos.CENTER_LEFT);

        tree.setId("paths-tree");
        tree.getStyleClass().add("dense");
        tree.setShowRoot(true);
        tree.setCellFactory(t -> new StepCell());
        tree.setOnMouseClicked(e -> {
            if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2) {
                TreeItem<Step> s = tree.getSelectionModel().getSelectedItem();
                if (s != null) {
                    doc.inspect(s.getValue().node());
                }
            }
        });
        tree.setContextMenu(doc.actions().menu(() -> {
            TreeItem<Step> s = tree.getSelectionModel().getSelectedItem();
            if (s == null) {
                return null;
            }
            Step v = s.getValue();
            return new HeapRow(v.node(), v.className(), List.of("Field", "Object", "GC root"),
                    List.of(v.field() == null ? "" : MarkdownRow.code(v.field()),
                            MarkdownRow.code(HeapCells.objectLabel(v.className(), v.address())),
                            v.rootKinds() == null ? "" : MarkdownRow.text(v.rootKinds())));
        }));
        root.setTop(head);
        root.setCenter(tree);
    }

    @Override
    public Node node() {
        return root;
    }

    /** Computes the paths of an object in the background and shows them. */
    @Override
    public void show(long target) {
        this.node = target;
        boolean weak = excludeWeak.isSelected();
        status.setText("Searching paths from " + HeapCells.objectLabel(doc.dump().className(target), doc.dump().address(target)) + "...");
        tree.setRoot(null);
        doc.run("Paths to GC roots", p -> doc.dump().pathsToRoots(target, LIMIT, weak, p), r -> {
            if (r.node() == node && weak == excludeWeak.isSelected()) {
                render(r);
            }
        });
    }

    private void render(PathResult r) {
        this.result = r;
        TreeItem<Step> top = new TreeItem<>(new Step(r.node(), r.className(), r.address(), null, doc.dump().rootKinds(r.node())));
        for (List<PathStep> path : r.paths()) {
            TreeItem<Step> at = top;
            for (int i = 1; i < path.size(); i++) {
                PathStep s = path.get(i);
                TreeItem<Step> next = null;
                for (TreeItem<Step> c : at.getChildren()) {
                    if (c.getValue().node() == s.node()) {
                        next = c;
                        break;
                    }
                }
                if (next == null) {
                    next = new TreeItem<>(new Step(s.node(), s.className(), s.address(), s.field(), s.rootKinds()));
                    at.getChildren().add(next);
                }
                at = next;
            }
        }
        expandAll(top);
        tree.setRoot(top);
        String weak = excludeWeak.isSelected() ? " (weak, soft and phantom references excluded)" : "";
        status.setText(r.paths().isEmpty()
                ? (top.getValue().rootKinds() != null ? "The object is itself a GC root." : "No path to a GC root" + weak + ".")
                : Units.count(r.paths().size()) + (r.paths().size() == LIMIT ? "+" : "") + " shortest paths" + weak
                        + "; the first level lists the referrers, the leaves are GC roots.");
    }

    private static void expandAll(TreeItem<Step> item) {
        item.setExpanded(true);
        item.getChildren().forEach(PathsView::expandAll);
    }

    /** The last result shown (tests). */
    public PathResult result() {
        return result;
    }

    public TreeView<Step> tree() {
        return tree;
    }

    public void setExcludeWeak(boolean on) {
        excludeWeak.setSelected(on);
    }

    private static final class StepCell extends TreeCell<Step> {
        @Override
        protected void updateItem(Step s, boolean empty) {
            super.updateItem(s, empty);
            getStyleClass().remove("gc-root");
            if (empty || s == null) {
                setText(null);
                setGraphic(null);
                return;
            }
            String label = HeapCells.objectLabel(s.className(), s.address());
            if (s.field() != null) {
                label = s.field() + " in " + label;
            }
            if (s.rootKinds() != null) {
                // Kinds first: a long class name must not push the answer out of sight.
                label = "GC root (" + s.rootKinds() + "): " + label;
                getStyleClass().add("gc-root");
            }
            setText(label);
            setGraphic(HeapCells.iconFor(s.className(), false));
        }
    }
}
