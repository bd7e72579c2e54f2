package dev.inquest.ui.link;

import static org.assertj.core.api.Assertions.assertThat;

import dev.inquest.demo.Demo;
import dev.inquest.demo.DemoOptions;
import dev.inquest.demo.DemoResult;
import dev.inquest.heap.model.Grouping;
import dev.inquest.heap.model.HistogramRow;
import dev.inquest.investigation.model.Evidence;
import dev.inquest.investigation.model.Stance;
import dev.inquest.jfr.load.JfrSource;
import dev.inquest.jfr.stack.EventKind;
import dev.inquest.jfr.stack.StackTree;
import dev.inquest.jfr.stack.StackTreeQuery;
import dev.inquest.jfr.stack.StackTreeReader;
import dev.inquest.progress.Progress;
import dev.inquest.ui.heap.HeapDocument;
import dev.inquest.ui.heap.HeapRow;
import dev.inquest.ui.heap.HeapViews;
import dev.inquest.ui.heap.histogram.HistogramView;
import dev.inquest.ui.jfr.JfrDocument;
import dev.inquest.ui.jfr.JfrViews;
import dev.inquest.ui.notebook.Notebook;
import dev.inquest.ui.settings.Settings;
import dev.inquest.ui.shell.MainWindow;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Tab;
import javafx.stage.Stage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The jumps between a heap dump and a recording of the same service (the demo's leaky order
 * service): its leaking class leads from the heap to its allocation sites and back.
 */
@ExtendWith(ApplicationExtension.class)
class CrossLinksTest {
    @TempDir
    static Path home;

    static DemoResult demo;
    static StackTree allocations;

    private MainWindow window;
    private Notebook notebook;

    @BeforeAll
    static void runDemo() throws Exception {
        demo = dev.inquest.testing.DemoFiles.get();
        try (JfrSource src = JfrSource.open(demo.recording(), Progress.NONE)) {
            allocations = StackTreeReader.read(src, StackTreeQuery.of(EventKind.ALLOC), Progress.NONE);
        }
    }

    @Start
    void start(Stage stage) throws Exception {
        window = new MainWindow(stage, new Settings(Files.createTempDirectory(home, "s").resolve("settings.properties")));
        notebook = Notebook.install(window);
        JfrViews.install(window);
        CrossLinks.install(window, HeapViews.install(window));
        stage.show();
    }

