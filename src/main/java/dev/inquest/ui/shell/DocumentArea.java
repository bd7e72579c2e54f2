package dev.inquest.ui.shell;

import dev.inquest.ui.common.NodeKey;
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

    /** The tab's key among open tabs, when its view sets one ({@link #setKey}). */
    private static final NodeKey<String> KEY = NodeKey.of("documentArea.key", String.class);
    private static final NodeKey<java.nio.file.Path> FILE = NodeKey.of("documentArea.file", java.nio.file.Path.class);

    /** What a restored layout expects of one tab group (see {@link #restore}). */
    private static final class Restoring {
        /** The entries a restored layout puts in this group, in order. */
        final List<Layout.Entry> expected = new ArrayList<>();
        /** The entries of {@link #expected} whose tabs have not arrived yet. */
        final List<Layout.Entry> awaited = new ArrayList<>();
        /** The entry that should be selected once it arrives, or null. */
        Layout.Entry wanted;
    }

    private static final NodeKey<Restoring> RESTORING = NodeKey.of("documentArea.restoring", Restoring.class);

    private final StackPane container = new StackPane();
    private final Map<String, Tab> tabsById = new HashMap<>();
    private TabPane focused;
    private Runnable onChange = () -> { };
    /** True while {@link #restore} rebuilds the panes: the intermediate states are no layout. */
    private boolean rebuilding;

    public DocumentArea() {
        SplitPane root = newSplit(Orientation.HORIZONTAL);
        TabPane first = newPane();
        first.setId("documents");
        root.getItems().add(first);
        container.getChildren().add(root);
        focused = first;
        // The keyboard focus owner, not focusWithin: a list cell that becomes the list's "focused
        // row" also sets focusWithin up the tree, which would make any group with a table the focused one.
        javafx.beans.value.ChangeListener<Node> owner = (obs, was, is) -> {
            for (Node n = is; n != null; n = n.getParent()) {
                if (n instanceof TabPane tp && panes().contains(tp)) {
                    focused = tp;
                    return;
                }
            }
        };
        container.sceneProperty().addListener((obs, was, is) -> {
            if (was != null) {
                was.focusOwnerProperty().removeListener(owner);
            }
            if (is != null) {
                is.focusOwnerProperty().addListener(owner);
            }
        });
    }

    /**
     * Called after every change a remembered layout would record: tabs opened, closed or moved,
     * another tab selected, a divider dragged. One listener (the case layouts); runs on the FX thread.
     */
    public void setOnChange(Runnable listener) {
        this.onChange = listener == null ? () -> { } : listener;
    }

    private void changed() {
        if (!rebuilding) {
            onChange.run();
        }
    }

    /** Names the file a tab shows, so a remembered layout can reopen it. */
    public static void setFile(Tab tab, java.nio.file.Path file) {
        FILE.set(tab, file.toAbsolutePath().normalize());
    }

    /** The file a tab shows ({@link #setFile}), or null. */
    public static java.nio.file.Path fileOf(Tab tab) {
        return FILE.get(tab);
    }

    /**
     * Gives a tab its key among open tabs (a view's own identity for it, e.g. the file and the
     * dump number), which a remembered layout uses; without one the title is the key.
     */
    public static void setKey(Tab tab, String key) {
        KEY.set(tab, key);
    }

    /** The tab's key among open tabs: the view's own key when it set one, else its title. */
    static String keyOf(Tab tab) {
        String key = KEY.get(tab);
        return key == null ? title(tab) : key;
    }

    private static Layout.Entry entryOf(Tab tab) {
        java.nio.file.Path f = fileOf(tab);
        return new Layout.Entry(keyOf(tab), f == null ? null : f.toString());
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

    /**
     * The tab an opening file shows at once (its page: phases, time left, Cancel), added and
     * selected; closing it runs {@code cancel} too (nothing once the open has settled). It has no
     * file: a restored layout waits for the document's tab, not this one.
     */
    public Tab addOpeningTab(java.nio.file.Path file, Node icon, String id, Node page, Runnable cancel) {
        Tab tab = newTab(file.getFileName().toString(), icon, page);
        tab.setId(id);
        tab.setTooltip(new javafx.scene.control.Tooltip(file.toAbsolutePath().normalize().toString()));
        var closed = tab.getOnClosed();
        tab.setOnClosed(e -> {
            cancel.run();
            if (closed != null) {
                closed.handle(e);
            }
        });
        add(tab);
        return tab;
    }

    /**
     * A document's tab in its opening tab's place (and selection), unless a restored layout has a
     * place for {@code file}'s document; the opening tab goes.
     */
    public void replaceOpening(Tab opening, Tab tab, java.nio.file.Path file) {
        javafx.scene.control.TabPane pane = opening.getTabPane();
        String abs = file.toAbsolutePath().normalize().toString();
        boolean awaited = awaiting().stream().anyMatch(e -> abs.equals(e.file()));
        if (pane != null && !awaited) {
            boolean selected = opening.isSelected();
            pane.getTabs().add(pane.getTabs().indexOf(opening), tab);
            if (selected) {
                pane.getSelectionModel().select(tab);
            }
        } else {
            add(tab);
        }
        close(opening);
    }

    /** The title shown on a tab created by {@link #newTab}. */
    public static String title(Tab tab) {
        return tab.getGraphic() instanceof Label l ? l.getText() : tab.getText();
    }

    /**
     * Adds a tab to the focused group and selects it; a tab a restored layout is waiting for goes
     * to its remembered group and place instead.
     */
    public void add(Tab tab) {
        if (placeAwaited(tab)) {
            return;
        }
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

    /**
     * The arrangement now: splits with their divider positions, the groups with their tabs and
     * selection. Tabs a restore is still waiting for are included in their places, so a layout
     * saved while dumps are loading still names them.
     */
    public Layout layout() {
        Node root = container.getChildren().getFirst();
        List<TabPane> panes = panes();
        return new Layout(describe(root), Math.max(0, panes.indexOf(focused)));
    }

    private static Layout.Part describe(Node n) {
        if (n instanceof SplitPane sp) {
            if (sp.getItems().size() == 1) {
                return describe(sp.getItems().getFirst());
            }
            List<Double> dividers = new ArrayList<>();
            for (double d : sp.getDividerPositions()) {
                dividers.add(Math.round(d * 10_000) / 10_000.0);
            }
            return new Layout.Split(sp.getOrientation(), dividers, sp.getItems().stream().map(DocumentArea::describe).toList());
        }
        TabPane tp = (TabPane) n;
        List<Layout.Entry> entries = new ArrayList<>();
        for (Tab t : tp.getTabs()) {
            entries.add(entryOf(t));
        }
        Layout.Entry selected = tp.getSelectionModel().getSelectedItem() == null ? null : entryOf(tp.getSelectionModel().getSelectedItem());
        // Awaited entries slot in where the restored layout put them.
        List<Layout.Entry> expected = expected(tp);
        if (!expected.isEmpty()) {
            List<Layout.Entry> merged = new ArrayList<>();
            for (Layout.Entry e : expected) {
                if (entries.contains(e) || awaited(tp).contains(e)) {
                    merged.add(e);
                }
            }
            for (Layout.Entry e : entries) {
                if (!merged.contains(e)) {
                    merged.add(e);
                }
            }
            entries = merged;
            Layout.Entry wanted = RESTORING.get(tp).wanted;
            if (wanted != null && awaited(tp).contains(wanted)) {
                selected = wanted;
            }
        }
        return new Layout.Group(entries, selected == null ? -1 : entries.indexOf(selected));
    }

    // ------------------------------------------------------------------ restoring a layout

    /**
     * Rebuilds the area as {@code layout} describes it. Open tabs named by the layout move to
     * their places (by file, else by key); open tabs it does not name stay, in the first group;
     * groups wait for the files that are not open yet: the caller opens them, and as each tab
     * arrives through {@link #add} it takes its remembered place (and selection).
     *
     * @return the entries the layout is now waiting for, in layout order
     */
    public List<Layout.Entry> restore(Layout layout) {
        rebuilding = true;
        try {
            List<Tab> open = new ArrayList<>(allTabs());
            for (TabPane p : panes()) {
                p.getTabs().clear();
            }
            List<Layout.Entry> waiting = new ArrayList<>();
            List<TabPane> built = new ArrayList<>();
            Node root = build(layout.root(), open, waiting, built);
            SplitPane top;
            if (root instanceof SplitPane sp) {
                top = sp;
            } else {
                top = newSplit(Orientation.HORIZONTAL);
                top.getItems().add(root);
            }
            container.getChildren().setAll(top);
            TabPane first = built.getFirst();
            first.setId("documents");
            for (Tab t : open) {
                first.getTabs().add(t);
            }
            focused = built.get(Math.min(Math.max(0, layout.focused()), built.size() - 1));
            pruneEmptyPanes();
            if (!panes().contains(focused)) {
                focused = panes().getFirst();
            }
            // Focus follows the keyboard: the remembered group takes it, or the next click would move it.
            focused.requestFocus();
            return waiting;
        } finally {
            rebuilding = false;
            changed();
        }
    }

    private Node build(Layout.Part part, List<Tab> open, List<Layout.Entry> waiting, List<TabPane> built) {
        return switch (part) {
            case Layout.Split s -> {
                SplitPane sp = newSplit(s.orientation());
                for (Layout.Part c : s.parts()) {
                    sp.getItems().add(build(c, open, waiting, built));
                }
                if (s.dividers().size() == sp.getItems().size() - 1) {
                    sp.setDividerPositions(s.dividers().stream().mapToDouble(Double::doubleValue).toArray());
                } else {
                    evenDividers(sp);
                }
                yield sp;
            }
            case Layout.Group g -> {
                TabPane pane = newPane();
                built.add(pane);
                List<Layout.Entry> expected = new ArrayList<>();
                List<Layout.Entry> awaited = new ArrayList<>();
                Layout.Entry wanted = g.selected() >= 0 && g.selected() < g.tabs().size() ? g.tabs().get(g.selected()) : null;
                for (Layout.Entry e : g.tabs()) {
                    Tab t = take(open, e);
                    if (t != null) {
                        pane.getTabs().add(t);
                        expected.add(e);
                        if (e.equals(wanted)) {
                            pane.getSelectionModel().select(t);
                        }
                    } else if (e.file() != null) {
                        expected.add(e);
                        awaited.add(e);
                        waiting.add(e);
                    }
                }
                expected(pane).addAll(expected);
                awaited(pane).addAll(awaited);
                if (wanted != null) {
                    RESTORING.get(pane).wanted = wanted;
                }
                yield pane;
            }
        };
    }

    /** Removes and returns the open tab an entry names: by file when it has one, else by key. */
    private static Tab take(List<Tab> open, Layout.Entry e) {
        for (Tab t : open) {
            java.nio.file.Path f = fileOf(t);
            boolean same = e.file() != null ? f != null && f.toString().equals(e.file()) : keyOf(t).equals(e.key());
            if (same) {
                open.remove(t);
                return t;
            }
        }
        return null;
    }

    private static List<Layout.Entry> expected(TabPane p) {
        return RESTORING.get(p).expected;
    }

    private static List<Layout.Entry> awaited(TabPane p) {
        return RESTORING.get(p).awaited;
    }

    /** The entries a restore still waits for, in layout order. */
    public List<Layout.Entry> awaiting() {
        List<Layout.Entry> out = new ArrayList<>();
        panes().forEach(p -> out.addAll(awaited(p)));
        return out;
    }

    /**
     * Puts an awaited tab in its group, after the tabs the layout lists before it. The entry with
     * the tab's own key wins (two tabs of one file: dumps of one heap file), else any of its file.
     */
    private boolean placeAwaited(Tab tab) {
        java.nio.file.Path f = fileOf(tab);
        if (f == null) {
            return false;
        }
        return placeAwaited(tab, f, true) || placeAwaited(tab, f, false);
    }

    private boolean placeAwaited(Tab tab, java.nio.file.Path f, boolean sameKey) {
        for (TabPane p : panes()) {
            for (Layout.Entry e : awaited(p)) {
                if (!f.toString().equals(e.file()) || sameKey && !e.key().equals(keyOf(tab))) {
                    continue;
                }
                awaited(p).remove(e);
                List<Layout.Entry> expected = expected(p);
                int rank = expected.indexOf(e);
                int at = 0;
                while (at < p.getTabs().size()) {
                    int other = expected.indexOf(entryOf(p.getTabs().get(at)));
                    if (other < 0 || other > rank) {
                        break;
                    }
                    at++;
                }
                p.getTabs().add(at, tab);
                if (e.equals(RESTORING.get(p).wanted)) {
                    p.getSelectionModel().select(tab);
                }
                return true;
            }
        }
        return false;
    }

    /**
     * Stops waiting (the files that were to open failed or were cancelled): groups left empty
     * disappear. Returns what was still awaited.
     */
    public List<Layout.Entry> stopAwaiting() {
        List<Layout.Entry> dropped = awaiting();
        panes().forEach(p -> awaited(p).clear());
        TabPane keep = focused;
        pruneEmptyPanes();
        if (keep == focused) {
            focused.requestFocus();
        }
        changed();
        return dropped;
    }

    private TabPane newPane() {
        TabPane pane = new TabPane();
        pane.getStyleClass().add("document-pane");
        pane.setTabClosingPolicy(TabPane.TabClosingPolicy.ALL_TABS);
        pane.setTabDragPolicy(TabPane.TabDragPolicy.FIXED);
        RESTORING.set(pane, new Restoring());
        pane.setOnMousePressed(e -> focused = pane);
        pane.getTabs().addListener((javafx.collections.ListChangeListener<Tab>) c -> changed());
        pane.getSelectionModel().selectedItemProperty().addListener((obs, was, is) -> changed());
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
            SplitPane nested = newSplit(orientation);
            parent.getItems().set(index, nested);
            nested.getItems().addAll(existing, added);
            evenDividers(nested);
        }
    }

    /** A split whose dividers report their moves (a dragged divider is part of the layout). */
    private SplitPane newSplit(Orientation orientation) {
        SplitPane sp = new SplitPane();
        sp.setOrientation(orientation);
        javafx.beans.value.ChangeListener<Number> moved = (obs, was, is) -> changed();
        sp.getDividers().addListener((javafx.collections.ListChangeListener<SplitPane.Divider>) c -> {
            while (c.next()) {
                c.getAddedSubList().forEach(d -> d.positionProperty().addListener(moved));
                c.getRemoved().forEach(d -> d.positionProperty().removeListener(moved));
            }
        });
        return sp;
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
            if (p.getTabs().isEmpty() && awaited(p).isEmpty() && panes().size() > 1) {
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
