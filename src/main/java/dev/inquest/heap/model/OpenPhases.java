package dev.inquest.heap.model;

import java.util.Map;

/**
 * The phases of a dump's first open, with each one's rough share of the whole and the whole's
 * expected length from the file's size: what a watcher needs to estimate the time left before
 * the work has said much ({@link dev.inquest.progress.PhaseLog}).
 *
 * <p>The shares are the phases' times in {@code bench/heap/window-open.sh}'s run on the 1.1 GB
 * benchmark dump (15M objects, 2 cores), which prints them; the throughput is the issue 3
 * benchmark's first open on a quiet machine (about 10 s). They only seed the estimate, which the
 * phases' real times correct as they finish.
 */
public final class OpenPhases {
    /** Bytes of dump a first open gets through per second on a 2-core laptop. */
    private static final long BYTES_PER_SECOND = 100L << 20;

    /** Phase name (as the engine reports it) to its share of a first open. */
    public static final Map<String, Double> SHARES = Map.of(
            "Reading records", 0.03,
            "Scanning heap records", 0.22,
            "Sorting object ids", 0.09,
            "Extracting references", 0.23,
            // Not on every open's path (unreachable objects kept, inbound edges built): small on purpose.
            "Marking reachable objects", 0.02,
            "Inbound references", 0.02,
            "Dominators", 0.22,
            "Retained sizes", 0.12,
            "Writing index", 0.05);

    private OpenPhases() {
    }

    /** The expected length of a first open of a dump of {@code bytes}, in milliseconds. */
    public static long expectedMillis(long bytes) {
        return Math.max(200, bytes * 1000 / BYTES_PER_SECOND);
    }
}
