package dev.inquest.jfr.read;

import static org.assertj.core.api.Assertions.assertThat;

import dev.inquest.jfr.heap.HeapTimeline;
import dev.inquest.link.RecordingEvidence;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Issue 18, point 8: a recording of 1.7 s printed "+4.2 GB / min" on the suspect card. The engine
 * computes the slope and says whether it may be stated as a rate; the sentence and the short figure
 * refuse a per-minute rate from a span too short or too few GCs.
 */
class LiveSetRateTest {
    private static final Instant T0 = Instant.parse("2026-01-01T10:00:00Z");

    /** GCs {@code stepMillis} apart, each leaving {@code growth} more bytes live. */
    private static List<HeapTimeline.HeapSample> gcs(int n, long stepMillis, long growth) {
        List<HeapTimeline.HeapSample> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Instant t = T0.plusMillis(i * stepMillis);
            out.add(new HeapTimeline.HeapSample(t, i, false, 500_000_000L + i * growth, 1L << 31));
            out.add(new HeapTimeline.HeapSample(t.plusMillis(1), i, true, 100_000_000L + i * growth, 1L << 31));
        }
        return out;
    }

    @Test
    void aRecordingOfUnderTwoSecondsStatesNoRate() {
        // 5 GCs over 1.7 s, 120 MB more live each time: a least-squares slope of ~4.2 GB per minute.
        HeapTimeline.LiveSetTrend trend = HeapTimelineReader.trend(gcs(5, 425, 120_000_000L));
        assertThat(trend.span().toMillis()).isEqualTo(1700);
        assertThat(trend.bytesPerMinute()).isGreaterThan(4e9);
        assertThat(trend.rateStated()).isFalse();
        assertThat(RecordingEvidence.rate(trend)).isEqualTo("recording too short for a trend (1.7 s)");
        assertThat(RecordingEvidence.describe(trend)).doesNotContain("GB").doesNotContain("per minute:")
                .startsWith("Live set (heap after GC): recording too short for a trend (1.7 s), no per-minute rate stated");
    }

    @Test
    void tooFewGcsStateNoRateEvenOverMinutes() {
        HeapTimeline.LiveSetTrend trend = HeapTimelineReader.trend(gcs(2, 300_000, 10_000_000L));
        assertThat(trend.rateStated()).isFalse();
        assertThat(RecordingEvidence.rate(trend)).isEqualTo("too few GCs for a trend (2)");
        assertThat(RecordingEvidence.describe(trend)).doesNotContain("MB");
    }

    @Test
    void enoughGcsOverMinutesStateTheRate() {
        // 4 GCs a minute apart, 10 MB more live each: 10 MB per minute.
        HeapTimeline.LiveSetTrend trend = HeapTimelineReader.trend(gcs(4, 60_000, 10_000_000L));
        assertThat(trend.rateStated()).isTrue();
        assertThat(trend.bytesPerMinute()).isEqualTo(10_000_000.0, org.assertj.core.data.Offset.offset(1.0));
        assertThat(RecordingEvidence.rate(trend)).isEqualTo(dev.inquest.format.Units.bytesDelta(10_000_000L) + " / min");
        assertThat(RecordingEvidence.describe(trend)).contains("per minute over 4 collections");
    }
}
