package dev.inquest.jfr.read;

import dev.inquest.jfr.events.EventColumn;
import dev.inquest.jfr.events.EventQuery;
import dev.inquest.jfr.events.EventRow;
import dev.inquest.jfr.events.EventStack;
import dev.inquest.jfr.events.EventTable;
import dev.inquest.jfr.load.ChunkCopy;
import dev.inquest.jfr.load.JfrSource;
import dev.inquest.progress.Progress;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import jdk.jfr.EventType;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordingFile;

/**
 * The event browser's table: per chunk a copy cut down to the query's type, its number of matches
 * and, when a filter is set, the positions of its matches ({@code int}s, not events). A page reads
 * the copy of the chunk it falls in from the start, or goes on from where the last page stopped
 * (scrolling down reads each event once). Events come in the order the chunk holds them.
 */
public final class EventTableReader implements EventTable {
    private final JfrSource source;
    private final EventQuery query;
    private final Chunk[] chunks;
    private final String needle;
    private List<EventColumn> columns;
    private boolean hasStack;
    /** Where the last page stopped, to go on from there; guarded by {@code this}. */
    private Cursor cursor;
    /** Once closed, no chunk is copied again (a count still running would leave its copies behind). */
    private volatile boolean closed;

    private EventTableReader(JfrSource source, EventQuery query) {
        this.source = source;
        this.query = query;
        this.needle = query.text() == null ? null : query.text().toLowerCase(Locale.ROOT);
        this.chunks = new Chunk[source.chunks().size()];
        for (int i = 0; i < chunks.length; i++) {
            chunks[i] = new Chunk(i);
        }
    }

    /** Opens the table: reads the chunks up to the first that holds the type, for its columns. */
    public static EventTableReader open(JfrSource source, EventQuery query, Progress progress) throws IOException {
        EventTableReader t = new EventTableReader(source, query);
        try {
            t.findColumns(progress);
        } catch (IOException | RuntimeException e) {
            t.close();
            throw e;
        }
        return t;
    }

    private void findColumns(Progress progress) throws IOException {
        for (Chunk c : chunks) {
            progress.checkCancelled();
            // Copied even when the range or the filters leave nothing of it: the columns are the type's.
            ChunkCopy copy = c.copy(true);
            if (copy != null) {
                EventType type = typeIn(copy);
                if (type != null) {
                    columns = EventValues.columns(type);
                    hasStack = EventValues.hasStack(type);
                    return;
                }
            }
        }
        columns = List.of();
    }

    private EventType typeIn(ChunkCopy copy) throws IOException {
        try (RecordingFile f = new RecordingFile(copy.file())) {
            for (EventType t : f.readEventTypes()) {
                if (t.getName().equals(query.type())) {
                    return t;
                }
            }
        } catch (IOException | RuntimeException unreadable) {
            // The page reads find and name the damage; here the type is only not found.
            return null;
        }
        return null;
    }

    @Override
    public EventQuery query() {
        return query;
    }

    @Override
    public List<EventColumn> columns() {
        return columns;
    }

    @Override
    public long size(Progress progress) throws IOException {
        java.util.Map<String, Long> counts = source.counts();
        if (!query.filtersEvents() && counts != null && source.damage().isEmpty()) {
            // The summary's raw scan counted the type in every chunk: no need to copy them all now.
            return counts.getOrDefault(query.type(), 0L);
        }
        progress.phase("Finding " + query.type() + " events", chunks.length, Progress.Unit.ITEMS);
        long n = 0;
        for (Chunk c : chunks) {
            progress.checkCancelled();
            if (c.countIfKnown() < 0) {
                countAhead(c.index);
            }
            n += c.ensure(progress);
            progress.progress(c.index + 1);
        }
        return n;
    }

    @Override
    public long sizeSoFar() {
        long n = 0;
        for (Chunk c : chunks) {
            n += c.countIfKnown();
        }
        return n;
    }

