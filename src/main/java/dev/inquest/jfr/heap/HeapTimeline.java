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
        /** Fewer GCs than this and the slope is noise. */
        public static final int MIN_GCS_FOR_RATE = 3;
        /** GCs spanning less than this and a per-minute rate extrapolates beyond what was observed. */
        public static final Duration MIN_SPAN_FOR_RATE = Duration.ofMinutes(1);

        /**
         * True when the slope may be stated as a per-minute rate: enough GCs over at least a minute.
         * A 1.7 s recording once printed "+4.2 GB / min"; below these bounds the faces say why no
         * rate is given instead of printing one.
         */
        public boolean rateStated() {
            return collections >= MIN_GCS_FOR_RATE && span != null && span.compareTo(MIN_SPAN_FOR_RATE) >= 0;
        }
    }
}
