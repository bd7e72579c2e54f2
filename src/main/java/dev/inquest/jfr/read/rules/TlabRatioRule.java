package dev.inquest.jfr.read.rules;

import dev.inquest.format.Units;
import dev.inquest.jfr.rules.RuleId;
import dev.inquest.jfr.rules.RuleResult;
import java.util.List;

/**
 * Bytes allocated outside TLABs (the slow path, a lock or CAS on the shared heap) against those in
 * new TLABs, from the TLAB events (off by default; on with gc=high or allocation-profiling=high).
 */
final class TlabRatioRule implements Rule<AllocationProbe> {
    @Override
    public RuleId id() {
        return RuleId.TLAB_RATIO;
    }

    @Override
    public Probe.Kind<AllocationProbe> probe() {
        return AllocationProbe.KIND;
    }

    @Override
    public RuleResult evaluate(AllocationProbe a, RecordingFacts rec) {
        if (a.tlabEvents + a.outsideEvents == 0) {
            return RuleResult.notApplicable(id(), "The recording has no jdk.ObjectAllocationInNewTLAB or"
                    + " jdk.ObjectAllocationOutsideTLAB events (they are off by default).");
        }
        if (a.asyncProfiler) {
            return RuleResult.notApplicable(id(), "The TLAB events are async-profiler's allocation samples, each carrying"
                    + " an estimated weight rather than one TLAB or object: their sizes do not give the share allocated"
                    + " outside TLABs.");
        }
        double total = a.tlabBytes + a.outsideBytes;
        double outside = total == 0 ? 0 : a.outsideBytes / total;
        double score = a.tlabEvents == 0 ? 75 : Scores.interp(outside, 0, 0, 0.2, 25, 0.5, 75, 1, 100);
        var figures = List.of(Figures.percent("outside TLABs", outside), Figures.bytes("in new TLABs", a.tlabBytes),
                Figures.bytes("outside TLABs (bytes)", a.outsideBytes), Figures.count("outside-TLAB events", a.outsideEvents));
        String text = Units.percent(outside) + " of the bytes the TLAB events count were allocated outside TLABs ("
                + Units.bytes(a.outsideBytes) + " outside, " + Units.bytes(a.tlabBytes) + " in new TLABs). "
                + (score >= 25 ? "Allocation outside TLABs is slower: large objects (arrays) or TLABs too small for"
                + " the objects allocated." : "Nearly all allocation takes the fast path.");
        return RuleResult.scored(id(), score, text, figures, List.of());
    }
}
