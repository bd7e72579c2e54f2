package dev.inquest.jfr.rules;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * One rule's answer over a recording.
 *
 * @param score       0-100 with JMC's meaning (see {@link Verdict}); null when not applicable
 * @param verdict     the score's verdict, or {@link Verdict#NOT_APPLICABLE}
 * @param explanation one paragraph with the measured figures; for a rule that does not apply, why
 *                    (which events the recording lacks, or too few of them)
 * @param partial     the recording was cut short or damaged: the figures count only what was read
 */
@JsonPropertyOrder({"rule", "title", "verdict", "score", "explanation", "figures", "evidence", "partial"})
public record RuleResult(RuleId rule, Verdict verdict, Double score, String explanation, List<RuleFigure> figures,
                         List<RuleEvidence> evidence, boolean partial) {
    public RuleResult {
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(verdict, "verdict");
        Objects.requireNonNull(explanation, "explanation");
        if ((score == null) != (verdict == Verdict.NOT_APPLICABLE)) {
            throw new IllegalArgumentException("a score exactly when the rule applies: " + verdict + " " + score);
        }
        figures = figures == null ? List.of() : List.copyOf(figures);
        evidence = evidence == null ? List.of() : List.copyOf(evidence);
    }

    /** The rule's name as shown (in the JSON too, beside the rule's id). */
    @JsonProperty("title")
    public String title() {
        return rule.title();
    }

    /** A result with a score; the verdict follows from it. */
    public static RuleResult scored(RuleId rule, double score, String explanation, List<RuleFigure> figures,
                                    List<RuleEvidence> evidence) {
        double s = Math.max(0, Math.min(100, score));
        s = Math.round(s * 10) / 10.0;
        return new RuleResult(rule, Verdict.of(s), s, explanation, figures, evidence, false);
    }

    /** A rule that cannot judge this recording, and why. */
    public static RuleResult notApplicable(RuleId rule, String why) {
        return new RuleResult(rule, Verdict.NOT_APPLICABLE, null, why, List.of(), List.of(), false);
    }

    public RuleResult asPartial() {
        return new RuleResult(rule, verdict, score, explanation, figures, evidence, true);
    }

    /** A figure by name. */
    public java.util.Optional<RuleFigure> figure(String name) {
        return figures.stream().filter(f -> f.name().equals(name)).findFirst();
    }

    /** Worst first: verdict, then score, then the rule's order. */
    public static final Comparator<RuleResult> WORST_FIRST = Comparator
            .comparingInt((RuleResult r) -> -r.verdict().rank())
            .thenComparingDouble(r -> r.score() == null ? 0 : -r.score())
            .thenComparing(RuleResult::rule);
}
