package dev.inquest.jfr.alloc;

import java.util.List;

/**
 * Allocation tables, largest first.
 *
 * @param byClass    bytes per allocated class (from the allocation tree's leaves)
 * @param byTopFrame bytes per allocating method (the frame just above the allocated class)
 * @param byThread   per thread from jdk.ThreadAllocationStatistics; empty when not recorded
 */
public record AllocationTables(List<Row> byClass, List<Row> byTopFrame, List<ThreadRow> byThread, long total) {

    /** @param share of the tree's total, 0..1 */
    public record Row(String key, long bytes, double share) {
    }

    /**
     * @param allocatedDuringRecording last minus first counter value seen (0 with one sample)
     * @param allocatedSinceStart      the thread's counter at its last sample: bytes since the thread started
     */
    public record ThreadRow(String thread, long allocatedDuringRecording, long allocatedSinceStart) {
    }
}
