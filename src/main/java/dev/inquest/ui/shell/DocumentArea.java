package dev.inquest.ui.shell;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.Dragboard;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.StackPane;

/**
 * The document area: tabs that can sit side by side. Every group of tabs is a {@link TabPane};
 * splitting puts a new group to the right of or below the current one (nesting split panes when
 * the direction changes), and a tab can be dragged by its title from one group into another.
 * Empty groups disappear so the area never shows a blank pane.
 */
public final class DocumentArea {
    private static final String DRAG_PREFIX = "inquest-tab:";

    /** A tab's place in the layout, for remembering a case's arrangement. */
    public record Layout(List<Group> groups) {
        /** One pane of tabs, with the orientation of the split it sits in and its depth in the tree. */
        public record Group(List<String> tabKeys, Orientation parentOrientation, int depth) {
        }
    }

    private final StackPane container = new StackPane();
    private final Map<String, Tab> tabsById = new HashMap<>();
    private TabPane focused;

    public DocumentArea() {
        SplitPane root = new SplitPane();
        root.setOrientation(Orientation.HORIZONTAL);
        TabPane first = newPane();
        first.setId("documents");
        root.getItems().add(first);
        container.getChildren().add(root);
        focused = first;
    }

    public Node node() {
        return container;
    }

    /** All tab groups in layout order (left to right, top to bottom). */
    public List<TabPane> panes() {
        List<TabPane> out = new ArrayList<>();
        collect(container.getChildren().getFirst(), out);
        return out;
    }

    private static void collect(Node n, List<TabPane> out) {
        if (n instanceof TabPane tp) {
            out.add(tp);
        } else if (n instanceof SplitPane sp) {
            sp.getItems().forEach(c -> collect(c, out));
        }
    }

    /** The group that last had the user's attention; new tabs open there. */
    public TabPane focusedPane() {
        return focused;
    }

    public List<Tab> allTabs() {
        List<Tab> out = new ArrayList<>();
        panes().forEach(p -> out.addAll(p.getTabs()));
        return out;
    }

    public Tab selectedTab() {
        return focused.getSelectionModel().getSelectedItem();
    }

    /** Creates a tab whose title label is also its drag handle. */
    public Tab newTab(String title, Node icon, Node content) {
        Label handle = new Label(title, icon);
        handle.getStyleClass().add("tab-title");
        Tab tab = new Tab(null, content);
        tab.setGraphic(handle);
        String id = UUID.randomUUID().toString();
        tab.getProperties().put("inquest.tab.id", id);
        tabsById.put(id, tab);
        handle.setOnDragDetected(e -> {
            Dragboard db = handle.startDragAndDrop(TransferMode.MOVE);
            ClipboardContent content2 = new ClipboardContent();
            content2.putString(DRAG_PREFIX + id);
            db.setContent(content2);
            e.consume();
        });
        tab.setOnClosed(e -> {
            tabsById.remove(id);
            pruneEmptyPanes();
        });
        tab.setContextMenu(tabMenu(tab));
        return tab;
    }

    /** The title shown on a tab created by {@link #newTab}. */
    public static String title(Tab tab) {
        return tab.getGraphic() instanceof Label l ? l.getText() : tab.getText();
    }

    public void add(Tab tab) {
        focused.getTabs().add(tab);
        focused.getSelectionModel().select(tab);
    }

    public void addFirst(Tab tab) {
        focused.getTabs().addFirst(tab);
        focused.getSelectionModel().select(tab);
    }

    public void close(Tab tab) {
        TabPane pane = tab.getTabPane();
        if (pane != null) {
            pane.getTabs().remove(tab);
            if (tab.getOnClosed() != null) {
                tab.getOnClosed().handle(null);
            }
        }
    }

    /**
     * Moves the selected tab of the focused group into a new group beside it (right for
     * HORIZONTAL, below for VERTICAL). Does nothing when the group holds a single tab.
     */
    public void splitSelected(Orientation orientation) {
        Tab tab = selectedTab();
        if (tab == null || focused.getTabs().size() < 2) {
            return;
        }
        TabPane source = focused;
        TabPane target = newPane();
        insertBeside(source, target, orientation);
        move(tab, target);
    }

    /** Moves a tab into another group (or a new one when {@code target} is null). */
    public void move(Tab tab, TabPane target) {
        TabPane source = tab.getTabPane();
        if (source == target) {
            return;
        }
        if (source != null) {
            source.getTabs().remove(tab);
        }
        target.getTabs().add(tab);
        target.getSelectionModel().select(tab);
        focused = target;
        pruneEmptyPanes();
    }

    public Layout layout() {
        List<Layout.Group> groups = new ArrayList<>();
        describe(container.getChildren().getFirst(), Orientation.HORIZONTAL, 0, groups);
        return new Layout(groups);
    }

