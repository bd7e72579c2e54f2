package dev.inquest.heap.model;

import java.util.Map;

/**
 * The phases of a dump's first open, with each one's rough share of the whole and the whole's
 * expected length from the file's size: what a watcher needs to estimate the time left before
 * the work has said much ({@link dev.inquest.progress.PhaseLog}).
 *
 * <p>The shares and the throughput are measured on the issue 3 benchmark's dump (1.1 GB, 15M
 * objects, 2 cores: about 10 s, {@code bench/heap/window-open.sh} prints the phases); they only
 * seed the estimate, which the phases' real times correct as they finish.
 */
public final class OpenPhases {
    /** Bytes of dump a first open gets through per second on a 2-core laptop. */
    private static final long BYTES_PER_SECOND = 100L << 20;

    /** Phase name (as the engine reports it) to its share of a first open. */
    public static final Map<String, Double> SHARES = Map.of(
            "Reading records", 0.04,
            "Scanning heap records", 0.22,
            "Sorting object ids", 0.06,
            "Extracting references", 0.20,
            "Marking reachable objects", 0.05,
            "Inbound references", 0.08,
            "Dominators", 0.22,
            "Retained sizes", 0.08,
            "Writing index", 0.05);

    private OpenPhases() {
    }

    /** The expected length of a first open of a dump of {@code bytes}, in milliseconds. */
    public static long expectedMillis(long bytes) {
        return Math.max(200, bytes * 1000 / BYTES_PER_SECOND);
    }
}
