package dev.inquest.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.inquest.heap.model.ShapesDumpAccess;
import dev.inquest.testing.Corpus;
import dev.inquest.ui.heap.HeapDocument;
import dev.inquest.ui.heap.HeapViews;
import dev.inquest.ui.jfr.JfrDocument;
import dev.inquest.ui.notebook.Notebook;
import dev.inquest.ui.settings.Theme;
import dev.inquest.ui.shell.MainWindow;
import dev.inquest.ui.shell.ShortcutSheet;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.Control;
import javafx.scene.control.Labeled;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.Tab;
import javafx.scene.control.TreeTableColumn;
import javafx.scene.control.TreeTableView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.paint.Paint;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Issue 18, "Keyboard and help": the zoom keys as the menu writes them, zoom widening columns,
 * Ctrl+1..9 for the front document's views, the shortcut sheet generated from the menus, a tooltip
 * on every icon-only button, and a visible focus ring on lists, tables and buttons.
 */
@ExtendWith(ApplicationExtension.class)
class KeyboardTest {
    @TempDir
    static Path home;

    private MainWindow window;
    private Notebook notebook;
    private Stage stage;

    @Start
    void start(Stage stage) throws Exception {
        this.stage = stage;
        window = TestWindows.withFreshSettings(stage, home);
        notebook = Views.installAll(window).notebook();
        stage.show();
    }

    @AfterEach
    void lightAgain(FxRobot robot) {
        javafx.application.Platform.runLater(Theme.LIGHT::apply);
        WaitForAsyncUtils.waitForFxEvents();
        // Close what each test opened: a dump left open keeps its file mapped for the classes after this one.
        robot.interact(() -> window.documents().allTabs().stream().filter(t -> t.isClosable()).toList()
                .forEach(window.documents()::close));
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static void keys(FxRobot robot, KeyCode... keys) {
        robot.press(keys);
        for (int i = keys.length - 1; i >= 0; i--) {
            robot.release(keys[i]);
        }
        WaitForAsyncUtils.waitForFxEvents();
    }

    private HeapDocument openDump(FxRobot robot) throws Exception {
        robot.interact(() -> window.open(ShapesDumpAccess.plain()));
        HeapDocument[] doc = new HeapDocument[1];
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> {
            for (Tab t : window.documents().allTabs()) {
                if (HeapViews.documentOf(t) != null) {
                    doc[0] = HeapViews.documentOf(t);
                }
            }
            return doc[0] != null;
        });
        WaitForAsyncUtils.waitForFxEvents();
        return doc[0];
    }

