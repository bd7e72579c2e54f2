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
import java.util.Map;
import java.util.Set;

/**
 * Classes loaded and never unloaded, growing steadily (a class-loader leak: classes defined in
 * fresh loaders that stay reachable), and the same class name defined by many loaders.
 */
final class ClassLoadingRule implements Rule<ClassProbe> {
    @Override
    public RuleId id() {
        return RuleId.CLASS_LOADING;
    }

    @Override
    public Probe.Kind<ClassProbe> probe() {
        return ClassProbe.KIND;
    }

    @Override
    public RuleResult evaluate(ClassProbe c, RecordingFacts rec) {
        List<RuleFigure> figures = new ArrayList<>();
        List<RuleEvidence> evidence = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        double score = 0;
        boolean judged = false;
        List<ClassProbe.Loaded> s = c.samples;
        if (s.size() >= GrowthTrend.MIN_POINTS) {
            Instant t0 = s.getFirst().time();
            Duration span = Duration.between(t0, s.getLast().time());
            if (span.compareTo(GrowthTrend.MIN_SPAN) >= 0) {
                judged = true;
                List<double[]> xy = new ArrayList<>();
                List<RuleEvidence.Point> chart = new ArrayList<>();
                for (ClassProbe.Loaded l : s) {
                    xy.add(new double[] {Duration.between(t0, l.time()).toNanos() / 1e9, l.live()});
                    chart.add(new RuleEvidence.Point(l.time(), l.live()));
                }
                Scores.Line line = Scores.Line.fit(xy);
                long growth = s.getLast().live() - s.getFirst().live();
                long unloaded = s.getLast().unloaded() - s.getFirst().unloaded();
                double relative = s.getFirst().live() <= 0 ? 0 : (double) growth / s.getFirst().live();
                double confidence = line.slope() > 0 ? line.r2() : 0;
                score = confidence * Scores.interp(relative, 0, 0, 0.1, 25, 0.5, 75, 1.0, 100);
                figures.add(Figures.count("classes at the start", s.getFirst().live()));
                figures.add(Figures.count("classes at the end", s.getLast().live()));
                figures.add(Figures.count("classes unloaded", unloaded));
                figures.add(Figures.percent("relative growth", relative));
                figures.add(Figures.percent("confidence (R²)", line.r2()));
                text.append(String.format(Locale.ROOT, "Loaded classes went from %s to %s over %s (of %s), %s unloaded"
                                + " meanwhile; a straight line explains R\u00b2 = %.2f of it.", Units.count(s.getFirst().live()),
                        Units.count(s.getLast().live()), Units.elapsed(span.toMillis()), rec.lengthText(),
                        Units.count(unloaded), line.r2()));
                if (span.compareTo(GrowthTrend.MIN_SPAN_FOR_RATE) >= 0) {
                    figures.add(new RuleFigure("classes per minute", Math.round(line.slope() * 60), RuleFigure.Unit.COUNT));
                    text.append(" That is ").append(Units.countDelta(Math.round(line.slope() * 60))).append(" classes per minute.");
                }
                evidence.add(new RuleEvidence.Series("classes loaded", RuleEvidence.SeriesKind.CLASSES_LOADED,
                        RuleFigure.Unit.COUNT, chart));
            }
        }
        if (!c.loadersByName.isEmpty()) {
            judged = true;
            Map.Entry<String, Set<Long>> most = c.loadersByName.entrySet().stream()
                    .max(Map.Entry.<String, Set<Long>>comparingByValue(java.util.Comparator.comparingInt(Set::size))
                            .thenComparing(Map.Entry.<String, Set<Long>>comparingByKey().reversed())).orElseThrow();
            int loaders = most.getValue().size();
            figures.add(Figures.count("most loaders defining one class name", loaders));
            figures.add(Figures.count("class definitions recorded", c.definitions));
            text.append(text.isEmpty() ? "" : " ").append("Of ").append(Units.count(c.definitions))
                    .append(" class definitions recorded, ");
            text.append(loaders <= 1 ? "no class name was defined by more than one loader."
                    : most.getKey() + " was defined by " + Units.count(loaders) + " loaders.");
            score = Math.max(score, loaders <= 1 ? 0 : Scores.interp(loaders, 1, 0, 10, 25, 50, 75, 200, 100));
        }
        if (!judged) {
            return RuleResult.notApplicable(id(), "Too few jdk.ClassLoadingStatistics samples (" + s.size() + ") over too"
                    + " short a span, and no jdk.ClassDefine or jdk.ClassLoad events, to judge class loading.");
        }
        text.append(score >= 25 ? " Classes keep being defined and stay loaded: look for class loaders kept reachable"
                + " (a thread-local, a static registry, a leaked context)." : " Class loading is not growing.");
        return RuleResult.scored(id(), score, text.toString(), figures, evidence);
    }
}
