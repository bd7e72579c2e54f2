package dev.inquest.jfr.read.rules;

import dev.inquest.format.Units;
import dev.inquest.jfr.rules.RuleEvidence;
import dev.inquest.jfr.rules.RuleFigure;
import dev.inquest.jfr.rules.RuleId;
import dev.inquest.jfr.rules.RuleResult;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The judgement the live-set and metaspace rules share: a straight line through the values after
 * each GC, its confidence (R²), and how much it grows relative to where it starts. Growth is stated
 * over the span the GCs cover; a per-minute rate only when they span a minute or more, and a time
 * to the limit always with the length it is extrapolated from.
 */
final class GrowthTrend {
    /** Fewer points than this and a line through them says nothing. */
    static final int MIN_POINTS = 5;
    /** Points spanning less than this: no verdict (a start-up burst looks like a leak). */
    static final Duration MIN_SPAN = Duration.ofSeconds(10);
    /** A per-minute rate is stated from a span of at least this. */
    static final Duration MIN_SPAN_FOR_RATE = Duration.ofMinutes(1);

    private GrowthTrend() {
    }

    /**
     * @param what    "the live set (heap used after GC)"
     * @param points  (time, bytes) after each GC, in time order
     * @param limit   the maximum the value may reach (max heap), or -1 when unknown
     */
    static RuleResult judge(RuleId rule, String what, String eventName, List<GcProbe.AfterGc> points, long limit,
                            String limitName, RuleEvidence.SeriesKind series, RecordingFacts rec) {
        if (points.isEmpty()) {
            return RuleResult.notApplicable(rule, "The recording has no " + eventName + " events after GC, so " + what
                    + " cannot be followed.");
        }
        Instant t0 = points.getFirst().time();
        Duration span = Duration.between(t0, points.getLast().time());
        if (points.size() < MIN_POINTS || span.compareTo(MIN_SPAN) < 0) {
            return RuleResult.notApplicable(rule, String.format(Locale.ROOT,
                    "No verdict: %d GCs over %s (of %s) are too few or too close together to tell a trend of %s"
                            + " from noise; it needs at least %d GCs over at least %d s.",
                    points.size(), Units.elapsed(span.toMillis()), rec.lengthText(), what, MIN_POINTS, MIN_SPAN.toSeconds()));
        }
        List<double[]> xy = new ArrayList<>(points.size());
        List<RuleEvidence.Point> chart = new ArrayList<>(points.size());
        for (GcProbe.AfterGc p : points) {
            xy.add(new double[] {Duration.between(t0, p.time()).toNanos() / 1e9, p.used()});
            chart.add(new RuleEvidence.Point(p.time(), p.used()));
        }
        Scores.Line line = Scores.Line.fit(xy);
        double growth = Math.round(line.last() - line.first());
        double relative = line.first() <= 0 ? 0 : growth / line.first();
        double confidence = line.slope() > 0 ? line.r2() : 0;
        // 10 % growth over the span is info-worthy if the line is trusted, 50 % a warning, doubling the worst.
        double score = line.slope() <= 0 ? 0 : confidence * Scores.interp(relative, 0, 0, 0.1, 25, 0.5, 75, 1.0, 100);
        List<RuleFigure> figures = new ArrayList<>();
        figures.add(Figures.bytes("first after GC", points.getFirst().used()));
        figures.add(Figures.bytes("last after GC", points.getLast().used()));
        figures.add(Figures.bytes("growth over the span", growth));
        figures.add(Figures.percent("relative growth", relative));
        figures.add(Figures.percent("confidence (R²)", line.r2()));
        figures.add(Figures.count("GCs", points.size()));
        figures.add(Figures.seconds("span", span.toMillis() / 1000.0));
        StringBuilder text = new StringBuilder();
        text.append(String.format(Locale.ROOT, "Over %d GCs spanning %s (of %s), %s went from %s to %s;"
                        + " the fitted line %s by %s (%s of where it starts) with R\u00b2 = %.2f.",
                points.size(), Units.elapsed(span.toMillis()), rec.lengthText(), what,
                Units.bytes(points.getFirst().used()), Units.bytes(points.getLast().used()),
                growth >= 0 ? "grows" : "shrinks", Units.bytes(Math.abs(growth)), Units.percent(relative), line.r2()));
        if (span.compareTo(MIN_SPAN_FOR_RATE) >= 0) {
            figures.add(Figures.rate("slope", line.slope()));
            text.append(" That is ").append(Units.bytesDelta(line.slope() * 60)).append(" per minute.");
        } else {
            text.append(" No per-minute rate is stated from a span under a minute.");
        }
        if (line.slope() > 0 && limit > 0 && confidence >= 0.5) {
            double toLimit = (limit - line.last()) / line.slope();
            figures.add(Figures.seconds("extrapolated time to " + limitName, Math.max(0, toLimit)));
            text.append(" Extrapolated from these ").append(Units.elapsed(span.toMillis()))
                    .append(", it would reach the ").append(limitName).append(" (").append(Units.bytes(limit))
                    .append(") in about ").append(Units.elapsed(Math.round(Math.max(0, toLimit) * 1000))).append('.');
        }
        if (score < 25) {
            text.append(line.slope() <= 0 || relative < 0.1 ? " It is not growing enough to suggest a leak."
                    : " The points scatter too much around the line to call it growth.");
        }
        List<RuleEvidence> evidence = List.of(
                new RuleEvidence.Series(what, series, RuleFigure.Unit.BYTES, chart),
                new RuleEvidence.TimeRange("the GCs fitted", t0, points.getLast().time()));
        return RuleResult.scored(rule, score, text.toString(), figures, evidence);
    }
}
