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
import dev.inquest.ui.notebook.Notebook;
import javafx.scene.control.Tab;
import javafx.scene.control.Tooltip;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignF;

/** Opens flight recordings in the window: one tab per recording with its views. */
public final class JfrViews {
    private JfrViews() {
    }

    public static void install(MainWindow window) {
        window.registerOpener(FileKind.RECORDING, JfrViews::open);
        Notebook.of(window).ifPresent(nb -> nb.addReopener((source, file) -> reopen(window, source, file)));
    }

    /**
     * Reopens pinned JFR evidence: the recording's tab (opening the file if needed), the view it came
     * from, its time range, and the frame or group it named.
     */
    static boolean reopen(MainWindow window, EvidenceSource source, Path file) {
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
        open(file, window, show);
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
    public static void open(Path file, MainWindow window) {
        open(file, window, doc -> { });
    }

    /** As {@link #open(Path, MainWindow)}, then hands the new document to {@code opened}. */
    public static void open(Path file, MainWindow window, Consumer<JfrDocument> opened) {
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
            tab.getProperties().put("inquest.tab.key", file.toAbsolutePath().normalize().toString());
            dev.inquest.ui.shell.DocumentArea.setFile(tab, file);
            tab.setTooltip(new Tooltip(file.toAbsolutePath().normalize().toString()));
            // Wrapping onClosed (not an event handler): closing a tab from code calls only onClosed.
            var closed = tab.getOnClosed();
            tab.setOnClosed(e -> {
                openRecordings(window).remove(doc);
                doc.close();
                if (closed != null) {
                    closed.handle(e);
                }
            });
            window.documents().add(tab);
            openRecordings(window).add(doc);
            window.status().setText("Opened recording " + file.getFileName() + ": "
                    + dev.inquest.format.Units.count(loaded.summary().events()) + " events");
            opened.accept(doc);
        }, failure -> window.showError("Cannot open " + file.getFileName(), failure));
    }

    private static final String OPEN = "inquest.jfr.openRecordings";

    /**
     * The recordings open in the window, in opening order: views of the heap side (a suspect's
     * allocation sites) follow it to appear and disappear with the recordings.
     */
    @SuppressWarnings("unchecked")
    public static javafx.collections.ObservableList<JfrDocument> openRecordings(MainWindow window) {
        return (javafx.collections.ObservableList<JfrDocument>) window.properties()
                .computeIfAbsent(OPEN, k -> javafx.collections.FXCollections.<JfrDocument>observableArrayList());
    }

    static void closeQuietly(Recording source) {
        try {
            source.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
