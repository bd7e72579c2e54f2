package dev.inquest.ui.jfr;

import dev.inquest.jfr.AllocRecording;
import dev.inquest.jfr.load.JfrSource;
import dev.inquest.jfr.render.ColorMode;
import dev.inquest.jfr.render.Frame;
import dev.inquest.jfr.stack.EventKind;
import dev.inquest.jfr.stack.StackTree;
import dev.inquest.jfr.stack.StackTreeQuery;
import dev.inquest.jfr.read.StackTreeReader;
import dev.inquest.progress.Progress;
import dev.inquest.ui.Screenshots;
import dev.inquest.ui.settings.Theme;
import dev.inquest.ui.shell.DocumentArea;
import dev.inquest.ui.shell.MainWindow;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Tab;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import static org.assertj.core.api.Assertions.assertThat;

/** The recording views in the window, on a recording written by a child JVM with a known answer. */
@ExtendWith(ApplicationExtension.class)
class JfrWindowTest {
    @TempDir
    static Path home;

    static AllocRecording recording;
    static StackTree expectedAlloc;
    static StackTree expectedCpu;

    private MainWindow window;
    private dev.inquest.ui.notebook.Notebook notebook;
    private Stage stage;

    @BeforeAll
    static void record() throws Exception {
        recording = AllocRecording.get();
        try (JfrSource src = JfrSource.open(recording.file(), Progress.NONE)) {
            expectedAlloc = StackTreeReader.read(src, StackTreeQuery.of(EventKind.ALLOC), Progress.NONE);
            expectedCpu = StackTreeReader.read(src, StackTreeQuery.of(EventKind.CPU), Progress.NONE);
        }
    }

    @Start
    void start(Stage stage) throws Exception {
        this.stage = stage;
        window = dev.inquest.ui.TestWindows.withFreshSettings(stage, home);
        notebook = dev.inquest.ui.notebook.Notebook.install(window);
        JfrViews.install(window);
        stage.show();
    }

