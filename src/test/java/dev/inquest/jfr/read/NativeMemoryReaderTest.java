package dev.inquest.jfr.read;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.inquest.jfr.nativemem.NativeMemory;
import dev.inquest.jfr.nativemem.NativeMemory.Kind;
import dev.inquest.jfr.nativemem.NativeMemory.Point;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

/** The gap's pairing and the figures of a series, on points made here (the recordings are in NativeMemoryTest). */
class NativeMemoryReaderTest {
    private static final Instant T0 = Instant.parse("2026-01-01T10:00:00Z");

    private static Point at(long millis, long value) {
        return new Point(T0.plusMillis(millis), value);
    }

    @Test
    void eachResidentSetSampleIsPairedWithTheCommittedHeapInForceThen() {
        List<Point> rss = List.of(at(0, 500), at(1000, 600), at(2000, 700), at(3000, 800));
        // Committed heap known from 500 ms (so the first sample takes the first value), changed at 2000 ms exactly.
        List<Point> committed = List.of(at(500, 100), at(2000, 300), at(2500, 350));
        assertThat(NativeMemoryReader.gap(rss, committed)).containsExactly(at(0, 400), at(1000, 500), at(2000, 400),
                at(3000, 450));
        assertThat(NativeMemoryReader.gap(rss, List.of())).isEmpty();
        assertThat(NativeMemoryReader.gap(List.of(), committed)).isEmpty();
    }

    @Test
    void figuresOfASeries() {
        // About 10 MB more each minute, with a dip: first, last, min, max, growth and the least-squares slope.
        List<Point> p = List.of(at(0, 100_000_000L), at(60_000, 90_000_000L), at(120_000, 120_000_000L),
                at(180_000, 130_000_000L));
        NativeMemory.Stats s = NativeMemoryReader.stats(p);
        assertThat(s.first()).isEqualTo(100_000_000L);
        assertThat(s.last()).isEqualTo(130_000_000L);
        assertThat(s.min()).isEqualTo(90_000_000L);
        assertThat(s.max()).isEqualTo(130_000_000L);
        assertThat(s.growth()).isEqualTo(30_000_000L);
        assertThat(s.span()).isEqualTo(Duration.ofMinutes(3));
        assertThat(s.points()).isEqualTo(4);
        // x = 0,1,2,3 min; y = 0,-10,20,30 MB: slope = (4*120 - 6*40) / (4*14 - 36) = 12 MB per minute.
        assertThat(s.perMinute()).isCloseTo(12_000_000.0, Offset.offset(1.0));
        assertThat(s.rateStated()).isTrue();
    }

    @Test
    void aGapOfSecondsStatesNoRate() {
        List<Point> rss = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            rss.add(at(i * 100L, 100_000_000L + i * 4_000_000L));
        }
        List<Point> gap = NativeMemoryReader.gap(rss, List.of(at(0, 32_000_000L)));
        NativeMemory.Gap g = NativeMemoryReader.gapTrend(gap, rss, List.of(at(0, 5_000_000L), at(2000, 5_100_000L)),
                Duration.ofMillis(3500));
        assertThat(g.first()).isEqualTo(68_000_000L);
        assertThat(g.last()).isEqualTo(68_000_000L + 29 * 4_000_000L);
        assertThat(g.growth()).isEqualTo(116_000_000L);
        assertThat(g.rssGrowth()).isEqualTo(116_000_000L);
        assertThat(g.heapAfterGcGrowth()).isEqualTo(100_000L);
        // 4 MB per 100 ms is 2.4 GB per minute: computed, but not to be stated from 2.9 s.
        assertThat(g.perMinute()).isCloseTo(2.4e9, Offset.offset(1e3));
        assertThat(g.fittedGrowth()).isCloseTo(116_000_000L, Offset.offset(10L));
        assertThat(g.rateStated()).isFalse();
        assertThat(g.caveat()).isEqualTo("the samples span only 2.9 s; a per-minute rate would extrapolate well beyond what was observed");
        assertThat(g.recordingLength()).isEqualTo(Duration.ofMillis(3500));

        NativeMemory m = new NativeMemory(Duration.ofMillis(3500), List.of(), g, -1, -1);
        assertThat(m.headline()).isEqualTo("Outside the heap (resident set minus committed heap): 64.8 MB to 175 MB,"
                + " +111 MB over 2.9 s of a 3.5 s recording; resident set +111 MB, heap after GC +97.7 KB."
                + " The samples span only 2.9 s; a per-minute rate would extrapolate well beyond what was observed.");
    }

    /**
     * Heap committed but never touched is not resident: the demo's recording has 256 MB committed
     * against an 81 MB resident set, then the heap shrinks. The gap is negative and its growth
     * follows the heap, which the caveat says and the flag lets a rule see.
     */
    @Test
    void aCommittedHeapLargerThanTheResidentSetIsFlagged() {
        List<Point> rss = List.of(at(0, 81_000_000L), at(1000, 80_000_000L), at(2000, 79_000_000L));
        List<Point> committed = List.of(at(0, 256_000_000L), at(1500, 27_000_000L));
        List<Point> gap = NativeMemoryReader.gap(rss, committed);
        NativeMemory.Gap g = NativeMemoryReader.gapTrend(gap, rss, List.of(), Duration.ofSeconds(3));
        assertThat(g.min()).isEqualTo(-176_000_000L);
        assertThat(g.growth()).isEqualTo(227_000_000L);
        assertThat(g.rssGrowth()).isEqualTo(-2_000_000L);
        assertThat(g.heapNotResident()).isTrue();
        assertThat(g.heapAfterGcGrowth()).isNull();
        assertThat(g.caveat()).endsWith("; the committed heap exceeded the resident set at times (heap pages never touched"
                + " are not resident), so the gap understates memory outside the heap there and follows the heap's size");
        assertThat(NativeMemoryReader.gapTrend(NativeMemoryReader.gap(rss, List.of(at(0, 1_000_000L))), rss, List.of(),
                Duration.ofSeconds(3)).heapNotResident()).isFalse();
    }

    @Test
    void anAbsentSeriesHasAReasonAndNoFigures() {
        NativeMemory.Series s = NativeMemory.Series.absent(Kind.NMT_TOTAL, null);
        assertThat(s.recorded()).isFalse();
        assertThat(s.stats()).isNull();
        assertThat(s.points()).isEmpty();
        assertThat(s.absence()).contains("-XX:NativeMemoryTracking=summary");
        assertThat(NativeMemory.Series.absent(Kind.NMT_CATEGORY, null).label()).isEqualTo("NMT committed per category");
        // Absent is not zero: a series cannot be recorded without points, nor absent with them.
        assertThatThrownBy(() -> new NativeMemory.Series(Kind.RSS, null, "x", "e", true, null, null, List.of()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(Kind.HEAP_AFTER_GC.id()).isEqualTo("heapAfterGc");
        assertThat(Kind.RSS.id()).isEqualTo("rss");
        assertThat(Kind.NMT_CATEGORY.id()).isEqualTo("nmtCategory");
    }
}