    private static void describe(Node n, Orientation parent, int depth, List<Layout.Group> out) {
        if (n instanceof TabPane tp) {
            List<String> keys = new ArrayList<>();
            for (Tab t : tp.getTabs()) {
                Object key = t.getProperties().get("inquest.tab.key");
                keys.add(key == null ? title(t) : key.toString());
            }
            out.add(new Layout.Group(keys, parent, depth));
        } else if (n instanceof SplitPane sp) {
            sp.getItems().forEach(c -> describe(c, sp.getOrientation(), depth + 1, out));
        }
    }

    private TabPane newPane() {
        TabPane pane = new TabPane();
        pane.getStyleClass().add("document-pane");
        pane.setTabClosingPolicy(TabPane.TabClosingPolicy.ALL_TABS);
        pane.setTabDragPolicy(TabPane.TabDragPolicy.FIXED);
        pane.focusWithinProperty().addListener((obs, was, is) -> {
            if (is) {
                focused = pane;
            }
        });
        pane.setOnMousePressed(e -> focused = pane);
        pane.setOnDragOver(e -> {
            Tab t = draggedTab(e.getDragboard());
            if (t != null && t.getTabPane() != pane) {
                e.acceptTransferModes(TransferMode.MOVE);
            }
            e.consume();
        });
        pane.setOnDragDropped(e -> {
            Tab t = draggedTab(e.getDragboard());
            boolean ok = t != null && t.getTabPane() != pane;
            if (ok) {
                move(t, pane);
            }
            e.setDropCompleted(ok);
            e.consume();
        });
        return pane;
    }

    private Tab draggedTab(Dragboard db) {
        if (!db.hasString() || !db.getString().startsWith(DRAG_PREFIX)) {
            return null;
        }
        return tabsById.get(db.getString().substring(DRAG_PREFIX.length()));
    }

    private ContextMenu tabMenu(Tab tab) {
        MenuItem right = new MenuItem("Split Right");
        right.setOnAction(e -> {
            focused = tab.getTabPane();
            focused.getSelectionModel().select(tab);
            splitSelected(Orientation.HORIZONTAL);
        });
        MenuItem down = new MenuItem("Split Down");
        down.setOnAction(e -> {
            focused = tab.getTabPane();
            focused.getSelectionModel().select(tab);
            splitSelected(Orientation.VERTICAL);
        });
        MenuItem other = new MenuItem("Move to Next Group");
        other.setOnAction(e -> {
            List<TabPane> panes = panes();
            if (panes.size() > 1) {
                int i = panes.indexOf(tab.getTabPane());
                move(tab, panes.get((i + 1) % panes.size()));
            }
        });
        MenuItem close = new MenuItem("Close");
        close.setOnAction(e -> close(tab));
        return new ContextMenu(right, down, other, close);
    }

    private void insertBeside(TabPane existing, TabPane added, Orientation orientation) {
        SplitPane parent = owner(existing);
        int index = parent.getItems().indexOf(existing);
        if (parent.getOrientation() == orientation || parent.getItems().size() == 1) {
            parent.setOrientation(orientation);
            parent.getItems().add(index + 1, added);
            evenDividers(parent);
        } else {
            SplitPane nested = new SplitPane();
            nested.setOrientation(orientation);
            parent.getItems().set(index, nested);
            nested.getItems().addAll(existing, added);
            evenDividers(nested);
        }
    }

    private static void evenDividers(SplitPane sp) {
        int n = sp.getItems().size();
        double[] positions = new double[n - 1];
        for (int i = 0; i < n - 1; i++) {
            positions[i] = (i + 1) / (double) n;
        }
        sp.setDividerPositions(positions);
    }

    private void pruneEmptyPanes() {
        List<TabPane> panes = panes();
        for (TabPane p : panes) {
            if (p.getTabs().isEmpty() && panes().size() > 1) {
                SplitPane parent = owner(p);
                parent.getItems().remove(p);
                collapse(parent);
                if (focused == p) {
                    focused = panes().getFirst();
                }
            }
        }
    }

    /** A split with one child left is replaced by that child, keeping the tree shallow. */
    private void collapse(SplitPane sp) {
        if (sp.getItems().size() != 1) {
            return;
        }
        Node only = sp.getItems().getFirst();
        SplitPane parent = owner(sp);
        if (parent != null) {
            int i = parent.getItems().indexOf(sp);
            sp.getItems().clear();
            parent.getItems().set(i, only);
        }
    }

    private SplitPane owner(Node n) {
        Node root = container.getChildren().getFirst();
        return root == n ? null : findOwner(root, n);
    }

    private static SplitPane findOwner(Node cur, Node target) {
        if (cur instanceof SplitPane sp) {
            if (sp.getItems().contains(target)) {
                return sp;
            }
            for (Node c : sp.getItems()) {
                SplitPane found = findOwner(c, target);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }
}
