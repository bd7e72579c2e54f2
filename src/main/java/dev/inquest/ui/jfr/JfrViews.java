package dev.inquest.ui.jfr;

import dev.inquest.input.FileKind;
import dev.inquest.jfr.OpenPhases;
import dev.inquest.jfr.Recording;
import dev.inquest.progress.PhaseLog;
import dev.inquest.progress.Progress;
import dev.inquest.ui.common.ProgressPage;
import dev.inquest.ui.task.TaskRunner;
import java.util.function.UnaryOperator;
import dev.inquest.jfr.summary.RecordingSummary;
import dev.inquest.ui.shell.MainWindow;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.function.Consumer;
import dev.inquest.investigation.model.EvidenceSource;
import dev.inquest.investigation.model.EvidenceView;
import dev.inquest.investigation.model.Locator;
import javafx.scene.control.Tab;
import javafx.scene.control.Tooltip;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignF;

/**
 * Opens flight recordings in the window: one tab per recording with its views, shown from the
 * moment the open starts (the opening page until the summary is read).
 */
public final class JfrViews {
    private final MainWindow window;
    /** The recordings open in the window, in opening order. */
    private final javafx.collections.ObservableList<JfrDocument> openRecordings = javafx.collections.FXCollections.observableArrayList();
    /** Wraps the progress an open reports to (tests hold an open at a phase); identity otherwise. */
    private UnaryOperator<Progress> progressHook = UnaryOperator.identity();

    private JfrViews(MainWindow window) {
        this.window = window;
    }

    /** Registers the recording opener (and the reopener of pinned JFR evidence) on the window. */
    public static JfrViews install(MainWindow window) {
        JfrViews views = new JfrViews(window);
        window.registerOpener(FileKind.RECORDING, (file, w) -> views.open(file));
        window.caseDesk().ifPresent(desk -> desk.addReopener(views::reopen));
        return views;
    }

    /**
     * Reopens pinned JFR evidence: the recording's tab (opening the file if needed), the view it came
     * from, its time range, and the frame or group it named.
     */
    boolean reopen(EvidenceSource source, Path file) {
        if (source.view() == null || source.view().engine() != EvidenceView.Engine.JFR) {
            return false;
        }
        Consumer<JfrDocument> show = doc -> {
            Locator.TimeRange.in(source).ifPresent(r -> doc.rangeProperty().set(new JfrDocument.Range(r.from(), r.to())));
            switch (source.view()) {
                case EvidenceView.Known.JFR_ALLOC, EvidenceView.Known.JFR_CPU -> {
                    boolean alloc = source.view() == EvidenceView.JFR_ALLOC;
                    FlameView view = alloc ? doc.allocations() : doc.cpu();
                    if (alloc && Locator.FlameFrame.weightIn(source).orElse(null) == Locator.FlameWeight.COUNT) {
                        view.useWeight(dev.inquest.jfr.stack.Weight.COUNT);
                    }
                    doc.select(alloc ? "jfr-alloc" : "jfr-cpu");
                    Locator.FlameFrame.stackIn(source).ifPresent(view::reveal);
                }
                case EvidenceView.Known.JFR_LOCK -> {
                    if (Locator.FlameFrame.weightIn(source).orElse(null) == Locator.FlameWeight.COUNT) {
                        doc.locks().useWeight(dev.inquest.jfr.stack.Weight.COUNT);
                    }
                    doc.select("jfr-lock");
                    Locator.FlameFrame.stackIn(source).ifPresent(doc.locks()::reveal);
                }
                case EvidenceView.Known.JFR_NATIVE -> {
                    doc.select("jfr-native");
                    Locator.NativeSeries.in(source).ifPresent(s -> doc.nativeMemory().reveal(s.series(), s.category()));
                }
                case EvidenceView.Known.JFR_HEAP_TREND -> doc.select("jfr-heap");
                case EvidenceView.Known.JFR_FINDINGS -> doc.select("jfr-overview");
                case EvidenceView.Known.JFR_OLD_OBJECTS -> {
                    doc.select("jfr-old");
                    Locator.OldObjectGroup.in(source).ifPresent(g -> doc.oldObjects().reveal(g.group(), g.bySite()));
                }
                default -> doc.select("jfr-overview");
            }
        };
        Path wanted = file.toAbsolutePath().normalize();
        for (Tab tab : window.documents().allTabs()) {
            if (tab.getContent() instanceof JfrDocument doc && doc.recording().file().toAbsolutePath().normalize().equals(wanted)) {
                tab.getTabPane().getSelectionModel().select(tab);
                show.accept(doc);
                return true;
            }
        }
        open(file, show);
        return true;
    }

