package dev.inquest.investigation.session;

import dev.inquest.investigation.model.Case;
import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * One user-visible change: a pure function from case to case plus the words an Undo menu shows.
 * Pure functions make undo trivial (keep the old value) and let tests check edits without files.
 */
public record CaseEdit(String label, UnaryOperator<Case> change) {
    public CaseEdit {
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(change, "change");
    }

    public Case applyTo(Case c) {
        return change.apply(c);
    }

    /** Both edits as one undo step (e.g. add a hypothesis and pin evidence to it). */
    public CaseEdit then(CaseEdit next) {
        return new CaseEdit(label, c -> next.applyTo(applyTo(c)));
    }
}
