package dev.inquest.jfr.read.rules;

import dev.inquest.format.Units;
import dev.inquest.jfr.nativemem.NativeMemory;
import dev.inquest.jfr.nativemem.NativeMemory.Kind;
import dev.inquest.jfr.rules.RuleEvidence;
import dev.inquest.jfr.rules.RuleFigure;
import dev.inquest.jfr.rules.RuleId;
import dev.inquest.jfr.rules.RuleResult;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Native memory tracking (jdk.NativeMemoryUsage, with -XX:NativeMemoryTracking=summary): the
 * category outside the Java heap whose committed memory grew most, relative to all committed
 * memory at the end (10 % worth a look, 25 % a warning; under 16 MB is noise). The Java heap's
 * own category is left to the heap rules.
 */
final class NativeTrackingRule implements Rule<NativeProbe> {
    private static final String HEAP = "Java Heap";

    @Override
    public RuleId id() {
        return RuleId.NATIVE_MEMORY_TRACKING;
    }

    @Override
    public Probe.Kind<NativeProbe> probe() {
        return NativeProbe.KIND;
    }

    @Override
    public RuleResult evaluate(NativeProbe probe, RecordingFacts rec) {
        NativeMemory m = probe.memory(rec.length());
        if (!m.nmtRecorded() || m.nmtCategories().isEmpty()) {
            return RuleResult.notApplicable(id(), "No native memory tracking events: run the JVM with"
                    + " -XX:NativeMemoryTracking=summary (jdk.NativeMemoryUsage, JDK 20 and later) to see which part grows.");
        }
        List<NativeMemory.Series> grew = m.nmtCategories().stream().filter(s -> !HEAP.equals(s.category()))
                .sorted(Comparator.comparingLong((NativeMemory.Series s) -> -s.stats().growth())).toList();
        NativeMemory.Series total = m.of(Kind.NMT_TOTAL);
        long committed = total.recorded() ? total.stats().last()
                : m.nmtCategories().stream().mapToLong(s -> s.stats().last()).sum();
        if (grew.isEmpty()) {
            return RuleResult.scored(id(), 0, "Native memory tracking recorded only the Java heap's category.", List.of(),
                    List.of());
        }
        NativeMemory.Series top = grew.getFirst();
        long growth = top.stats().growth();
        double share = (double) growth / Math.max(1, committed);
        double score = growth <= 0 ? 0 : Scores.interp(share, 0, 0, 0.05, 10, 0.10, 25, 0.25, 75, 0.5, 100);
        if (growth < ResidentSetRule.NOISE) {
            score = Math.min(score, 20);
        }
        String others = grew.stream().skip(1).filter(s -> s.stats().growth() >= ResidentSetRule.NOISE).limit(3)
                .map(s -> s.category() + " " + Units.bytesDelta(s.stats().growth())).collect(Collectors.joining(", "));
        String text = "Native memory tracking: " + Units.bytes(committed) + " committed at the end of " + rec.lengthText()
                + ". Outside the Java heap, \"" + top.category() + "\" grew most: " + Units.bytes(top.stats().first()) + " to "
                + Units.bytes(top.stats().last()) + " (" + Units.bytesDelta(growth) + ", " + Units.percent(share)
                + " of all committed memory)" + (others.isEmpty() ? "" : "; then " + others) + "."
                + (score >= 75 ? " That category is where the process grows; \"Other\" is mostly direct buffers and"
                        + " Unsafe or FFM allocations, \"Thread\" thread stacks, \"Class\" class metadata."
                : score >= 25 ? " Worth watching over a longer recording." : " No category outside the heap grew much.");
        List<RuleEvidence.Point> points = top.points().stream().map(p -> new RuleEvidence.Point(p.time(), p.value())).toList();
        return RuleResult.scored(id(), score, text, List.of(Figures.bytes("committed at the end", committed),
                        Figures.bytes(top.category() + " growth", growth), Figures.percent(top.category() + " growth share", share)),
                List.of(new RuleEvidence.Series("NMT committed: " + top.category(), RuleEvidence.SeriesKind.NMT_CATEGORY,
                        RuleFigure.Unit.BYTES, points)));
    }
}
