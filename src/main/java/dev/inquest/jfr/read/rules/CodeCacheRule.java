package dev.inquest.jfr.read.rules;

import dev.inquest.format.Units;
import dev.inquest.jfr.rules.RuleFigure;
import dev.inquest.jfr.rules.RuleId;
import dev.inquest.jfr.rules.RuleResult;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The code cache filling up: once full, the JIT stops compiling. */
final class CodeCacheRule implements Rule<MiscProbe> {
    @Override
    public RuleId id() {
        return RuleId.CODE_CACHE;
    }

    @Override
    public Probe.Kind<MiscProbe> probe() {
        return MiscProbe.KIND;
    }

    @Override
    public RuleResult evaluate(MiscProbe m, RecordingFacts rec) {
        if (m.codeHeaps.isEmpty() && m.codeCacheFull == 0) {
            return RuleResult.notApplicable(id(), "The recording has no jdk.CodeCacheStatistics or jdk.CodeCacheFull events.");
        }
        if (m.codeCacheFull > 0) {
            return RuleResult.scored(id(), 100, "The code cache was full " + Units.count(m.codeCacheFull)
                    + " time(s) (jdk.CodeCacheFull): the JIT compiler stopped compiling. Raise -XX:ReservedCodeCacheSize.",
                    List.of(Figures.count("code cache full events", m.codeCacheFull)), List.of());
        }
        // The latest sample of each code heap.
        Map<String, MiscProbe.CodeHeap> last = new LinkedHashMap<>();
        for (MiscProbe.CodeHeap h : m.codeHeaps) {
            last.put(h.blobType(), h);
        }
        MiscProbe.CodeHeap fullest = last.values().stream()
                .max(java.util.Comparator.comparingDouble(MiscProbe.CodeHeap::usedShare)).orElseThrow();
        double used = fullest.usedShare();
        double score = Scores.interp(used, 0, 0, 0.9, 25, 0.95, 75, 1, 100);
        List<RuleFigure> figures = new ArrayList<>();
        for (MiscProbe.CodeHeap h : last.values()) {
            figures.add(Figures.percent("used: " + h.blobType(), h.usedShare()));
        }
        return RuleResult.scored(id(), score, "The fullest code heap, " + fullest.blobType() + ", is "
                + Units.percent(used) + " used (" + Units.bytes(fullest.unallocated()) + " of " + Units.bytes(fullest.reserved())
                + " free). " + (score >= 25 ? "When it fills, compilation stops: raise -XX:ReservedCodeCacheSize."
                : "There is room to spare."), figures, List.of());
    }
}