    private JfrDocument openRecording(FxRobot robot) throws Exception {
        Path file = Corpus.file("jfr/object-allocations.jfr");
        robot.interact(() -> window.open(file));
        JfrDocument[] doc = new JfrDocument[1];
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> {
            for (Tab t : window.documents().allTabs()) {
                if (t.getContent() instanceof JfrDocument d) {
                    doc[0] = d;
                }
            }
            return doc[0] != null;
        });
        WaitForAsyncUtils.waitForFxEvents();
        return doc[0];
    }

    private Tab tabOf(Node content) {
        return window.documents().allTabs().stream().filter(t -> t.getContent() == content).findFirst().orElseThrow();
    }

    private void front(FxRobot robot, Node content) {
        robot.interact(() -> {
            Tab t = tabOf(content);
            t.getTabPane().getSelectionModel().select(t);
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    private MenuBar menuBar(FxRobot robot) {
        return robot.lookup("#menu-bar").queryAs(MenuBar.class);
    }

    private static List<MenuItem> allItems(List<MenuItem> items) {
        List<MenuItem> out = new ArrayList<>();
        for (MenuItem i : items) {
            out.add(i);
            if (i instanceof Menu m) {
                out.addAll(allItems(m.getItems()));
            }
        }
        return out;
    }

    private ShortcutSheet.Entry sheetLine(String action) {
        return window.shortcuts().stream().filter(e -> e.action().equals(action)).findFirst().orElseThrow();
    }

    // ------------------------------------------------------------------ zoom

    /** '+' is Shift+= on a US keyboard and ADD on the numpad: before, only Ctrl+= (no Shift) zoomed. */
    @Test
    void zoomKeysAsTheMenuWritesThem(FxRobot robot) {
        robot.clickOn("#status-bar");
        double base = window.fontSize();
        keys(robot, KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.EQUALS);
        assertThat(window.fontSize()).as("Ctrl+Shift+= (the '+' key)").isEqualTo(base + 1);
        keys(robot, KeyCode.CONTROL, KeyCode.ADD);
        assertThat(window.fontSize()).as("Ctrl+numpad plus").isEqualTo(base + 2);
        keys(robot, KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.PLUS);
        assertThat(window.fontSize()).as("Ctrl+Plus with Shift held (layouts with a Plus key)").isEqualTo(base + 3);
        keys(robot, KeyCode.CONTROL, KeyCode.EQUALS);
        assertThat(window.fontSize()).as("Ctrl+=").isEqualTo(base + 4);
        keys(robot, KeyCode.CONTROL, KeyCode.SUBTRACT);
        assertThat(window.fontSize()).as("Ctrl+numpad minus").isEqualTo(base + 3);
        keys(robot, KeyCode.CONTROL, KeyCode.MINUS);
        assertThat(window.fontSize()).as("Ctrl+Minus").isEqualTo(base + 2);
        keys(robot, KeyCode.CONTROL, KeyCode.NUMPAD0);
        assertThat(window.fontSize()).as("Ctrl+numpad 0").isEqualTo(base);
        keys(robot, KeyCode.CONTROL, KeyCode.PLUS);
        keys(robot, KeyCode.CONTROL, KeyCode.DIGIT0);
        assertThat(window.fontSize()).as("Ctrl+0").isEqualTo(base);
        // The menu writes the key people press; the sheet lists its twins on the same line.
        MenuItem bigger = robot.lookup("#menu-bar").queryAs(MenuBar.class).getMenus().get(1).getItems().stream()
                .filter(i -> "menu-zoom-in".equals(i.getId())).findFirst().orElseThrow();
        assertThat(ShortcutSheet.keyText(bigger.getAccelerator())).isEqualTo("Ctrl+Plus");
        assertThat(sheetLine("Larger Text").keys()).containsExactly("Ctrl+Plus", "Ctrl+=", "Ctrl+Numpad +");
        assertThat(sheetLine("Smaller Text").keys()).containsExactly("Ctrl+Minus", "Ctrl+Numpad -");
        assertThat(sheetLine("Actual Size").keys()).containsExactly("Ctrl+0", "Ctrl+Numpad 0");
    }

    @Test
    void zoomWidensTableColumns(FxRobot robot) throws Exception {
        HeapDocument doc = openDump(robot);
        robot.interact(() -> doc.show(HeapDocument.Section.DOMINATORS));
        WaitForAsyncUtils.waitForFxEvents();
        @SuppressWarnings("unchecked")
        TreeTableView<Object> table = (TreeTableView<Object>) doc.node().lookup("#dominator-table");
        TreeTableColumn<?, ?> retained = table.getColumns().stream().filter(c -> "col-retained".equals(c.getId())).findFirst().orElseThrow();
        TreeTableColumn<?, ?> percent = table.getColumns().stream().filter(c -> "col-percent".equals(c.getId())).findFirst().orElseThrow();
        WaitForAsyncUtils.waitForFxEvents();
        // At the base size the column is as wide as its figures' base width or its whole title, whichever is wider.
        double minBefore = retained.getMinWidth();
        assertThat(minBefore).isGreaterThanOrEqualTo(78.0);
        double retainedBefore = retained.getWidth();
        double percentBefore = percent.getWidth();
        double base = window.fontSize();
        robot.clickOn("#status-bar");
        for (int i = 0; i < 4; i++) {
            keys(robot, KeyCode.CONTROL, KeyCode.PLUS);
        }
        double factor = window.fontSize() / base;
        assertThat(factor).isGreaterThan(1.25);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(retained.getWidth()).as("the Retained column grows with the text").isGreaterThanOrEqualTo(retainedBefore * factor * 0.95);
        assertThat(percent.getWidth()).as("the Percent column grows with the text").isGreaterThanOrEqualTo(percentBefore * factor * 0.95);
        // A view first built while zoomed gets its columns scaled too (after its first layout).
        robot.interact(() -> doc.show(HeapDocument.Section.HISTOGRAM));
        WaitForAsyncUtils.sleep(400, TimeUnit.MILLISECONDS);
        robot.interact(() -> { });
        WaitForAsyncUtils.waitForFxEvents();
        javafx.scene.control.TableView<?> histogram = (javafx.scene.control.TableView<?>) doc.view(HeapDocument.Section.HISTOGRAM)
                .lookup(".table-view");
        assertThat(histogram.getColumns()).anySatisfy(c -> assertThat(c.getMinWidth()).isGreaterThanOrEqualTo(78 * factor * 0.99));
        keys(robot, KeyCode.CONTROL, KeyCode.DIGIT0);
        robot.interact(() -> doc.show(HeapDocument.Section.DOMINATORS));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(retained.getMinWidth()).as("back to the base size").isEqualTo(minBefore);
    }

    // ------------------------------------------------------------------ Ctrl+1..9

    @Test
    void ctrlDigitsSwitchTheFrontDocumentsViews(FxRobot robot) throws Exception {
        HeapDocument heap = openDump(robot);
        JfrDocument rec = openRecording(robot);

        front(robot, heap.node());
        robot.interact(window::refreshViewItems);
        List<MenuItem> items = window.viewItems();
        Menu view = menuBar(robot).getMenus().stream().filter(m -> "View".equals(m.getText())).findFirst().orElseThrow();
        assertThat(view.getItems()).containsAll(items);
        // Every view has its key: Ctrl+1..9 the first nine, Ctrl+Shift+1.. the tenth on (issue 18: Why
        // alive and Query had none); the items beyond the dump's views are hidden.
        int sections = HeapDocument.Section.values().length;
        assertThat(sections).as("a heap dump has more views than nine").isGreaterThan(9);
        assertThat(items.subList(0, sections)).extracting(MenuItem::getText).containsExactly(java.util.Arrays
                .stream(HeapDocument.Section.values()).map(HeapDocument.Section::label).toArray(String[]::new));
        for (int n = 1; n <= sections; n++) {
            KeyCombination key = n <= 9 ? new KeyCodeCombination(KeyCode.valueOf("DIGIT" + n), KeyCombination.SHORTCUT_DOWN)
                    : new KeyCodeCombination(KeyCode.valueOf("DIGIT" + (n - 9)), KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN);
            assertThat(items.get(n - 1).getAccelerator()).isEqualTo(key);
            assertThat(items.get(n - 1).isVisible()).isTrue();
        }
        assertThat(items.subList(sections, items.size())).noneMatch(MenuItem::isVisible);
        robot.clickOn("#status-bar");
        keys(robot, KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.DIGIT1);
        assertThat(heap.shownSection()).isEqualTo(HeapDocument.Section.WHY_ALIVE);
        keys(robot, KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.DIGIT2);
        assertThat(heap.shownSection()).isEqualTo(HeapDocument.Section.QUERY);
        // Ctrl+1 is not Ctrl+Shift+1: the first view, not the tenth.
        keys(robot, KeyCode.CONTROL, KeyCode.DIGIT1);
        assertThat(heap.shownSection()).isEqualTo(HeapDocument.Section.OVERVIEW);
        robot.clickOn("#status-bar");
        keys(robot, KeyCode.CONTROL, KeyCode.DIGIT3);
        assertThat(heap.shownSection()).isEqualTo(HeapDocument.Section.HISTOGRAM);
        keys(robot, KeyCode.CONTROL, KeyCode.DIGIT2);
        assertThat(heap.shownSection()).isEqualTo(HeapDocument.Section.DOMINATORS);
        keys(robot, KeyCode.CONTROL, KeyCode.DIGIT9);
        assertThat(heap.shownSection()).isEqualTo(HeapDocument.Section.COLLECTIONS);

        front(robot, rec);
        robot.interact(window::refreshViewItems);
        assertThat(items.subList(0, 8)).extracting(MenuItem::getText)
                .containsExactly("Overview", "Allocations", "CPU", "Heap over time", "Old objects", "Native memory", "Locks",
                        "Events");
        assertThat(items.subList(8, items.size())).noneMatch(MenuItem::isVisible);
        robot.clickOn("#status-bar");
        keys(robot, KeyCode.CONTROL, KeyCode.DIGIT2);
        assertThat(rec.views().getSelectionModel().getSelectedItem().getId()).isEqualTo("jfr-alloc");
        keys(robot, KeyCode.CONTROL, KeyCode.DIGIT4);
        assertThat(rec.views().getSelectionModel().getSelectedItem().getId()).isEqualTo("jfr-heap");
        keys(robot, KeyCode.CONTROL, KeyCode.DIGIT8);
        assertThat(rec.views().getSelectionModel().getSelectedItem().getId()).isEqualTo("jfr-events");
        keys(robot, KeyCode.CONTROL, KeyCode.DIGIT9);
        assertThat(rec.views().getSelectionModel().getSelectedItem().getId()).as("no 9th view: nothing moves").isEqualTo("jfr-events");
        keys(robot, KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.DIGIT1);
        assertThat(rec.views().getSelectionModel().getSelectedItem().getId()).as("no 10th view: nothing moves").isEqualTo("jfr-events");
        assertThat(heap.shownSection()).as("the dump behind is untouched").isEqualTo(HeapDocument.Section.COLLECTIONS);
    }

    // ------------------------------------------------------------------ the sheet

    @Test
    void f1ShowsEveryAcceleratorTheMenusDefine(FxRobot robot) throws Exception {
        HeapDocument heap = openDump(robot);
        front(robot, heap.node());
        robot.clickOn("#status-bar");
        keys(robot, KeyCode.F1);
        Window dialog = Window.getWindows().stream().filter(w -> w.getScene() != null
                && w.getScene().lookup("#shortcut-dialog") != null).findFirst().orElseThrow();
        List<String> shown = new ArrayList<>();
        collectLabels(dialog.getScene().getRoot(), shown);

        // One source of truth: every accelerator any menu item carries is on the sheet.
        List<String> onSheet = window.shortcuts().stream().flatMap(e -> e.keys().stream()).toList();
        for (MenuItem i : allItems(new ArrayList<>(menuBar(robot).getMenus()))) {
            if (i.getAccelerator() != null) {
                assertThat(onSheet).as(i.getText()).contains(ShortcutSheet.keyText(i.getAccelerator()));
            }
        }
        assertThat(onSheet).contains("Ctrl+1", "Ctrl+5", "Ctrl+9", "Ctrl+Shift+1", "Ctrl+Shift+2", "F5", "F1", "F11", "Ctrl+Plus", "Ctrl+=", "Ctrl+Minus",
                "Ctrl+0", "Ctrl+Shift+B", "Ctrl+P", "Ctrl+N", "Ctrl+O", "Ctrl+Z", "PageDown, PageUp");
        assertThat(shown).contains("Ctrl+1", "Ctrl+Shift+1", "Why alive", "Ctrl+Shift+2", "Query", "F5", "Ctrl+Plus, Ctrl+=, Ctrl+Numpad +", "Ctrl+Shift+B", "Dominator tree", "Presentation Mode");
        assertThat(shown).as("a key two menus carry is listed once").containsOnlyOnce("Ctrl+Shift+B");
        robot.interact(() -> Screenshots.capture(dialog.getScene(), "keys-shortcut-sheet"));
        robot.interact(dialog::hide);
    }

    private static void collectLabels(Node n, List<String> into) {
        if (n instanceof Labeled l && l.getText() != null) {
            into.add(l.getText());
        }
        if (n instanceof Parent p) {
            p.getChildrenUnmodifiable().forEach(c -> collectLabels(c, into));
        }
    }

    // ------------------------------------------------------------------ notebook toggle

    @Test
    void theNotebookToggleIsInTheViewMenuAndTheToolBar(FxRobot robot) {
        robot.interact(() -> notebook.create(home.resolve("toggle.inquest"), "Toggle"));
        MenuItem item = allItems(new ArrayList<>(menuBar(robot).getMenus())).stream()
                .filter(i -> "menu-view-notebook".equals(i.getId())).findFirst().orElseThrow();
        assertThat(item.getParentMenu().getText()).isEqualTo("View");
        assertThat(item.getAccelerator()).isEqualTo(MainWindow.NOTEBOOK_KEYS);
        assertThat(window.sidePanelShown()).isTrue();
        robot.clickOn("#tool-notebook");
        assertThat(window.sidePanelShown()).isFalse();
        robot.clickOn("#status-bar");
        keys(robot, KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.B);
        assertThat(window.sidePanelShown()).isTrue();
        robot.interact(item::fire);
        assertThat(window.sidePanelShown()).isFalse();
        assertThat(robot.lookup("#tool-notebook").queryButton().getTooltip().getText()).contains("Ctrl+Shift+B");
    }

    // ------------------------------------------------------------------ tooltips and focus

    /** Visits every view of every open document so their tool bars are built and in the scene. */
    private void visitEveryView(FxRobot robot, HeapDocument heap, JfrDocument rec) {
        front(robot, heap.node());
        for (HeapDocument.Section s : HeapDocument.Section.values()) {
            robot.interact(() -> heap.show(s));
            WaitForAsyncUtils.waitForFxEvents();
        }
        front(robot, rec);
        for (Tab t : rec.views().getTabs()) {
            robot.interact(() -> rec.select(t.getId()));
            WaitForAsyncUtils.waitForFxEvents();
        }
    }

    private static void iconOnlyWithoutTooltip(Node n, List<String> into) {
        if (n instanceof ButtonBase b && b.isVisible() && b.getGraphic() != null
                && (b.getText() == null || b.getText().isBlank()) && b.getTooltip() == null) {
            into.add(b.getClass().getSimpleName() + " " + b.getId() + " " + b.getStyleClass() + " in " + b.getParent());
        }
        // A list's cell showing its icon alone (the heap navigation collapsed to icons) says what it is on hover.
        if (n instanceof javafx.scene.control.ListCell<?> c && c.isVisible() && !c.isEmpty() && c.getGraphic() != null
                && (c.getText() == null || c.getText().isBlank())
                && (c.getTooltip() == null || c.getTooltip().getText() == null || c.getTooltip().getText().isBlank())) {
            into.add("list cell " + c.getItem() + " in " + c.getListView().getId());
        }
        // A tab showing its icon alone (IconTabs giving way) names itself on hover.
        if (n instanceof javafx.scene.control.TabPane tp) {
            for (Tab t : tp.getTabs()) {
                if (t.getGraphic() != null && t.getStyleClass().contains(dev.inquest.ui.common.IconTabs.ICON_ONLY)
                        && (t.getTooltip() == null || t.getTooltip().getText() == null || t.getTooltip().getText().isBlank())) {
                    into.add("icon-only tab " + t.getId() + " \"" + t.getText() + "\" in " + tp.getId());
                }
            }
        }
        if (n instanceof Parent p) {
            p.getChildrenUnmodifiable().forEach(c -> iconOnlyWithoutTooltip(c, into));
        }
    }

    @Test
    void everyIconOnlyButtonHasATooltip(FxRobot robot) throws Exception {
        robot.interact(() -> notebook.create(home.resolve("tips.inquest"), "Tooltips"));
        robot.interact(() -> notebook.apply(dev.inquest.investigation.session.Edits.addHypothesis("Who holds the wrappers?")));
        HeapDocument heap = openDump(robot);
        JfrDocument rec = openRecording(robot);
        visitEveryView(robot, heap, rec);
        // The inspector and the paths beside the tree, as a user has them open.
        front(robot, heap.node());
        robot.interact(() -> heap.show(HeapDocument.Section.DOMINATORS));
        var dominators = heap.viewOf(HeapDocument.Section.DOMINATORS, dev.inquest.ui.heap.dominators.DominatorView.class);
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> !dominators.topRows().isEmpty());
        long node = dominators.topRows().stream().filter(r -> r.isObject()).findFirst().orElseThrow().node();
        robot.interact(() -> heap.inspect(node));
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> heap.pathsToRoots(node));
        WaitForAsyncUtils.sleep(500, TimeUnit.MILLISECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        // Every view built once stays in its document's scene graph; walk them all, tab by tab.
        List<String> missing = new ArrayList<>();
        for (Tab t : window.documents().allTabs()) {
            robot.interact(() -> t.getTabPane().getSelectionModel().select(t));
            WaitForAsyncUtils.waitForFxEvents();
            if (t.getContent() != null) {
                iconOnlyWithoutTooltip(t.getContent(), missing);
            }
        }
        for (HeapDocument.Section s : HeapDocument.Section.values()) {
            iconOnlyWithoutTooltip(heap.view(s), missing);
        }
        // The inspector and paths tabs beside the tree are in the document's node (walked above).
        assertThat(heap.inspector(Object.class)).as("the inspector was opened").isNotNull();
        iconOnlyWithoutTooltip(stage.getScene().getRoot(), missing);
        assertThat(missing).as("icon-only buttons without a tooltip").isEmpty();

        // The window in real use on a laptop (issue 18): 1024x700 with the notebook open, where the
        // heap navigation collapses to icons; each icon still names its view on hover.
        front(robot, heap.node());
        robot.interact(() -> {
            stage.setWidth(1024);
            stage.setHeight(700);
        });
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> {
            stage.getScene().getRoot().applyCss();
            stage.getScene().getRoot().layout();
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(window.sidePanelShown()).as("the notebook is open").isTrue();
        assertThat(heap.navigationIcons()).as("the heap navigation collapsed to icons at 1024x700 (the check is not vacuous)").isTrue();
        List<String> narrow = new ArrayList<>();
        robot.interact(() -> iconOnlyWithoutTooltip(stage.getScene().getRoot(), narrow));
        assertThat(narrow).as("icons without a tooltip at 1024x700 with the notebook open").isEmpty();
        List<String> tips = new ArrayList<>();
        robot.interact(() -> heap.node().lookup("#heap-nav").lookupAll(".list-cell").stream()
                .map(javafx.scene.control.ListCell.class::cast).filter(c -> !c.isEmpty())
                .forEach(c -> tips.add(c.getTooltip() == null ? null : c.getTooltip().getText())));
        assertThat(tips).as("each collapsed view's tooltip is its name").containsExactlyInAnyOrder(java.util.Arrays
                .stream(HeapDocument.Section.values()).map(HeapDocument.Section::label).toArray(String[]::new));
        robot.interact(() -> {
            stage.setWidth(1280);
            stage.setHeight(800);
        });
    }

    /** The border colour a region draws at its top edge, as its stylesheet resolved it now. */
    private static Paint border(Region r) {
        return r.getBorder() == null || r.getBorder().getStrokes().isEmpty() ? Color.TRANSPARENT
                : r.getBorder().getStrokes().getFirst().getTopStroke();
    }

    private void assertFocusRing(FxRobot robot, Control c, String what) {
        robot.interact(() -> stage.getScene().getRoot().requestFocus());
        robot.interact(() -> { });
        Paint before = border(c);
        javafx.scene.effect.Effect effectBefore = c.getEffect();
        robot.interact(c::requestFocus);
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> c.applyCss());
        assertThat(c.isFocused()).as(what + " took focus").isTrue();
        assertThat(c.getPseudoClassStates()).extracting(Object::toString).as(what).contains("focused");
        if (c instanceof ButtonBase) {
            assertThat(c.getEffect()).as(what + ": a ring drawn around the focused button").isInstanceOf(javafx.scene.effect.DropShadow.class);
            assertThat(effectBefore).as(what + ": no ring before").isNull();
            Color ring = ((javafx.scene.effect.DropShadow) c.getEffect()).getColor();
            assertThat(ring.getOpacity()).as(what).isGreaterThan(0.5);
        } else {
            Paint after = border(c);
            assertThat(after).as(what + ": the focused border is visible").isInstanceOf(Color.class);
            assertThat(((Color) after).getOpacity()).as(what).isGreaterThan(0.5);
            assertThat(after).as(what + ": the focused border differs from the unfocused one").isNotEqualTo(before);
        }
    }

    /**
     * The flame graph's canvas takes the keyboard (Tab reaches it; F3 and Escape act on it) but drew
     * nothing to say so, and a border on the region would lie under the canvas that covers it: a
     * ring is drawn over the canvas while it has the focus, light and dark.
     */
    @Test
    void theFlameGraphShowsWhereTheFocusIs(FxRobot robot) throws Exception {
        JfrDocument rec = openRecording(robot);
        front(robot, rec);
        robot.interact(() -> rec.select("jfr-alloc"));
        var graph = rec.allocations().flameGraph();
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> graph.shownTree() != null && !graph.busyProperty().get());
        WaitForAsyncUtils.waitForFxEvents();
        Region canvas = graph.canvas();
        assertThat(canvas.isFocusTraversable()).as("Tab reaches the canvas").isTrue();
        for (Theme theme : List.of(Theme.LIGHT, Theme.DARK)) {
            robot.interact(theme::apply);
            robot.interact(() -> stage.getScene().getRoot().requestFocus());
            WaitForAsyncUtils.waitForFxEvents();
            Region ring = (Region) canvas.lookup("#flame-focus-ring");
            assertThat(ring).as(theme + ": the canvas has a focus ring").isNotNull();
            assertThat(ring.isVisible()).as(theme + ": no ring while the focus is elsewhere").isFalse();
            robot.interact(canvas::requestFocus);
            WaitForAsyncUtils.waitForFxEvents();
            robot.interact(ring::applyCss);
            assertThat(canvas.isFocused()).isTrue();
            assertThat(ring.isVisible()).as(theme + ": the ring shows while the canvas has the focus").isTrue();
            Paint stroke = border(ring);
            assertThat(stroke).as(theme + ": the ring's colour").isInstanceOf(Color.class);
            assertThat(((Color) stroke).getOpacity()).isGreaterThan(0.5);
            assertThat(ring.getBorder().getStrokes().getFirst().getWidths().getTop()).as("a 2 px ring").isGreaterThanOrEqualTo(2);
            // Over the canvas, the whole of it: drawn after it, as large as the region.
            assertThat(canvas.getChildrenUnmodifiable().getLast()).isSameAs(ring);
            assertThat(ring.getWidth()).isEqualTo(canvas.getWidth());
            assertThat(ring.getHeight()).isEqualTo(canvas.getHeight());
            assertThat(ring.isMouseTransparent()).as("clicks reach the frames").isTrue();
            robot.interact(() -> Screenshots.capture(stage.getScene(), "keys-focus-flame-" + theme.name().toLowerCase(java.util.Locale.ROOT)));
            double wide = canvas.getWidth();
            // At a laptop's 1024x700 the ring still frames the whole canvas.
            robot.interact(() -> {
                stage.setWidth(1024);
                stage.setHeight(700);
            });
            WaitForAsyncUtils.waitForFxEvents();
            robot.interact(canvas::requestFocus);
            WaitForAsyncUtils.waitForFxEvents();
            assertThat(ring.isVisible()).isTrue();
            assertThat(ring.getWidth()).as("the ring follows the canvas as the window narrows").isEqualTo(canvas.getWidth())
                    .isLessThan(wide).isLessThanOrEqualTo(1024);
            assertThat(ring.getHeight()).isEqualTo(canvas.getHeight());
            robot.interact(() -> Screenshots.capture(stage.getScene(), "keys-focus-flame-1024-" + theme.name().toLowerCase(java.util.Locale.ROOT)));
            robot.interact(() -> {
                stage.setWidth(1280);
                stage.setHeight(800);
            });
            WaitForAsyncUtils.waitForFxEvents();
        }
    }

    @Test
    void listsTablesAndButtonsShowWhereTheFocusIsInLightAndDark(FxRobot robot) throws Exception {
        robot.interact(() -> notebook.create(home.resolve("focus.inquest"), "Focus"));
        HeapDocument heap = openDump(robot);
        front(robot, heap.node());
        robot.interact(() -> heap.show(HeapDocument.Section.DOMINATORS));
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> !heap.viewOf(HeapDocument.Section.DOMINATORS,
                dev.inquest.ui.heap.dominators.DominatorView.class).topRows().isEmpty());
        for (Theme theme : List.of(Theme.LIGHT, Theme.DARK)) {
            robot.interact(theme::apply);
            WaitForAsyncUtils.waitForFxEvents();
            assertFocusRing(robot, (Control) heap.node().lookup("#heap-nav"), theme + " side bar list");
            assertFocusRing(robot, (Control) heap.node().lookup("#dominator-table"), theme + " dominator tree");
            robot.interact(() -> heap.show(HeapDocument.Section.HISTOGRAM));
            WaitForAsyncUtils.waitForFxEvents();
            assertFocusRing(robot, (Control) heap.view(HeapDocument.Section.HISTOGRAM).lookup(".table-view"), theme + " histogram");
            robot.interact(() -> heap.show(HeapDocument.Section.DOMINATORS));
            assertFocusRing(robot, (Control) stage.getScene().lookup("#tool-notebook"), theme + " tool-bar icon button");
            assertFocusRing(robot, (Control) stage.getScene().lookup("#tool-shortcuts"), theme + " tool-bar shortcuts button");
            robot.interact(() -> ((Control) heap.node().lookup("#dominator-table")).requestFocus());
            robot.interact(() -> ((TreeTableView<?>) heap.node().lookup("#dominator-table")).getSelectionModel().select(1));
            WaitForAsyncUtils.waitForFxEvents();
            robot.interact(() -> Screenshots.capture(stage.getScene(), "keys-focus-" + theme.name().toLowerCase(java.util.Locale.ROOT)));
            // The same at a laptop's 1024x700, notebook open: the ring is still whole around the table.
            robot.interact(() -> {
                stage.setWidth(1024);
                stage.setHeight(700);
            });
            WaitForAsyncUtils.waitForFxEvents();
            robot.interact(() -> ((Control) heap.node().lookup("#dominator-table")).requestFocus());
            assertFocusRing(robot, (Control) heap.node().lookup("#dominator-table"), theme + " dominator tree at 1024x700");
            robot.interact(() -> ((Control) heap.node().lookup("#dominator-table")).requestFocus());
            WaitForAsyncUtils.waitForFxEvents();
            robot.interact(() -> Screenshots.capture(stage.getScene(), "keys-focus-1024-" + theme.name().toLowerCase(java.util.Locale.ROOT)));
            robot.interact(() -> {
                stage.setWidth(1280);
                stage.setHeight(800);
            });
            WaitForAsyncUtils.waitForFxEvents();
        }
    }
}
