package dev.inquest.jfr.read.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.inquest.jfr.rules.RuleEvidence;
import dev.inquest.jfr.rules.RuleId;
import dev.inquest.jfr.rules.RuleReport;
import dev.inquest.jfr.rules.RuleResult;
import dev.inquest.jfr.rules.Verdict;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The judgements behind the rules, on series made here: thresholds, the growth trend, the sort order. */
class RuleJudgementTest {
    static final Instant T0 = Instant.parse("2026-12-05T10:00:00Z");
    static final long MB = 1L << 20;

    /** {@code n} after-GC points from {@code from} to {@code to} bytes, evenly over {@code span}. */
    static List<GcProbe.AfterGc> line(int n, Duration span, long from, long to) {
        List<GcProbe.AfterGc> points = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            points.add(new GcProbe.AfterGc(T0.plusMillis(span.toMillis() * i / (n - 1)), from + (to - from) * i / (n - 1)));
        }
        return points;
    }

    static RuleResult liveSet(List<GcProbe.AfterGc> points, Duration recording) {
        return GrowthTrend.judge(RuleId.LIVE_SET_GROWTH, "the live set", "jdk.GCHeapSummary", points, 1024 * MB,
                "maximum heap", RuleEvidence.SeriesKind.HEAP_AFTER_GC, new RecordingFacts(T0, T0.plus(recording)));
    }

    @Test
    void verdictsHaveJmcsThresholds() {
        assertThat(Verdict.of(0)).isEqualTo(Verdict.OK);
        assertThat(Verdict.of(24.9)).isEqualTo(Verdict.OK);
        assertThat(Verdict.of(25)).isEqualTo(Verdict.INFO);
        assertThat(Verdict.of(74.9)).isEqualTo(Verdict.INFO);
        assertThat(Verdict.of(75)).isEqualTo(Verdict.WARNING);
        assertThat(Verdict.of(100)).isEqualTo(Verdict.WARNING);
    }

    /** A 2 s recording does not claim gigabytes per minute: no verdict, and it says why. */
    @Test
    void twoSecondsOfGrowthGiveNoVerdictAndNoRate() {
        RuleResult r = liveSet(line(12, Duration.ofSeconds(2), 100 * MB, 400 * MB), Duration.ofSeconds(2));
        assertThat(r.verdict()).isEqualTo(Verdict.NOT_APPLICABLE);
        assertThat(r.score()).isNull();
        assertThat(r.explanation()).startsWith("No verdict: 12 GCs over 2.0 s (of 2.0 s of recording)")
                .contains("at least 5 GCs over at least 10 s").doesNotContain("per minute rate").doesNotContain("GB");
        assertThat(liveSet(line(4, Duration.ofSeconds(40), 100 * MB, 400 * MB), Duration.ofSeconds(40)).verdict())
                .isEqualTo(Verdict.NOT_APPLICABLE);
    }

    /** Under a minute of GCs: a verdict, growth over the span and a time to the max heap, but no per-minute rate. */
    @Test
    void steadyGrowthOverThirtySecondsIsAWarningStatedOverItsSpan() {
        RuleResult r = liveSet(line(11, Duration.ofSeconds(30), 100 * MB, 200 * MB), Duration.ofSeconds(32));
        assertThat(r.verdict()).isEqualTo(Verdict.WARNING);
        assertThat(r.score()).isEqualTo(100.0); // doubled, on a perfect line
        assertThat(r.figure("growth over the span").orElseThrow().value()).isEqualTo(100.0 * MB);
        assertThat(r.figure("relative growth").orElseThrow().value()).isCloseTo(100.0, within(1e-9));
        assertThat(r.figure("confidence (R²)").orElseThrow().value()).isCloseTo(100.0, within(1e-9));
        assertThat(r.figure("slope")).isEmpty();
        // (1024 - 200) MB at 100 MB per 30 s.
        assertThat(r.figure("extrapolated time to maximum heap").orElseThrow().value()).isCloseTo(247.2, within(0.01));
        assertThat(r.explanation()).contains("spanning 30.0 s (of 32.0 s of recording)")
                .contains("No per-minute rate is stated").contains("Extrapolated from these 30.0 s")
                .contains("in about 4 min 7 s");
        assertThat(r.evidence()).first().isInstanceOfSatisfying(RuleEvidence.Series.class,
                s -> assertThat(s.points()).hasSize(11));
    }

    @Test
    void overTwoMinutesThePerMinuteRateIsStated() {
        RuleResult r = liveSet(line(21, Duration.ofMinutes(2), 100 * MB, 130 * MB), Duration.ofMinutes(2));
        // 30 % growth on a perfect line: between the info (10 %) and warning (50 %) marks.
        assertThat(r.verdict()).isEqualTo(Verdict.INFO);
        assertThat(r.score()).isCloseTo(50.0, within(0.1));
        assertThat(r.figure("slope").orElseThrow().value()).isCloseTo(30.0 * MB / 120, within(1.0));
        assertThat(r.explanation()).contains("That is +15.0 MB per minute.");
    }

    @Test
    void aFlatOrNoisyLiveSetIsOk() {
        List<GcProbe.AfterGc> flat = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            flat.add(new GcProbe.AfterGc(T0.plusSeconds(i * 2), (i % 2 == 0 ? 100 : 140) * MB));
        }
        RuleResult r = liveSet(flat, Duration.ofSeconds(40));
        assertThat(r.verdict()).isEqualTo(Verdict.OK);
        assertThat(r.figure("confidence (R²)").orElseThrow().value()).isLessThan(5);
    }

    @Test
    void aLineThroughALineFitsExactly() {
        Scores.Line l = Scores.Line.fit(List.of(new double[] {0, 1}, new double[] {1, 3}, new double[] {2, 5}));
        assertThat(l.slope()).isEqualTo(2.0);
        assertThat(l.r2()).isEqualTo(1.0);
        assertThat(l.first()).isEqualTo(1.0);
        assertThat(l.last()).isEqualTo(5.0);
        assertThat(Scores.interp(7.5, 0, 0, 5, 25, 10, 75)).isEqualTo(50.0);
        assertThat(Scores.interp(50, 0, 0, 5, 25, 10, 75)).isEqualTo(75.0);
    }

    @Test
    void theReportListsWorstFirst() {
        RuleReport report = new RuleReport(1000, false, 5, List.of(
                RuleResult.notApplicable(RuleId.FINALIZERS, "no events"),
                RuleResult.scored(RuleId.SYSTEM_GC, 30, "x", List.of(), List.of()),
                RuleResult.scored(RuleId.GC_PAUSE_RATIO, 80, "x", List.of(), List.of()),
                RuleResult.scored(RuleId.FULL_GC, 10, "x", List.of(), List.of()),
                RuleResult.scored(RuleId.CODE_CACHE, 90, "x", List.of(), List.of())));
        assertThat(report.results()).extracting(RuleResult::rule).containsExactly(RuleId.CODE_CACHE,
                RuleId.GC_PAUSE_RATIO, RuleId.SYSTEM_GC, RuleId.FULL_GC, RuleId.FINALIZERS);
    }

    /** A pause-ratio window: 1 s of pauses in 10 s is 10 %, JMC's warning mark. */
    @Test
    void pauseRatioFindsTheWorstWindow() {
        GcProbe gc = new GcProbe();
        for (int i = 0; i < 60; i++) {
            // One 10 ms pause a second, and ten 100 ms pauses in the tenth to nineteenth seconds.
            long pause = i >= 10 && i < 20 ? 100_000_000L : 10_000_000L;
            gc.gcs.add(new GcProbe.Gc(i, T0.plusSeconds(i), "G1New", "G1 Evacuation Pause", pause, pause));
        }
        RuleResult r = new GcPauseRatioRule().evaluate(gc, new RecordingFacts(T0, T0.plusSeconds(60)));
        assertThat(r.figure("pause ratio, worst window").orElseThrow().value()).isCloseTo(10.0, within(1e-9));
        assertThat(r.figure("pause ratio, whole recording").orElseThrow().value()).isCloseTo(1.5e9 / 60e9 * 100, within(1e-9));
        assertThat(r.verdict()).isEqualTo(Verdict.WARNING);
        assertThat(r.evidence().getFirst()).isEqualTo(new RuleEvidence.TimeRange("the worst pause window",
                T0.plusSeconds(10), T0.plusSeconds(20)));
    }
}
