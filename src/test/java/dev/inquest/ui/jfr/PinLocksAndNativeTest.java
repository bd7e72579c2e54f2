package dev.inquest.ui.jfr;

import static org.assertj.core.api.Assertions.assertThat;

import dev.inquest.format.Units;
import dev.inquest.investigation.export.ExportOptions;
import dev.inquest.investigation.export.ReportExporter;
import dev.inquest.investigation.model.Case;
import dev.inquest.investigation.model.Evidence;
import dev.inquest.investigation.model.EvidenceKind;
import dev.inquest.investigation.model.EvidenceView;
import dev.inquest.investigation.model.Figure;
import dev.inquest.investigation.model.Locator;
import dev.inquest.investigation.model.Stance;
import dev.inquest.investigation.store.CaseFile;
import dev.inquest.jfr.NativeRecordings;
import dev.inquest.jfr.nativemem.NativeMemory;
import dev.inquest.jfr.nativemem.NativeMemory.Point;
import dev.inquest.jfr.stack.StackNode;
import dev.inquest.jfr.stack.StackTree;
import dev.inquest.testing.Corpus;
import dev.inquest.ui.Screenshots;
import dev.inquest.ui.TestWindows;
import dev.inquest.ui.notebook.Notebook;
import dev.inquest.ui.settings.Theme;
import dev.inquest.ui.shell.MainWindow;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Issue 20: a frame of the Locks tab and a series of the Native memory tab pin as evidence like an
 * allocation frame does: the notebook shows the engine's sentence, the case file keeps the kind
 * and the way back, the Markdown export carries them, and the evidence reopens its tab on the
 * same frame or series.
 */
@Tag("slow")
@ExtendWith(ApplicationExtension.class)
class PinLocksAndNativeTest {
    @TempDir
    static Path home;

    private MainWindow window;
    private Notebook notebook;
    private Stage stage;

    @Start
    void start(Stage stage) throws Exception {
        this.stage = stage;
        window = TestWindows.withFreshSettings(stage, home);
        notebook = Notebook.install(window);
        JfrViews.install(window);
        stage.show();
    }

    private JfrDocument open(FxRobot robot, Path file) throws Exception {
        int before = window.documents().allTabs().size();
        robot.interact(() -> window.open(file));
        TestWindows.waitFor("the recording", 60, () -> window.documents().allTabs().size() == before + 1
                && window.documents().allTabs().getLast().getContent() instanceof JfrDocument);
        return (JfrDocument) window.documents().allTabs().getLast().getContent();
    }

