package dev.inquest.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.inquest.demo.DemoResult;
import dev.inquest.jfr.render.Frame;
import dev.inquest.testing.DemoFiles;
import dev.inquest.ui.flame.FlameGraph;
import dev.inquest.ui.jfr.FlameView;
import dev.inquest.ui.jfr.JfrDocument;
import dev.inquest.ui.notebook.Notebook;
import dev.inquest.ui.settings.Theme;
import dev.inquest.ui.shell.MainWindow;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.Tab;
import javafx.stage.Stage;
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
 * Issue 18, point 3: the flame graph's tool bars and its breadcrumb in a small window with the
 * notebook open. The layout matrix shows each flame view at its root, where the breadcrumb is one
 * word; here each is zoomed into its deepest frame, so the breadcrumb is as long as it gets, and
 * the layout must still have no cut word or figure (tool bars overflow whole items into their
 * menu) and no breadcrumb drawn over the legend.
 */
@Tag("slow")
@ExtendWith(ApplicationExtension.class)
class FlameToolBarLayoutTest {
    @TempDir
    static Path home;

    static DemoResult demo;

    private Stage stage;
    private MainWindow window;
    private Notebook notebook;

    @BeforeAll
    static void runDemo() {
        demo = DemoFiles.get();
    }

    @Start
    void start(Stage stage) throws Exception {
        this.stage = stage;
        window = TestWindows.withFreshSettings(stage, home);
        notebook = Views.installAll(window).notebook();
        stage.setWidth(1024);
        stage.setHeight(700);
        stage.show();
    }

    /**
     * The labels down to the deepest frame (the heaviest among the deepest): the breadcrumb's
     * hardest case. The heaviest path alone was 4 frames deep in some demo runs.
     */
    private static String[] deepestHeaviestPath(Frame root) {
        java.util.Map<Frame, Frame> parent = new java.util.IdentityHashMap<>();
        java.util.ArrayDeque<Frame> queue = new java.util.ArrayDeque<>(List.of(root));
        java.util.Map<Frame, Integer> depth = new java.util.IdentityHashMap<>(java.util.Map.of(root, 0));
        Frame best = root;
        while (!queue.isEmpty()) {
            Frame f = queue.poll();
            int d = depth.get(f);
            if (d > depth.get(best) || (d == depth.get(best) && f.total() > best.total())) {
                best = f;
            }
            for (Frame c : f.children()) {
                parent.put(c, f);
                depth.put(c, d + 1);
                queue.add(c);
            }
        }
        List<String> path = new ArrayList<>();
        for (Frame f = best; f != root; f = parent.get(f)) {
            path.addFirst(f.label());
        }
        return path.toArray(String[]::new);
    }

    /** Paths to every frame more than 5 deep, deepest first, then heaviest. */
    private static List<String[]> deepPaths(Frame root) {
        record At(Frame f, String[] path) {
        }
        List<At> all = new ArrayList<>();
        java.util.ArrayDeque<At> queue = new java.util.ArrayDeque<>(List.of(new At(root, new String[0])));
        while (!queue.isEmpty()) {
            At a = queue.poll();
            if (a.path.length > 5) {
                all.add(a);
            }
            for (Frame c : a.f.children()) {
                String[] p = java.util.Arrays.copyOf(a.path, a.path.length + 1);
                p[a.path.length] = c.label();
                queue.add(new At(c, p));
            }
        }
        all.sort(java.util.Comparator.<At>comparingInt(a -> -a.path.length).thenComparingLong(a -> -a.f.total()));
        return all.stream().map(At::path).toList();
    }

    private static Bounds sceneBounds(Node n) {
        return n.localToScene(n.getLayoutBounds());
    }

