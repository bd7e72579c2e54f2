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
 * Time lost to GC pauses: over the whole recording and in the worst window. JMC's limits: a ratio
 * of 5 % in a window is info, 10 % a warning.
 */
final class GcPauseRatioRule implements Rule<GcProbe> {
    static final Duration WINDOW = Duration.ofSeconds(10);

    @Override
    public RuleId id() {
        return RuleId.GC_PAUSE_RATIO;
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
        long total = 0;
        for (GcProbe.Gc g : gc.gcs) {
            total += g.sumOfPausesNanos();
        }
        double overall = total / (rec.seconds() * 1e9);
        // The worst window: a window starting at each GC, two pointers over the GCs in time order.
        long windowNanos = Math.min(WINDOW.toNanos(), Math.max(1, rec.length().toNanos()));
        double worst = 0;
        Instant worstFrom = gc.gcs.getFirst().start();
        long inWindow = 0;
        int j = 0;
        List<GcProbe.Gc> gcs = gc.gcs;
        for (int i = 0; i < gcs.size(); i++) {
            Instant end = gcs.get(i).start().plusNanos(windowNanos);
            while (j < gcs.size() && gcs.get(j).start().isBefore(end)) {
                inWindow += gcs.get(j).sumOfPausesNanos();
                j++;
            }
            double ratio = Math.min(1, (double) inWindow / windowNanos);
            if (ratio > worst) {
                worst = ratio;
                worstFrom = gcs.get(i).start();
            }
            inWindow -= gcs.get(i).sumOfPausesNanos();
        }
        double score = Scores.interp(worst * 100, 0, 0, 5, 25, 10, 75, 20, 100);
        List<RuleFigure> figures = List.of(Figures.percent("pause ratio, whole recording", overall),
                Figures.percent("pause ratio, worst window", worst), Figures.millis("total pause", total / 1e6),
                Figures.count("GCs", gcs.size()), Figures.seconds("window", windowNanos / 1e9));
        List<RuleEvidence.Point> pauses = new ArrayList<>(gcs.size());
        for (GcProbe.Gc g : gcs) {
            pauses.add(new RuleEvidence.Point(g.start(), g.sumOfPausesNanos() / 1e6));
        }
        String text = String.format(Locale.ROOT, "%s GCs paused the application for %s in total, %s of %s; in the worst"
                        + " %s window the pauses took %s. %s", Units.count(gcs.size()), Units.duration(total),
                Units.percent(overall), rec.lengthText(), Units.elapsed(windowNanos / 1_000_000), Units.percent(worst),
                score >= 25 ? "Pauses this long cost throughput and latency: a larger heap or less allocation shortens them."
                        : "Pauses do not take a significant share of the time.");
        return RuleResult.scored(id(), score, text, figures, List.of(
                new RuleEvidence.TimeRange("the worst pause window", worstFrom, worstFrom.plusNanos(windowNanos)),
                new RuleEvidence.Series("pause per GC (ms)", RuleEvidence.SeriesKind.GC_PAUSES, RuleFigure.Unit.MILLISECONDS,
                        pauses)));
    }
}