    @Test
    void aLockFramePinsWithItsBlockedTimeAndReopensTheLocksTab(FxRobot robot) throws Exception {
        Path caseFile = home.resolve("locks.inquest");
        robot.interact(() -> notebook.create(caseFile, "Checkout latency"));
        // The corpus's example recording: jdk.JavaMonitorEnter and jdk.ThreadPark events with stacks.
        JfrDocument doc = open(robot, Corpus.file("jfr/example.jfr"));
        robot.interact(() -> doc.select("jfr-lock"));
        TestWindows.waitFor("the lock graph", 60, () -> doc.locks().tree() != null);
        StackTree tree = doc.locks().tree();
        // The heaviest path three frames down (or to its leaf): a frame with a known total blocked time.
        List<StackNode> path = new ArrayList<>();
        StackNode n = tree.root();
        while (path.size() < 3 && !n.children().isEmpty()) {
            n = n.children().stream().max(java.util.Comparator.comparingLong(StackNode::total)).orElseThrow();
            path.add(n);
        }
        StackNode frame = path.getLast();
        String[] stack = path.stream().map(StackNode::name).toArray(String[]::new);
        robot.interact(() -> doc.locks().flameGraph().zoomTo(stack));

        Evidence draft = doc.evidenceForSelection().orElseThrow();
        assertThat(draft.kind()).isEqualTo(EvidenceKind.LOCK_FRAME);
        assertThat(draft.path()).containsExactly(stack);
        double share = (double) frame.total() / tree.total();
        assertThat(draft.summary()).isEqualTo("Lock contention: `" + frame.name() + "` accounts for " + Units.percent(share)
                + " of the blocked time (" + Units.duration(frame.total()) + " blocked) in "
                + dev.inquest.format.Markdown.text(java.nio.file.Path.of(doc.summary().file()).getFileName().toString())
                + " (" + String.join(", ", tree.eventTypes()) + ")");
        assertThat(draft.figure("blocked").map(Figure::value).orElseThrow()).isEqualTo(frame.total() / 1e6);
        assertThat(draft.figure("blocked self").map(Figure::value).orElseThrow()).isEqualTo(frame.self() / 1e6);
        assertThat(draft.figure("events in view").map(Figure::value).orElseThrow()).isEqualTo((double) tree.events());
        assertThat(draft.source().view()).isEqualTo(EvidenceView.JFR_LOCK);

        Evidence[] pinned = new Evidence[1];
        robot.interact(() -> pinned[0] = notebook.pinTo(null, "Threads queue on one monitor", draft, Stance.SUPPORTS)
                .orElseThrow());
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(notebookText(robot, pinned[0])).isEqualTo(squeeze(draft.summary().replace("`", "")));
        shoot(robot, "jfr-locks-pinned");

        // The case file keeps the kind, the figures and the way back; the export carries sentence and stack.
        assertThat(notebook.flush()).isTrue();
        Case stored = CaseFile.read(caseFile).value();
        Evidence back = stored.hypotheses().getFirst().evidence().getFirst();
        assertThat(back.kind()).isEqualTo(EvidenceKind.LOCK_FRAME);
        assertThat(back.summary()).isEqualTo(draft.summary());
        assertThat(back.figures()).isEqualTo(draft.figures());
        assertThat(back.source().view()).isEqualTo(EvidenceView.JFR_LOCK);
        assertThat(Locator.FlameFrame.stackIn(back.source())).contains(List.of(stack));
        assertThat(Locator.FlameFrame.weightIn(back.source())).contains(Locator.FlameWeight.NANOS);
        String md = ReportExporter.export(stored, new ExportOptions(false, null)).markdown();
        assertThat(md).contains("Lock contention: `" + frame.name() + "` accounts for " + Units.percent(share))
                .contains(Units.duration(frame.total()) + " blocked")
                .contains("**Stack (E1), root first:**\n\n```\n" + String.join("\n", stack) + "\n```");

        // Reopened from the case read again, with the recording closed: the Locks tab on the same frame.
        robot.interact(() -> window.documents().close(window.documents().allTabs().getLast()));
        robot.interact(() -> notebook.open(caseFile));
        Evidence reread = notebook.session().orElseThrow().current().hypotheses().getFirst().evidence().getFirst();
        assertThat(reread.kind()).isEqualTo(EvidenceKind.LOCK_FRAME);
        CompletableFuture<Boolean> reopening = new CompletableFuture<>();
        robot.interact(() -> notebook.reopen(reread).thenAccept(reopening::complete));
        assertThat(reopening.get(60, TimeUnit.SECONDS)).isTrue();
        TestWindows.waitFor("the frame reopened", 60, () -> window.documents().allTabs().getLast().getContent() instanceof JfrDocument d
                && d.locks().flameGraph().zoomedFrameProperty().get() != null
                && !d.locks().flameGraph().zoomedFrameProperty().get().stack().isEmpty());
        JfrDocument reopened = (JfrDocument) window.documents().allTabs().getLast().getContent();
        assertThat(reopened.views().getSelectionModel().getSelectedItem().getId()).isEqualTo("jfr-lock");
        assertThat(reopened.locks().flameGraph().zoomedFrameProperty().get().stack()).containsExactly(stack);
    }

