package dev.inquest.jfr.read.rules;

import dev.inquest.format.Units;
import dev.inquest.jfr.rules.RuleId;
import dev.inquest.jfr.rules.RuleResult;
import java.util.Comparator;
import java.util.List;

/**
 * Classes with finalizers and how many ran (jdk.FinalizerStatistics, JDK 18+). Finalizable objects
 * survive at least one extra GC and wait for one thread: deprecated, and a source of memory that
 * is freed late.
 */
final class FinalizerRule implements Rule<MiscProbe> {
    @Override
    public RuleId id() {
        return RuleId.FINALIZERS;
    }

    @Override
    public Probe.Kind<MiscProbe> probe() {
        return MiscProbe.KIND;
    }

    @Override
    public RuleResult evaluate(MiscProbe m, RecordingFacts rec) {
        if (!m.finalizerStatistics) {
            return RuleResult.notApplicable(id(), "The recording has no jdk.FinalizerStatistics events (JDK 18 and later).");
        }
        // Classes of the JDK itself (no code source, or jrt:) are not the application's to fix.
        List<MiscProbe.Finalizable> app = m.finalizers.values().stream()
                .filter(f -> f.codeSource() != null && !f.codeSource().startsWith("jrt:"))
                .sorted(Comparator.comparingLong(MiscProbe.Finalizable::run).reversed()
                        .thenComparing(MiscProbe.Finalizable::className)).toList();
        long objects = app.stream().mapToLong(MiscProbe.Finalizable::objects).sum();
        long run = app.stream().mapToLong(MiscProbe.Finalizable::run).sum();
        var figures = List.of(Figures.count("application classes with finalizers", app.size()),
                Figures.count("finalizable objects", objects), Figures.count("finalizers run", run),
                Figures.count("classes with finalizers, JDK included", m.finalizers.size()));
        if (app.isEmpty()) {
            return RuleResult.scored(id(), 0, "No application class has a finalizer (" + Units.count(m.finalizers.size())
                    + " JDK classes do).", figures, List.of());
        }
        double score = Scores.interp(run + objects, 0, 25, 100_000, 75, 1_000_000, 100);
        return RuleResult.scored(id(), score, Units.count(app.size()) + " application class(es) override finalize(), first "
                + app.getFirst().className() + "; " + Units.count(run) + " finalizer(s) ran and " + Units.count(objects)
                + " finalizable object(s) were on the heap. Finalization is deprecated and delays freeing memory:"
                + " use Cleaner or try-with-resources.", figures, List.of());
    }
}