    private JfrDocument openRecording(FxRobot robot) throws Exception {
        robot.interact(() -> window.open(recording.file()));
        // The tab appears at once with the opening page; the document takes its place when read.
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> window.documents().allTabs().size() == 2
                && window.documents().allTabs().getLast().getContent() instanceof JfrDocument);
        WaitForAsyncUtils.waitForFxEvents();
        Tab tab = window.documents().allTabs().getLast();
        assertThat(DocumentArea.title(tab)).isEqualTo(recording.file().getFileName().toString());
        return (JfrDocument) tab.getContent();
    }

    @Test
    void viewsShowWhatTheEngineReads(FxRobot robot) throws Exception {
        JfrDocument doc = openRecording(robot);

        // Overview: the event counts are the summary's.
        @SuppressWarnings("unchecked")
        // Looked up inside the document, not the whole screen: other windows may linger in a shared test JVM.
        var overview = (javafx.scene.control.ScrollPane) doc.views().getTabs().getFirst().getContent();
        TableView<Map.Entry<String, Long>> counts = (TableView<Map.Entry<String, Long>>) overview.getContent().lookup("#jfr-event-counts");
        long allocSamples = doc.summary().byType().get("jdk.ObjectAllocationSample");
        assertThat(counts.getItems()).anySatisfy(e -> {
            assertThat(e.getKey()).isEqualTo("jdk.ObjectAllocationSample");
            assertThat(e.getValue()).isEqualTo(allocSamples);
        });
        robot.interact(() -> Screenshots.capture(stage.getScene(), "jfr-overview"));

        // Allocations: the flame graph shows the engine's tree; long[] (80 % of the bytes) leads the class table.
        robot.interact(() -> doc.select("jfr-alloc"));
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> doc.allocations().tree() != null && !doc.allocations().classRows().isEmpty());
        assertThat(doc.allocations().flameGraph().shownTree().total()).isEqualTo(expectedAlloc.total());
        var rows = doc.allocations().classRows();
        assertThat(rows.getFirst().key()).isEqualTo("long[]");
        // Every long[] of allocateEighty is in that row (the JDK allocates a few more elsewhere).
        assertThat(rows.getFirst().bytes()).isGreaterThanOrEqualTo(expectedAlloc.totalOf("JfrAllocWorkload.allocateEighty"));
        assertThat(rows.getFirst().share()).isCloseTo((double) rows.getFirst().bytes() / expectedAlloc.total(),
                org.assertj.core.data.Offset.offset(1e-9));
        robot.interact(() -> doc.allocations().flameGraph().search("allocateEighty"));
        assertThat(doc.allocations().flameGraph().matchedShareProperty().get())
                .isCloseTo((double) expectedAlloc.totalOf("JfrAllocWorkload.allocateEighty") / expectedAlloc.total(),
                        org.assertj.core.data.Offset.offset(1e-9));
        robot.interact(() -> Screenshots.capture(stage.getScene(), "jfr-allocations"));
        robot.interact(() -> doc.allocations().flameGraph().search(""));

        // Heap over time: GCs were forced, so there are after-GC points; a range narrows the flame graph.
        robot.interact(() -> doc.select("jfr-heap"));
        HeapTrendView heap = (HeapTrendView) doc.views().getTabs().get(3).getContent();
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> heap.timeline() != null);
        assertThat(heap.chart().getData().get(1).getData()).isNotEmpty();
        // GC pauses as marks: one per jdk.GarbageCollection event, at its start, read here with the JDK's own parser.
        List<jdk.jfr.consumer.RecordedEvent> gcs = jdk.jfr.consumer.RecordingFile.readAllEvents(recording.file()).stream()
                .filter(e -> e.getEventType().getName().equals("jdk.GarbageCollection"))
                .sorted(java.util.Comparator.comparing(jdk.jfr.consumer.RecordedEvent::getStartTime)).toList();
        assertThat(gcs).hasSizeGreaterThanOrEqualTo(4);
        var marks = heap.pauseMarks();
        assertThat(marks).hasSize(gcs.size());
        for (int i = 0; i < gcs.size(); i++) {
            double expected = java.time.Duration.between(doc.summary().start(), gcs.get(i).getStartTime()).toMillis() / 1000.0;
            assertThat(marks.get(i).getXValue().doubleValue()).isEqualTo(expected);
            var c = HeapTrendView.COLLECTION.get(marks.get(i).getNode());
            assertThat(c.gcId()).isEqualTo(gcs.get(i).getLong("gcId"));
            assertThat(c.sumOfPauses()).isEqualTo(gcs.get(i).getDuration("sumOfPauses"));
            assertThat(heap.pauseText(c)).contains("GC " + c.gcId()).contains(String.format(java.util.Locale.ROOT, "paused %.1f ms",
                    gcs.get(i).getDuration("sumOfPauses").toNanos() / 1e6));
            assertThat(marks.get(i).getNode().isVisible()).isTrue();
        }
        // A series of one point (the resident set size is sampled rarely) shows the series' symbol.
        for (var series : heap.chart().getData()) {
            if (series.getData().size() == 1 && !series.getName().equals("GC pause")) {
                var node = series.getData().getFirst().getNode();
                assertThat(node).as(series.getName()).isNotNull();
                assertThat(node.getStyleClass()).as(series.getName()).contains("chart-line-symbol");
                assertThat(node.isVisible()).isTrue();
            }
        }
        robot.interact(() -> Screenshots.capture(stage.getScene(), "jfr-heap"));
        long before = doc.allocations().tree().events();
        double half = doc.summary().durationMillis() / 2000.0;
        robot.interact(() -> heap.selectRange(0, half));
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> doc.allocations().tree().events() != before);
        assertThat(doc.allocations().tree().events()).isLessThan(before);

        // Old objects: the workload keeps Retained instances alive with paths to GC roots on.
        robot.interact(() -> doc.select("jfr-old"));
        OldObjectsView old = (OldObjectsView) doc.views().getTabs().get(4).getContent();
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> old.report() != null);
        // Sampled payloads are byte[2048] held through Retained.payload; switching to sites shows Retained.<init>.
        assertThat(old.groupTable().getItems()).anySatisfy(g -> assertThat(g.key()).isEqualTo("byte[]"));
        robot.interact(() -> {
            old.showBySite();
            old.groupTable().getSelectionModel().select(old.groupTable().getItems().stream()
                    .filter(g -> g.key().equals("JfrAllocWorkload$Retained.<init>")).findFirst().orElseThrow());
        });
        var firstSample = old.sampleTree().getRoot().getChildren().getFirst();
        assertThat(firstSample.getValue()).startsWith("byte[]");
        assertThat(firstSample.getChildren().getFirst().getChildren()).extracting(javafx.scene.control.TreeItem::getValue)
                .contains("byte[]  \u2190 payload")
                .anySatisfy(step -> assertThat(step).startsWith("JfrAllocWorkload$Retained"));
        robot.interact(() -> Screenshots.capture(stage.getScene(), "jfr-old-objects"));

        // CPU, over the whole recording again.
        robot.interact(() -> {
            doc.rangeProperty().set(null);
            doc.select("jfr-cpu");
        });
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> doc.cpu().tree() != null);
        assertThat(doc.cpu().tree().events()).isEqualTo(expectedCpu.events());
        assertThat(doc.cpu().flameGraph().shownTree().total()).isEqualTo(expectedCpu.total());
    }

    @Test
    void comparingARecordingWithItselfShowsNoChange(FxRobot robot) throws Exception {
        JfrDocument doc = openRecording(robot);
        robot.interact(() -> doc.allocations().compareWith(recording.file()));
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> window.documents().allTabs().size() == 3);
        var diffView = (javafx.scene.layout.BorderPane) window.documents().allTabs().getLast().getContent();
        dev.inquest.ui.flame.FlameGraph diff = (dev.inquest.ui.flame.FlameGraph) diffView.getCenter();
        dev.inquest.jfr.render.Frame root = diff.shownTree();
        assertThat(root.isDifferential()).isTrue();
        assertThat(root.total()).isEqualTo(expectedAlloc.total());
        assertThat(root.baseline()).isEqualTo(root.total());
        assertThat(diff.colorModeProperty().get()).isEqualTo(dev.inquest.jfr.render.ColorMode.DIFF);
    }

    /**
     * Issue 18, point 5 on the recording's side: "Compare with..." opened a file chooser although
     * the baseline recording was open beside it. It now offers the other open recordings first.
     */
    @Test
    void compareOffersTheOtherOpenRecordingsFirst(FxRobot robot) throws Exception {
        JfrDocument doc = openRecording(robot);
        Path other = dev.inquest.testing.Corpus.file("jfr/object-allocations.jfr");
        robot.interact(() -> window.open(other));
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> window.documents().allTabs().size() == 3
                && window.documents().allTabs().getLast().getContent() instanceof JfrDocument);
        Tab otherTab = window.documents().allTabs().getLast();
        robot.interact(() -> {
            Tab mine = window.documents().allTabs().stream().filter(t -> t.getContent() == doc).findFirst().orElseThrow();
            mine.getTabPane().getSelectionModel().select(mine);
            doc.select("jfr-alloc");
        });
        WaitForAsyncUtils.waitForFxEvents();
        FlameView flame = doc.allocations();
        javafx.scene.control.Button compare = (javafx.scene.control.Button) flame.lookup("#jfr-alloc-compare");
        robot.interact(compare::fire);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> flame.shownBaselineMenu() != null && flame.shownBaselineMenu().isShowing());
        var menu = flame.shownBaselineMenu();
        assertThat(menu.getItems()).extracting(javafx.scene.control.MenuItem::getText)
                .containsExactly("Compare with object-allocations.jfr", null, "Other file...");
        robot.interact(() -> Screenshots.captureWithDialog(stage, menu, "jfr-compare-choices-1280x800-light"));
        // The same at a laptop's size: the menu opens under the button wherever the tool bar put it.
        robot.interact(() -> {
            menu.hide();
            stage.setWidth(1024);
            stage.setHeight(700);
        });
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(compare::fire);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> flame.shownBaselineMenu() != menu && flame.shownBaselineMenu().isShowing());
        robot.interact(() -> Screenshots.captureWithDialog(stage, flame.shownBaselineMenu(), "jfr-compare-choices-1024x700-light"));
        robot.interact(() -> {
            flame.shownBaselineMenu().hide();
            stage.setWidth(1280);
            stage.setHeight(800);
        });
        robot.interact(() -> {
            menu.hide();
            menu.getItems().getFirst().fire();
        });
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> window.documents().allTabs().size() == 4);
        Tab diffTab = window.documents().allTabs().getLast();
        assertThat(DocumentArea.title(diffTab)).startsWith("\u0394 object-allocations.jfr \u2192 ");
        var diffView = (javafx.scene.layout.BorderPane) diffTab.getContent();
        Frame root = ((dev.inquest.ui.flame.FlameGraph) diffView.getCenter()).shownTree();
        long baselineTotal;
        try (JfrSource src = JfrSource.open(other, Progress.NONE)) {
            baselineTotal = StackTreeReader.read(src, StackTreeQuery.of(EventKind.ALLOC), Progress.NONE).total();
        }
        assertThat(root.isDifferential()).isTrue();
        assertThat(root.baseline()).as("the open recording is the baseline").isEqualTo(baselineTotal);
        assertThat(root.total()).isEqualTo(expectedAlloc.total());

        // With no other recording open there is nothing to offer but a file.
        robot.interact(() -> {
            window.documents().close(diffTab);
            window.documents().close(otherTab);
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(flame.baselineChoices().getItems()).extracting(javafx.scene.control.MenuItem::getId)
                .containsExactly("jfr-alloc-baseline-other-file");
    }

    @Test
    void pinnedFrameReopensOnTheSameFrame(FxRobot robot) throws Exception {
        JfrDocument doc = openRecording(robot);
        robot.interact(() -> notebook.create(home.resolve("jfr-case.inquest"), "Allocation churn"));
        robot.interact(() -> doc.select("jfr-alloc"));
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> doc.allocations().tree() != null);
        String[] stack = firstStackTo(expectedAlloc.root(), "JfrAllocWorkload.allocateEighty");
        robot.interact(() -> doc.allocations().flameGraph().zoomTo(stack));

        var draft = doc.evidenceForSelection().orElseThrow();
        assertThat(draft.kind()).isEqualTo(dev.inquest.investigation.model.EvidenceKind.FLAME_FRAME);
        assertThat(draft.path()).containsExactly(stack);
        long frameTotal = expectedAlloc.totalOf("JfrAllocWorkload.allocateEighty");
        assertThat(draft.figures()).anySatisfy(f -> {
            assertThat(f.name()).isEqualTo("share");
            assertThat(f.value()).isCloseTo(100.0 * doc.allocations().flameGraph().zoomedFrameProperty().get().total()
                    / expectedAlloc.total(), org.assertj.core.data.Offset.offset(1e-9));
        });
        assertThat(frameTotal).isPositive();

        dev.inquest.investigation.model.Evidence[] pinned = new dev.inquest.investigation.model.Evidence[1];
        robot.interact(() -> pinned[0] = notebook.pinTo(null, "The allocation rate comes from allocateEighty", draft,
                dev.inquest.investigation.model.Stance.SUPPORTS).orElseThrow());
        // The recording became an artifact of the case; the evidence now names it by id.
        assertThat(pinned[0].source().artifact()).isEqualTo("A1");
        assertThat(notebook.session().orElseThrow().current().artifacts()).singleElement()
                .satisfies(a -> assertThat(a.kind()).isEqualTo("flight recording"));

        // Close the recording; reopening the evidence opens it again on the same frame.
        robot.interact(() -> window.documents().close(window.documents().allTabs().getLast()));
        assertThat(window.documents().allTabs()).hasSize(1);
        java.util.concurrent.CompletableFuture<Boolean> reopening = new java.util.concurrent.CompletableFuture<>();
        robot.interact(() -> notebook.reopen(pinned[0]).thenAccept(reopening::complete));
        assertThat(reopening.get(60, TimeUnit.SECONDS)).isTrue();
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> window.documents().allTabs().size() == 2
                && window.documents().allTabs().getLast().getContent() instanceof JfrDocument d
                && d.allocations().flameGraph().zoomedFrameProperty().get() != null
                && !d.allocations().flameGraph().zoomedFrameProperty().get().stack().isEmpty());
        JfrDocument reopened = (JfrDocument) window.documents().allTabs().getLast().getContent();
        assertThat(reopened.allocations().flameGraph().zoomedFrameProperty().get().stack()).containsExactly(stack);
    }

    /** Labels from the root's first child down to the first frame named {@code name}. */
    private static String[] firstStackTo(dev.inquest.jfr.stack.StackNode root, String name) {
        java.util.ArrayDeque<java.util.List<dev.inquest.jfr.stack.StackNode>> queue = new java.util.ArrayDeque<>();
        for (var c : root.children()) {
            queue.add(java.util.List.of(c));
        }
        while (!queue.isEmpty()) {
            var path = queue.poll();
            var last = path.getLast();
            if (last.name().equals(name)) {
                return path.stream().map(dev.inquest.jfr.stack.StackNode::name).toArray(String[]::new);
            }
            for (var c : last.children()) {
                var next = new java.util.ArrayList<>(path);
                next.add(c);
                queue.add(next);
            }
        }
        throw new AssertionError("no frame " + name);
    }

    @Test
    void darkScreenshots(FxRobot robot) throws Exception {
        JfrDocument doc = openRecording(robot);
        robot.interact(Theme.DARK::apply);
        try {
            robot.interact(() -> doc.select("jfr-alloc"));
            WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> doc.allocations().tree() != null);
            WaitForAsyncUtils.waitForFxEvents();
            robot.interact(() -> Screenshots.capture(stage.getScene(), "jfr-allocations-dark"));
        } finally {
            robot.interact(Theme.LIGHT::apply);
        }
    }
}
