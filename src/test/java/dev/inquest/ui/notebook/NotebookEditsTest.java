package dev.inquest.ui.notebook;

import static org.assertj.core.api.Assertions.assertThat;

import dev.inquest.investigation.model.Case;
import dev.inquest.investigation.model.Hypothesis;
import dev.inquest.investigation.model.NextStep;
import dev.inquest.investigation.model.Stance;
import dev.inquest.investigation.session.CaseSession;
import dev.inquest.investigation.session.Edits;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** The edits the notebook added to the case engine: reorder, tick-and-sort, flip stance. */
class NotebookEditsTest {
    private final CaseSession s = CaseSession.inMemory(Case.create("t", LocalDate.of(2026, 11, 1)));

    @Test
    void dragReordersHypothesesKeepingIdsAndUndoes() {
        s.apply(Edits.addHypothesis("a"));
        s.apply(Edits.addHypothesis("b"));
        s.apply(Edits.addHypothesis("c"));
        s.apply(Edits.moveHypothesis("H3", 0));
        assertThat(s.current().hypotheses()).extracting(Hypothesis::id).containsExactly("H3", "H1", "H2");
        s.apply(Edits.moveHypothesis("H3", 2));
        assertThat(s.current().hypotheses()).extracting(Hypothesis::id).containsExactly("H1", "H2", "H3");
        assertThat(s.undoLabel()).contains("Move hypothesis");
        s.undo();
        assertThat(s.current().hypotheses()).extracting(Hypothesis::id).containsExactly("H3", "H1", "H2");
        // A new hypothesis still gets the next number, not a reused one.
        s.apply(Edits.addHypothesis("d"));
        assertThat(s.current().hypotheses().getLast().id()).isEqualTo("H4");
    }

    @Test
    void tickedStepsMoveBelowOpenOnesAndComeBackWhenUnticked() {
        s.apply(Edits.addNextStep(NextStep.of("one")));
        s.apply(Edits.addNextStep(NextStep.of("two")));
        s.apply(Edits.addNextStep(NextStep.of("three")));
        s.apply(Edits.tickNextStep(0));
        assertThat(s.current().nextSteps()).extracting(NextStep::text).containsExactly("two", "three", "one");
        s.apply(Edits.tickNextStep(1));
        assertThat(s.current().nextSteps()).extracting(NextStep::text, NextStep::done).containsExactly(
                org.assertj.core.groups.Tuple.tuple("two", false), org.assertj.core.groups.Tuple.tuple("three", true),
                org.assertj.core.groups.Tuple.tuple("one", true));
        s.apply(Edits.tickNextStep(2));
        assertThat(s.current().nextSteps()).extracting(NextStep::text).containsExactly("two", "one", "three");
    }

    @Test
    void evidenceChangesSidesById() {
        s.apply(Edits.addHypothesis("a"));
        s.apply(Edits.pinEvidence("H1", Drafts.dominatorRow(Path.of("/x/d.hprof")), Instant.EPOCH));
        s.apply(Edits.evidenceStance("E1", Stance.REFUTES));
        Hypothesis h = s.current().hypothesis("H1").orElseThrow();
        assertThat(h.refuting()).extracting(e -> e.id()).containsExactly("E1");
        assertThat(h.supporting()).isEmpty();
    }
}
