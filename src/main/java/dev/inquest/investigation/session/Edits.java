package dev.inquest.investigation.session;

import dev.inquest.investigation.model.Artifact;
import dev.inquest.investigation.model.ArtifactRole;
import dev.inquest.investigation.model.Case;
import dev.inquest.investigation.model.CaseStatus;
import dev.inquest.investigation.model.Evidence;
import dev.inquest.investigation.model.Hypothesis;
import dev.inquest.investigation.model.HypothesisStatus;
import dev.inquest.investigation.model.NextStep;
import dev.inquest.investigation.model.Reference;
import dev.inquest.investigation.model.Section;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The edits the notebook offers, as {@link CaseEdit} values. Indexes are positions in the list
 * the user sees; ids (H1, E3, A2) are stable across edits and are what references use.
 */
public final class Edits {
    private Edits() {
    }

    private static CaseEdit edit(String label, UnaryOperator<Case.Builder> change) {
        return new CaseEdit(label, c -> change.apply(c.toBuilder()).build());
    }

    public static CaseEdit title(String title) {
        return edit("Rename case", b -> b.title(title));
    }

    public static CaseEdit subtask(Integer number) {
        return edit("Set subtask number", b -> b.subtask(number));
    }

    public static CaseEdit status(CaseStatus status, String detail) {
        return edit("Set status " + status.label(), b -> b.status(status).statusDetail(detail));
    }

    public static CaseEdit authors(List<String> authors) {
        return edit("Set authors", b -> {
            b.authors = new ArrayList<>(authors);
            return b;
        });
    }

    public static CaseEdit summary(String markdown) {
        return edit("Edit summary", b -> b.summary(markdown));
    }

    // ---- context, findings, actions: ordered Markdown items

    public static CaseEdit addItem(Section section, String markdown) {
        return edit("Add " + noun(section), b -> {
            b.items(section).add(markdown);
            return b;
        });
    }

    public static CaseEdit setItem(Section section, int index, String markdown) {
        return edit("Edit " + noun(section), b -> {
            b.items(section).set(index, markdown);
            return b;
        });
    }

    public static CaseEdit removeItem(Section section, int index) {
        return edit("Delete " + noun(section), b -> {
            b.items(section).remove(index);
            return b;
        });
    }

    public static CaseEdit moveItem(Section section, int from, int to) {
        return edit("Move " + noun(section), b -> {
            List<String> items = b.items(section);
            items.add(to, items.remove(from));
            return b;
        });
    }

    private static String noun(Section s) {
        return switch (s) {
            case CONTEXT -> "context item";
            case FINDINGS -> "finding";
            case ACTIONS -> "action";
            case HYPOTHESES -> "hypothesis";
            case NEXT_STEPS -> "next step";
            case REFERENCES -> "reference";
        };
    }

    // ---- hypotheses and evidence

    /** Adds a hypothesis with the next free id (H1, H2...). */
    public static CaseEdit addHypothesis(String statement) {
        return edit("Add hypothesis", b -> {
            b.hypotheses.add(Hypothesis.of(nextId("H", b.hypotheses.stream().map(Hypothesis::id).toList()), statement));
            return b;
        });
    }

    public static CaseEdit updateHypothesis(String id, String label, UnaryOperator<Hypothesis> change) {
        return edit(label, b -> {
            b.hypotheses.replaceAll(h -> h.id() != null && h.id().equals(id) ? change.apply(h) : h);
            return b;
        });
    }

    public static CaseEdit hypothesisStatus(String id, HypothesisStatus status) {
        return updateHypothesis(id, "Mark hypothesis " + status.word(), h -> h.withStatus(status));
    }

    public static CaseEdit removeHypothesis(String id) {
        return edit("Delete hypothesis", b -> {
            b.hypotheses.removeIf(h -> id.equals(h.id()));
            // Steps that tested it keep their text but lose the dangling link.
            b.nextSteps.replaceAll(s -> id.equals(s.hypothesis()) ? s.withHypothesis(null) : s);
            return b;
        });
    }

    /**
     * Pins evidence to a hypothesis: gives it the next free id (E1, E2... unique in the case) and
     * the pin time when it has none.
     */
    public static CaseEdit pinEvidence(String hypothesisId, Evidence evidence, Instant now) {
        return edit("Pin evidence", b -> {
            List<String> ids = b.hypotheses.stream().flatMap(h -> h.evidence().stream()).map(Evidence::id).toList();
            Evidence e = evidence.id() == null ? evidence.withId(nextId("E", ids)) : evidence;
            if (e.pinned() == null) {
                e = e.withPinned(now);
            }
            Evidence pinned = e;
            b.hypotheses.replaceAll(h -> hypothesisId.equals(h.id()) ? h.plusEvidence(pinned) : h);
            return b;
        });
    }

    /**
     * Pins a view's draft as one undo step: the file its source names by path becomes an artifact
     * of the case (or the artifact with the same path is reused) and the source names it by id;
     * with {@code newStatement}, a new hypothesis (the case's last) takes the evidence.
     *
     * @param hypothesisId an existing hypothesis, or null with {@code newStatement}
     * @param fileArtifact the artifact for the file the draft names by path (see
     *                     {@link dev.inquest.investigation.artifact.ArtifactFiles#forSource}),
     *                     or null when the source already names an artifact or nothing
     */
    public static CaseEdit pinDraft(String hypothesisId, String newStatement, Evidence draft, Artifact fileArtifact,
                                    Instant now) {
        return custom("Pin evidence", c -> {
            Case out = c;
            Evidence ev = draft;
            if (fileArtifact != null) {
                Optional<Artifact> same = out.artifacts().stream().filter(a -> a.path().equals(fileArtifact.path())).findFirst();
                if (same.isEmpty()) {
                    out = addArtifact(fileArtifact).applyTo(out);
                    same = Optional.of(out.artifacts().getLast());
                }
                ev = ev.withSource(ev.source().withArtifact(same.get().id()));
            }
            String target = hypothesisId;
            if (target == null) {
                out = addHypothesis(newStatement).applyTo(out);
                target = out.hypotheses().getLast().id();
            }
            return pinEvidence(target, ev, now).applyTo(out);
        });
    }

