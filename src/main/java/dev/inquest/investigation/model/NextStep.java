package dev.inquest.investigation.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.Objects;

/**
 * One item of the checklist.
 *
 * @param priority   null when nobody set one (documents often have plain numbered steps)
 * @param owner      free text, e.g. {@code @dana}; null when unassigned
 * @param hypothesis the id of the hypothesis this step tests, or null
 */
@JsonPropertyOrder({"text", "done", "priority", "owner", "hypothesis"})
@JsonInclude(JsonInclude.Include.NON_NULL)
public record NextStep(String text, boolean done, Priority priority, String owner, String hypothesis) {
    public NextStep {
        Objects.requireNonNull(text, "text");
    }

    public static NextStep of(String text) {
        return new NextStep(text, false, null, null, null);
    }

    public NextStep withDone(boolean d) {
        return new NextStep(text, d, priority, owner, hypothesis);
    }

    public NextStep withText(String t) {
        return new NextStep(t, done, priority, owner, hypothesis);
    }

    public NextStep withPriority(Priority p) {
        return new NextStep(text, done, p, owner, hypothesis);
    }

    public NextStep withOwner(String o) {
        return new NextStep(text, done, priority, o, hypothesis);
    }

    public NextStep withHypothesis(String h) {
        return new NextStep(text, done, priority, owner, h);
    }
}