    @Test
    void zoomedFlameGraphsKeepTheirWordsAndTheBreadcrumbClearOfTheLegend(FxRobot robot) throws Exception {
        robot.interact(() -> window.open(demo.recording()));
        TestWindows.waitFor("recording", 120, () -> window.documents().allTabs().stream().anyMatch(t -> t.getContent() instanceof JfrDocument));
        Tab[] tab = new Tab[1];
        robot.interact(() -> tab[0] = window.documents().allTabs().stream().filter(t -> t.getContent() instanceof JfrDocument)
                .findFirst().orElseThrow());
        JfrDocument rec = (JfrDocument) tab[0].getContent();
        robot.interact(() -> notebook.open(demo.caseFile()));
        TestWindows.waitFor("case", 60, () -> notebook.session().isPresent());

        List<String> problems = new ArrayList<>();
        for (String view : List.of("jfr-alloc", "jfr-cpu")) {
            FlameView flame = view.equals("jfr-alloc") ? rec.allocations() : rec.cpu();
            robot.interact(() -> rec.select(view));
            FlameGraph graph = flame.flameGraph();
            TestWindows.waitFor(view, 120, () -> flame.tree() != null && !window.tasks().runningProperty().get()
                    && graph.shownTree() != null && !graph.busyProperty().get());
            // The canvas indexes a new tree after the graph says it is shown, and a tree shown again
            // (a transform finishing late) may have another deepest path: each try takes the path
            // from the tree shown at that moment.
            String[][] path = new String[1][];
            boolean[] zoomed = new boolean[1];
            TestWindows.waitFor("the deepest frame to zoom into", 30, () -> {
                robot.interact(() -> {
                    // The deepest frame the canvas has drawn: one narrower than a pixel at this
                    // width is not in its index (the demo's stacks differ from run to run).
                    zoomed[0] = false;
                    for (String[] p : deepPaths(graph.shownTree())) {
                        if (graph.zoomTo(p)) {
                            path[0] = p;
                            zoomed[0] = true;
                            break;
                        }
                    }
                });
                return zoomed[0];
            });
            String[] deepest = path[0];
            assertThat(deepest.length).as("a deep stack to zoom into").isGreaterThan(5);
            // Notebook open at the laptop size in both themes, and a bigger type without the notebook.
            // And presenting (F5), where the issue saw "... wh... Co... Show i..." and the breadcrumb over the legend.
            for (String variant : List.of("1024x700 notebook", "1024x700 notebook-dark", "1024x700 plain-150", "1280x800 notebook",
                    "1024x700 presenting-dark", "1280x800 presenting-dark")) {
                boolean presenting = variant.contains("presenting");
                boolean notebookShown = variant.contains("notebook") || presenting;
                robot.interact(() -> {
                    (variant.contains("dark") ? Theme.DARK : Theme.LIGHT).apply();
                    stage.setWidth(variant.startsWith("1024") ? 1024 : 1280);
                    stage.setHeight(variant.startsWith("1024") ? 700 : 800);
                    if (window.sidePanelShown() != notebookShown) {
                        window.toggleSidePanel();
                    }
                    window.root().setStyle("-fx-font-size: " + (variant.endsWith("150") ? 13 * 1.5 : 13) + "px;");
                });
                WaitForAsyncUtils.waitForFxEvents();
                if (presenting) {
                    // F5 in a window already laid out at its size, as a user presses it.
                    robot.interact(notebook::togglePresentation);
                    WaitForAsyncUtils.waitForFxEvents();
                    assertThat(notebook.presenting()).as("presentation mode starts with the case open").isTrue();
                }
                robot.interact(() -> {
                    String key = view + " zoomed " + variant;
                    for (String p : LayoutMatrixTest.findProblems(stage.getScene())) {
                        problems.add(key + ": " + p);
                    }
                    javafx.scene.Parent crumbs = (javafx.scene.Parent) graph.lookup("#flame-crumbs");
                    Node legend = graph.lookup("#flame-legend");
                    assertThat(crumbs.lookupAll(".flame-crumb")).as(key + ": the breadcrumb has the zoomed path").hasSizeGreaterThan(2);
                    // The zoomed frame itself is always shown, whole.
                    Node last = crumbs.lookup("#flame-crumb-" + deepest.length);
                    assertThat(last.isVisible()).as(key + ": the zoomed frame's crumb").isTrue();
                    assertThat(((javafx.scene.control.Labeled) last).getText()).isEqualTo(
                            dev.inquest.jfr.render.LabelFit.shortName(deepest[deepest.length - 1]));
                    // What the breadcrumb draws (within its clip) stays clear of the legend, beside it or above it.
                    Bounds drawn = crumbs.getClip() == null ? sceneBounds(crumbs)
                            : crumbs.localToScene(crumbs.getClip().getBoundsInParent());
                    Bounds legendBounds = sceneBounds(legend);
                    assertThat(sceneBounds(last).getMaxX()).as(key + ": the zoomed frame's crumb inside the bar")
                            .isLessThanOrEqualTo(drawn.getMaxX() + 0.5);
                    for (Node c : crumbs.getChildrenUnmodifiable()) {
                        if (!c.isVisible()) {
                            continue; // left out for the width, into the "…" menu
                        }
                        Bounds b = sceneBounds(c);
                        double right = Math.min(b.getMaxX(), drawn.getMaxX());
                        boolean besideOrOver = right > legendBounds.getMinX() + 0.5 && b.getMinX() < legendBounds.getMaxX();
                        boolean sameLine = b.getMaxY() > legendBounds.getMinY() + 0.5 && b.getMinY() < legendBounds.getMaxY() - 0.5;
                        assertThat(besideOrOver && sameLine).as(key + ": crumb " + c + " drawn over the legend").isFalse();
                    }
                    Screenshots.capture(stage.getScene(), "flame-zoomed-" + view + "-" + variant.replace(' ', '-'));
                });
                if (presenting) {
                    robot.interact(notebook::togglePresentation);
                    WaitForAsyncUtils.waitForFxEvents();
                }
            }
            robot.interact(() -> {
                Theme.LIGHT.apply();
                window.restoreFontSize();
                stage.setWidth(1024);
                stage.setHeight(700);
            });
        }
        assertThat(problems).as("cut words or figures, overlapping texts").isEmpty();
    }
}
