package dev.inquest.jfr.events;

import dev.inquest.progress.Progress;
import java.io.IOException;
import java.util.List;

/**
 * The events of one type that a query matched, read page by page: it remembers where each chunk's
 * matches are (a count, or their positions when a filter is set), never the events themselves, so
 * a million events cost a few megabytes and each page reads one chunk's share of the file.
 * Thread-safe; close it to delete the chunk copies it keeps on disk.
 */
public interface EventTable extends AutoCloseable {
    EventQuery query();

    /** The type's fields in table order (the stack trace is not a column: {@link #stack}). */
    List<EventColumn> columns();

    /**
     * How many events matched. Reads the chunks not read yet (the first page reads only the
     * chunks it needs).
     */
    long size(Progress progress) throws IOException;

    /** The number of matches known so far, and whether that is all of them. */
    long sizeSoFar();

    boolean sizeKnown();

    /** Up to {@code count} matching events from {@code from} (fewer at the end). */
    List<EventRow> rows(long from, int count, Progress progress) throws IOException;

    /** The stack trace of a row of this table. */
    EventStack stack(EventRow row, Progress progress) throws IOException;

    /** Whether events are missing (the file is cut short or a chunk is damaged). */
    boolean partial();

    @Override
    void close();
}
