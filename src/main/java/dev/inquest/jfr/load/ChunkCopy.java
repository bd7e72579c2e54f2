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
 */
public record ChunkCopy(Path file, long events) {

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
                    ByteBuffer b = ByteBuffer.wrap(r.chunk());
                    while (b.hasRemaining()) {
                        ch.write(b);
                    }
                    return new ChunkCopy(out, r.keptEvents());
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