    @Test
    void aNativeSeriesPinsWithItsFiguresOverTheRangeAndReopensTheNativeTab(FxRobot robot) throws Exception {
        Path caseFile = home.resolve("native.inquest");
        robot.interact(() -> notebook.create(caseFile, "Container killed, heap flat"));
        JfrDocument doc = open(robot, NativeRecordings.growing().file());
        robot.interact(() -> doc.select("jfr-native"));
        NativeMemoryView view = doc.nativeMemory();
        TestWindows.waitFor("memory beyond the heap", 60, () -> view.memory() != null);
        // Nothing selected: nothing to pin.
        assertThat(doc.evidenceForSelection()).isEmpty();

        // Dragging across the chart sets the document's range (as on the heap chart) and shades it.
        assertThat(view.band().isVisible()).isFalse();
        javafx.geometry.Bounds plot = view.chart().lookup(".chart-plot-background").localToScreen(
                view.chart().lookup(".chart-plot-background").getBoundsInLocal());
        robot.drag(new javafx.geometry.Point2D(plot.getMinX() + plot.getWidth() * 0.25, plot.getCenterY()),
                javafx.scene.input.MouseButton.PRIMARY).dropTo(new javafx.geometry.Point2D(plot.getMinX() + plot.getWidth() * 0.75,
                plot.getCenterY()));
        WaitForAsyncUtils.waitForFxEvents();
        JfrDocument.Range dragged = doc.rangeProperty().get();
        assertThat(dragged).isNotNull();
        assertThat(dragged.from()).isBefore(dragged.to());
        assertThat(view.band().isVisible()).isTrue();
        assertThat(view.band().getWidth()).isCloseTo(plot.getWidth() * 0.5, org.assertj.core.data.Offset.offset(plot.getWidth() * 0.05));

        // The NMT category the workload grows ("Other": direct buffers and arenas), over the recording's second half.
        NativeMemory.Series other = view.memory().nmt("Other").orElseThrow();
        Instant start = doc.summary().start();
        Instant from = start.plus(Duration.ofMillis(doc.summary().durationMillis() / 2));
        Instant to = start.plus(Duration.ofMillis(doc.summary().durationMillis() + 1000));
        robot.interact(() -> {
            doc.rangeProperty().set(new JfrDocument.Range(from, to));
            view.table().getSelectionModel().select(view.table().getItems().stream()
                    .filter(r -> r.series() == other).findFirst().orElseThrow());
        });
        // The figures, worked out here from the series' points in the range.
        List<Point> in = other.points().stream().filter(p -> !p.time().isBefore(from) && p.time().isBefore(to)).toList();
        assertThat(in).hasSizeGreaterThan(2).hasSizeLessThan(other.points().size());
        long min = in.stream().mapToLong(Point::value).min().orElseThrow();
        long max = in.stream().mapToLong(Point::value).max().orElseThrow();
        long first = in.getFirst().value();
        long last = in.getLast().value();

        Evidence draft = doc.evidenceForSelection().orElseThrow();
        assertThat(draft.kind()).isEqualTo(EvidenceKind.NATIVE_MEMORY);
        assertThat(draft.figure("first").map(Figure::value).orElseThrow()).isEqualTo((double) first);
        assertThat(draft.figure("last").map(Figure::value).orElseThrow()).isEqualTo((double) last);
        assertThat(draft.figure("min").map(Figure::value).orElseThrow()).isEqualTo((double) min);
        assertThat(draft.figure("max").map(Figure::value).orElseThrow()).isEqualTo((double) max);
        assertThat(draft.figure("growth").map(Figure::value).orElseThrow()).isEqualTo((double) (last - first));
        assertThat(draft.figure("points").map(Figure::value).orElseThrow()).isEqualTo((double) in.size());
        String range = String.format(java.util.Locale.ROOT, "%.1f s \u2013 %.1f s",
                Duration.between(start, from).toMillis() / 1000.0, Duration.between(start, to).toMillis() / 1000.0);
        assertThat(draft.summary()).startsWith("NMT committed: Other: " + Units.bytes(first) + " to " + Units.bytes(last)
                        + " (" + Units.bytesDelta(last - first) + ") over ")
                .contains(", lowest " + Units.bytes(min) + ", highest " + Units.bytes(max))
                .endsWith("(" + in.size() + " points, " + range + ") (" + dev.inquest.format.Markdown.text(java.nio.file.Path.of(doc.summary().file()).getFileName().toString()) + ")");
        assertThat(Locator.NativeSeries.in(draft.source())).contains(new Locator.NativeSeries("nmtCategory", "Other",
                new Locator.TimeRange(from, to)));

        Evidence[] pinned = new Evidence[1];
        robot.interact(() -> pinned[0] = notebook.pinTo(null, "Native memory outside the heap grows", draft,
                Stance.SUPPORTS).orElseThrow());
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(notebookText(robot, pinned[0])).isEqualTo(squeeze(draft.summary()));
        shoot(robot, "jfr-native-pinned");

        assertThat(notebook.flush()).isTrue();
        Case stored = CaseFile.read(caseFile).value();
        Evidence back = stored.hypotheses().getFirst().evidence().getFirst();
        assertThat(back.kind()).isEqualTo(EvidenceKind.NATIVE_MEMORY);
        assertThat(back.summary()).isEqualTo(draft.summary());
        assertThat(back.figures()).isEqualTo(draft.figures());
        assertThat(back.source().view()).isEqualTo(EvidenceView.JFR_NATIVE);
        assertThat(Locator.NativeSeries.in(back.source())).isEqualTo(Locator.NativeSeries.in(draft.source()));
        String md = ReportExporter.export(stored, new ExportOptions(false, null)).markdown();
        assertThat(md).contains("NMT committed: Other: " + Units.bytes(first) + " to " + Units.bytes(last))
                .contains("max " + Units.bytes(max));

        // Reopened from the case read again, the recording closed: the Native memory tab, the series selected, the range set.
        robot.interact(() -> window.documents().close(window.documents().allTabs().getLast()));
        robot.interact(() -> notebook.open(caseFile));
        Evidence reread = notebook.session().orElseThrow().current().hypotheses().getFirst().evidence().getFirst();
        CompletableFuture<Boolean> reopening = new CompletableFuture<>();
        robot.interact(() -> notebook.reopen(reread).thenAccept(reopening::complete));
        assertThat(reopening.get(60, TimeUnit.SECONDS)).isTrue();
        TestWindows.waitFor("the series reopened", 60, () -> window.documents().allTabs().getLast().getContent() instanceof JfrDocument d
                && d.nativeMemory().memory() != null && d.nativeMemory().table().getSelectionModel().getSelectedItem() != null);
        JfrDocument reopened = (JfrDocument) window.documents().allTabs().getLast().getContent();
        assertThat(reopened.views().getSelectionModel().getSelectedItem().getId()).isEqualTo("jfr-native");
        NativeMemoryView.Row selected = reopened.nativeMemory().table().getSelectionModel().getSelectedItem();
        assertThat(selected.series().label()).isEqualTo("NMT committed: Other");
        assertThat(reopened.rangeProperty().get()).isEqualTo(new JfrDocument.Range(from, to));
        // Pinned again from the reopened view: the same evidence.
        assertThat(reopened.evidenceForSelection().orElseThrow().figures()).isEqualTo(draft.figures());
    }

