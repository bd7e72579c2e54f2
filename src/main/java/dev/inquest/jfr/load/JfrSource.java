package dev.inquest.jfr.load;

import dev.inquest.jfr.summary.ChunkDamage;
import dev.inquest.jfr.summary.Truncation;
import dev.inquest.input.BadInputException;
import dev.inquest.input.FileKind;
import dev.inquest.progress.Progress;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.zip.GZIPInputStream;

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
    private final List<Path> temps = new ArrayList<>();
    // Damaged chunks: those whose header the scan rejected, and those a read found damaged since
    // (keyed by where the damage is, so they list in file order). Reads skip them.
    private final java.util.concurrent.ConcurrentSkipListMap<Long, ChunkDamage> damage =
            new java.util.concurrent.ConcurrentSkipListMap<>();
    private final java.util.Set<Long> skipped = java.util.concurrent.ConcurrentHashMap.newKeySet();

    private JfrSource(Path file, Path work, boolean compressed, ChunkScanner.Layout layout) {
        this.file = file;
        this.work = work;
        this.compressed = compressed;
        this.layout = layout;
        for (ChunkDamage d : layout.damaged()) {
            damage.put(d.offset(), d);
        }
    }

    /** Opens {@code file} (plain or gzip), failing with {@link BadInputException} for what cannot be read. */
    public static JfrSource open(Path file, Progress progress) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new NoSuchFileException(file.toString());
        }
        byte[] head;
        try (InputStream in = Files.newInputStream(file)) {
            head = in.readNBytes(2);
        }
        Path work = file;
        boolean gz = FileKind.isGzip(head);
        if (gz) {
            work = inflate(file, progress);
        }
        try {
            ChunkScanner.Layout layout = ChunkScanner.scan(work, file);
            JfrSource s = new JfrSource(file, work, gz, layout);
            if (gz) {
                s.temps.add(work);
            }
            return s;
        } catch (IOException | RuntimeException e) {
            if (gz) {
                Files.deleteIfExists(work);
            }
            throw e;
        }
    }

    private static Path inflate(Path file, Progress progress) throws IOException {
        Path out = Files.createTempFile(CacheDir.get(), "inflated-", ".jfr");
        long compressedSize = Files.size(file);
        progress.phase("Inflating " + file.getFileName(), compressedSize, Progress.Unit.BYTES);
        try (CountingInput counting = new CountingInput(Files.newInputStream(file));
             InputStream in = new GZIPInputStream(counting, 1 << 16);
             OutputStream os = Files.newOutputStream(out)) {
            byte[] buf = new byte[1 << 16];
            int n;
            try {
                while ((n = in.read(buf)) > 0) {
                    os.write(buf, 0, n);
                    progress.progress(counting.count);
                    progress.checkCancelled();
                }
            } catch (java.io.EOFException e) {
                // A gzip cut short still yields its inflated prefix: the chunk scan then reports
                // the incomplete chunk like any other truncated recording.
            } catch (java.util.zip.ZipException e) {
                Files.deleteIfExists(out);
                throw new BadInputException(file, "corrupt gzip data (" + e.getMessage() + ")", counting.count);
            }
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(out);
            throw e;
        }
        return out;
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
        for (Path p : temps) {
            Files.deleteIfExists(p);
        }
        temps.clear();
    }

    private static final class CountingInput extends java.io.FilterInputStream {
        long count;

        CountingInput(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count++;
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                count += n;
            }
            return n;
        }
    }
}