    public static CaseEdit unpinEvidence(String evidenceId) {
        return edit("Remove evidence", b -> {
            b.hypotheses.replaceAll(h -> h.withEvidence(
                    h.evidence().stream().filter(e -> !evidenceId.equals(e.id())).toList()));
            return b;
        });
    }

    // ---- next steps, references, artifacts

    public static CaseEdit addNextStep(NextStep step) {
        return edit("Add next step", b -> {
            b.nextSteps.add(step);
            return b;
        });
    }

    public static CaseEdit updateNextStep(int index, UnaryOperator<NextStep> change) {
        return edit("Edit next step", b -> {
            b.nextSteps.set(index, change.apply(b.nextSteps.get(index)));
            return b;
        });
    }

    public static CaseEdit toggleDone(int index) {
        return edit("Tick next step", b -> {
            NextStep s = b.nextSteps.get(index);
            b.nextSteps.set(index, s.withDone(!s.done()));
            return b;
        });
    }

    public static CaseEdit removeNextStep(int index) {
        return edit("Delete next step", b -> {
            b.nextSteps.remove(index);
            return b;
        });
    }

    public static CaseEdit addReference(Reference ref) {
        return edit("Add reference", b -> {
            b.references.add(ref);
            return b;
        });
    }

    public static CaseEdit removeReference(int index) {
        return edit("Delete reference", b -> {
            b.references.remove(index);
            return b;
        });
    }

    /** Adds an artifact with the next free id (A1, A2...) unless it has one. */
    public static CaseEdit addArtifact(Artifact artifact) {
        return edit("Add artifact", b -> {
            Artifact a = artifact.id() != null ? artifact
                    : artifact.withId(nextId("A", b.artifacts.stream().map(Artifact::id).toList()));
            b.artifacts.add(a);
            return b;
        });
    }

    /** Points an artifact at its new place (after {@code ArtifactCheck} found it moved). */
    public static CaseEdit relocateArtifact(String id, String newPath) {
        return edit("Relocate artifact", b -> {
            b.artifacts.replaceAll(a -> id.equals(a.id()) ? a.withPath(newPath) : a);
            return b;
        });
    }

    /**
     * Makes artifact {@code id} the case's baseline, the dump the others are compared with, or
     * (with {@code baseline} false) a subject again. A case has one baseline: marking one unmarks
     * any other, so "the case's baseline" always names one dump (issue 18).
     */
    public static CaseEdit markBaseline(String id, boolean baseline) {
        return edit(baseline ? "Mark " + id + " as the baseline" : "Unmark baseline " + id, b -> {
            b.artifacts.replaceAll(a -> id.equals(a.id()) ? a.withRole(baseline ? ArtifactRole.BASELINE : null)
                    : baseline && a.isBaseline() ? a.withRole(null) : a);
            return b;
        });
    }

    /** Any other change, for callers that need one (label it for the Undo menu). */
    public static CaseEdit custom(String label, Function<Case, Case> change) {
        return new CaseEdit(label, change::apply);
    }

    private static final Pattern NUMBERED = Pattern.compile("[A-Z]+(\\d+)");

    static String nextId(String prefix, List<String> used) {
        int max = 0;
        for (String id : used) {
            if (id != null) {
                Matcher m = NUMBERED.matcher(id);
                if (m.matches() && id.startsWith(prefix)) {
                    max = Math.max(max, Integer.parseInt(m.group(1)));
                }
            }
        }
        return prefix + (max + 1);
    }

    /** Moves a hypothesis to another place in the list (drag to reorder); ids stay as they are. */
    public static CaseEdit moveHypothesis(String id, int to) {
        return edit("Move hypothesis", b -> {
            int from = -1;
            for (int i = 0; i < b.hypotheses.size(); i++) {
                if (id.equals(b.hypotheses.get(i).id())) {
                    from = i;
                }
            }
            if (from >= 0) {
                Hypothesis h = b.hypotheses.remove(from);
                b.hypotheses.add(Math.max(0, Math.min(to, b.hypotheses.size())), h);
            }
            return b;
        });
    }

    /**
     * Ticks or unticks a step and keeps the checklist in reading order: open steps first, done ones
     * after them, each group in its old order (a ticked step moves down, an unticked one back up).
     */
    public static CaseEdit tickNextStep(int index) {
        return edit("Tick next step", b -> {
            NextStep s = b.nextSteps.get(index);
            b.nextSteps.set(index, s.withDone(!s.done()));
            List<NextStep> open = new ArrayList<>(b.nextSteps.stream().filter(x -> !x.done()).toList());
            open.addAll(b.nextSteps.stream().filter(NextStep::done).toList());
            b.nextSteps = open;
            return b;
        });
    }

    /** Flips an evidence item between supporting and refuting its hypothesis. */
    public static CaseEdit evidenceStance(String evidenceId, dev.inquest.investigation.model.Stance stance) {
        return edit("Mark evidence " + stance.word(), b -> {
            b.hypotheses.replaceAll(h -> h.withEvidence(h.evidence().stream()
                    .map(e -> evidenceId.equals(e.id()) ? e.withStance(stance) : e).toList()));
            return b;
        });
    }
}
