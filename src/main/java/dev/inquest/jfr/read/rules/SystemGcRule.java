package dev.inquest.jfr.read.rules;

import dev.inquest.format.Units;
import dev.inquest.jfr.rules.RuleEvidence;
import dev.inquest.jfr.rules.RuleId;
import dev.inquest.jfr.rules.RuleResult;
import java.util.List;

/** Collections the application asked for with System.gc() (or Runtime.gc()); JMC's limit: half of all GCs. */
final class SystemGcRule implements Rule<GcProbe> {
    static final double RATIO_LIMIT = 0.5;

    static boolean isExplicit(String cause) {
        return "System.gc()".equals(cause);
    }

    @Override
    public RuleId id() {
        return RuleId.SYSTEM_GC;
    }

    @Override
    public Probe.Kind<GcProbe> probe() {
        return GcProbe.KIND;
    }

    @Override
    public RuleResult evaluate(GcProbe gc, RecordingFacts rec) {
        if (gc.gcs.isEmpty()) {
            return RuleResult.notApplicable(id(), "The recording has no jdk.GarbageCollection events.");
        }
        List<GcProbe.Gc> explicit = gc.gcs.stream().filter(g -> isExplicit(g.cause())).toList();
        double ratio = (double) explicit.size() / gc.gcs.size();
        long pause = explicit.stream().mapToLong(GcProbe.Gc::sumOfPausesNanos).sum();
        double score = explicit.isEmpty() ? 0 : Scores.interp(ratio, 0, 25, RATIO_LIMIT, 75, 1, 100);
        var figures = List.of(Figures.count("System.gc() calls", explicit.size()), Figures.count("GCs", gc.gcs.size()),
                Figures.percent("share of GCs", ratio), Figures.millis("pause of these GCs", pause / 1e6));
        if (explicit.isEmpty()) {
            return RuleResult.scored(id(), 0, "None of the " + Units.count(gc.gcs.size())
                    + " GCs was caused by System.gc().", figures, List.of());
        }
        String text = Units.count(explicit.size()) + " of " + Units.count(gc.gcs.size()) + " GCs (" + Units.percent(ratio)
                + ") were caused by System.gc(), pausing for " + Units.duration(pause) + " in all"
                + (gc.explicitGcConcurrent ? " (run as concurrent cycles: -XX:+ExplicitGCInvokesConcurrent)" : "")
                + ". Explicit collections are rarely needed; find the caller (often RMI's distributed GC or a library)"
                + " or disable them with -XX:+DisableExplicitGC.";
        return RuleResult.scored(id(), score, text, figures, List.of(new RuleEvidence.TimeRange("first to last System.gc()",
                explicit.getFirst().start(), explicit.getLast().start().plusNanos(explicit.getLast().sumOfPausesNanos()))));
    }
}