    @Override
    public boolean sizeKnown() {
        for (Chunk c : chunks) {
            if (c.countIfKnown() < 0) {
                return false;
            }
        }
        return true;
    }

    @Override
    public List<EventRow> rows(long from, int count, Progress progress) throws IOException {
        List<EventRow> out = new ArrayList<>(Math.min(count, 4096));
        long before = 0;
        for (Chunk c : chunks) {
            if (out.size() >= count) {
                break;
            }
            if (c.countIfKnown() < 0) {
                countAhead(c.index);
            }
            long n = c.ensure(progress);
            long end = from + count;
            if (before + n > from && before < end) {
                int local = (int) Math.max(0, from - before);
                int upto = (int) Math.min(n, end - before);
                read(c, local, upto, before, out, progress);
            }
            before += n;
        }
        return out;
    }

    /** Rows {@code [local, upto)} of the chunk's matches, appended to {@code out}. */
    private synchronized void read(Chunk c, int local, int upto, long before, List<EventRow> out, Progress progress)
            throws IOException {
        for (int m = local; m < upto; m++) {
            int ordinal = c.ordinal(m);
            RecordedEvent e = eventAt(c, ordinal, progress);
            if (e == null) {
                return; // the chunk holds fewer than its index said: damaged since, named by the source
            }
            out.add(row(e, before + m, c.index, ordinal));
        }
    }

    /**
     * While this thread counts chunk {@code at}'s matches (a copy and, with a filter, a scan), the
     * read-ahead thread counts the next chunk not counted yet: a filter's count, or a jump past
     * chunks not read yet, can take down to half as long on two cores (not measured).
     */
    private synchronized void countAhead(int at) {
        if (!query.filtersEvents() && source.chunkCounts() != null) {
            return; // each chunk's count is the summary's: nothing to read ahead
        }
        for (int i = at + 1; i < chunks.length; i++) {
            Chunk next = chunks[i];
            if (next.countIfKnown() >= 0 || next.countingAhead) {
                continue;
            }
            next.countingAhead = true;
            AHEAD.execute(() -> {
                try {
                    if (!closed) {
                        next.ensure(Progress.NONE);
                    }
                } catch (IOException | RuntimeException skipped) {
                    // Closed meanwhile, or damaged: the page that needs the chunk reads it again and says so.
                }
            });
            return;
        }
    }

    /**
     * The read-ahead thread, shared by every table; it ends when idle. (Copying the next chunk ahead
     * while scrolling was tried: on two cores, pages read back to back, it slowed the pages more
     * than it saved at the chunk boundary.)
     */
    private static final java.util.concurrent.ExecutorService AHEAD = new java.util.concurrent.ThreadPoolExecutor(0, 1,
            5, java.util.concurrent.TimeUnit.SECONDS, new java.util.concurrent.LinkedBlockingQueue<>(), r -> {
                Thread t = new Thread(r, "jfr-events-read-ahead");
                t.setDaemon(true);
                return t;
            });

    private EventRow row(RecordedEvent e, long index, int chunk, int ordinal) {
        Object[] values = new Object[columns.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = EventValues.value(e, columns.get(i));
        }
        return new EventRow(index, chunk, ordinal, java.util.Collections.unmodifiableList(Arrays.asList(values)),
                hasStack && e.getStackTrace() != null);
    }

    @Override
    public synchronized EventStack stack(EventRow row, Progress progress) throws IOException {
        RecordedEvent e = eventAt(chunks[row.chunk()], row.ordinal(), progress);
        RecordedStackTrace st = e == null ? null : e.getStackTrace();
        if (st == null) {
            return EventStack.NONE;
        }
        List<String> frames = new ArrayList<>(st.getFrames().size());
        for (RecordedFrame f : st.getFrames()) {
            int line = f.getLineNumber();
            frames.add(FrameNames.method(f.getMethod()) + (line > 0 ? ":" + line : "")
                    + (f.getType() == null || f.getType().isEmpty() ? "" : " (" + f.getType() + ")"));
        }
        return new EventStack(List.copyOf(frames), st.isTruncated());
    }

