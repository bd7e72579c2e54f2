package dev.inquest.ui.jfr;

import dev.inquest.investigation.model.Locator;
import dev.inquest.jfr.Recording;
import dev.inquest.jfr.summary.RecordingSummary;
import dev.inquest.ui.view.ClassLinks;
import dev.inquest.ui.task.TaskRunner;
import java.util.function.Consumer;
import javafx.beans.property.ObjectProperty;
import javafx.scene.Node;

/**
 * What a recording's view may call: the recording and its summary, the time range the flame
 * graphs are narrowed to, background work, the status line, errors, the jumps to heap dumps and
 * a tab of its own. {@link JfrDocument} gives its views this, never the window.
 */
interface JfrContext {
    Recording recording();

    RecordingSummary summary();

    /** The range dragged on the heap chart, or null for the whole recording. */
    ObjectProperty<JfrDocument.Range> rangeProperty();

    /** The range as an evidence locator, or null for the whole recording. */
    Locator.TimeRange rangeLocator();

    /** The recording's path as pinned evidence names it. */
    String artifactPath();

    /** Reads from the recording off the FX thread through the window's task runner. */
    <T> TaskRunner.Handle run(String title, TaskRunner.Work<T> work, Consumer<? super T> onSuccess,
            Consumer<Throwable> onFailure);

    void showError(String title, Throwable failure);

    /** Says something in the window's status line. */
    void status(String text);

    /** The recording's time span, for choosing among open heap dumps; unknown while there is no summary. */
    default dev.inquest.link.DumpChoice.Span span() {
        RecordingSummary s = summary();
        return s == null ? dev.inquest.link.DumpChoice.Span.UNKNOWN : dev.inquest.link.DumpChoice.Span.of(s.start(), s.durationMillis());
    }

    /** The jumps from a recording to the heap dumps open in the window. */
    ClassLinks links();

    /** Pins what the selected view offers, as Ctrl+P does (a card's own Pin button). */
    void pinSelection();

    /**
     * The other recordings open in the window, in tab order: a baseline to compare with is usually
     * one of them (issue 18: the file chooser came first although the other file was open).
     */
    java.util.List<java.nio.file.Path> otherRecordings();

    /** Opens {@code content} in a tab of its own (a comparison with another recording). */
    void openTab(String title, Node icon, Node content);
}
