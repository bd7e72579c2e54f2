package dev.inquest.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.inquest.demo.DemoResult;
import dev.inquest.testing.DemoFiles;
import dev.inquest.ui.common.MainTable;
import dev.inquest.ui.heap.HeapDocument;
import dev.inquest.ui.heap.HeapDocument.Section;
import dev.inquest.ui.heap.HeapViews;
import dev.inquest.ui.jfr.JfrDocument;
import dev.inquest.ui.notebook.Notebook;
import dev.inquest.ui.settings.Theme;
import dev.inquest.ui.shell.MainWindow;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import javafx.embed.swing.SwingFXUtils;
import javafx.geometry.Bounds;
import javafx.geometry.BoundingBox;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.geometry.Orientation;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.Control;
import javafx.scene.control.ListCell;
import javafx.scene.control.ScrollBar;
import javafx.scene.control.TableView;
import javafx.scene.control.TreeCell;
import javafx.scene.control.TreeTableView;
import javafx.scene.control.TreeView;
import javafx.scene.control.skin.TableColumnHeader;
import javafx.scene.control.skin.VirtualFlow;
import javafx.scene.control.Labeled;
import javafx.scene.control.Tab;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.ToolBar;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The layout matrix (issue 18): every heap view and every recording view, on the demo's dumps and
 * recording, at 1024x700, 1280x800 and 1920x1080, with and without the notebook and the inspector,
 * light and dark, at 100 % and 150 % type and presenting (F5). A layout fails when a text that is a
 * class name, an address or a figure is shown cut (the label's drawn text is not its text: JavaFX
 * elided it), when a tool-bar button's word is cut, when a name, figure or control's word is drawn
 * whole but cut by a container's clip or the window's edge, when a table runs past its container
 * or hides columns beyond its width without a horizontal scroll bar, when two drawn texts overlap,
 * when a table or tree with rows shows no full row, or a view's main table ({@code MainTable}) fewer
 * than its rows or its first figure beyond its width (it needed sideways scrolling to read any figure).
 *
 * <p>Every combination is laid out and rendered to {@code target/layout-matrix/} and every finding is
 * written to {@code target/layout-matrix/findings.txt}; the test asserts the combinations listed in
 * {@link #CLEAN}, the ones made to pass so far, so the list grows as views are fixed. A listed
 * combination that was not laid out fails too: the list cannot go stale silently.
 */
@Tag("slow")
@ExtendWith(ApplicationExtension.class)
class LayoutMatrixTest {
    @TempDir
    static Path home;

    static DemoResult demo;

    private Stage stage;
    private MainWindow window;
    private Notebook notebook;
    /** The scene the window's root is laid out in for a size larger than the headless screen, or null. */
    private Scene offscreen;

    private static final int HEADLESS_SCREEN = 1000;

    /**
     * Lays out only the combinations whose "view size variant" matches this regex (found anywhere),
     * e.g. {@code -Dinquest.matrix.only='heap-growth|inspector-dark-150'}: a fix is checked without
     * the whole matrix. The listed clean ones outside the filter are then not asserted.
     */
    private static final Pattern ONLY = Pattern.compile(System.getProperty("inquest.matrix.only", ""));

    /** Window sizes of the issue: a laptop, the default, a desktop screen. */
    enum Size {
        S1024x700(1024, 700), S1280x800(1280, 800), S1920x1080(1920, 1080);

        final int width;
        final int height;

        Size(int width, int height) {
            this.width = width;
            this.height = height;
        }

        String label() {
            return width + "x" + height;
        }
    }

    /**
     * The variants: a sample of notebook x inspector x theme x type size x presenting, so every view
     * meets every axis without the full product (which would take far longer than it tells). The
     * notebook variants run at every size; the others at the two laptop-ish sizes, where space is short.
     */
    enum Variant {
        NOTEBOOK(true, false, Theme.LIGHT, 1.0, false),
        /** The window in real use: notebook open and, beside a heap view, the inspector. */
        NOTEBOOK_DARK(true, true, Theme.DARK, 1.0, false),
        PLAIN_150(false, false, Theme.LIGHT, 1.5, false),
        INSPECTOR_DARK_150(false, true, Theme.DARK, 1.5, false),
        PRESENTING_DARK(true, false, Theme.DARK, 1.0, true),
        /**
         * The notebook's own texts at 150 % type, light and dark (issue 18, point 2). The notebook
         * does not change with the view beside it, so these run beside two views only (a heap
         * view with its tiles, a recording view), at the two laptop-ish sizes.
         */
        NOTEBOOK_150(true, false, Theme.LIGHT, 1.5, false),
        NOTEBOOK_DARK_150(true, false, Theme.DARK, 1.5, false);

        final boolean notebook;
        final boolean inspector;
        final Theme theme;
        final double font;
        final boolean presenting;

        Variant(boolean notebook, boolean inspector, Theme theme, double font, boolean presenting) {
            this.notebook = notebook;
            this.inspector = inspector;
            this.theme = theme;
            this.font = font;
            this.presenting = presenting;
        }

        String label() {
            return name().toLowerCase().replace('_', '-');
        }

        /** Whether this variant is laid out beside this view at this size. */
        boolean runs(View view, Size size) {
            if (inspector && !notebook && !view.isHeap()) {
                return false;
            }
            if (notebook && font > 1.0) {
                return size != Size.S1920x1080 && NOTEBOOK_TYPE_VIEWS.contains(view.name());
            }
            return size != Size.S1920x1080 || notebook;
        }
    }

    /** The views the notebook's 150 % variants are laid out beside. */
    static final Set<String> NOTEBOOK_TYPE_VIEWS = Set.of("heap-overview", "jfr-overview");

    /** A view of the matrix: a heap section or a recording tab. */
    record View(String name, Section section, String jfrTab) {
        static View heap(Section s) {
            return new View("heap-" + s.name().toLowerCase(), s, null);
        }

        static View jfr(String tab) {
            return new View(tab, null, tab);
        }

        boolean isHeap() {
            return section != null;
        }
    }

    static final List<View> VIEWS = new ArrayList<>();

    static {
        for (Section s : Section.values()) {
            VIEWS.add(View.heap(s));
        }
        for (String t : List.of("jfr-overview", "jfr-alloc", "jfr-cpu", "jfr-heap", "jfr-old", "jfr-native", "jfr-lock",
                "jfr-events")) {
            VIEWS.add(View.jfr(t));
        }
    }

    /**
     * The combinations made to pass ("view size variant"): each must lay out without a cut name,
     * figure or tool-bar word and without overlapping texts. Grows as views are fixed.
     */
    static final Set<String> CLEAN = new TreeSet<>(List.of(
            // Slice "layouts that give way" (issue 18): the notebook narrows at 1024 and the heap
            // navigation collapses to icons, so the dominator tree's names are whole with the notebook
            // open, and the heap views with the inspector at 150 % type have 124 px more than the
            // character or two they lacked (clean in two full runs).
            "heap-dominators 1024x700 notebook",
            "heap-dominators 1024x700 notebook-dark",
            "heap-dominators 1024x700 inspector-dark-150",
            "heap-dominators 1280x800 inspector-dark-150",
            "heap-overview 1024x700 inspector-dark-150",
            "heap-overview 1280x800 inspector-dark-150",
            "heap-histogram 1024x700 inspector-dark-150",
            "heap-histogram 1280x800 inspector-dark-150",
            "heap-threads 1024x700 inspector-dark-150",
            "heap-threads 1280x800 inspector-dark-150",
            "heap-strings 1024x700 inspector-dark-150",
            "heap-strings 1280x800 inspector-dark-150",
            "heap-duplicates 1024x700 inspector-dark-150",
            "heap-duplicates 1280x800 inspector-dark-150",
            // Its loaders' table kept one row on a knife edge here (a flow with no row shows no scroll
            // bar, so Retained once sat out of reach); it now keeps its header, a row and its bar
            // (ClassLoadersView.LOADERS_MIN_EM) and the classes defined twice give way first, to their title and header.
            "heap-loaders 1024x700 inspector-dark-150",
            "heap-loaders 1280x800 inspector-dark-150",
            "heap-collections 1024x700 inspector-dark-150",
            "heap-collections 1280x800 inspector-dark-150",
            // Not the heap views with the inspector at 150 % type: the demo dump is made anew each run and
            // its biggest class names fit there by a character or two, or not (open on issue 18).
            "heap-collections 1024x700 notebook",
            "heap-collections 1024x700 notebook-dark",
            "heap-collections 1024x700 plain-150",
            "heap-collections 1280x800 notebook",
            "heap-collections 1280x800 notebook-dark",
            "heap-collections 1280x800 plain-150",
            "heap-collections 1920x1080 notebook",
            "heap-collections 1920x1080 notebook-dark",
            // Not "heap-dominators 1024x700 inspector-dark-150": clean on its own branch, cut by two
            // characters once the zoom's wider figure columns (ColumnZoom) met it; open on issue 18.
            "heap-dominators 1024x700 plain-150",
            "heap-dominators 1280x800 notebook",
            "heap-dominators 1280x800 notebook-dark",
            "heap-dominators 1280x800 plain-150",
            "heap-dominators 1920x1080 notebook",
            "heap-dominators 1920x1080 notebook-dark",
            "heap-duplicates 1024x700 notebook",
            "heap-duplicates 1024x700 notebook-dark",
            "heap-duplicates 1024x700 plain-150",
            "heap-duplicates 1280x800 notebook",
            "heap-duplicates 1280x800 notebook-dark",
            "heap-duplicates 1280x800 plain-150",
            "heap-duplicates 1920x1080 notebook",
            "heap-duplicates 1920x1080 notebook-dark",
            // Growth slice (issue 18): the growth view gives the name and the retained figures the room first.
            // Not presenting (the presenter's own labels are cut there, another slice). The inspector-dark-150
            // rows were clean with the inspector laid out at 0 px; it is now placed below the view there and
            // checked too (inspector slice), and they stay clean.
            "heap-growth 1024x700 inspector-dark-150",
            "heap-growth 1024x700 notebook",
            "heap-growth 1024x700 notebook-dark",
            "heap-growth 1024x700 plain-150",
            "heap-growth 1280x800 inspector-dark-150",
            "heap-growth 1280x800 notebook",
            "heap-growth 1280x800 notebook-dark",
            "heap-growth 1280x800 plain-150",
            "heap-growth 1920x1080 notebook",
            "heap-growth 1920x1080 notebook-dark",
            "heap-histogram 1024x700 notebook",
            "heap-histogram 1024x700 notebook-dark",
            "heap-histogram 1024x700 plain-150",
            "heap-histogram 1280x800 notebook",
            "heap-histogram 1280x800 notebook-dark",
            "heap-histogram 1280x800 plain-150",
            "heap-histogram 1920x1080 notebook",
            "heap-histogram 1920x1080 notebook-dark",
            "heap-loaders 1024x700 notebook",
            "heap-loaders 1024x700 notebook-dark",
            "heap-loaders 1024x700 plain-150",
            "heap-loaders 1280x800 notebook",
            "heap-loaders 1280x800 notebook-dark",
            "heap-loaders 1280x800 plain-150",
            "heap-loaders 1920x1080 notebook",
            "heap-loaders 1920x1080 notebook-dark",
            "heap-overview 1024x700 notebook",
            "heap-overview 1024x700 notebook-dark",
            "heap-overview 1024x700 plain-150",
            "heap-overview 1280x800 notebook",
            "heap-overview 1280x800 notebook-dark",
            "heap-overview 1280x800 plain-150",
            "heap-overview 1920x1080 notebook",
            "heap-overview 1920x1080 notebook-dark",
            "heap-strings 1024x700 notebook",
            "heap-strings 1024x700 notebook-dark",
            "heap-strings 1024x700 plain-150",
            "heap-strings 1280x800 notebook",
            "heap-strings 1280x800 notebook-dark",
            "heap-strings 1280x800 plain-150",
            "heap-strings 1920x1080 notebook",
            "heap-strings 1920x1080 notebook-dark",
            "heap-threads 1024x700 notebook",
            "heap-threads 1024x700 notebook-dark",
            "heap-threads 1024x700 plain-150",
            "heap-threads 1280x800 notebook",
            "heap-threads 1280x800 notebook-dark",
            "heap-threads 1280x800 plain-150",
            "heap-threads 1920x1080 notebook",
            "heap-threads 1920x1080 notebook-dark",
            // Issue 20: the lock flame graph and the event browser (clean in the runs of their slice).
            "jfr-events 1024x700 notebook",
            "jfr-events 1280x800 notebook",
            "jfr-events 1920x1080 notebook",
            "jfr-events 1024x700 notebook-dark",
            "jfr-events 1280x800 notebook-dark",
            "jfr-events 1920x1080 notebook-dark",
            "jfr-events 1024x700 plain-150",
            "jfr-events 1280x800 plain-150",
            "jfr-events 1024x700 presenting-dark",
            "jfr-events 1280x800 presenting-dark",
            "jfr-events 1920x1080 presenting-dark",
            "jfr-lock 1024x700 notebook",
            "jfr-lock 1280x800 notebook",
            "jfr-lock 1920x1080 notebook",
            "jfr-lock 1024x700 notebook-dark",
            "jfr-lock 1280x800 notebook-dark",
            "jfr-lock 1920x1080 notebook-dark",
            "jfr-lock 1024x700 plain-150",
            "jfr-lock 1280x800 plain-150",
            "jfr-lock 1024x700 presenting-dark",
            "jfr-lock 1280x800 presenting-dark",
            "jfr-lock 1920x1080 presenting-dark",
            "jfr-alloc 1024x700 notebook",
            "jfr-alloc 1024x700 notebook-dark",
            "jfr-alloc 1024x700 plain-150",
            "jfr-alloc 1280x800 notebook",
            "jfr-alloc 1280x800 notebook-dark",
            "jfr-alloc 1280x800 plain-150",
            "jfr-alloc 1920x1080 notebook",
            "jfr-alloc 1920x1080 notebook-dark",
            "jfr-cpu 1024x700 notebook",
            "jfr-cpu 1024x700 notebook-dark",
            "jfr-cpu 1024x700 plain-150",
            "jfr-cpu 1280x800 notebook",
            "jfr-cpu 1280x800 notebook-dark",
            "jfr-cpu 1280x800 plain-150",
            "jfr-cpu 1920x1080 notebook",
            "jfr-cpu 1920x1080 notebook-dark",
            "jfr-heap 1024x700 notebook",
            "jfr-heap 1024x700 notebook-dark",
            "jfr-heap 1024x700 plain-150",
            "jfr-heap 1280x800 notebook",
            "jfr-heap 1280x800 notebook-dark",
            "jfr-heap 1280x800 plain-150",
            "jfr-heap 1920x1080 notebook",
            "jfr-heap 1920x1080 notebook-dark",
            "jfr-old 1024x700 notebook",
            "jfr-old 1024x700 notebook-dark",
            "jfr-old 1024x700 plain-150",
            "jfr-old 1280x800 notebook",
            "jfr-old 1280x800 notebook-dark",
            "jfr-old 1280x800 plain-150",
            "jfr-old 1920x1080 notebook",
            "jfr-old 1920x1080 notebook-dark",
            "jfr-overview 1024x700 notebook",
            "jfr-overview 1024x700 notebook-dark",
            "jfr-overview 1024x700 plain-150",
            "jfr-overview 1280x800 notebook",
            "jfr-overview 1280x800 notebook-dark",
            "jfr-overview 1280x800 plain-150",
            "jfr-overview 1920x1080 notebook",
            "jfr-overview 1920x1080 notebook-dark",
            // Presentation slice (issue 18): the presenter's texts wrap, presenting keeps the theme and widens
            // the columns with its type (MainWindow.overrideFontSize), the dominator tree's object column
            // takes its names' room first and the table scrolls past its width (FitText, FitColumn.scrolling);
            // the heap views with the inspector at 150 % where that made them clean. Not heap-growth (another slice).
            "heap-overview 1024x700 presenting-dark",
            "heap-overview 1280x800 presenting-dark",
            "heap-overview 1920x1080 presenting-dark",
            "heap-dominators 1024x700 presenting-dark",
            "heap-dominators 1280x800 presenting-dark",
            "heap-dominators 1920x1080 presenting-dark",
            "heap-histogram 1024x700 presenting-dark",
            "heap-histogram 1280x800 presenting-dark",
            "heap-histogram 1920x1080 presenting-dark",
            "heap-threads 1024x700 presenting-dark",
            "heap-threads 1280x800 presenting-dark",
            "heap-threads 1920x1080 presenting-dark",
            "heap-strings 1024x700 presenting-dark",
            "heap-strings 1280x800 presenting-dark",
            "heap-strings 1920x1080 presenting-dark",
            "heap-duplicates 1024x700 presenting-dark",
            "heap-duplicates 1280x800 presenting-dark",
            "heap-duplicates 1920x1080 presenting-dark",
            "heap-loaders 1024x700 presenting-dark",
            "heap-loaders 1280x800 presenting-dark",
            "heap-loaders 1920x1080 presenting-dark",
            "heap-collections 1024x700 presenting-dark",
            "heap-collections 1280x800 presenting-dark",
            "heap-collections 1920x1080 presenting-dark",
            "heap-why_alive 1024x700 presenting-dark",
            "heap-why_alive 1280x800 presenting-dark",
            "heap-why_alive 1920x1080 presenting-dark",
            "jfr-overview 1024x700 presenting-dark",
            "jfr-overview 1280x800 presenting-dark",
            "jfr-overview 1920x1080 presenting-dark",
            "jfr-alloc 1024x700 presenting-dark",
            "jfr-alloc 1280x800 presenting-dark",
            "jfr-alloc 1920x1080 presenting-dark",
            "jfr-cpu 1024x700 presenting-dark",
            "jfr-cpu 1280x800 presenting-dark",
            "jfr-cpu 1920x1080 presenting-dark",
            "jfr-heap 1024x700 presenting-dark",
            "jfr-heap 1280x800 presenting-dark",
            "jfr-heap 1920x1080 presenting-dark",
            "jfr-old 1024x700 presenting-dark",
            "jfr-old 1280x800 presenting-dark",
            "jfr-old 1920x1080 presenting-dark",
            // Slice "notebook fit" (issue 18, point 2): the notebook's own texts at 150 % type, light and dark.
            "heap-overview 1024x700 notebook-150",
            "heap-overview 1024x700 notebook-dark-150",
            "heap-overview 1280x800 notebook-150",
            "heap-overview 1280x800 notebook-dark-150",
            "jfr-overview 1024x700 notebook-150",
            "jfr-overview 1024x700 notebook-dark-150",
            "jfr-overview 1280x800 notebook-150",
            "jfr-overview 1280x800 notebook-dark-150",
            // Inspector slice (issue 18): the inspector goes below the view where both cannot have their
            // minimum side by side (HeapDocument.placeSide), never 0 px, and the inspector variants now
            // fail when it is not shown (inspectorShown); its tables keep names and figures whole. Every
            // heap view's inspector combination was clean in two runs; these are the ones not listed before.
            "heap-why_alive 1024x700 notebook-dark",
            "heap-why_alive 1280x800 notebook-dark",
            "heap-why_alive 1920x1080 notebook-dark",
            "heap-why_alive 1024x700 inspector-dark-150",
            "heap-why_alive 1280x800 inspector-dark-150",
            // Clip slice (issue 18): the detector also finds texts cut by a container's clip or the
            // window's edge, tables cut at the edge, and columns out of reach without a scroll bar.
            // Every table keeps its scroll bar (FitColumn.scrolling), the heap navigation never scrolls
            // sideways and is as wide as its names, tabs give way to icons (IconTabs), the flame
            // legend wraps; these became clean (two runs each). The listed ones all stay clean.
            "heap-growth 1024x700 presenting-dark",
            "heap-growth 1280x800 presenting-dark",
            "heap-growth 1920x1080 presenting-dark",
            "heap-why_alive 1024x700 notebook",
            "heap-why_alive 1024x700 plain-150",
            "heap-why_alive 1280x800 notebook",
            "heap-why_alive 1280x800 plain-150",
            "heap-why_alive 1920x1080 notebook",
            // Native memory view (issue 20): its figure columns widen to their figures (FitColumn) and the
            // table scrolls; every combination clean.
            "jfr-native 1024x700 notebook",
            "jfr-native 1024x700 notebook-dark",
            "jfr-native 1024x700 plain-150",
            "jfr-native 1024x700 presenting-dark",
            "jfr-native 1280x800 notebook",
            "jfr-native 1280x800 notebook-dark",
            "jfr-native 1280x800 plain-150",
            "jfr-native 1280x800 presenting-dark",
            "jfr-native 1920x1080 notebook",
            "jfr-native 1920x1080 notebook-dark",
            "jfr-native 1920x1080 presenting-dark",
            // Leftover slice (issue 18): column titles are checked too ("column title cut": they stay whole,
            // FitColumn.keepTitlesWhole) and so are empty fields' hints in the notebook and the filters
            // ("hint cut": HintField shows the longest form that fits). The Query view was clean in two runs.
            "heap-query 1024x700 notebook",
            "heap-query 1024x700 notebook-dark",
            "heap-query 1024x700 inspector-dark-150",
            "heap-query 1280x800 notebook",
            "heap-query 1280x800 notebook-dark",
            "heap-query 1280x800 inspector-dark-150",
            // Audit of issue 18: the rest of the Query view's combinations were clean in a full run of
            // the matrix (239 layouts, none with findings) and in a run of the Query view alone.
            "heap-query 1024x700 plain-150",
            "heap-query 1024x700 presenting-dark",
            "heap-query 1280x800 plain-150",
            "heap-query 1280x800 presenting-dark",
            "heap-query 1920x1080 notebook",
            "heap-query 1920x1080 notebook-dark",
            "heap-query 1920x1080 presenting-dark"));


    @BeforeAll
    static void runDemo() {
        demo = DemoFiles.get();
    }

    @Start
    void start(Stage stage) throws Exception {
        this.stage = stage;
        window = TestWindows.withFreshSettings(stage, home);
        notebook = Views.installAll(window).notebook();
        stage.setWidth(1280);
        stage.setHeight(800);
        stage.show();
    }

    private Tab open(FxRobot robot, Path file) throws Exception {
        int before = window.documents().allTabs().size();
        robot.interact(() -> window.open(file));
        // A dump's tab appears at once with the opening page; wait for the document that replaces it.
        TestWindows.waitFor(file.getFileName().toString(), 180, () -> window.documents().allTabs().size() > before
                && (HeapViews.documentOf(window.documents().allTabs().getLast()) != null
                        || window.documents().allTabs().getLast().getContent() instanceof JfrDocument));
        return window.documents().allTabs().getLast();
    }

    private void idle() throws Exception {
        TestWindows.waitFor("idle", 120, () -> !window.tasks().runningProperty().get());
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void everyViewAtEverySizeKeepsNamesAndFiguresWhole(FxRobot robot) throws Exception {
        Tab heapTab = open(robot, demo.after());
        HeapDocument heap = HeapViews.documentOf(heapTab);
        Tab jfrTab = open(robot, demo.recording());
        JfrDocument rec = (JfrDocument) jfrTab.getContent();
        robot.interact(() -> notebook.open(demo.caseFile()));
        TestWindows.waitFor("case", 60, () -> notebook.session().isPresent());
        idle();
        robot.interact(() -> heap.compareWith(demo.baseline()));
        TestWindows.waitFor("baseline", 180, () -> heap.baseline().isPresent());
        idle();
        // The largest object of the dump, shown in the inspector for the inspector variants.
        long biggest = heap.dump().topDominators(1).getFirst().node();

        Path out = Files.createDirectories(Path.of("target", "layout-matrix"));
        Map<String, List<String>> findings = new LinkedHashMap<>();
        long started = System.nanoTime();
        for (View view : VIEWS) {
            for (Variant variant : Variant.values()) {
                for (Size size : Size.values()) {
                    if (!variant.runs(view, size)) {
                        continue;
                    }
                    String key = view.name() + " " + size.label() + " " + variant.label();
                    if (!ONLY.matcher(key).find()) {
                        continue;
                    }
                    setUp(robot, view, variant, size, heap, heapTab, rec, jfrTab, biggest);
                    List<String> found = new ArrayList<>();
                    robot.interact(() -> {
                        Scene scene = window.root().getScene();
                        found.addAll(findProblems(scene));
                        if (variant.inspector && view.isHeap()) {
                            found.addAll(inspectorShown(scene, heap, variant.font));
                        }
                        write(scene, out.resolve(key.replace(' ', '_') + ".png"));
                    });
                    findings.put(key, found);
                    tearDown(robot, variant);
                }
            }
        }
        long seconds = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started);

        StringBuilder report = new StringBuilder("# Layout matrix: " + findings.size() + " layouts in " + seconds + " s\n");
        int failing = 0;
        for (var e : findings.entrySet()) {
            if (!e.getValue().isEmpty()) {
                failing++;
                report.append(e.getKey()).append(CLEAN.contains(e.getKey()) ? "  [LISTED CLEAN]" : "").append('\n');
                e.getValue().forEach(f -> report.append("    ").append(f).append('\n'));
            }
        }
        report.append("# ").append(failing).append(" of ").append(findings.size()).append(" layouts with findings\n");
        report.append("# clean:\n");
        findings.forEach((k, v) -> {
            if (v.isEmpty()) {
                report.append(k).append('\n');
            }
        });
        Files.writeString(out.resolve("findings.txt"), report);

        List<String> clean = CLEAN.stream().filter(k -> ONLY.matcher(k).find()).toList();
        assertThat(findings.keySet()).as("every listed combination was laid out").containsAll(clean);
        Map<String, List<String>> broken = new LinkedHashMap<>();
        for (String k : clean) {
            if (!findings.get(k).isEmpty()) {
                broken.put(k, findings.get(k));
            }
        }
        assertThat(broken).as("layouts listed clean, see target/layout-matrix/findings.txt").isEmpty();
    }

    /**
     * The notebook at 150 % type and 1024x700 (issue 18): there it always yields to its strip, so
     * the matrix's notebook variants at that size and type show no notebook. Opened from the strip
     * over a dump's view, as a user does, its texts are whole (the same detector), light and dark.
     */
    @Test
    void notebookOpenedFromTheStripAt1024And150KeepsItsTextsWhole(FxRobot robot) throws Exception {
        Tab heapTab = open(robot, demo.after());
        HeapDocument heap = HeapViews.documentOf(heapTab);
        robot.interact(() -> notebook.open(demo.caseFile()));
        TestWindows.waitFor("case", 60, () -> notebook.session().isPresent());
        idle();
        Path out = Files.createDirectories(Path.of("target", "layout-matrix"));
        for (Theme theme : List.of(Theme.LIGHT, Theme.DARK)) {
            robot.interact(() -> {
                theme.apply();
                stage.setWidth(1024);
                stage.setHeight(700);
                if (!window.sidePanelShown()) {
                    window.toggleSidePanel();
                }
                window.root().setStyle("-fx-font-size: " + (13 * 1.5) + "px;");
                heap.show(Section.DOMINATORS);
            });
            idle();
            assertThat(window.sidePanelYielded()).as("the notebook yields to its strip at 1024 and 150 %").isTrue();
            robot.clickOn("#notebook-strip-open");
            idle();
            assertThat(window.sidePanelOverlaid()).as("the strip's button opens the notebook over the view").isTrue();
            List<String> found = new ArrayList<>();
            robot.interact(() -> {
                Scene scene = window.root().getScene();
                Node panel = scene.getRoot().lookup("#notebook");
                assertThat(panel).as("the notebook in the window").isNotNull();
                Bounds shown = panel.localToScene(panel.getLayoutBounds());
                assertThat(shown.getWidth()).as("the notebook's width over the view").isGreaterThanOrEqualTo(280 - 1);
                assertThat(shown.getMaxX()).as("inside the window").isLessThanOrEqualTo(scene.getWidth() + 1);
                // The notebook's own findings (its texts, fields and hints); the view below is the matrix's.
                for (String f : findProblems(scene)) {
                    if (f.contains("#notebook")) {
                        found.add(f);
                    }
                }
                write(scene, out.resolve("notebook-overlay_1024x700_" + theme.name().toLowerCase() + "-150.png"));
            });
            // Some text of the case is shown: a notebook that drew nothing would pass the detector.
            robot.interact(() -> assertThat(window.root().getScene().getRoot().lookup("#notebook").lookupAll("*"))
                    .filteredOn(n -> n instanceof Labeled l && l.getText() != null && l.getText().contains("evict")
                            || n instanceof javafx.scene.control.TextInputControl t && t.getText() != null
                                    && t.getText().contains("evict"))
                    .as("the case's hypothesis in the notebook").isNotEmpty());
            assertThat(found).as("the notebook over the view at 1024x700, 150 %, " + theme).isEmpty();
            robot.interact(() -> window.root().getScene().getRoot().lookup("#notebook").requestFocus());
            robot.type(javafx.scene.input.KeyCode.ESCAPE);
            idle();
        }
        robot.interact(() -> {
            Theme.LIGHT.apply();
            window.restoreFontSize();
            stage.setWidth(1280);
            stage.setHeight(800);
        });
    }

    private void setUp(FxRobot robot, View view, Variant variant, Size size, HeapDocument heap, Tab heapTab,
                       JfrDocument rec, Tab jfrTab, long biggest) throws Exception {
        robot.interact(() -> {
            variant.theme.apply();
            if (size.height > HEADLESS_SCREEN) {
                // The headless glass platform blits into a 1000x1000 screen and throws for a window
                // reaching below it: the larger size is laid out in a scene of its own, not shown.
                Scene shown = stage.getScene();
                Parent root = shown.getRoot();
                shown.setRoot(new javafx.scene.layout.Pane());
                Scene big = new Scene(root, size.width, size.height);
                big.getStylesheets().setAll(shown.getStylesheets());
                offscreen = big;
            } else {
                stage.setWidth(size.width);
                stage.setHeight(size.height);
            }
            if (window.sidePanelShown() != variant.notebook) {
                window.toggleSidePanel();
            }
            // As View > Bigger type does: one font size on the root, every view sizes in em.
            window.root().setStyle("-fx-font-size: " + (13 * variant.font) + "px;");
            Tab tab = view.isHeap() ? heapTab : jfrTab;
            tab.getTabPane().getSelectionModel().select(tab);
            if (view.isHeap()) {
                heap.hideSide();
                heap.show(view.section());
                if (variant.inspector) {
                    heap.inspect(biggest);
                }
            } else {
                rec.select(view.jfrTab());
            }
        });
        idle();
        if (offscreen != null) {
            // A scene off screen gets no pulses: lay it out once here, so that what a shown window
            // does after its first layout at the size (the heap document places its inspector
            // beside or below the view then) has run before the detector looks.
            robot.interact(() -> {
                for (int i = 0; i < 3; i++) {
                    offscreen.getRoot().applyCss();
                    offscreen.getRoot().layout();
                }
            });
            idle();
        }
        if (variant.presenting) {
            // F5 in a window already laid out at its size, as a user presses it: presentation's split
            // is a share of the width the window has.
            robot.interact(notebook::togglePresentation);
            idle();
            assertThat(notebook.presenting()).as("presentation mode starts with the case open").isTrue();
        }
    }

    private void tearDown(FxRobot robot, Variant variant) {
        if (variant.presenting) {
            robot.interact(notebook::togglePresentation);
        }
        robot.interact(() -> {
            if (offscreen != null) {
                Parent root = offscreen.getRoot();
                offscreen.setRoot(new javafx.scene.layout.Pane());
                stage.getScene().setRoot(root);
                offscreen = null;
            }
            Theme.LIGHT.apply();
            window.restoreFontSize();
            // A transient message of this layout ("Presentation mode ended") is not the next one's.
            window.status().setText("Ready");
        });
    }

    private static void write(Scene scene, Path file) {
        try {
            ImageIO.write(SwingFXUtils.fromFXImage(scene.snapshot(null), null), "png", file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // ---- the detector -------------------------------------------------------------------------

    /** A figure (a digit), an address (0x...) or a class name (a dotted Java name). */
    private static final Pattern MATTERS = Pattern.compile("\\d|0x[0-9a-fA-F]|[A-Za-z_$][\\w$]*\\.[A-Za-z_$][\\w$]*");

    /** What in this scene is cut or overlaps, one sentence a finding. Must run on the FX thread. */
    static List<String> findProblems(Scene scene) {
        // A scene off screen gets no pulses: lay it out until the virtual flows settle.
        for (int i = 0; i < 3; i++) {
            scene.getRoot().applyCss();
            scene.getRoot().layout();
        }
        Bounds window = new BoundingBox(0, 0, scene.getWidth(), scene.getHeight());
        List<String> found = new ArrayList<>();
        List<Shown> texts = new ArrayList<>();
        List<Seen> tables = new ArrayList<>();
        collect(scene.getRoot(), window, false, found, texts, tables);
        rowsShown(tables, found);
        for (int i = 0; i < texts.size(); i++) {
            for (int j = i + 1; j < texts.size(); j++) {
                Shown a = texts.get(i);
                Shown b = texts.get(j);
                if (overlap(a.bounds, b.bounds) && a.owner != b.owner) {
                    found.add("overlap: \"" + a.text + "\" and \"" + b.text + "\" at " + round(a.bounds));
                }
            }
        }
        return found;
    }

    /**
     * The inspector variants check the inspector too: it must be shown with at least its minimum
     * width ({@link HeapDocument#INSPECTOR_MIN} at the variant's type) and a few rows' height inside
     * the window. It was laid out 0 px wide beside a view whose width left it nothing, so those
     * variants had checked the view alone.
     */
    static List<String> inspectorShown(Scene scene, HeapDocument heap, double font) {
        Node inspector = scene.getRoot().lookup("#inspector");
        Bounds window = new BoundingBox(0, 0, scene.getWidth(), scene.getHeight());
        Bounds shown = inspector == null || !inspector.isVisible() || inspector.getScene() == null ? null
                : intersect(window, inspector.localToScene(inspector.getLayoutBounds()));
        double minWidth = HeapDocument.INSPECTOR_MIN * font - 1;
        if (shown == null || shown.getWidth() < minWidth || shown.getHeight() < 150) {
            return List.of("inspector not shown: " + (shown == null ? "0x0" : round(shown)) + ", placed " + heap.sidePlace()
                    + ", needs " + Math.round(minWidth) + " px wide and 150 px high");
        }
        return List.of();
    }

    private record Shown(String text, Bounds bounds, Object owner) {
    }

    /** A table or tree with rows, and the part of the window its ancestors leave it. */
    private record Seen(Control table, Bounds visible) {
    }

    /** Rows a table or tree has to show (expanded rows of a tree; the root counts only when shown). */
    private static int rowCount(Control c) {
        return switch (c) {
            case TableView<?> t -> t.getItems().size();
            case TreeTableView<?> t -> t.getExpandedItemCount() - (t.isShowRoot() || t.getRoot() == null ? 0 : 1);
            case TreeView<?> t -> t.getExpandedItemCount() - (t.isShowRoot() || t.getRoot() == null ? 0 : 1);
            default -> 0;
        };
    }

    /** Rows the view's main table keeps at the least (issue 18: the side panes give way first). */
    static final int MAIN_ROWS = MainTable.ROWS;

    /**
     * A table or tree with rows whose viewport shows no full row (its header alone, "the inspector
     * below takes the height"), and the view's main table ({@link MainTable}, outside the notebook,
     * the presenter and the inspector) with fewer than {@link #MAIN_ROWS} rows or with its first figure
     * column beyond its width: the name and one figure are what a row says, so they are in sight
     * without scrolling sideways while anything of lower priority could have given way.
     */
    private static void rowsShown(List<Seen> tables, List<String> found) {
        for (Seen s : tables) {
            boolean main = s.table.getStyleClass().contains(MainTable.STYLE_CLASS) && !inSide(s.table);
            Control t = s.table;
            VirtualFlow<?> flow = t.lookup(".virtual-flow") instanceof VirtualFlow<?> f && ownerTable(f) == t ? f : null;
            Node rowsArea = flow == null ? null : flow.lookup(".clipped-container");
            // A table on a page that scrolls (the recording's overview) is judged by its own height:
            // below the fold, the reader scrolls to it.
            Bounds own = rowsArea == null ? null : rowsArea.localToScene(rowsArea.getLayoutBounds());
            Bounds rows = own == null ? null : inScrollPane(t) ? own : intersect(s.visible, own);
            ScrollBar bar = horizontalBar(t);
            double height = rows == null ? 0 : rows.getHeight();
            if (rows != null && bar != null) {
                Bounds bb = bar.localToScene(bar.getLayoutBounds());
                height = Math.max(0, Math.min(rows.getMaxY(), bb.getMinY()) - rows.getMinY());
            }
            double rowHeight = rowHeight(t, flow);
            int full = (int) Math.floor((height + 0.5) / rowHeight);
            int need = Math.min(rowCount(t), main ? MAIN_ROWS : 1);
            if (full < need) {
                found.add((main ? "main table" : "table") + " shows " + full + " of " + rowCount(t) + " rows ("
                        + Math.round(height) + " px for rows of " + Math.round(rowHeight) + " px, needs " + need + "): "
                        + describe(t));
            }
            if (main && rows != null && flow != null) {
                firstFigureInSight(t, flow, rows, found);
            }
        }
    }

    private static boolean inScrollPane(Node n) {
        for (Node p = n.getParent(); p != null; p = p.getParent()) {
            if (p instanceof javafx.scene.control.ScrollPane) {
                return true;
            }
        }
        return false;
    }

    private static double rowHeight(Control t, VirtualFlow<?> flow) {
        double fixed = t instanceof TableView<?> tv ? tv.getFixedCellSize()
                : t instanceof TreeTableView<?> tt ? tt.getFixedCellSize() : ((TreeView<?>) t).getFixedCellSize();
        if (fixed > 0) {
            return fixed;
        }
        var cell = flow == null ? null : flow.getFirstVisibleCell();
        if (cell != null && cell.getHeight() > 1) {
            return cell.getHeight();
        }
        // No row laid out: a row is about two lines of the table's type (its text and padding).
        return 2 * textHeight(t);
    }

    private static double textHeight(Control t) {
        // A column's title is in the table's type; a tree without one is taken at the default type.
        PROBE.setFont(t.lookup(".column-header .label") instanceof Labeled l ? l.getFont() : javafx.scene.text.Font.getDefault());
        PROBE.setText("Xg");
        PROBE.setWrappingWidth(0);
        return PROBE.getLayoutBounds().getHeight();
    }

    /** A figure as a cell shows it: "1,234", "41.0 MB", "+12 %", "-3". */
    private static final Pattern FIGURE = Pattern.compile("[-+\u2212]?\\d[\\d,.\u00a0\u202f ]*(\\s*[%A-Za-z]{1,5})?");

    /** The first row's first figure cell lies within the rows' area, not past its right edge. */
    private static void firstFigureInSight(Control t, VirtualFlow<?> flow, Bounds rows, List<String> found) {
        var cell = flow.getFirstVisibleCell();
        if (!(cell instanceof Parent row)) {
            return;
        }
        Labeled first = null;
        for (Node n : row.getChildrenUnmodifiable()) {
            if (n instanceof Labeled l && l.isVisible() && l.getText() != null && FIGURE.matcher(l.getText().strip()).matches()
                    && (first == null || l.getLayoutX() < first.getLayoutX())) {
                first = l;
            }
        }
        if (first == null) {
            return;
        }
        Bounds fb = first.localToScene(first.getLayoutBounds());
        if (fb.getMaxX() > rows.getMaxX() + 1 || fb.getMinX() < rows.getMinX() - 1) {
            double shown = Math.max(0, Math.min(fb.getMaxX(), rows.getMaxX()) - Math.max(fb.getMinX(), rows.getMinX()));
            found.add("first figure out of sight: \"" + first.getText() + "\" shows " + Math.round(shown) + " of "
                    + Math.round(fb.getWidth()) + " px without scrolling sideways in " + describe(t));
        }
    }

    /** Inside the notebook, the presenter or the inspector: panes that give way to the view's main table. */
    private static boolean inSide(Node n) {
        for (Node p = n; p != null; p = p.getParent()) {
            if ("notebook".equals(p.getId()) || "presenter".equals(p.getId()) || "inspector".equals(p.getId())) {
                return true;
            }
        }
        return false;
    }

    /**
     * Walks the scene with the region still visible ({@code visible}: the window cut by every
     * ancestor's clip) and whether the node is inside a table ({@code inTable}), which
     * {@link #tableProblems} judges as a whole.
     */
    private static void collect(Node node, Bounds visible, boolean inTable, List<String> found, List<Shown> texts,
                                List<Seen> tables) {
        if (!node.isVisible() || node.getOpacity() == 0) {
            return;
        }
        Bounds here = visible;
        if (node instanceof Control c && (c instanceof TableView<?> || c instanceof TreeTableView<?> || c instanceof TreeView<?>)
                && c.getWidth() > 1 && c.getHeight() > 0 && rowCount(c) > 0) {
            tables.add(new Seen(c, here));
        }
        if (node instanceof Control c && (c instanceof TableView<?> || c instanceof TreeTableView<?>)) {
            // The table is judged as a whole (cut by its container, columns out of reach); a cell
            // its own scroll bar reaches is not cut, and one its columns' check names is not named again.
            tableProblems(c, here, found);
            inTable = true;
        } else if (node instanceof TreeView<?> tree && horizontalBar(tree) != null) {
            // A tree that scrolls sideways reaches its rows' ends; a list does not count: a side
            // bar of words that scrolls sideways is what the navigation must not do.
            cutAtEdge(tree, here, found);
            inTable = true;
        }
        if (node.getClip() != null) {
            here = intersect(here, node.localToScene(node.getClip().getBoundsInParent()));
        }
        if (here == null) {
            return;
        }
        // A free-text cell (a string's value in the inspector) is the dump's data, neither a name nor a figure.
        if (node instanceof Labeled l && l.getText() != null && !l.getText().isBlank()
                && !l.getStyleClass().contains(dev.inquest.ui.heap.inspector.InspectorView.FREE_TEXT)) {
            // The notebook's texts are checked scrolled out of sight too: the reader scrolls to them.
            Bounds lb = inNotebook(l) ? l.localToScene(l.getLayoutBounds()) : intersect(here, l.localToScene(l.getLayoutBounds()));
            if (lb != null && lb.getWidth() > 1 && lb.getHeight() > 1) {
                String shown = drawnText(l);
                if (shown != null && !shown.equals(l.getText()) && !l.getText().contains("\n")) {
                    String kind = MATTERS.matcher(l.getText()).find() ? "name or figure cut"
                            : inToolBar(l) || l instanceof ButtonBase ? "word cut"
                            : inColumnHeader(l) ? "column title cut"
                            : inNotebook(l) ? "notebook text cut" : null;
                    if (kind != null) {
                        found.add(kind + ": \"" + l.getText() + "\" shown as \"" + shown + "\" in " + describe(l));
                    }
                }
                String broken = l.isWrapText() && inNotebook(l) ? brokenWord(l) : null;
                if (broken != null) {
                    found.add("notebook word broken: \"" + broken + "\" of \"" + l.getText() + "\" in " + describe(l));
                }
                if (!inTable && !l.getText().contains("\n")) {
                    clipped(l, here, found);
                }
            }
        }
        if (node instanceof TextField f && f.getText() != null && !f.getText().isBlank() && inNotebook(f)) {
            // A field shows the start of a long text and cuts the rest without an ellipsis.
            double room = f.getWidth() - f.snappedLeftInset() - f.snappedRightInset();
            if (f.getWidth() > 1 && textWidth(f.getText(), f.getFont()) > room + 1) {
                found.add("notebook field cut: \"" + f.getText() + "\" in " + round(f.localToScene(f.getLayoutBounds()))
                        + " " + describe(f));
            }
        }
        if (node instanceof TextField f && (f.getText() == null || f.getText().isEmpty()) && f.getPromptText() != null
                && !f.getPromptText().isBlank() && (inNotebook(f) || f instanceof dev.inquest.ui.common.HintField)
                && f.getWidth() > 1) {
            // An empty field's hint is what tells the reader what to type: cut, "New hypothesis, as a question (Ctrl-".
            // The notebook's fields, and the views' fields whose hint has shorter forms (the filters).
            double room = f.getWidth() - f.snappedLeftInset() - f.snappedRightInset();
            if (textWidth(f.getPromptText(), f.getFont()) > room + 1) {
                found.add((inNotebook(f) ? "notebook " : "") + "hint cut: \"" + f.getPromptText() + "\" in " + Math.round(room)
                        + " px, " + describe(f));
            }
        }
        if (node instanceof TextArea a && a.getText() != null && !a.getText().isBlank() && inNotebook(a)
                && a.lookup(".scroll-pane") instanceof ScrollPane sp && sp.lookup(".text") instanceof Text t
                && t.getLayoutBounds().getHeight() > sp.getViewportBounds().getHeight() + 1) {
            // A wrapping area shorter than its text scrolls the rest out of sight.
            found.add("notebook area cut: \"" + a.getText() + "\" " + round(t.getLayoutBounds()) + " in a viewport of "
                    + Math.round(sp.getViewportBounds().getHeight()) + " px, " + describe(a));
        }
        if (node instanceof Text t && t.getText() != null && !t.getText().isBlank()) {
            Bounds tb = intersect(here, t.localToScene(t.getBoundsInLocal()));
            if (tb != null && tb.getWidth() > 1 && tb.getHeight() > 1) {
                Object owner = t.getParent() instanceof Labeled l ? l : t;
                texts.add(new Shown(t.getText(), tb, owner));
            }
        }
        if (node instanceof Parent p) {
            for (Node child : p.getChildrenUnmodifiable()) {
                collect(child, here, inTable, found, texts, tables);
            }
        }
    }

    /**
     * A label's drawn text that an ancestor's clip or the window's edge cuts sideways (JavaFX drew
     * it whole, "Dominator tr" is what the reader sees): a name or figure, or a control's word (a
     * tool-bar item, a button, a navigation entry, a column's or tab's title). Prose is left out.
     */
    private static void clipped(Labeled l, Bounds visible, List<String> found) {
        Text drawn = null;
        for (Node child : l.getChildrenUnmodifiable()) {
            if (child instanceof Text t && child.getClass().getSimpleName().equals("LabeledText")) {
                drawn = t;
            }
        }
        if (drawn == null || !drawn.isVisible() || drawn.getText() == null || drawn.getText().isBlank()) {
            return;
        }
        Bounds tb = drawn.localToScene(drawn.getBoundsInLocal());
        Bounds seen = intersect(visible, tb);
        // Wholly out of sight is not "cut" (a row scrolled away); the columns' check covers hidden columns.
        if (seen == null || seen.getWidth() <= 1 || tb.getMinX() >= visible.getMinX() - 1 && tb.getMaxX() <= visible.getMaxX() + 1) {
            return;
        }
        String kind = MATTERS.matcher(l.getText()).find() ? "name or figure clipped"
                : controlWord(l) ? "word clipped" : null;
        if (kind != null) {
            found.add(kind + ": \"" + l.getText() + "\" shows " + Math.round(seen.getWidth()) + " of "
                    + Math.round(tb.getWidth()) + " px in " + describe(l));
        }
    }

    private static boolean controlWord(Labeled l) {
        if (l instanceof ButtonBase || inToolBar(l) || l instanceof ListCell<?> || l instanceof TreeCell<?>) {
            return true;
        }
        for (Node p = l.getParent(); p != null; p = p.getParent()) {
            if (p instanceof TableColumnHeader || p.getStyleClass().contains("tab-header-area")) {
                return true;
            }
        }
        return false;
    }

    /**
     * A table cut by its container or the window (its right-hand columns are out of sight and its
     * own scroll bar cannot bring them), and a column whose header lies outside the table's width
     * while the table shows no horizontal scroll bar (JavaFX's constrained policies hide it): its
     * figures are out of reach.
     */
    private static void tableProblems(Control table, Bounds visible, List<String> found) {
        Bounds tb = table.localToScene(table.getLayoutBounds());
        Bounds seen = intersect(visible, tb);
        if (seen == null || seen.getWidth() <= 1) {
            return;
        }
        cutAtEdge(table, visible, found);
        boolean empty = table instanceof TableView<?> t ? t.getItems().isEmpty()
                : ((TreeTableView<?>) table).getExpandedItemCount() == 0;
        // An empty table has no figures out of reach (JavaFX shows no scroll bar without rows).
        if (empty || horizontalBar(table) != null) {
            return;
        }
        double right = Math.min(seen.getMaxX(), tb.getMaxX() - table.snappedRightInset());
        double left = Math.max(seen.getMinX(), tb.getMinX() + table.snappedLeftInset());
        for (Node n : table.lookupAll(".column-header")) {
            if (n instanceof TableColumnHeader h && h.getTableColumn() != null && h.getTableColumn().isVisible()
                    && h.getTableColumn().getColumns().isEmpty() && h.getWidth() > 0 && h.isVisible()) {
                Bounds hb = h.localToScene(h.getLayoutBounds());
                if (hb.getMaxX() > right + 1 || hb.getMinX() < left - 1) {
                    double shown = Math.max(0, Math.min(hb.getMaxX(), right) - Math.max(hb.getMinX(), left));
                    found.add("column out of reach: \"" + h.getTableColumn().getText() + "\" shows " + Math.round(shown)
                            + " of " + Math.round(hb.getWidth()) + " px, no horizontal scroll bar, in " + describe(table));
                }
            }
        }
    }

    /** A table or tree wider than what its container shows: its own scroll bar cannot reach the rest. */
    private static void cutAtEdge(Control table, Bounds visible, List<String> found) {
        Bounds tb = table.localToScene(table.getLayoutBounds());
        Bounds seen = intersect(visible, tb);
        if (seen != null && (tb.getMinX() < visible.getMinX() - 1 || tb.getMaxX() > visible.getMaxX() + 1)) {
            found.add("table cut at the edge: " + describe(table) + " shows " + Math.round(seen.getWidth()) + " of "
                    + Math.round(tb.getWidth()) + " px");
        }
    }

    /** The table's (or tree's) horizontal scroll bar while shown, else null. */
    private static ScrollBar horizontalBar(Control table) {
        for (Node n : table.lookupAll(".scroll-bar")) {
            if (n instanceof ScrollBar b && b.getOrientation() == Orientation.HORIZONTAL && b.isVisible()
                    && b.getParent() instanceof VirtualFlow<?> f && ownerTable(f) == table) {
                return b;
            }
        }
        return null;
    }

    private static Node ownerTable(Node n) {
        for (Node p = n.getParent(); p != null; p = p.getParent()) {
            if (p instanceof TableView<?> || p instanceof TreeTableView<?> || p instanceof TreeView<?>) {
                return p;
            }
        }
        return null;
    }

    /** The text a Labeled's skin draws (elided or not), or null before it has a skin. */
    private static String drawnText(Labeled l) {
        for (Node child : l.getChildrenUnmodifiable()) {
            if (child instanceof Text t && child.getClass().getSimpleName().equals("LabeledText")) {
                return t.getText();
            }
        }
        return null;
    }

    /**
     * The notebook's own texts (issue 18, point 2): every word of them is checked, not only names and
     * figures, since "Su..." for Subtask is as unreadable as a cut figure. Not the presenter, which
     * presentation mode shows in the notebook's place and which has its own fit.
     */
    private static boolean inNotebook(Node n) {
        boolean notebook = false;
        for (Node p = n; p != null; p = p.getParent()) {
            if ("presenter".equals(p.getId())) {
                return false;
            }
            notebook |= "notebook".equals(p.getId());
        }
        return notebook;
    }

    private static final Text PROBE = new Text();

    private static double textWidth(String text, javafx.scene.text.Font font) {
        PROBE.setFont(font);
        PROBE.setText(text);
        PROBE.setWrappingWidth(0);
        return PROBE.getLayoutBounds().getWidth();
    }

    /**
     * A word of a wrapping label that is wider than the label's line, so JavaFX breaks it inside
     * ("Upd" / "ated"), or null. The word wrap between words is what wrapping is for; a word cut in
     * two is not.
     */
    private static String brokenWord(Labeled l) {
        for (Node child : l.getChildrenUnmodifiable()) {
            if (child instanceof Text t && child.getClass().getSimpleName().equals("LabeledText")
                    && t.getWrappingWidth() > 0) {
                // Zero-width spaces are break opportunities too (the notebook's names wrap at their dots).
                for (String word : t.getText().split("[\\s\u200A\u200B\u200C]+")) {
                    if (!word.isEmpty() && textWidth(word, t.getFont()) > t.getWrappingWidth() + 0.5) {
                        return word;
                    }
                }
            }
        }
        return null;
    }

    /**
     * A column's title (issue 18: "Retain..." for Retained): a title is a word the reader needs to
     * know what the figures below it are, so it is whole or a short form the column defines.
     */
    private static boolean inColumnHeader(Node n) {
        for (Node p = n.getParent(); p != null; p = p.getParent()) {
            if (p instanceof TableColumnHeader) {
                return true;
            }
        }
        return false;
    }

    private static boolean inToolBar(Node n) {
        for (Node p = n.getParent(); p != null; p = p.getParent()) {
            if (p instanceof ToolBar) {
                return true;
            }
        }
        return false;
    }

    private static String describe(Node n) {
        StringBuilder path = new StringBuilder();
        int depth = 0;
        for (Node p = n; p != null && depth < 6; p = p.getParent()) {
            String id = p.getId() != null ? "#" + p.getId() : p.getStyleClass().isEmpty() ? p.getClass().getSimpleName()
                    : "." + p.getStyleClass().getFirst();
            if (p.getId() != null || depth == 0) {
                path.insert(0, id + (path.isEmpty() ? "" : " > "));
                depth++;
            }
        }
        return path.toString();
    }

    /** Overlap that a reader sees: more than 2 px both ways (adjacent rows may share a pixel of line gap). */
    private static boolean overlap(Bounds a, Bounds b) {
        double w = Math.min(a.getMaxX(), b.getMaxX()) - Math.max(a.getMinX(), b.getMinX());
        double h = Math.min(a.getMaxY(), b.getMaxY()) - Math.max(a.getMinY(), b.getMinY());
        return w > 2 && h > 2 + 0.25 * Math.min(a.getHeight(), b.getHeight());
    }

    private static Bounds intersect(Bounds a, Bounds b) {
        double minX = Math.max(a.getMinX(), b.getMinX());
        double minY = Math.max(a.getMinY(), b.getMinY());
        double maxX = Math.min(a.getMaxX(), b.getMaxX());
        double maxY = Math.min(a.getMaxY(), b.getMaxY());
        return maxX <= minX || maxY <= minY ? null : new BoundingBox(minX, minY, maxX - minX, maxY - minY);
    }

    private static String round(Bounds b) {
        return String.format("(%.0f,%.0f %.0fx%.0f)", b.getMinX(), b.getMinY(), b.getWidth(), b.getHeight());
    }
}
