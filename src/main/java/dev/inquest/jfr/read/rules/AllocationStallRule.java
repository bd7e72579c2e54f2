package dev.inquest.jfr.read.rules;

import dev.inquest.format.Units;
import dev.inquest.jfr.rules.RuleEvidence;
import dev.inquest.jfr.rules.RuleId;
import dev.inquest.jfr.rules.RuleResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Signs the collector could not keep up with allocation: threads stalled waiting for memory (ZGC),
 * evacuation failures (G1), collections caused by allocation failing outright.
 */
final class AllocationStallRule implements Rule<GcProbe> {
    static final Set<String> FAILURE_CAUSES = Set.of("Allocation Failure", "G1 Evacuation Pause: to-space exhausted",
            "Concurrent Mode Failure", "Allocation Stall");

    @Override
    public RuleId id() {
        return RuleId.ALLOCATION_STALLS;
    }

    @Override
    public Probe.Kind<GcProbe> probe() {
        return GcProbe.KIND;
    }

    @Override
    public RuleResult evaluate(GcProbe gc, RecordingFacts rec) {
        if (gc.gcs.isEmpty() && gc.stalls.isEmpty()) {
            return RuleResult.notApplicable(id(), "The recording has no jdk.GarbageCollection events.");
        }
        long stallNanos = gc.stalls.stream().mapToLong(GcProbe.Stall::nanos).sum();
        String collector = gc.collector();
        boolean concurrent = collector == null || !(collector.equals("Serial") || collector.equals("Parallel"));
        // For Serial and Parallel an "Allocation Failure" young GC is the normal trigger, not a stall.
        List<GcProbe.Gc> fullOnFailure = gc.gcs.stream().filter(g -> FullGcRule.FULL.contains(g.name())
                && concurrent && FAILURE_CAUSES.contains(g.cause())).toList();
        double score = 0;
        if (!gc.stalls.isEmpty()) {
            score = Math.max(score, Scores.interp(stallNanos / 1e6, 0, 50, 500, 75, 5000, 100));
        }
        if (gc.evacuationFailures > 0) {
            score = Math.max(score, 50);
        }
        if (!fullOnFailure.isEmpty()) {
            score = Math.max(score, 75);
        }
        var figures = List.of(Figures.count("allocation stalls", gc.stalls.size()),
                Figures.millis("time stalled", stallNanos / 1e6), Figures.count("evacuation failures", gc.evacuationFailures),
                Figures.count("full GCs on allocation failure", fullOnFailure.size()));
        List<RuleEvidence> evidence = new ArrayList<>();
        gc.stalls.stream().sorted((a, b) -> Long.compare(b.nanos(), a.nanos())).limit(3).forEach(s -> evidence.add(
                new RuleEvidence.TimeRange("allocation stall of thread " + s.thread(), s.start(), s.start().plusNanos(s.nanos()))));
        fullOnFailure.stream().limit(3).forEach(g -> evidence.add(new RuleEvidence.TimeRange("GC " + g.gcId() + " ("
                + g.cause() + ")", g.start(), g.start().plusNanos(g.sumOfPausesNanos()))));
        if (score == 0) {
            return RuleResult.scored(id(), 0, "No allocation stall, evacuation failure or full GC on allocation failure:"
                    + " the collector kept up with allocation.", figures, evidence);
        }
        String text = "The collector did not always keep up: " + Units.count(gc.stalls.size()) + " allocation stall(s) ("
                + Units.duration(stallNanos) + " in all), " + Units.count(gc.evacuationFailures) + " evacuation failure(s), "
                + Units.count(fullOnFailure.size()) + " full GC(s) because an allocation failed. Threads wait while this"
                + " happens; a larger heap, more concurrent GC threads or less allocation helps.";
        return RuleResult.scored(id(), score, text, figures, evidence);
    }
}
