package dev.inquest.ui.jfr;

import dev.inquest.input.FileKind;
import dev.inquest.jfr.load.JfrSource;
import dev.inquest.jfr.summary.RecordingSummary;
import dev.inquest.jfr.summary.SummaryReader;
import dev.inquest.ui.shell.MainWindow;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
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
    }

    private record Loaded(JfrSource source, RecordingSummary summary) {
    }

    /** Opens the recording off the FX thread; the tab appears when its summary is ready. */
    public static void open(Path file, MainWindow window) {
        window.tasks().submit("Opening " + file.getFileName(), progress -> {
            JfrSource source = JfrSource.open(file, progress);
            try {
                return new Loaded(source, SummaryReader.read(source, progress));
            } catch (IOException | RuntimeException e) {
                closeQuietly(source);
                throw e;
            }
        }, loaded -> {
            JfrDocument doc = new JfrDocument(loaded.source(), loaded.summary(), window);
            Tab tab = window.documents().newTab(file.getFileName().toString(), new FontIcon(MaterialDesignF.FIRE), doc);
            tab.getProperties().put("inquest.tab.key", file.toAbsolutePath().normalize().toString());
            tab.setTooltip(new Tooltip(file.toAbsolutePath().normalize().toString()));
            tab.addEventHandler(Tab.CLOSED_EVENT, e -> doc.close());
            window.documents().add(tab);
            window.status().setText("Opened recording " + file.getFileName() + ": "
                    + dev.inquest.format.Units.count(loaded.summary().events()) + " events");
        }, failure -> window.showError("Cannot open " + file.getFileName(), failure));
    }

    static void closeQuietly(JfrSource source) {
        try {
            source.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
