package dev.inquest.jfr.read.rules;

import dev.inquest.format.Units;
import dev.inquest.jfr.rules.RuleEvidence;
import dev.inquest.jfr.rules.RuleFigure;
import dev.inquest.jfr.rules.RuleId;
import dev.inquest.jfr.rules.RuleResult;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** The longest GC pauses; JMC warns at a pause of one second. */
final class LongGcPauseRule implements Rule<GcProbe> {
    static final double WARNING_MILLIS = 1000;

    @Override
    public RuleId id() {
        return RuleId.LONG_GC_PAUSES;
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
        List<GcProbe.Gc> longest = gc.gcs.stream()
                .sorted(Comparator.comparingLong(GcProbe.Gc::longestPauseNanos).reversed()).limit(3).toList();
        GcProbe.Gc top = longest.getFirst();
        double ms = top.longestPauseNanos() / 1e6;
        double score = Scores.interp(ms, 0, 0, WARNING_MILLIS, 75, 2 * WARNING_MILLIS, 100);
        List<RuleFigure> figures = new ArrayList<>();
        figures.add(Figures.millis("longest pause", ms));
        List<RuleEvidence> evidence = new ArrayList<>();
        StringBuilder which = new StringBuilder();
        for (GcProbe.Gc g : longest) {
            evidence.add(new RuleEvidence.TimeRange("GC " + g.gcId() + " (" + g.name() + ", " + g.cause() + ")",
                    g.start(), g.start().plusNanos(Math.max(g.sumOfPausesNanos(), g.longestPauseNanos()))));
            which.append(which.isEmpty() ? "" : ", ").append(Units.duration(g.longestPauseNanos())).append(" (GC ")
                    .append(g.gcId()).append(", ").append(g.name()).append(", ").append(g.cause()).append(')');
        }
        String text = "The longest GC pauses were " + which + ". "
                + (score >= 25 ? "A pause this long stops every application thread; " + gcHint(gc)
                : "No pause comes near the one-second mark.");
        return RuleResult.scored(id(), score, text, figures, evidence);
    }

    private static String gcHint(GcProbe gc) {
        String c = gc.collector();
        return "Serial".equals(c) || "Parallel".equals(c)
                ? "a concurrent collector (G1, ZGC) keeps pauses short."
                : "a smaller live set, a larger heap or a pause-time goal shortens it.";
    }
}
