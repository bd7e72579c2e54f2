package dev.inquest.ui.link;

import static org.assertj.core.api.Assertions.assertThat;

import dev.inquest.demo.DemoResult;
import dev.inquest.heap.model.HeapDump;
import dev.inquest.heap.query.LeakSuspects;
import dev.inquest.investigation.export.ExportOptions;
import dev.inquest.investigation.export.ReportExporter;
import dev.inquest.investigation.importer.MarkdownImporter;
import dev.inquest.investigation.model.Evidence;
import dev.inquest.investigation.model.NextStep;
import dev.inquest.investigation.model.Stance;
import dev.inquest.investigation.session.Edits;
import dev.inquest.investigation.store.CaseFile;
import dev.inquest.link.ChainMatcher;
import dev.inquest.link.ReferenceChain;
import dev.inquest.progress.Progress;
import dev.inquest.ui.heap.HeapDocument;
import dev.inquest.ui.heap.HeapRow;
import dev.inquest.ui.heap.HeapViews;
import dev.inquest.ui.jfr.JfrDocument;
import dev.inquest.ui.jfr.JfrViews;
import dev.inquest.ui.notebook.Notebook;
import dev.inquest.ui.shell.MainWindow;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import javafx.scene.control.Tab;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Writes the case files of src/test/resources/cases/pre-types with the window's own drafting
 * (heap rows, flame frames, heap trend, old objects), the demo's case and a Markdown import.
 * Run once, by hand: {@code -Dinquest.writeFixtures=<dir>}.
 */
@ExtendWith(ApplicationExtension.class)
@EnabledIfSystemProperty(named = "inquest.writeFixtures", matches = ".+")
class PreTypesCaseWriter {
    @TempDir
    static Path home;

    private MainWindow window;
    private Notebook notebook;

    @Start
    void start(Stage stage) throws Exception {
        window = dev.inquest.ui.TestWindows.withFreshSettings(stage, home);
        notebook = Notebook.install(window);
        JfrViews.install(window);
        CrossLinks.install(window, HeapViews.install(window));
        stage.show();
    }

