package dev.inquest.jfr.load;

import dev.inquest.input.GzipCache;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Set;

/**
 * One chunk of a recording written to a file of its own, cut down to the wanted event types when
 * {@link ChunkFilter} can: the event browser reads a chunk at a time, page by page, and keeps these
 * copies (small: one type's events and the chunk's pools) for the pages that follow. Named as the
 * cache's slices are ({@code chunk-*.jfr}), so a copy a killed process left is swept.
 *
 * @param file   the copy, in the cache directory; the caller deletes it
 * @param events events of the wanted types in it, or -1 when the chunk was copied whole (not counted)
 * @param marks  where in the file every {@link #MARK}-th event starts (event 0, MARK, 2 MARK...),
 *               when the copy holds the wanted events alone, first and in start-time order; else
 *               null. {@link #from} cuts the copy there, so a page deep in a chunk is found
 *               without the JDK parsing every event before it.
 */
public record ChunkCopy(Path file, long events, long[] marks) {
    /** Events between two marks: a jump parses at most this many events to reach its own. */
    public static final int MARK = 128;

    public ChunkCopy(Path file, long events) {
        this(file, events, null);
    }

    /**
     * Copies chunk {@code index} of {@code source}; empty (null) when the chunk is damaged (the
     * source records it, as every read does) or holds none of the wanted events.
     */
    public static ChunkCopy of(JfrSource source, int index, Set<String> wanted) throws IOException {
        return of(source, index, wanted, false);
    }

    /** As {@link #of(JfrSource, int, Set)}; {@code evenEmpty} copies a chunk without wanted events too (its metadata). */
    public static ChunkCopy of(JfrSource source, int index, Set<String> wanted, boolean evenEmpty) throws IOException {
        ChunkHeader c = source.chunks().get(index);
        if (source.skipped(c)) {
            return null;
        }
        try {
            ChunkFilter.Result r;
            try {
                r = ChunkFilter.filter(source.work(), c, wanted);
            } catch (ChunkFilter.Damaged d) {
                source.damaged(c, d.position, d.getMessage());
                return null;
            }
            if (r != null && r.keptEvents() == 0 && !evenEmpty) {
                return null;
            }
            Path out = Files.createTempFile(GzipCache.cacheDir(), "chunk-", ".jfr");
            try (FileChannel ch = FileChannel.open(out, StandardOpenOption.WRITE)) {
                if (r != null) {
                    Sorted sorted = byStartTime(r.chunk(), r.keptEvents());
                    ByteBuffer b = ByteBuffer.wrap(sorted.chunk);
                    while (b.hasRemaining()) {
                        ch.write(b);
                    }
                    ChunkReader.setClock(ch, 0, c, source.chunks().getFirst());
                    return new ChunkCopy(out, r.keptEvents(), sorted.marks);
                }
                try {
                    ChunkFilter.validate(source.work(), c);
                } catch (ChunkFilter.Damaged d) {
                    source.damaged(c, d.position, d.getMessage());
                    Files.deleteIfExists(out);
                    return null;
                }
                try (FileChannel in = FileChannel.open(source.work())) {
                    long copied = 0;
                    while (copied < c.size()) {
                        copied += in.transferTo(c.offset() + copied, c.size() - copied, ch);
                    }
                }
                ChunkReader.setClock(ch, 0, c, source.chunks().getFirst());
                return new ChunkCopy(out, -1);
            } catch (IOException | RuntimeException e) {
                Files.deleteIfExists(out);
                throw e;
            }
        } finally {
            // Browsing threads are the window's pool: do not keep a chunk-sized buffer on each.
            ChunkFilter.releaseBuffer();
        }
    }

    /**
     * The event types the chunks' metadata describe, read by the JDK from each chunk's metadata
     * alone (no event is parsed); null when the file's chunks do not chain to its end (cut short
     * or damaged), where the caller reads a chunk's copy instead.
     */
    public static java.util.List<jdk.jfr.EventType> eventTypes(JfrSource source) {
        if (source.truncation().isPresent() || !source.damage().isEmpty()) {
            return null;
        }
        try (jdk.jfr.consumer.RecordingFile f = new jdk.jfr.consumer.RecordingFile(source.work())) {
            return f.readEventTypes();
        } catch (IOException | RuntimeException unreadable) {
            return null;
        }
    }