    /**
     * The chunk's event of the type at {@code ordinal}, going on from the cursor when it is a little
     * before it; else from the copy's nearest mark at or before it (a jump, or a step back, parses at
     * most a mark's span of events), or from the copy's start when it has no marks.
     */
    private RecordedEvent eventAt(Chunk c, int ordinal, Progress progress) throws IOException {
        ChunkCopy copy = c.copy(false);
        if (copy == null) {
            return null;
        }
        long[] marks = copy.marks();
        if (cursor == null || cursor.chunk != c.index || cursor.next > ordinal
                || (marks != null && ordinal - cursor.next >= GO_ON)) {
            closeCursor();
            int m = marks == null ? 0 : Math.min(ordinal / ChunkCopy.MARK, marks.length - 2);
            if (m > 0) {
                java.nio.file.Path tail = copy.from(m);
                try {
                    cursor = new Cursor(c.index, new RecordingFile(tail), tail);
                } catch (IOException | RuntimeException e) {
                    Files.deleteIfExists(tail);
                    throw e;
                }
                cursor.next = m * ChunkCopy.MARK;
            } else {
                cursor = new Cursor(c.index, new RecordingFile(copy.file()), null);
            }
        }
        try {
            while (cursor.file.hasMoreEvents()) {
                RecordedEvent e = cursor.file.readEvent();
                if (!e.getEventType().getName().equals(query.type())) {
                    continue; // a chunk copied whole holds the other types too
                }
                int at = cursor.next++;
                if ((at & 8191) == 0) {
                    progress.checkCancelled();
                }
                if (at == ordinal) {
                    return e;
                }
            }
        } catch (IOException | RuntimeException damaged) {
            closeCursor();
            ChunkCopy.damaged(source, c.index, "the JDK's parser cannot read it (" + damaged + ")");
            return null;
        }
        return null;
    }

    private void closeCursor() {
        if (cursor != null) {
            try {
                cursor.file.close();
            } catch (IOException ignored) {
                // a read-only file: nothing to lose
            }
            if (cursor.tail != null) {
                try {
                    Files.deleteIfExists(cursor.tail);
                } catch (IOException ignored) {
                    // the cache's sweep removes what is left
                }
            }
            cursor = null;
        }
    }

    @Override
    public boolean partial() {
        return source.truncation().isPresent() || !source.damage().isEmpty();
    }

    @Override
    public synchronized void close() {
        closed = true;
        closeCursor();
        for (Chunk c : chunks) {
            c.delete();
        }
    }

    /**
     * Events ahead of the cursor that are read through rather than jumped to from a mark: opening a
     * cut copy parses its constant pools again, which costs about as much as parsing this many events.
     */
    private static final int GO_ON = 4 * ChunkCopy.MARK;

    /**
     * An open copy of one chunk (or of its tail from a mark, a file of the cursor's own) and the
     * ordinal of the next event of the type it will read.
     */
    private static final class Cursor {
        final int chunk;
        final RecordingFile file;
        final java.nio.file.Path tail;
        int next;

        Cursor(int chunk, RecordingFile file, java.nio.file.Path tail) {
            this.chunk = chunk;
            this.file = file;
            this.tail = tail;
        }
    }

    /** One chunk's share of the table, worked out on first need. */
    private final class Chunk {
        final int index;
        private ChunkCopy copy;
        private boolean copied;
        /** Matches in the chunk, -1 until known. */
        private long count = -1;
        /** The ordinals of the matches, or null when every event of the type matches. */
        private int[] matches;
        /** Whether the read-ahead thread was asked to count its matches; guarded by the table. */
        boolean countingAhead;

        Chunk(int index) {
            this.index = index;
        }

