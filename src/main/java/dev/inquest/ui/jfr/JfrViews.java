package dev.inquest.ui.jfr;

import dev.inquest.input.FileKind;
import dev.inquest.jfr.Recording;
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

/** Opens flight recordings in the window: one tab per recording with its views. */
public final class JfrViews {
    private final MainWindow window;
    /** The recordings open in the window, in opening order. */
    private final javafx.collections.ObservableList<JfrDocument> openRecordings = javafx.collections.FXCollections.observableArrayList();

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
                case EvidenceView.Known.JFR_HEAP_TREND -> doc.select("jfr-heap");
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

    /** Opens the recording off the FX thread; the tab appears when its summary is ready. */
    public void open(Path file) {
        open(file, doc -> { });
    }

    /** As {@link #open(Path)}, then hands the new document to {@code opened}. */
    public void open(Path file, Consumer<JfrDocument> opened) {
        window.tasks().submitFor(file, "Opening " + file.getFileName(), progress -> {
            Recording source = Recording.open(file, progress);
            try {
                return new Loaded(source, source.summary(progress));
            } catch (IOException | RuntimeException e) {
                // The summary's failure is what the user needs to see; a close failure rides along.
                try {
                    source.close();
                } catch (IOException closing) {
                    e.addSuppressed(closing);
                }
                throw e;
            }
        }, loaded -> {
            JfrDocument doc = new JfrDocument(loaded.source(), loaded.summary(), window);
            Tab tab = window.documents().newTab(file.getFileName().toString(), new FontIcon(MaterialDesignF.FIRE), doc);
            dev.inquest.ui.shell.DocumentArea.setKey(tab, file.toAbsolutePath().normalize().toString());
            dev.inquest.ui.shell.DocumentArea.setFile(tab, file);
            tab.setTooltip(new Tooltip(file.toAbsolutePath().normalize().toString()));
            // Wrapping onClosed (not an event handler): closing a tab from code calls only onClosed.
            var closed = tab.getOnClosed();
            tab.setOnClosed(e -> {
                openRecordings.remove(doc);
                doc.close();
                if (closed != null) {
                    closed.handle(e);
                }
            });
            window.documents().add(tab);
            openRecordings.add(doc);
            window.status().setText("Opened recording " + file.getFileName() + ": "
                    + dev.inquest.format.Units.count(loaded.summary().events()) + " events");
            opened.accept(doc);
        }, failure -> window.showError("Cannot open " + file.getFileName(), failure));
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
