package dev.inquest.jfr.heap;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Heap over time, as the recording saw it: heap used before and after each GC, committed size,
 * the collections with their pauses and causes, resident set size and metaspace where recorded,
 * and the live-set trend.
 */
public record HeapTimeline(List<HeapSample> heap, List<Collection> collections, List<RssSample> rss,
                           List<MetaspaceSample> metaspace, LiveSetTrend trend) {

    /** jdk.GCHeapSummary: one before and one after each GC. */
    public record HeapSample(Instant time, long gcId, boolean afterGc, long used, long committed) {
    }

    /** jdk.GarbageCollection. */
    public record Collection(long gcId, Instant start, String name, String cause, Duration sumOfPauses,
                             Duration longestPause, long heapBefore, long heapAfter) {
    }

    /** jdk.ResidentSetSize (JDK 21+ on Linux). */
    public record RssSample(Instant time, long size, long peak) {
    }

    /** jdk.MetaspaceSummary around each GC. */
    public record MetaspaceSample(Instant time, long gcId, boolean afterGc, long used, long committed) {
    }

    /**
     * Slope of heap-after-GC over time (least squares), in bytes per minute.
     *
     * @param caveat why not to trust the slope (too few GCs, too short a span), or null
     */
    public record LiveSetTrend(double bytesPerMinute, int collections, Duration span, String caveat) {
    }
}
