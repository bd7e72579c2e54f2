package dev.inquest.jfr.read.rules;

import dev.inquest.format.Units;
import dev.inquest.jfr.rules.RuleEvidence;
import dev.inquest.jfr.rules.RuleFigure;
import dev.inquest.jfr.rules.RuleId;
import dev.inquest.jfr.rules.RuleResult;
import java.util.List;

/** The machine running low on physical memory (jdk.PhysicalMemory): the process may swap or be killed. */
final class PhysicalMemoryRule implements Rule<MiscProbe> {
    @Override
    public RuleId id() {
        return RuleId.PHYSICAL_MEMORY;
    }

    @Override
    public Probe.Kind<MiscProbe> probe() {
        return MiscProbe.KIND;
    }

    @Override
    public RuleResult evaluate(MiscProbe m, RecordingFacts rec) {
        if (m.physical.isEmpty()) {
            return RuleResult.notApplicable(id(), "The recording has no jdk.PhysicalMemory events.");
        }
        MiscProbe.Physical worst = m.physical.stream().filter(p -> p.total() > 0)
                .max(java.util.Comparator.comparingDouble(p -> (double) p.used() / p.total())).orElse(m.physical.getFirst());
        double share = worst.total() <= 0 ? 0 : (double) worst.used() / worst.total();
        // JMC's limits: info at 85 % used, warning at 95 %.
        double score = Scores.interp(share, 0, 0, 0.85, 25, 0.95, 75, 1, 100);
        List<RuleEvidence.Point> points = m.physical.stream().map(p -> new RuleEvidence.Point(p.time(), p.used())).toList();
        return RuleResult.scored(id(), score, "At most " + Units.percent(share) + " of the machine's physical memory was in use ("
                        + Units.bytes(worst.used()) + " of " + Units.bytes(worst.total()) + "). "
                        + (score >= 25 ? "Little is left for the process to grow into." : "There is memory to spare."),
                List.of(Figures.percent("physical memory used, at most", share), Figures.bytes("total", worst.total())),
                List.of(new RuleEvidence.Series("physical memory used", RuleEvidence.SeriesKind.PHYSICAL_MEMORY_USED,
                        RuleFigure.Unit.BYTES, points)));
    }
}
