package dev.inquest.investigation.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A statement under test. {@code id} (H1, H2...) is what next steps point at; it is stable
 * across edits of the statement.
 */
@JsonPropertyOrder({"id", "statement", "status", "tags", "notes", "evidence"})
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Hypothesis(String id, String statement, HypothesisStatus status, List<String> tags, String notes,
                         List<Evidence> evidence) {
    public Hypothesis {
        Objects.requireNonNull(statement, "statement");
        status = status == null ? HypothesisStatus.OPEN : status;
        tags = tags == null ? List.of() : List.copyOf(tags);
        notes = notes == null ? "" : notes;
        evidence = evidence == null ? List.of() : List.copyOf(evidence);
    }

    public static Hypothesis of(String id, String statement) {
        return new Hypothesis(id, statement, HypothesisStatus.OPEN, List.of(), "", List.of());
    }

    public Hypothesis withStatement(String s) {
        return new Hypothesis(id, s, status, tags, notes, evidence);
    }

    public Hypothesis withStatus(HypothesisStatus s) {
        return new Hypothesis(id, statement, s, tags, notes, evidence);
    }

    public Hypothesis withTags(List<String> t) {
        return new Hypothesis(id, statement, status, t, notes, evidence);
    }

    public Hypothesis withNotes(String n) {
        return new Hypothesis(id, statement, status, tags, n, evidence);
    }

    public Hypothesis withEvidence(List<Evidence> e) {
        return new Hypothesis(id, statement, status, tags, notes, e);
    }

    public Hypothesis plusEvidence(Evidence e) {
        List<Evidence> list = new ArrayList<>(evidence);
        list.add(e);
        return withEvidence(list);
    }

    public List<Evidence> supporting() {
        return evidence.stream().filter(e -> e.stance() == Stance.SUPPORTS).toList();
    }

    public List<Evidence> refuting() {
        return evidence.stream().filter(e -> e.stance() == Stance.REFUTES).toList();
    }
}