    /**
     * The filtered chunk with its events in start-time order (the JDK reads a chunk's events in
     * file order, each thread's buffer as it was flushed), so the browser's pages run forward in
     * time. The metadata and constant pools go after the events, in their order, their links
     * (the header's offsets, each pool's 9-byte delta to the previous one, as {@link ChunkFilter}
     * writes them) moved with them. A chunk laid out otherwise is returned as it is.
     */
    static byte[] byStartTime(byte[] chunk) {
        return byStartTime(chunk, -1).chunk;
    }

    /** A chunk's bytes and, when its events lead it in start-time order, where every MARK-th one is. */
    record Sorted(byte[] chunk, long[] marks) {
    }

    /**
     * As {@link #byStartTime(byte[])}, with the marks of the sorted events when the chunk holds
     * exactly {@code wanted} events (all of the wanted types: the filter kept nothing else).
     */
    static Sorted byStartTime(byte[] chunk, long wanted) {
        try {
            long[][] marks = new long[1][];
            byte[] out = sorted(chunk, marks);
            return new Sorted(out, out != chunk && marks[0] != null && wantedOnly(marks[0], wanted) ? marks[0] : null);
        } catch (RuntimeException unexpected) {
            return new Sorted(chunk, null); // file order is still a correct answer
        }
    }

    /** The marks' last slot holds the number of events sorted: they are the wanted ones alone. */
    private static boolean wantedOnly(long[] marks, long wanted) {
        return wanted >= 0 && marks[marks.length - 1] == wanted;
    }

    /**
     * Cuts this copy at mark {@code m}: a chunk file (in the cache directory; the caller deletes it)
     * whose events are this copy's from event {@code m * MARK} on, with the same metadata and
     * constant pools. The pools and metadata follow the events, so they move back by the bytes cut
     * and only the header's size and its two offsets change; the pools' links to each other are
     * relative and stay as they are.
     */
    public Path from(int m) throws IOException {
        if (marks == null || m < 0 || m >= marks.length - 1) {
            throw new IllegalArgumentException("no mark " + m);
        }
        long cut = marks[m] - ChunkHeader.SIZE;
        Path out = Files.createTempFile(GzipCache.cacheDir(), "chunk-", ".jfr");
        try (FileChannel in = FileChannel.open(file); FileChannel ch = FileChannel.open(out, StandardOpenOption.WRITE)) {
            ByteBuffer header = ByteBuffer.allocate(ChunkHeader.SIZE);
            while (header.hasRemaining() && in.read(header, header.position()) > 0) {
                // a header is read whole from a file this process wrote
            }
            header.putLong(8, header.getLong(8) - cut);
            header.putLong(16, header.getLong(16) - cut);
            header.putLong(24, header.getLong(24) - cut);
            header.flip();
            while (header.hasRemaining()) {
                ch.write(header);
            }
            long size = in.size();
            long at = marks[m];
            while (at < size) {
                at += in.transferTo(at, size - at, ch);
            }
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(out);
            throw e;
        }
        return out;
    }

    /**
     * The events' record numbers by start time, stable (events that start together keep their file
     * order). Sorted as primitive keys, the start's distance from the earliest above the record
     * number, when both fit in 63 bits (always, for a chunk's span of ticks): boxing 400,000
     * numbers for a comparator sort was most of the wait when scrolling crossed into a chunk.
     */
    static int[] order(long[] start, boolean[] event, int n, int events) {
        long min = Long.MAX_VALUE;
        long max = Long.MIN_VALUE;
        for (int i = 0; i < n; i++) {
            if (event[i]) {
                min = Math.min(min, start[i]);
                max = Math.max(max, start[i]);
            }
        }
        int[] order = new int[events];
        int indexBits = 64 - Long.numberOfLeadingZeros(Math.max(1, n));
        long span = max - min; // negative when the span overflows
        if (events > 0 && span >= 0 && 64 - Long.numberOfLeadingZeros(span) + indexBits <= 63) {
            long[] keys = new long[events];
            int k = 0;
            for (int i = 0; i < n; i++) {
                if (event[i]) {
                    keys[k++] = (start[i] - min) << indexBits | i;
                }
            }
            java.util.Arrays.sort(keys);
            long mask = (1L << indexBits) - 1;
            for (int i = 0; i < events; i++) {
                order[i] = (int) (keys[i] & mask);
            }
            return order;
        }
        Integer[] boxed = new Integer[events];
        int k = 0;
        for (int i = 0; i < n; i++) {
            if (event[i]) {
                boxed[k++] = i;
            }
        }
        java.util.Arrays.sort(boxed, java.util.Comparator.comparingLong((Integer i) -> start[i]));
        for (int i = 0; i < events; i++) {
            order[i] = boxed[i];
        }
        return order;
    }