    private <T> T open(FxRobot robot, Path file, Function<Tab, T> as) throws Exception {
        int before = window.documents().allTabs().size();
        robot.interact(() -> window.open(file));
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> window.documents().allTabs().size() == before + 1
                && as.apply(window.documents().allTabs().getLast()) != null);
        WaitForAsyncUtils.waitForFxEvents();
        return as.apply(window.documents().allTabs().getLast());
    }

    private Evidence draft(FxRobot robot, HeapDocument doc, HeapRow row) throws Exception {
        AtomicReference<Evidence> got = new AtomicReference<>();
        robot.interact(() -> CrossLinks.draft(doc, row, got::set));
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> got.get() != null);
        return got.get();
    }

    private void pin(FxRobot robot, String hypothesis, String statement, Evidence e, Stance s) {
        robot.interact(() -> notebook.pinTo(hypothesis, statement, e, s).orElseThrow());
    }

    @Test
    void write(FxRobot robot) throws Exception {
        Path out = Path.of(System.getProperty("inquest.writeFixtures"));
        Files.createDirectories(out);
        DemoResult demo = dev.inquest.testing.DemoFiles.get();
        Files.copy(demo.caseFile(), out.resolve("demo.inquest"), StandardCopyOption.REPLACE_EXISTING);

        Path caseFile = home.resolve("window.inquest");
        robot.interact(() -> notebook.create(caseFile, "Receipts pile up after the deploy"));

        // Heap: a dominator row, a class row, a suspect's object and a chain match's object.
        HeapDocument heap = open(robot, demo.after(), HeapViews::documentOf);
        HeapDump dump = heap.dump();
        long top = dump.topDominators(1).getFirst().node();
        Evidence object = draft(robot, heap, new HeapRow(top, dump.className(top), List.of(), List.of()));
        pin(robot, null, "A map of receipts holds most of the heap", object, Stance.SUPPORTS);
        Evidence cls = draft(robot, heap, new HeapRow(-1, demo.leakingClass(), List.of(), List.of()));
        pin(robot, "H1", null, cls, Stance.SUPPORTS);
        long suspect = LeakSuspects.find(dump, Progress.NONE).suspects().getFirst().dominator().node();
        pin(robot, "H1", null, draft(robot, heap, new HeapRow(suspect, dump.className(suspect), List.of(), List.of())),
                Stance.SUPPORTS);

        // Recording: allocation frames by bytes and by count (in a time range), CPU, heap trend, old objects.
        JfrDocument rec = open(robot, demo.recording(), t -> t.getContent() instanceof JfrDocument d ? d : null);
        robot.interact(() -> rec.select("jfr-alloc"));
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> rec.allocations().tree() != null
                && !rec.allocations().tree().root().children().isEmpty() && !rec.allocations().flameGraph().busyProperty().get());
        WaitForAsyncUtils.waitForFxEvents();
        zoomToHottest(robot, rec.allocations());
        pin(robot, null, "The receipts are allocated by the order handler", rec.evidenceForSelection().orElseThrow(), Stance.SUPPORTS);

        robot.interact(() -> rec.select("jfr-heap"));
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> rec.evidenceForSelection().isPresent());
        pin(robot, "H1", null, rec.evidenceForSelection().orElseThrow(), Stance.SUPPORTS);

        robot.interact(() -> rec.select("jfr-old"));
        var old = rec.oldObjects();
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> old.report() != null && !old.groupTable().getItems().isEmpty());
        robot.interact(() -> old.groupTable().getSelectionModel().select(0));
        pin(robot, "H2", null, rec.evidenceForSelection().orElseThrow(), Stance.SUPPORTS);
        robot.interact(() -> {
            old.showBySite();
            old.groupTable().getSelectionModel().select(0);
        });
        pin(robot, "H2", null, rec.evidenceForSelection().orElseThrow(), Stance.REFUTES);
        var sample = old.report().samples().stream().filter(x -> x.chain().stream()
                .anyMatch(st -> st.type().equals(demo.leakingClass()))).findFirst().orElseThrow();
        var match = ChainMatcher.match(dump, ReferenceChain.of(sample), CrossLinks.CHAIN_MATCHES, Progress.NONE);
        assertThat(match.node()).isNotNegative();
        pin(robot, "H2", null, draft(robot, heap, new HeapRow(match.node(), dump.className(match.node()), List.of(), List.of())),
                Stance.SUPPORTS);

        robot.interact(() -> rec.select("jfr-cpu"));
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> rec.cpu().tree() != null
                && !rec.cpu().tree().root().children().isEmpty() && !rec.cpu().flameGraph().busyProperty().get());
        WaitForAsyncUtils.waitForFxEvents();
        zoomToHottest(robot, rec.cpu());
        pin(robot, null, "CPU goes to serialising receipts", rec.evidenceForSelection().orElseThrow(), Stance.REFUTES);

        // Allocation samples by count, over the first half of the recording.
        robot.interact(() -> {
            var r = rec.summary();
            rec.rangeProperty().set(new JfrDocument.Range(r.start(), r.start().plusMillis(r.durationMillis() / 2)));
            try {
                var m = dev.inquest.ui.jfr.FlameView.class.getDeclaredMethod("useWeight", dev.inquest.jfr.stack.Weight.class);
                m.setAccessible(true);
                m.invoke(rec.allocations(), dev.inquest.jfr.stack.Weight.COUNT);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
            rec.select("jfr-alloc");
        });
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> rec.allocations().tree() != null
                && rec.allocations().tree().weight() == dev.inquest.jfr.stack.Weight.COUNT
                && !rec.allocations().flameGraph().busyProperty().get());
        WaitForAsyncUtils.waitForFxEvents();
        zoomToHottest(robot, rec.allocations());
        pin(robot, "H3", null, rec.evidenceForSelection().orElseThrow(), Stance.SUPPORTS);

        // Typed in by hand: a note, next steps, a reference.
        robot.interact(() -> {
            notebook.pinTo("H1", null, Evidence.note(Stance.REFUTES, "The cache is *bounded* at 10_000 | entries"), Stance.REFUTES);
            var s = notebook.session().orElseThrow();
            s.apply(Edits.addNextStep(new NextStep("Bound the receipt cache", false, dev.inquest.investigation.model.Priority.P1, "ops", "H1")));
            s.apply(Edits.addNextStep(new NextStep("Dump again after the fix", true, null, null, null)));
            notebook.flush();
        });
        Files.copy(caseFile, out.resolve("window.inquest"), StandardCopyOption.REPLACE_EXISTING);

        // The window's case as a report, imported back (notes from the evidence table).
        var c = CaseFile.read(caseFile).value();
        String md = ReportExporter.export(c, ExportOptions.DEFAULT).markdown();
        Files.writeString(home.resolve("report.md"), md);
        Path imported = out.resolve("imported.inquest");
        Files.deleteIfExists(imported);
        assertThat(dev.inquest.cli.InquestCommand.newCommandLine("case", "import").execute("case", "import",
                home.resolve("report.md").toString(), "--out", imported.toString())).isZero();
    }

    private static void zoomToHottest(FxRobot robot, dev.inquest.ui.jfr.FlameView view) {
        robot.interact(() -> {
            var t = view.tree();
            var node = t.root();
            java.util.List<String> stack = new java.util.ArrayList<>();
            while (!node.children().isEmpty() && stack.size() < 6) {
                node = node.children().stream().max(java.util.Comparator.comparingLong(n -> n.total())).orElseThrow();
                stack.add(node.name());
            }
            view.flameGraph().zoomTo(stack.toArray(String[]::new));
        });
        WaitForAsyncUtils.waitForFxEvents();
    }
}