    /** Closeable so the task runner can release one that arrives after its open was cancelled. */
    private record Loaded(Recording source, RecordingSummary summary) implements AutoCloseable {
        @Override
        public void close() throws IOException {
            source.close();
        }
    }

    /**
     * Opens the recording off the FX thread: its tab appears at once with the open's phases (named
     * by the engine, {@link OpenPhases}), the time left and Cancel (issue 18), and shows the views
     * when the summary is ready.
     */
    public void open(Path file) {
        open(file, doc -> { });
    }

    /** As {@link #open(Path)}, then hands the new document to {@code opened}. */
    public void open(Path file, Consumer<JfrDocument> opened) {
        PhaseLog log = new PhaseLog(OpenPhases.SHARES, 0);
        TaskRunner.Handle[] handle = new TaskRunner.Handle[1];
        Tab opening = openingTab(file, log, () -> handle[0].cancel());
        handle[0] = window.tasks().submitFor(file, "Opening " + file.getFileName(), log, p -> {
            log.expect(OpenPhases.expectedMillis(file));
            Progress progress = progressHook.apply(log.watching(p));
            Recording source = Recording.open(file, progress);
            try {
                RecordingSummary summary = source.summary(progress);
                log.finish();
                return new Loaded(source, summary);
            } catch (IOException | RuntimeException e) {
                // The summary's failure is what the user needs to see; a close failure rides along.
                try {
                    source.close();
                } catch (IOException closing) {
                    e.addSuppressed(closing);
                }
                throw e;
            }
        }, loaded -> opened.accept(show(file, loaded, opening)), failure -> {
            // Cancelled or failed: no tab stays behind (the status bar says "Cancelled." for a cancel).
            window.documents().close(opening);
            window.showError("Cannot open " + file.getFileName(), failure);
        });
    }

    /**
     * The tab an opening recording shows at once, where the user looks: the phases, the time left
     * and Cancel. Closing it cancels the open too. It has no file: a restored layout waits for the
     * document's tab, not this one.
     */
    private Tab openingTab(Path file, PhaseLog log, Runnable cancel) {
        ProgressPage page = new ProgressPage("Opening " + file.getFileName(), log, cancel,
                "The open counts the recording's events; each view reads what it shows when first selected.");
        return window.documents().addOpeningTab(file, new FontIcon(MaterialDesignF.FIRE), "tab-jfr-opening", page, cancel);
    }

    /** The document's tab, in the opening tab's place (and selection) unless a restored layout has a place for it. */
    private JfrDocument show(Path file, Loaded loaded, Tab opening) {
        JfrDocument doc = new JfrDocument(loaded.source(), loaded.summary(), window);
        Tab tab = window.documents().newTab(file.getFileName().toString(), new FontIcon(MaterialDesignF.FIRE), doc);
        tab.setId("tab-jfr");
        String abs = file.toAbsolutePath().normalize().toString();
        dev.inquest.ui.shell.DocumentArea.setKey(tab, abs);
        dev.inquest.ui.shell.DocumentArea.setFile(tab, file);
        tab.setTooltip(new Tooltip(abs));
        // Wrapping onClosed (not an event handler): closing a tab from code calls only onClosed.
        var closed = tab.getOnClosed();
        tab.setOnClosed(e -> {
            openRecordings.remove(doc);
            doc.close();
            if (closed != null) {
                closed.handle(e);
            }
        });
        window.documents().replaceOpening(opening, tab, file);
        openRecordings.add(doc);
        window.status().setText("Opened recording " + file.getFileName() + ": "
                + dev.inquest.format.Units.count(loaded.summary().events()) + " events");
        return doc;
    }

    /** Tests: wraps the progress every open reports to, e.g. to hold it at a phase. */
    void setProgressHook(UnaryOperator<Progress> hook) {
        this.progressHook = hook;
    }

    /**
     * The recordings open in the window, in opening order: views of the heap side (a suspect's
     * allocation sites) follow it to appear and disappear with the recordings.
     */
    public javafx.collections.ObservableList<JfrDocument> openRecordings() {
        return openRecordings;
    }

    static void closeQuietly(Recording source) {
        try {
            source.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
