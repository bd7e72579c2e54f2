package dev.inquest.jfr.read.rules;

import dev.inquest.jfr.rules.RuleEvidence;
import dev.inquest.jfr.rules.RuleId;
import dev.inquest.jfr.rules.RuleResult;

/** The live set (heap used after each GC) growing: a leak, or a queue without backpressure. */
final class LiveSetRule implements Rule<GcProbe> {
    @Override
    public RuleId id() {
        return RuleId.LIVE_SET_GROWTH;
    }

    @Override
    public Probe.Kind<GcProbe> probe() {
        return GcProbe.KIND;
    }

    @Override
    public RuleResult evaluate(GcProbe gc, RecordingFacts rec) {
        return GrowthTrend.judge(id(), "the live set (heap used after GC)", "jdk.GCHeapSummary", gc.heapAfter,
                gc.maxHeap, "maximum heap", RuleEvidence.SeriesKind.HEAP_AFTER_GC, rec);
    }
}
