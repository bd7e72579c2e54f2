package dev.inquest.jfr.read.rules;

import dev.inquest.format.Units;
import dev.inquest.jfr.rules.RuleEvidence;
import dev.inquest.jfr.rules.RuleId;
import dev.inquest.jfr.rules.RuleResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Stop-the-world full collections. For G1 (and CMS) a full GC means the concurrent collector fell
 * behind: a warning, unless System.gc() asked for every one of them (then the System.gc() rule
 * speaks). For Serial and Parallel, a full collection is how the old generation is collected.
 */
final class FullGcRule implements Rule<GcProbe> {
    static final Set<String> FULL = Set.of("G1Full", "SerialOld", "ParallelOld", "PSMarkSweep", "G1 Full",
            "Shenandoah Full GC", "Shenandoah Degenerated GC");

    @Override
    public RuleId id() {
        return RuleId.FULL_GC;
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
        List<GcProbe.Gc> full = gc.gcs.stream().filter(g -> FULL.contains(g.name())).toList();
        long explicit = full.stream().filter(g -> SystemGcRule.isExplicit(g.cause())).count();
        long other = full.size() - explicit;
        String collector = gc.collector();
        boolean concurrent = collector == null || !(collector.equals("Serial") || collector.equals("Parallel"));
        List<RuleEvidence> evidence = new ArrayList<>();
        full.stream().filter(g -> !SystemGcRule.isExplicit(g.cause())).limit(3).forEach(g -> evidence.add(
                new RuleEvidence.TimeRange("full GC " + g.gcId() + " (" + g.cause() + ")", g.start(),
                        g.start().plusNanos(g.sumOfPausesNanos()))));
        var figures = List.of(Figures.count("full GCs", full.size()), Figures.count("caused by System.gc()", explicit),
                Figures.count("GCs", gc.gcs.size()));
        String counts = Units.count(full.size()) + " of " + Units.count(gc.gcs.size()) + " GCs were full, stop-the-world"
                + " collections (" + Units.count(explicit) + " asked for by System.gc())";
        if (!concurrent) {
            return RuleResult.scored(id(), 0, counts + ". With the " + collector + " collector a full collection is how"
                    + " the old generation is collected; their pauses are judged by the pause rules.", figures, evidence);
        }
        if (other > 0) {
            return RuleResult.scored(id(), 100, counts + ". With " + (collector == null ? "a concurrent collector" : collector)
                    + ", a full GC the application did not ask for means the collector could not keep up (the heap"
                    + " filled before a concurrent cycle finished): a larger heap, an earlier start of the concurrent"
                    + " cycle or less allocation avoids it.", figures, evidence);
        }
        if (explicit > 0) {
            return RuleResult.scored(id(), 50, counts + "; every one of them was System.gc(): see that rule.", figures, evidence);
        }
        return RuleResult.scored(id(), 0, "No full, stop-the-world collection in " + Units.count(gc.gcs.size()) + " GCs.",
                figures, evidence);
    }
}
