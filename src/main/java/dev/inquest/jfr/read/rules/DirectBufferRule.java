package dev.inquest.jfr.read.rules;

import dev.inquest.format.Units;
import dev.inquest.jfr.nativemem.NativeMemory;
import dev.inquest.jfr.nativemem.NativeMemory.Kind;
import dev.inquest.jfr.rules.RuleEvidence;
import dev.inquest.jfr.rules.RuleFigure;
import dev.inquest.jfr.rules.RuleId;
import dev.inquest.jfr.rules.RuleResult;
import java.util.ArrayList;
import java.util.List;

/**
 * Direct buffer memory (jdk.DirectBufferStatistics) near its limit, or growing. Near the limit is
 * judged on the peak's share of {@code -XX:MaxDirectMemorySize} (80 % a warning: the next
 * allocation may throw "Direct buffer memory"); growth on the least-squares growth over the
 * recording relative to where it started (doubling a warning), from 8 MB up.
 */
final class DirectBufferRule implements Rule<NativeProbe> {
    static final long NOISE = 8L << 20;

    @Override
    public RuleId id() {
        return RuleId.DIRECT_BUFFERS;
    }

    @Override
    public Probe.Kind<NativeProbe> probe() {
        return NativeProbe.KIND;
    }

    @Override
    public RuleResult evaluate(NativeProbe probe, RecordingFacts rec) {
        NativeMemory m = probe.memory(rec.length());
        NativeMemory.Series d = m.of(Kind.DIRECT_BUFFERS);
        if (!d.recorded()) {
            return RuleResult.notApplicable(id(), "No direct buffer statistics: " + d.absence() + ".");
        }
        NativeMemory.Stats s = d.stats();
        double fitted = s.perMinute() * s.span().toMillis() / 60_000.0;
        double limitShare = m.directLimit() > 0 ? (double) s.max() / m.directLimit() : 0;
        double limitScore = Scores.interp(limitShare, 0, 0, 0.5, 10, 0.8, 75, 0.95, 100);
        double growthScore = fitted < NOISE ? 0
                : Scores.interp(fitted / Math.max(s.first(), NOISE), 0, 0, 0.25, 25, 1.0, 75, 3.0, 90);
        double score = Math.max(limitScore, growthScore);
        NativeMemory.Series count = m.of(Kind.DIRECT_BUFFER_COUNT);
        StringBuilder text = new StringBuilder("Direct buffers held ").append(Units.bytes(s.first())).append(" at the start and ")
                .append(Units.bytes(s.last())).append(" at the end (at most ").append(Units.bytes(s.max()));
        if (count.recorded()) {
            text.append(", ").append(Units.count(count.stats().last())).append(" buffers at the end");
        }
        text.append(") over ").append(rec.lengthText());
        if (m.directLimit() > 0) {
            text.append("; the limit (-XX:MaxDirectMemorySize or the heap's maximum) is ").append(Units.bytes(m.directLimit()))
                    .append(", ").append(Units.percent(limitShare)).append(" of it at the peak");
        }
        text.append('.');
        if (score >= 75) {
            text.append(limitScore >= growthScore
                    ? " Close to the limit, the next allocateDirect may fail with \"OutOfMemoryError: Direct buffer memory\"."
                    : " Direct buffer memory keeps growing: buffers that are never released, or only when a GC finds their"
                      + " owners unreachable; `inquest heap offheap` on a heap dump names who holds them.");
        } else if (score >= 25) {
            text.append(" Direct buffer memory grew; worth watching over a longer recording.");
        } else {
            text.append(" Direct buffer memory stayed well within bounds.");
        }
        List<RuleFigure> figures = new ArrayList<>(List.of(Figures.bytes("first", s.first()), Figures.bytes("last", s.last()),
                Figures.bytes("peak", s.max()), Figures.bytes("fitted growth", fitted)));
        if (m.directLimit() > 0) {
            figures.add(Figures.bytes("limit", m.directLimit()));
            figures.add(Figures.percent("peak share of the limit", limitShare));
        }
        List<RuleEvidence.Point> points = d.points().stream().map(p -> new RuleEvidence.Point(p.time(), p.value())).toList();
        return RuleResult.scored(id(), score, text.toString(), figures, List.of(new RuleEvidence.Series(
                "direct buffer memory", RuleEvidence.SeriesKind.DIRECT_BUFFERS, RuleFigure.Unit.BYTES, points)));
    }
}
