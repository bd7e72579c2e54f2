package dev.inquest.jfr.read.rules;

import dev.inquest.format.Units;
import dev.inquest.jfr.rules.RuleId;
import dev.inquest.jfr.rules.RuleResult;
import java.util.List;

/**
 * Whether string deduplication would pay: strings' backing arrays take a large share of the
 * allocation while the heap after GC is well filled. Never more than info: it is a tuning hint.
 */
final class StringDeduplicationRule implements Rule<AllocationProbe> {
    @Override
    public RuleId id() {
        return RuleId.STRING_DEDUPLICATION;
    }

    @Override
    public Probe.Kind<AllocationProbe> probe() {
        return AllocationProbe.KIND;
    }

    @Override
    public RuleResult evaluate(AllocationProbe a, RecordingFacts rec) {
        if (Boolean.TRUE.equals(a.stringDeduplication)) {
            return RuleResult.scored(id(), 0, "String deduplication is on (-XX:+UseStringDeduplication).",
                    List.of(), List.of());
        }
        if (a.sampledBytes == 0) {
            return RuleResult.notApplicable(id(), "The recording has no allocation samples to tell how much of the"
                    + " allocation is strings.");
        }
        double share = (double) a.stringArrayBytesFromStrings / a.sampledBytes;
        // Deduplication saves heap only where heap is short: weighed by how full the heap runs after GC
        // (full weight from half the maximum heap), as JMC weighs the strings' share by heap usage.
        double usage = a.maxHeap > 0 && a.maxUsedAfterGc >= 0 ? (double) a.maxUsedAfterGc / a.maxHeap : 1;
        double score = Scores.interp(share, 0, 0, 0.2, 25, 0.5, 74) * Scores.interp(usage, 0, 0, 0.5, 1);
        var figures = List.of(Figures.percent("string arrays' share of allocation", share),
                Figures.bytes("string arrays allocated (sampled)", a.stringArrayBytesFromStrings),
                Figures.percent("heap used after GC, at most", usage));
        String text = "Arrays allocated for strings (byte[] and char[] from java.lang.String and its builders) are "
                + Units.percent(share) + " of the sampled allocation; the heap after GC ran at most "
                + Units.percent(usage) + " full. " + (score >= 25
                ? "If many of them are equal and long-lived, -XX:+UseStringDeduplication can save heap."
                : share < 0.2 ? "Too little for string deduplication to matter."
                : "The heap has room enough that deduplication would save little.");
        return RuleResult.scored(id(), score, text, figures, List.of());
    }
}