    private static byte[] sorted(byte[] c, long[][] marksOut) {
        ByteBuffer b = ByteBuffer.wrap(c);
        int size = (int) b.getLong(8);
        if (size != c.length) {
            return c;
        }
        int n = 0;
        int[] pos = new int[1024];
        int[] len = new int[1024];
        long[] start = new long[1024];
        boolean[] event = new boolean[1024];
        int[] at = {ChunkHeader.SIZE};
        int events = 0;
        while (at[0] < size) {
            int p = at[0];
            long l = varLong(c, at);
            long type = varLong(c, at);
            if (l <= 0 || p + l > size) {
                return c;
            }
            if (n == pos.length) {
                pos = java.util.Arrays.copyOf(pos, n * 2);
                len = java.util.Arrays.copyOf(len, n * 2);
                start = java.util.Arrays.copyOf(start, n * 2);
                event = java.util.Arrays.copyOf(event, n * 2);
            }
            pos[n] = p;
            len[n] = (int) l;
            event[n] = type > 1; // 0 metadata, 1 constant pool
            // Every event's first field is its start time (ticks); metadata and pools have one there too.
            start[n] = varLong(c, at);
            if (event[n]) {
                events++;
            }
            n++;
            at[0] = p + (int) l;
        }
        int[] order = order(start, event, n, events);
        byte[] out = new byte[size];
        System.arraycopy(c, 0, out, 0, ChunkHeader.SIZE);
        int w = ChunkHeader.SIZE;
        // Every MARK-th event's place in the sorted copy; the last slot, the number of events.
        long[] marks = new long[(events + MARK - 1) / MARK + 1];
        int e = 0;
        for (int i : order) {
            if (e % MARK == 0) {
                marks[e / MARK] = w;
            }
            e++;
            System.arraycopy(c, pos[i], out, w, len[i]);
            w += len[i];
        }
        marks[marks.length - 1] = events;
        java.util.Map<Integer, Integer> moved = new java.util.HashMap<>();
        for (int i = 0; i < n; i++) {
            if (!event[i]) {
                moved.put(pos[i], w);
                System.arraycopy(c, pos[i], out, w, len[i]);
                w += len[i];
            }
        }
        // The pools' chain: each delta (the fifth value of a pool record, 9 bytes wide) to its neighbour.
        for (int i = 0; i < n; i++) {
            if (event[i]) {
                continue;
            }
            int[] cur = {pos[i]};
            varLong(c, cur);
            long type = varLong(c, cur);
            if (type != 1) {
                continue;
            }
            varLong(c, cur);
            varLong(c, cur);
            int deltaAt = cur[0];
            long delta = varLong(c, cur);
            if (cur[0] - deltaAt != 9) {
                return c; // not as ChunkFilter writes pools: leave the order alone
            }
            long newDelta = 0;
            if (delta != 0) {
                Integer target = moved.get((int) (pos[i] + delta));
                if (target == null) {
                    return c;
                }
                newDelta = target - moved.get(pos[i]);
            }
            writePadded(out, moved.get(pos[i]) + (deltaAt - pos[i]), newDelta);
        }
        ByteBuffer o = ByteBuffer.wrap(out);
        for (int field : new int[] {16, 24}) {
            Integer to = moved.get((int) b.getLong(field));
            if (to == null) {
                return c;
            }
            o.putLong(field, to);
        }
        marksOut[0] = marks;
        return out;
    }

    private static long varLong(byte[] a, int[] at) {
        long v = 0;
        for (int shift = 0; shift < 56; shift += 7) {
            byte x = a[at[0]++];
            v |= (long) (x & 0x7f) << shift;
            if (x >= 0) {
                return v;
            }
        }
        return v | ((long) (a[at[0]++] & 0xff) << 56);
    }

    /** {@code v} as a LEB128 value of exactly 9 bytes (every JFR reader accepts the padding). */
    private static void writePadded(byte[] a, int at, long v) {
        for (int i = 0; i < 8; i++) {
            a[at + i] = (byte) ((v & 0x7f) | 0x80);
            v >>>= 7;
        }
        a[at + 8] = (byte) v;
    }

    /** Records that a parse of this chunk's copy failed at its start: later reads skip it. */
    public static void damaged(JfrSource source, int index, String problem) {
        source.damaged(source.chunks().get(index), 0, problem);
    }

    /** The chunk's start and end on the recording's clock, in epoch nanoseconds. */
    public static long[] span(JfrSource source, int index) {
        ChunkHeader c = source.chunks().get(index);
        return new long[] {c.startNanos(), c.startNanos() + c.durationNanos()};
    }
}
