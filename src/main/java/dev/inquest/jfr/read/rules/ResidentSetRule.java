package dev.inquest.jfr.read.rules;

import dev.inquest.jfr.nativemem.NativeMemory;
import dev.inquest.jfr.nativemem.NativeMemory.Kind;
import dev.inquest.jfr.rules.RuleEvidence;
import dev.inquest.jfr.rules.RuleFigure;
import dev.inquest.jfr.rules.RuleId;
import dev.inquest.jfr.rules.RuleResult;
import java.util.ArrayList;
import java.util.List;

/**
 * The process growing while its heap does not: resident set minus committed heap (native
 * allocations, direct and mapped buffers, metaspace, code, thread stacks, the allocator's
 * fragmentation), judged on the least-squares growth over the samples rather than on the two ends,
 * relative to the resident set: 10 % is worth a look, 25 % a warning. Under 16 MB is allocator noise
 * whatever its share, and no more than the resident set itself grew counts. The sentence is the Native memory view's own ({@link NativeMemory#headline}).
 */
final class ResidentSetRule implements Rule<NativeProbe> {
    static final long NOISE = 16L << 20;

    @Override
    public RuleId id() {
        return RuleId.RESIDENT_SET_VS_HEAP;
    }

    @Override
    public Probe.Kind<NativeProbe> probe() {
        return NativeProbe.KIND;
    }

    @Override
    public RuleResult evaluate(NativeProbe probe, RecordingFacts rec) {
        NativeMemory m = probe.memory(rec.length());
        NativeMemory.Gap g = m.gap();
        if (g == null) {
            return RuleResult.notApplicable(id(), m.headline());
        }
        if (g.points() < 3) {
            return RuleResult.notApplicable(id(), "Only " + g.points() + " resident-set sample(s): too few to judge a trend"
                    + " (jdk.ResidentSetSize is written every second in the default settings).");
        }
        long rss = m.of(Kind.RSS).stats().last();
        // The process cannot have grown outside its heap by more than it grew at all: where the
        // committed heap was not all resident (heap reserved and committed but never touched), the
        // gap starts negative and "grows" as that heap shrinks back while the resident set stays.
        long growth = Math.min(g.fittedGrowth(), g.rssGrowth());
        if (g.heapNotResident() && g.heapAfterGcGrowth() != null) {
            // Heap pages become resident as the live set grows into them: that part of the resident
            // set's growth is the heap's, not memory outside it.
            growth = Math.min(growth, g.rssGrowth() - Math.max(0, g.heapAfterGcGrowth()));
        }
        double share = (double) growth / Math.max(1, rss);
        double score = growth <= 0 ? 0 : Scores.interp(share, 0, 0, 0.05, 10, 0.10, 25, 0.25, 75, 0.5, 100);
        if (growth < NOISE) {
            score = Math.min(score, 20);
        }
        String verdict = score >= 75
                ? " The process grows outside the Java heap: native allocations, direct or mapped buffers, metaspace,"
                  + " thread stacks or the allocator's fragmentation. A heap dump does not show this memory; the Native"
                  + " memory view charts the gap beside each part the recording measured."
                : score >= 25 ? " Memory outside the heap grew; the Native memory view shows which part."
                : " Memory outside the heap stayed about level.";
        if (g.heapNotResident()) {
            verdict += " So the growth judged is the resident set's own, less what the heap after GC grew.";
        }
        List<RuleFigure> figures = new ArrayList<>(List.of(
                Figures.bytes("outside the heap, first", g.first()),
                Figures.bytes("outside the heap, last", g.last()),
                Figures.bytes("fitted growth", g.fittedGrowth()),
                Figures.bytes("growth judged", growth),
                Figures.percent("fitted growth of the resident set", share),
                Figures.bytes("resident set growth", g.rssGrowth())));
        if (g.heapAfterGcGrowth() != null) {
            figures.add(Figures.bytes("heap after GC growth", g.heapAfterGcGrowth()));
        }
        figures.add(Figures.count("samples", g.points()));
        figures.add(Figures.seconds("span", g.span().toMillis() / 1000.0));
        List<RuleEvidence.Point> points = m.of(Kind.GAP).points().stream()
                .map(p -> new RuleEvidence.Point(p.time(), p.value())).toList();
        return RuleResult.scored(id(), score, m.headline() + verdict, figures,
                List.of(new RuleEvidence.Series("resident set minus committed heap", RuleEvidence.SeriesKind.OUTSIDE_HEAP,
                        RuleFigure.Unit.BYTES, points)));
    }
}
