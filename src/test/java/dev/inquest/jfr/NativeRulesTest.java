package dev.inquest.jfr;

import static org.assertj.core.api.Assertions.assertThat;

import dev.inquest.jfr.nativemem.NativeMemory;
import dev.inquest.jfr.rules.RuleEvidence;
import dev.inquest.jfr.rules.RuleId;
import dev.inquest.jfr.rules.RuleReport;
import dev.inquest.jfr.rules.RuleResult;
import dev.inquest.jfr.rules.Verdict;
import dev.inquest.progress.Progress;
import java.nio.file.Path;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Issue 20's rules on memory beyond the heap, over {@link NativeRecordings}: a flat heap while
 * direct buffers and FFM memory grow (NMT on) warns on all three, with the growth the workload
 * kept and the same figures as the Native memory view's series; a process that only makes
 * garbage is fine, and without NMT the NMT rule says what to run with.
 */
@Tag("slow")
class NativeRulesTest {
    private static final long MB = 1024 * 1024;

    private static RuleReport rules(Path file) throws Exception {
        try (Recording r = Recording.open(file, Progress.NONE)) {
            return r.rules(Progress.NONE);
        }
    }

    private static NativeMemory nativeMemory(Path file) throws Exception {
        try (Recording r = Recording.open(file, Progress.NONE)) {
            return r.nativeMemory(Progress.NONE);
        }
    }

    private static double figure(RuleResult r, String name) {
        return r.figure(name).orElseThrow(() -> new AssertionError(r.rule() + " lacks " + name + ": " + r.figures())).value();
    }

    @Test
    void growthOutsideAFlatHeapWarnsWithTheGrowthKept() throws Exception {
        NativeRecordings rec = NativeRecordings.growing();
        long kept = rec.direct() + rec.arena();
        RuleReport report = rules(rec.file());
        NativeMemory m = nativeMemory(rec.file());

        RuleResult outside = report.result(RuleId.RESIDENT_SET_VS_HEAP).orElseThrow();
        assertThat(outside.verdict()).as(outside.explanation()).isEqualTo(Verdict.WARNING);
        // The view's sentence and figures, not a second computation.
        assertThat(outside.explanation()).startsWith(m.headline());
        assertThat(figure(outside, "fitted growth")).isEqualTo(m.gap().fittedGrowth()).isGreaterThan(kept * 0.6);
        assertThat(figure(outside, "outside the heap, last")).isEqualTo(m.gap().last());
        assertThat(outside.evidence()).singleElement().isInstanceOfSatisfying(RuleEvidence.Series.class, s -> {
            assertThat(s.series()).isEqualTo(RuleEvidence.SeriesKind.OUTSIDE_HEAP);
            assertThat(s.series().nativeMemory()).isTrue();
            assertThat(s.points()).hasSize(m.of(NativeMemory.Kind.GAP).points().size());
        });

        RuleResult direct = report.result(RuleId.DIRECT_BUFFERS).orElseThrow();
        assertThat(direct.verdict()).as(direct.explanation()).isEqualTo(Verdict.WARNING);
        assertThat(figure(direct, "last")).isGreaterThanOrEqualTo(rec.direct());
        assertThat(figure(direct, "fitted growth")).isGreaterThan(rec.direct() * 0.6);
        assertThat(figure(direct, "limit")).isEqualTo(1024 * MB);
        assertThat(direct.explanation()).contains("keeps growing", "inquest heap offheap");

        RuleResult nmt = report.result(RuleId.NATIVE_MEMORY_TRACKING).orElseThrow();
        assertThat(nmt.verdict()).as(nmt.explanation()).isEqualTo(Verdict.WARNING);
        // The FFM segments and the direct buffers are NMT's "Other".
        assertThat(nmt.explanation()).contains("\"Other\" grew most");
        assertThat(figure(nmt, "Other growth")).isGreaterThan(kept * 0.6);

        // Worst first: all three warnings lead the report with the other warnings.
        assertThat(report.results().stream().takeWhile(r -> r.verdict() == Verdict.WARNING).map(RuleResult::rule))
                .contains(RuleId.RESIDENT_SET_VS_HEAP, RuleId.DIRECT_BUFFERS, RuleId.NATIVE_MEMORY_TRACKING);
    }

    @Test
    void garbageAloneIsFineAndWithoutNmtTheRuleSaysWhatToRunWith() throws Exception {
        RuleReport report = rules(NativeRecordings.flat().file());
        RuleResult outside = report.result(RuleId.RESIDENT_SET_VS_HEAP).orElseThrow();
        assertThat(outside.verdict()).as(outside.explanation()).isEqualTo(Verdict.OK);
        assertThat(figure(outside, "fitted growth")).isLessThan(16 * MB);
        RuleResult direct = report.result(RuleId.DIRECT_BUFFERS).orElseThrow();
        assertThat(direct.verdict()).as(direct.explanation()).isEqualTo(Verdict.OK);
        RuleResult nmt = report.result(RuleId.NATIVE_MEMORY_TRACKING).orElseThrow();
        assertThat(nmt.verdict()).isEqualTo(Verdict.NOT_APPLICABLE);
        assertThat(nmt.explanation()).contains("-XX:NativeMemoryTracking=summary");
    }
}