    /** The notebook's line for the evidence, its wrapping breaks and spaces taken out. */
    private static String notebookText(FxRobot robot, Evidence e) {
        return squeeze(robot.lookup("#evidence-" + e.id() + " .evidence-summary").queryAs(Label.class).getText());
    }

    private static String squeeze(String s) {
        return s.replaceAll("[\\s\u200b]", "");
    }

    /** The window with the notebook beside the recording, at 1024x700 and 1280x800, light and dark. */
    private void shoot(FxRobot robot, String name) {
        try {
            for (Theme theme : List.of(Theme.LIGHT, Theme.DARK)) {
                for (int[] size : new int[][] {{1024, 700}, {1280, 800}}) {
                    robot.interact(() -> {
                        theme.apply();
                        stage.setWidth(size[0]);
                        stage.setHeight(size[1]);
                    });
                    WaitForAsyncUtils.waitForFxEvents();
                    robot.interact(() -> stage.getScene().getRoot().layout());
                    WaitForAsyncUtils.waitForFxEvents();
                    String file = name + "-" + size[0] + (theme == Theme.DARK ? "-dark" : "-light");
                    Path[] out = new Path[1];
                    robot.interact(() -> out[0] = Screenshots.capture(stage.getScene(), file));
                    assertThat(out[0]).exists();
                }
            }
        } finally {
            robot.interact(Theme.LIGHT::apply);
        }
    }
}
