package dev.inquest.jfr;

import dev.inquest.input.FileKind;
import dev.inquest.input.FileProblems;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * The phases of a recording's open ({@link Recording#open} then {@link Recording#summary}), with
 * each one's rough share of the whole and the whole's expected length from the file's size: what
 * a watcher needs to estimate the time left before the work has said much
 * ({@link dev.inquest.progress.PhaseLog}), as {@code heap.model.OpenPhases} is for a dump.
 *
 * <p>The names are those the engine reports (a test opens a recording and checks each one it
 * reports is here). Inflating a gzip recording is not among the shares: a copy inflated before
 * comes from the cache without that phase, so its time counts only in the prior, from the file's
 * size. The flame trees are not part of the open: each view reads its own when first shown.
 *
 * <p>The throughput: {@code jfr summary} on the issue 5 benchmark's 242 MB recording (15M events)
 * took 7.9 s on a loaded 2-core machine including the JVM's start, about 3 s quiet; the figure
 * below is between. It only seeds the estimate, which the phases' real times correct.
 */
public final class OpenPhases {
    /** Inflating a gzip recording into the cache ("Inflating NAME.jfr.gz"). */
    public static final String INFLATING = "Inflating";
    /** Walking the chunk headers: which chunks are complete, whether the format is readable. */
    public static final String SCANNING = "Scanning chunks";
    /** Reading every chunk to count its events by type and pick up the JVM's configuration. */
    public static final String COUNTING = "Counting events";

    /** Bytes of recording the open counts per second on a 2-core laptop. */
    private static final long BYTES_PER_SECOND = 60L << 20;
    /** Bytes of gzip input inflated per second, and how much a recording shrinks in gzip. */
    private static final long GZIP_BYTES_PER_SECOND = 40L << 20;
    private static final int GZIP_RATIO = 5;

    /** Phase name (as the engine reports it) to its share of an open. */
    public static final Map<String, Double> SHARES = Map.of(
            SCANNING, 0.02,
            COUNTING, 0.98);

    private OpenPhases() {
    }

    /**
     * The expected length of the open of {@code file}, from its size and whether it is gzip; reads
     * its first bytes, so call it off the FX thread.
     */
    public static long expectedMillis(Path file) throws IOException {
        FileProblems.requireRegularFile(file); // a FIFO would block the read below
        byte[] head;
        try (InputStream in = Files.newInputStream(file)) {
            head = in.readNBytes(2);
        }
        return expectedMillis(Files.size(file), FileKind.isGzip(head));
    }

    /**
     * The expected length of the open of a recording of {@code bytes} on disk, in milliseconds.
     *
     * @param compressed whether the file is gzip (its events are about five times its size, and
     *                   inflating them comes first)
     */
    public static long expectedMillis(long bytes, boolean compressed) {
        long events = compressed ? bytes * GZIP_RATIO : bytes;
        long millis = events * 1000 / BYTES_PER_SECOND + (compressed ? bytes * 1000 / GZIP_BYTES_PER_SECOND : 0);
        return Math.max(200, millis);
    }
}