        synchronized long countIfKnown() {
            return count;
        }

        synchronized ChunkCopy copy(boolean evenEmpty) throws IOException {
            if (closed) {
                throw new java.util.concurrent.CancellationException("the event table is closed");
            }
            if (!copied || (copy == null && evenEmpty)) {
                copy = ChunkCopy.of(source, index, Set.of(query.type()), evenEmpty);
                copied = true;
            }
            return copy;
        }

        int ordinal(int match) {
            return matches == null ? match : matches[match];
        }

        /** The number of matches, reading the chunk when the filters need its events. */
        synchronized long ensure(Progress progress) throws IOException {
            if (count >= 0) {
                return count;
            }
            java.util.List<java.util.Map<String, Long>> known = source.chunkCounts();
            if (!query.filtersEvents() && known != null && source.damage().isEmpty()) {
                // The summary's raw scan counted the type in this chunk: a page further on needs no copy of it.
                count = known.get(index).getOrDefault(query.type(), 0L);
                return count;
            }
            long[] span = ChunkCopy.span(source, index);
            long from = query.from() == null ? Long.MIN_VALUE : nanos(query.from());
            long to = query.to() == null ? Long.MAX_VALUE : nanos(query.to());
            if (span[1] < from || span[0] >= to) {
                count = 0; // outside the range: not even copied
                return count;
            }
            ChunkCopy c = copy(false);
            if (c == null) {
                count = 0;
                return count;
            }
            boolean inside = span[0] >= from && span[1] < to;
            if (c.events() >= 0 && inside && query.thread() == null && needle == null) {
                count = c.events();
                return count;
            }
            scan(c, from, to, progress);
            return count;
        }

        private void scan(ChunkCopy c, long from, long to, Progress progress) throws IOException {
            String thread = query.thread() == null ? null : query.thread().toLowerCase(Locale.ROOT);
            int[] found = new int[1024];
            int n = 0;
            int ordinal = 0;
            boolean all = true;
            try (RecordingFile f = new RecordingFile(c.file())) {
                while (f.hasMoreEvents()) {
                    RecordedEvent e = f.readEvent();
                    if (!e.getEventType().getName().equals(query.type())) {
                        continue;
                    }
                    int at = ordinal++;
                    if ((at & 8191) == 0) {
                        progress.checkCancelled();
                    }
                    if (!matches(e, from, to, thread)) {
                        all = false;
                        continue;
                    }
                    if (n == found.length) {
                        found = Arrays.copyOf(found, n * 2);
                    }
                    found[n++] = at;
                }
            } catch (IOException | RuntimeException damaged) {
                ChunkCopy.damaged(source, index, "the JDK's parser cannot read it (" + damaged + ")");
                count = 0;
                return;
            }
            matches = all ? null : Arrays.copyOf(found, n);
            count = n;
        }

        private boolean matches(RecordedEvent e, long from, long to, String thread) {
            Instant start = e.getStartTime();
            long t = nanos(start);
            if (t < from || t >= to) {
                return false;
            }
            if (thread != null) {
                String name = e.getThread() == null ? null : EventValues.threadName(e.getThread());
                if (name == null || !name.toLowerCase(Locale.ROOT).contains(thread)) {
                    return false;
                }
            }
            if (needle != null) {
                for (EventColumn col : columns) {
                    String text = col.format(EventValues.value(e, col));
                    if (text.toLowerCase(Locale.ROOT).contains(needle)) {
                        return true;
                    }
                }
                return false;
            }
            return true;
        }

        synchronized void delete() {
            if (copy != null) {
                try {
                    Files.deleteIfExists(copy.file());
                } catch (IOException ignored) {
                    // the cache's sweep removes what is left
                }
                copy = null;
            }
        }
    }

    private static long nanos(Instant i) {
        return i.getEpochSecond() * 1_000_000_000L + i.getNano();
    }
}
