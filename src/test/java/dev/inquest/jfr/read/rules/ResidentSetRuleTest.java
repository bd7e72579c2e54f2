package dev.inquest.jfr.read.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.inquest.jfr.nativemem.NativeMemory.Kind;
import dev.inquest.jfr.read.NativeMemoryReader;
import dev.inquest.jfr.rules.RuleResult;
import dev.inquest.jfr.rules.Verdict;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The resident-set rule on shapes built point by point: a heap committed far beyond what is
 * resident that shrinks back (the demo's recording: the gap "grows" 227 MB while the resident set
 * falls) is not growth outside the heap; the same gap with the resident set growing is.
 */
class ResidentSetRuleTest {
    private static final long MB = 1024 * 1024;
    private static final Instant T0 = Instant.parse("2026-12-05T10:00:00Z");

    private static RuleResult judge(long[] rss, long[] committed) {
        return judge(rss, committed, new long[] {20 * MB, 20 * MB, 20 * MB, 20 * MB, 20 * MB});
    }

    private static RuleResult judge(long[] rss, long[] committed, long[] afterGc) {
        NativeMemoryReader.Part part = new NativeMemoryReader.Part();
        for (int i = 0; i < rss.length; i++) {
            Instant t = T0.plusSeconds(i);
            part.point(Kind.RSS, t, rss[i]);
            part.point(Kind.HEAP_COMMITTED, t, committed[i]);
            part.point(Kind.HEAP_AFTER_GC, t, afterGc[i]);
        }
        Duration length = Duration.ofSeconds(rss.length);
        NativeProbe probe = new NativeProbe(NativeMemoryReader.build(List.of(part), length));
        return new ResidentSetRule().evaluate(probe, new RecordingFacts(T0, T0.plus(length)));
    }

    @Test
    void aCommittedHeapShrinkingBackIsNotGrowthOutsideIt() {
        // 256 MB committed against 81 MB resident, shrinking to 30 MB; the resident set falls 2 MB.
        RuleResult r = judge(new long[] {81 * MB, 80 * MB, 80 * MB, 79 * MB, 79 * MB},
                new long[] {256 * MB, 200 * MB, 120 * MB, 60 * MB, 30 * MB});
        assertThat(r.figure("fitted growth").orElseThrow().value()).isGreaterThan(150 * MB);
        assertThat(r.figure("growth judged").orElseThrow().value()).isLessThanOrEqualTo(0);
        assertThat(r.verdict()).as(r.explanation()).isEqualTo(Verdict.OK);
        assertThat(r.explanation()).contains("less what the heap after GC grew");
    }

    /** A live set growing into heap pages committed but never touched: the resident set grows, the heap's own. */
    @Test
    void aLiveSetGrowingIntoUntouchedHeapIsNotGrowthOutsideIt() {
        RuleResult r = judge(new long[] {60 * MB, 68 * MB, 76 * MB, 84 * MB, 92 * MB},
                new long[] {256 * MB, 256 * MB, 256 * MB, 256 * MB, 256 * MB},
                new long[] {10 * MB, 18 * MB, 26 * MB, 34 * MB, 44 * MB});
        assertThat(r.figure("growth judged").orElseThrow().value()).isLessThanOrEqualTo(0);
        assertThat(r.verdict()).as(r.explanation()).isEqualTo(Verdict.OK);
    }

    @Test
    void theResidentSetGrowingBesideAFlatHeapIsAWarning() {
        RuleResult r = judge(new long[] {100 * MB, 140 * MB, 180 * MB, 220 * MB, 260 * MB},
                new long[] {64 * MB, 64 * MB, 64 * MB, 64 * MB, 64 * MB});
        assertThat(r.figure("growth judged").orElseThrow().value()).isEqualTo(160 * MB);
        assertThat(r.verdict()).as(r.explanation()).isEqualTo(Verdict.WARNING);
        assertThat(r.explanation()).doesNotContain("less what the heap after GC grew");
    }
}
