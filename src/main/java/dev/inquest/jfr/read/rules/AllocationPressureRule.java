package dev.inquest.jfr.read.rules;

import dev.inquest.format.Units;
import dev.inquest.jfr.rules.RuleEvidence;
import dev.inquest.jfr.rules.RuleFigure;
import dev.inquest.jfr.rules.RuleId;
import dev.inquest.jfr.rules.RuleResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * How fast the application allocates, and who: the top classes, threads and sites. A rate of
 * 256 MB/s is info, 1 GB/s a warning (every byte allocated is work for the collector).
 */
final class AllocationPressureRule implements Rule<AllocationProbe> {
    static final double MB = 1024 * 1024;

    @Override
    public RuleId id() {
        return RuleId.ALLOCATION_PRESSURE;
    }

    @Override
    public Probe.Kind<AllocationProbe> probe() {
        return AllocationProbe.KIND;
    }

    @Override
    public RuleResult evaluate(AllocationProbe a, RecordingFacts rec) {
        long fromThreads = a.threadStatisticsBytes();
        long fromTlabs = a.tlabEvents + a.outsideEvents > 0 ? a.tlabBytes + a.outsideBytes : -1;
        long total;
        String source;
        if (fromThreads > 0) {
            total = fromThreads;
            source = "as the threads' allocation counters (jdk.ThreadAllocationStatistics) tell";
        } else if (fromTlabs > 0 && a.asyncProfiler) {
            return RuleResult.notApplicable(id(), "The only allocation events are async-profiler's samples, whose weights"
                    + " are its estimates, and the recording has no jdk.ThreadAllocationStatistics to state a rate from.");
        } else if (fromTlabs > 0) {
            total = fromTlabs;
            source = "from the TLAB events";
        } else if (a.samples > 0) {
            total = a.sampledBytes;
            source = "estimated from allocation samples";
        } else {
            return RuleResult.notApplicable(id(), "The recording has no allocation events (jdk.ObjectAllocationSample,"
                    + " the TLAB events or jdk.ThreadAllocationStatistics).");
        }
        double rate = total / rec.seconds();
        double score = Scores.interp(rate / MB, 0, 0, 256, 25, 1024, 75, 4096, 100);
        List<RuleFigure> figures = new ArrayList<>();
        figures.add(Figures.rate("allocation rate", rate));
        figures.add(Figures.bytes("allocated", total));
        List<RuleEvidence> evidence = new ArrayList<>();
        StringBuilder text = new StringBuilder(String.format(java.util.Locale.ROOT,
                "The application allocated %s in %s (%s), %s/s.", Units.bytes(total), rec.lengthText(), source,
                Units.bytes(rate)));
        if (a.sampledBytes > 0) {
            text.append(" By the allocation samples, the top classes were ").append(top(a.byClass, a.sampledBytes, 3))
                    .append("; the top threads ").append(top(a.byThread, a.sampledBytes, 3))
                    .append("; the top sites ").append(top(a.bySite, a.sampledBytes, 3)).append('.');
            first(a.byClass).ifPresent(e -> figures.add(Figures.percent("top class share: " + e.getKey(),
                    (double) e.getValue() / a.sampledBytes)));
            first(a.byThread).ifPresent(e -> figures.add(Figures.percent("top thread share: " + e.getKey(),
                    (double) e.getValue() / a.sampledBytes)));
            first(a.bySite).ifPresent(e -> {
                figures.add(Figures.percent("top site share: " + e.getKey(), (double) e.getValue() / a.sampledBytes));
                evidence.add(new RuleEvidence.Frame("the top allocation site", RuleEvidence.FlameKind.ALLOCATION,
                        e.getKey(), List.of()));
            });
        }
        text.append(score >= 25 ? " Allocating this fast keeps the collector busy; the top sites are where less"
                + " allocation pays most." : " The rate is moderate.");
        return RuleResult.scored(id(), score, text.toString(), figures, evidence);
    }

    static java.util.Optional<Map.Entry<String, Long>> first(Map<String, Long> m) {
        // Equal values: the first name wins, whatever order the groups merged in.
        return m.entrySet().stream().max(Map.Entry.<String, Long>comparingByValue()
                .thenComparing(Map.Entry.<String, Long>comparingByKey().reversed()));
    }

    static String top(Map<String, Long> m, long total, int n) {
        StringBuilder sb = new StringBuilder();
        m.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()
                .thenComparing(Map.Entry.comparingByKey())).limit(n).forEach(e ->
                sb.append(sb.isEmpty() ? "" : ", ").append(e.getKey()).append(" (")
                        .append(Units.percent((double) e.getValue() / total)).append(')'));
        return sb.isEmpty() ? "none" : sb.toString();
    }
}
