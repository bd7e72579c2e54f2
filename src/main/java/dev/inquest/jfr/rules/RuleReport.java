package dev.inquest.jfr.rules;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;

/**
 * The rule set's answers over one recording, worst first.
 *
 * @param durationMillis the recording's length, which every rate in the explanations is stated with
 * @param partial        the recording was cut short or damaged: each result counts only what was read
 * @param elapsedMillis  how long the rules took (the one event pass and the evaluations)
 */
@JsonPropertyOrder({"durationMillis", "partial", "elapsedMillis", "results"})
public record RuleReport(long durationMillis, boolean partial, long elapsedMillis, List<RuleResult> results) {
    public RuleReport {
        results = results.stream().sorted(RuleResult.WORST_FIRST).toList();
    }

    /** One rule's result. */
    public java.util.Optional<RuleResult> result(RuleId rule) {
        return results.stream().filter(r -> r.rule() == rule).findFirst();
    }
}
