package dev.inquest.jfr;

import static org.assertj.core.api.Assertions.assertThat;

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
 * The rules over recordings whose shape is known by construction (workloads/RulesWorkload.java,
 * child JVMs): the rule that fires, its verdict and its figures; and a flat workload where they say OK.
 */
@Tag("slow")
class RulesTest {
    static RuleReport rules(String mode) throws Exception {
        try (Recording r = Recording.open(RulesRecordings.get(mode).file(), Progress.NONE)) {
            RuleReport report = r.rules(Progress.NONE);
            assertThat(report.results()).hasSize(RuleId.values().length);
            assertThat(report.partial()).isFalse();
            return report;
        }
    }

    static RuleResult result(RuleReport report, RuleId id) {
        return report.result(id).orElseThrow();
    }

    static double figure(RuleResult r, String name) {
        return r.figure(name).orElseThrow(() -> new AssertionError(r.rule() + " lacks " + name + ": " + r.figures())).value();
    }

    /** A list that only grows: the live-set rule warns, and the growth it measures is what the workload kept. */
    @Test
    void aGrowingLiveSetIsAWarningWithTheGrowthKept() throws Exception {
        RuleReport report = rules("leak");
        RuleResult live = result(report, RuleId.LIVE_SET_GROWTH);
        assertThat(live.verdict()).as(live.explanation()).isEqualTo(Verdict.WARNING);
        assertThat(report.results().getFirst().verdict()).isEqualTo(Verdict.WARNING);
        long kept = RulesRecordings.get("leak").retained();
        // The fitted growth over the GCs' span against the bytes kept over the whole recording:
        // the GCs start and stop a little inside it, and arrays carry headers.
        assertThat(figure(live, "growth over the span")).isBetween(0.7 * kept, 1.3 * kept);
        assertThat(figure(live, "confidence (R²)")).isGreaterThan(90);
        assertThat(figure(live, "GCs")).isGreaterThanOrEqualTo(5);
        // Under a minute of GCs: a time to the maximum heap, stated with the span, but no per-minute rate.
        assertThat(live.figure("slope")).isEmpty();
        assertThat(figure(live, "extrapolated time to maximum heap")).isPositive();
        assertThat(live.explanation()).contains("No per-minute rate is stated").contains("Extrapolated from these ");
        assertThat(live.evidence()).anySatisfy(e -> assertThat(e).isInstanceOfSatisfying(RuleEvidence.Series.class,
                s -> assertThat(s.series()).isEqualTo(RuleEvidence.SeriesKind.HEAP_AFTER_GC)));
    }

    /** Jobs queued faster than they are taken: the same rule fires, with the queue's bytes as the growth. */
    @Test
    void anUnboundedQueueIsAGrowingLiveSet() throws Exception {
        RuleResult live = result(rules("queue"), RuleId.LIVE_SET_GROWTH);
        assertThat(live.verdict()).as(live.explanation()).isEqualTo(Verdict.WARNING);
        long queued = RulesRecordings.get("queue").retained();
        // The line is fitted to the GCs' live sets: it also counts the jobs' objects and queue nodes
        // (3 % over the payloads) and what the last GCs promoted: 1.49x seen on a machine at load 20,
        // 2.08x in a CI run at load 1.5 (young GCs only, so promoted garbage stays in the live set).
        assertThat(figure(live, "growth over the span")).isBetween(0.7 * queued, 2.5 * queued);
        assertThat(figure(live, "relative growth")).isGreaterThan(50);
    }

    /** Classes defined in fresh loaders kept reachable: the class-loading rule warns and counts the loaders. */
    @Test
    void aClassLoaderLeakIsAWarning() throws Exception {
        RuleReport report = rules("classleak");
        RuleResult classes = result(report, RuleId.CLASS_LOADING);
        assertThat(classes.verdict()).as(classes.explanation()).isEqualTo(Verdict.WARNING);
        long defined = RulesRecordings.get("classleak").classes();
        assertThat(figure(classes, "most loaders defining one class name")).isEqualTo(defined);
        assertThat(figure(classes, "classes at the end") - figure(classes, "classes at the start"))
                .isBetween(0.7 * defined, 1.01 * defined);
        assertThat(figure(classes, "classes unloaded")).isZero();
        assertThat(classes.explanation()).contains("Leaked was defined by ");
        RuleResult metaspace = result(report, RuleId.METASPACE_GROWTH);
        assertThat(metaspace.verdict()).as(metaspace.explanation()).isIn(Verdict.INFO, Verdict.WARNING);
    }

    /** Ten System.gc() calls: counted, their share of the GCs stated, and the full GCs they caused named as theirs. */
    @Test
    void systemGcCallsAreCountedAndTheirFullGcsAttributed() throws Exception {
        RuleReport report = rules("systemgc");
        RuleResult sys = result(report, RuleId.SYSTEM_GC);
        assertThat(figure(sys, "System.gc() calls")).isEqualTo(10);
        assertThat(figure(sys, "share of GCs")).isCloseTo(1000 / figure(sys, "GCs"), org.assertj.core.api.Assertions.within(1e-9));
        assertThat(sys.verdict()).as(sys.explanation()).isIn(Verdict.INFO, Verdict.WARNING);
        assertThat(sys.explanation()).startsWith("10 of ");
        RuleResult full = result(report, RuleId.FULL_GC);
        assertThat(figure(full, "caused by System.gc()")).isEqualTo(10);
        assertThat(full.verdict()).isEqualTo(Verdict.INFO);
        assertThat(full.explanation()).contains("every one of them was System.gc()");
    }

    /** The same garbage as the leak, a fixed live set: the memory rules say OK. */
    @Test
    void aFlatWorkloadIsOk() throws Exception {
        RuleReport report = rules("flat");
        for (RuleId id : new RuleId[] {RuleId.LIVE_SET_GROWTH, RuleId.SYSTEM_GC, RuleId.FULL_GC, RuleId.CLASS_LOADING,
                RuleId.METASPACE_GROWTH, RuleId.ALLOCATION_STALLS}) {
            RuleResult r = result(report, id);
            assertThat(r.verdict()).as(id + ": " + r.explanation()).isEqualTo(Verdict.OK);
        }
        RuleResult live = result(report, RuleId.LIVE_SET_GROWTH);
        assertThat(Math.abs(figure(live, "relative growth"))).isLessThan(10);
        assertThat(figure(result(report, RuleId.SYSTEM_GC), "System.gc() calls")).isZero();
    }

    static Path file(String mode) {
        return RulesRecordings.get(mode).file();
    }
}
