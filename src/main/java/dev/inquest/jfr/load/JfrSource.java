package dev.inquest.jfr.load;

import dev.inquest.jfr.summary.ChunkDamage;
import dev.inquest.jfr.summary.Truncation;
import dev.inquest.input.BadInputException;
import dev.inquest.input.FileKind;
import dev.inquest.input.FileProblems;
import dev.inquest.input.GzipCache;
import dev.inquest.format.Units;
import dev.inquest.progress.Progress;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * An opened recording: gzip inflated to a temp file, chunks scanned, the format checked. Readers
 * ({@link ChunkReader}) parse its complete chunks; a recording cut short keeps its complete
 * chunks readable and says, through {@link #truncation()}, what is missing.
 *
 * <p>The inflated copy of a gzip file lives in the user cache directory and is deleted by
 * {@link #close()}.
 */
public final class JfrSource implements AutoCloseable {
    private final Path file;
    private final Path work;
    private final boolean compressed;
    private final ChunkScanner.Layout layout;
    /** The cache's inflated copy of a plain gzip recording (kept there for the next open), else null. */
    private final GzipCache.Inflated copy;
    private boolean closed;
    // Damaged chunks: those whose header the scan rejected, and those a read found damaged since
    // (keyed by where the damage is, so they list in file order). Reads skip them.
    private final java.util.concurrent.ConcurrentSkipListMap<Long, ChunkDamage> damage =
            new java.util.concurrent.ConcurrentSkipListMap<>();
    private final java.util.Set<Long> skipped = java.util.concurrent.ConcurrentHashMap.newKeySet();

    private JfrSource(Path file, Path work, boolean compressed, ChunkScanner.Layout layout, GzipCache.Inflated copy) {
        this.file = file;
        this.copy = copy;
        this.work = work;
        this.compressed = compressed;
        this.layout = layout;
        for (ChunkDamage d : layout.damaged()) {
            damage.put(d.offset(), d);
        }
    }

    /** Opens {@code file} (plain or gzip), failing with {@link BadInputException} for what cannot be read. */
    public static JfrSource open(Path file, Progress progress) throws IOException {
        // Before anything opens it: a FIFO would block, a directory or device is named as such.
        FileProblems.requireRegularFile(file);
        byte[] head;
        try (InputStream in = Files.newInputStream(file)) {
            head = in.readNBytes(2);
        }
        boolean gz = FileKind.isGzip(head);
        if (!gz) {
            // A phase of its own (named in jfr.OpenPhases): the window's opening page lists it.
            progress.phase(SCANNING, -1, Progress.Unit.ITEMS);
            return new JfrSource(file, file, false, ChunkScanner.scan(file, file), null);
        }
        GzipCache.Inflated copy = GzipCache.inflate(file, GZIP_COPY, progress);
        // Held while open: reads reopen the copy by path, so another open's sweep must leave it.
        GzipCache.hold(copy.file());
        try {
            progress.phase(SCANNING, -1, Progress.Unit.ITEMS);
            return new JfrSource(file, copy.file(), true, ChunkScanner.scan(copy.file(), file), copy);
        } catch (IOException | RuntimeException e) {
            GzipCache.release(copy.file());
            if (e instanceof BadInputException) {
                copy.discard(); // not a recording we can read: the copy would only take disk
            }
            throw e;
        }
    }

    /**
     * A plain gzip recording's inflated copy in the shared cache: starts "FLR\0"; a damaged deflate
     * stream is corrupt gzip data at its byte, a cut one keeps its prefix (the chunk scan then
     * names the incomplete chunk); a copy too big for the disk is refused before it fills it.
     */
    /** The chunk scan's phase, as {@code jfr.OpenPhases.SCANNING} names it (load cannot import the API package: a cycle). */
    private static final String SCANNING = "Scanning chunks";

    private static final GzipCache.Format GZIP_COPY = new GzipCache.Format(".jfr",
            new byte[] {'F', 'L', 'R', 0}, false, (gz, needed, available, what, advice) ->
            new IOException(gz + ": " + what + ": needs about " + Units.bytes(needed) + ", " + Units.bytes(available)
                    + " free; " + advice));

    /** Event counts by type from the last count of every chunk (the summary's), or null before one. */
    private volatile java.util.Map<String, Long> counts;

    /** The same counts chunk by chunk (in {@link #chunks()} order), or null before a count of every chunk. */
    private volatile List<java.util.Map<String, Long>> chunkCounts;

    /** Keeps the counts a read of every chunk found: later questions about types need no second scan. */
    public void rememberCounts(java.util.Map<String, Long> byType) {
        counts = java.util.Map.copyOf(byType);
    }

    /**
     * As {@link #rememberCounts(java.util.Map)}, with the counts of each chunk (null when not known):
     * the event browser finds the chunk a page falls in without copying the chunks before it.
     */
    public void rememberCounts(java.util.Map<String, Long> byType, List<java.util.Map<String, Long>> byChunk) {
        rememberCounts(byType);
        chunkCounts = byChunk == null || byChunk.size() != chunks().size() ? null : List.copyOf(byChunk);
    }

    /** The counts of each chunk remembered by {@link #rememberCounts(java.util.Map, List)}, or null. */
    public List<java.util.Map<String, Long>> chunkCounts() {
        return chunkCounts;
    }

    /** The counts remembered by {@link #rememberCounts}, or null. */
    public java.util.Map<String, Long> counts() {
        return counts;
    }

    /** The user's file, as given. */
    public Path file() {
        return file;
    }

    public boolean compressed() {
        return compressed;
    }

    /** The complete chunks, in file order. */
    public List<ChunkHeader> chunks() {
        return layout.chunks();
    }

    public Optional<Truncation> truncation() {
        return Optional.ofNullable(layout.truncation());
    }

    /** The damaged chunks skipped so far, in file order: found by the scan, or by a read since. */
    public List<ChunkDamage> damage() {
        return List.copyOf(damage.values());
    }

    /** The cut and the damaged chunks so far, with their words for the user. */
    public dev.inquest.jfr.summary.RecordingDamage damageReport() {
        return new dev.inquest.jfr.summary.RecordingDamage(truncation().orElse(null), damage());
    }

    /** How many chunks the reads so far used: the complete ones, less those a read found damaged. */
    public int chunksRead() {
        return layout.chunks().size() - skipped.size();
    }

    /** Whether a read found {@code chunk} damaged: later reads skip it too. */
    boolean skipped(ChunkHeader chunk) {
        return skipped.contains(chunk.offset());
    }

    /** Records that {@code chunk} is damaged at {@code position} (relative to the chunk) and is not read. */
    void damaged(ChunkHeader chunk, long position, String problem) {
        if (skipped.add(chunk.offset())) {
            damage.put(chunk.offset() + position, new ChunkDamage(number(chunk), chunk.offset() + position, problem));
        }
    }

    /** The chunk's number in the file, from 1, counting the chunks the scan rejected. */
    int number(ChunkHeader chunk) {
        int n = 1;
        for (ChunkHeader c : layout.chunks()) {
            if (c.offset() < chunk.offset()) {
                n++;
            }
        }
        for (ChunkDamage d : layout.damaged()) {
            if (d.offset() < chunk.offset()) {
                n++;
            }
        }
        return n;
    }

    /** The uncompressed file the chunk offsets refer to (may hold an incomplete chunk at the end). */
    Path work() {
        return work;
    }

    /** Uncompressed bytes of the complete chunks. */
    public long readableBytes() {
        ChunkHeader last = chunks().getLast();
        return last.end();
    }

    public Instant start() {
        long nanos = chunks().stream().mapToLong(ChunkHeader::startNanos).min().orElse(0);
        return Instant.ofEpochSecond(0, nanos);
    }

    public Instant end() {
        long nanos = chunks().stream().mapToLong(c -> c.startNanos() + c.durationNanos()).max().orElse(0);
        return Instant.ofEpochSecond(0, nanos);
    }

    public Duration duration() {
        return Duration.between(start(), end());
    }

    @Override
    public synchronized void close() throws IOException {
        if (copy != null && !closed) {
            GzipCache.release(copy.file());
        }
        closed = true;
    }
}