    private <T> T open(FxRobot robot, Path file, Class<T> type, java.util.function.Function<Tab, T> content) throws Exception {
        int before = window.documents().allTabs().size();
        robot.interact(() -> window.open(file));
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> window.documents().allTabs().size() == before + 1);
        WaitForAsyncUtils.waitForFxEvents();
        return content.apply(window.documents().allTabs().getLast());
    }

    @Test
    void leakingClassLeadsFromHeapToAllocationsAndBack(FxRobot robot) throws Exception {
        assertThat(window.links().canShowAllocations()).isFalse();
        HeapDocument heap = open(robot, demo.after(), HeapDocument.class, HeapViews::documentOf);
        JfrDocument rec = open(robot, demo.recording(), JfrDocument.class, t -> (JfrDocument) t.getContent());
        assertThat(window.links().canShowAllocations()).isTrue();

        // Heap -> recording: the callers of the leaking class, with its share of allocated bytes.
        robot.interact(() -> assertThat(window.links().showAllocations(Demo.LEAKING_CLASS)).isTrue());
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> rec.allocations().tree() != null);
        WaitForAsyncUtils.waitForFxEvents();
        long classBytes = allocations.totalOf(Demo.LEAKING_CLASS);
        assertThat(classBytes).as("the recording sampled the leaking class").isPositive();
        assertThat(rec.allocations().focusedShare()).isEqualTo((double) classBytes / allocations.total());
        var shown = rec.allocations().flameGraph().shownTree();
        // Reversed and focused: the allocated class is the frame under the root, and only it.
        assertThat(shown.children()).singleElement().satisfies(f -> assertThat(f.label()).isEqualTo(Demo.LEAKING_CLASS));
        assertThat(shown.total()).isEqualTo(classBytes);

        // Recording -> heap: the histogram narrowed to the class, with the engine's counts.
        robot.interact(() -> assertThat(window.links().showHeapInstances(Demo.LEAKING_CLASS)).isTrue());
        HistogramView histogram = heap.viewOf(HeapDocument.Section.HISTOGRAM, HistogramView.class);
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> histogram.shownRows().size() == 1);
        HistogramRow expected = heap.dump().histogram(Grouping.CLASS).stream()
                .filter(r -> r.name().equals(Demo.LEAKING_CLASS)).findFirst().orElseThrow();
        assertThat(histogram.shownRows().getFirst().count()).isEqualTo(expected.count()).isEqualTo(demo.leakedAfter());
        assertThat(histogram.shownRows().getFirst().retained()).isEqualTo(expected.retained());
    }

    @Test
    void oldObjectSampleFindsItsObjectInTheHeapDump(FxRobot robot) throws Exception {
        JfrDocument rec = open(robot, demo.recording(), JfrDocument.class, t -> (JfrDocument) t.getContent());
        robot.interact(() -> rec.select("jfr-old"));
        var old = rec.oldObjects();
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> old.report() != null);
        var receiptGroup = old.groupTable().getItems().stream().filter(g -> g.key().equals(Demo.LEAKING_CLASS)).findFirst().orElseThrow();
        robot.interact(() -> old.groupTable().getSelectionModel().select(receiptGroup));
        var sample = old.shownSamples().stream().filter(s -> !s.chain().isEmpty()).findFirst().orElseThrow();
        robot.interact(() -> old.selectSample(sample));

        // No heap dump yet: the action says what to open.
        robot.interact(() -> assertThat(old.findSelectedInHeap()).isFalse());
        assertThat(window.status().getText()).contains("Open a heap dump");

        HeapDocument heap = open(robot, demo.after(), HeapDocument.class, HeapViews::documentOf);
        robot.interact(() -> window.documents().allTabs().stream().filter(t -> t.getContent() == rec).findFirst()
                .ifPresent(t -> t.getTabPane().getSelectionModel().select(t)));
        robot.interact(() -> assertThat(old.findSelectedInHeap()).isTrue());
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> heap.sidePanel("link-chain-match") != null
                && heap.paths() != null && heap.paths().result() != null);
        var panel = heap.sidePanel("link-chain-match");
        var match = (dev.inquest.link.ChainMatch) panel.getProperties().get("link-chain-match");
        assertThat(match.complete()).isTrue();
        assertThat(match.exact()).isTrue();
        long node = match.node();
        assertThat(heap.dump().className(node)).isEqualTo(Demo.LEAKING_CLASS);
        // The paths view shows that object, and its path to a GC root runs through the receipts map.
        var result = heap.paths().result();
        assertThat(result.node()).isEqualTo(node);
        assertThat(result.paths().getFirst()).extracting(p -> p.className() + (p.field() == null ? "" : " ." + p.field()))
                .contains("java.util.HashMap$Node .value", "java.util.HashMap .table",
                        "class dev.inquest.demo.service.LeakyService .RECEIPTS");
        assertThat(window.status().getText()).startsWith("Matched all 5 links of the chain, array indexes included");
        robot.interact(() -> dev.inquest.ui.Screenshots.capture(window.stage().getScene(), "link-chain-match"));
    }

    @Test
    void heapRowPinsWithEngineFiguresAndReopensOnTheObject(FxRobot robot) throws Exception {
        HeapDocument heap = open(robot, demo.after(), HeapDocument.class, HeapViews::documentOf);
        robot.interact(() -> notebook.create(home.resolve("links.inquest"), "Receipts pile up"));
        var top = heap.dump().topDominators(1).getFirst();
        long node = top.node();
        Evidence[] draft = new Evidence[1];
        robot.interact(() -> CrossLinks.draft(heap, new HeapRow(node, top.className(), List.of(), List.of()), e -> draft[0] = e));
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> draft[0] != null);
        assertThat(draft[0].kind()).isEqualTo(Evidence.DOMINATOR_ROW);
        assertThat(draft[0].figures()).anySatisfy(f -> {
            assertThat(f.name()).isEqualTo("retained");
            assertThat((long) f.value()).isEqualTo(top.retained());
        });
        assertThat(draft[0].path()).isNotEmpty();

        Evidence[] pinned = new Evidence[1];
        robot.interact(() -> pinned[0] = notebook.pinTo(null, "The receipt cache never evicts", draft[0], Stance.SUPPORTS).orElseThrow());
        robot.interact(() -> window.documents().close(window.documents().allTabs().getLast()));
        robot.interact(() -> assertThat(notebook.reopen(pinned[0])).isTrue());
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> window.documents().allTabs().stream().anyMatch(t -> HeapViews.documentOf(t) != null
                && HeapViews.documentOf(t).inspector() != null));
    }
}
