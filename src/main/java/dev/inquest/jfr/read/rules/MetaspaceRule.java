package dev.inquest.jfr.read.rules;

import dev.inquest.format.Units;
import dev.inquest.jfr.rules.RuleEvidence;
import dev.inquest.jfr.rules.RuleId;
import dev.inquest.jfr.rules.RuleResult;
import java.util.ArrayList;
import java.util.List;

/** Metaspace used after GC growing (class metadata that is never unloaded), and metaspace exhausted. */
final class MetaspaceRule implements Rule<GcProbe> {
    @Override
    public RuleId id() {
        return RuleId.METASPACE_GROWTH;
    }

    @Override
    public Probe.Kind<GcProbe> probe() {
        return GcProbe.KIND;
    }

    @Override
    public RuleResult evaluate(GcProbe gc, RecordingFacts rec) {
        RuleResult trend = GrowthTrend.judge(id(), "metaspace used after GC", "jdk.MetaspaceSummary", gc.metaspaceAfter,
                -1, "", RuleEvidence.SeriesKind.METASPACE_AFTER_GC, rec);
        if (gc.metaspaceOoms == 0) {
            return trend;
        }
        List<dev.inquest.jfr.rules.RuleFigure> figures = new ArrayList<>(trend.figures());
        figures.addFirst(Figures.count("metaspace out-of-memory events", gc.metaspaceOoms));
        return RuleResult.scored(id(), 100, "Metaspace ran out " + Units.count(gc.metaspaceOoms)
                + " time(s) (jdk.MetaspaceOOM): class metadata filled it, often classes defined in loaders that are"
                + " never released. " + trend.explanation(), figures, trend.evidence());
    }
}
