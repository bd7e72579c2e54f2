package dev.inquest.investigation.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * An investigation: immutable, so an editor keeps history by keeping old values and listeners
 * can compare before and after. Change it with {@link #toBuilder()} or the edit functions in
 * {@code dev.inquest.investigation.session.Edits}.
 *
 * <p>The first fifteen JSON fields are the contract of {@code inquest case show --json}; the
 * ones after them exist so imported documents lose nothing (status verdicts, extra metadata lines,
 * an executive summary, the closing reminder line).
 *
 * @param subtask      the number in "Subtask 004", or null
 * @param statusDetail the parenthetical after the status word ("root cause found"), or null
 * @param context      ordered items of short Markdown; same for findings and actions
 * @param closing      the italic reminder line ending a subtask document, without the asterisks
 */
@JsonPropertyOrder({"formatVersion", "title", "subtask", "status", "created", "updated", "authors", "artifacts",
        "context", "findings", "hypotheses", "actions", "nextSteps", "references", "notes",
        "statusDetail", "metadata", "summary", "closing"})
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Case(int formatVersion, String title, Integer subtask, CaseStatus status, LocalDate created,
                   LocalDate updated, List<String> authors, List<Artifact> artifacts, List<String> context,
                   List<String> findings, List<Hypothesis> hypotheses, List<String> actions,
                   List<NextStep> nextSteps, List<Reference> references, List<Note> notes,
                   String statusDetail, List<MetaLine> metadata, String summary, String closing) {

    /** The version this build writes. Older versions are migrated on load (see CaseJson). */
    public static final int FORMAT_VERSION = 2;

    public Case {
        Objects.requireNonNull(title, "title");
        status = status == null ? CaseStatus.OPEN : status;
        authors = copy(authors);
        artifacts = copy(artifacts);
        context = copy(context);
        findings = copy(findings);
        hypotheses = copy(hypotheses);
        actions = copy(actions);
        nextSteps = copy(nextSteps);
        references = copy(references);
        notes = copy(notes);
        metadata = copy(metadata);
    }

    private static <T> List<T> copy(List<T> list) {
        return list == null ? List.of() : List.copyOf(list);
    }

    /** A fresh case dated today. */
    public static Case create(String title, LocalDate today) {
        return new Builder(title).created(today).updated(today).build();
    }

    public Optional<Hypothesis> hypothesis(String id) {
        return hypotheses.stream().filter(h -> Objects.equals(h.id(), id)).findFirst();
    }

    public Optional<Artifact> artifact(String id) {
        return artifacts.stream().filter(a -> Objects.equals(a.id(), id)).findFirst();
    }

    /** The items of one of the plain-text sections. */
    public List<String> items(Section s) {
        return switch (s) {
            case CONTEXT -> context;
            case FINDINGS -> findings;
            case ACTIONS -> actions;
            default -> throw new IllegalArgumentException(s + " does not hold plain items");
        };
    }

    public Builder toBuilder() {
        return new Builder(this);
    }

    /** Mutable scratch copy; {@link #build()} gives a new immutable case. */
    public static final class Builder {
        public int formatVersion = FORMAT_VERSION;
        public String title;
        public Integer subtask;
        public CaseStatus status = CaseStatus.OPEN;
        public LocalDate created;
        public LocalDate updated;
        public List<String> authors = new ArrayList<>();
        public List<Artifact> artifacts = new ArrayList<>();
        public List<String> context = new ArrayList<>();
        public List<String> findings = new ArrayList<>();
        public List<Hypothesis> hypotheses = new ArrayList<>();
        public List<String> actions = new ArrayList<>();
        public List<NextStep> nextSteps = new ArrayList<>();
        public List<Reference> references = new ArrayList<>();
        public List<Note> notes = new ArrayList<>();
        public String statusDetail;
        public List<MetaLine> metadata = new ArrayList<>();
        public String summary;
        public String closing;

        public Builder(String title) {
            this.title = title;
        }

        Builder(Case c) {
            formatVersion = c.formatVersion;
            title = c.title;
            subtask = c.subtask;
            status = c.status;
            created = c.created;
            updated = c.updated;
            authors = new ArrayList<>(c.authors);
            artifacts = new ArrayList<>(c.artifacts);
            context = new ArrayList<>(c.context);
            findings = new ArrayList<>(c.findings);
            hypotheses = new ArrayList<>(c.hypotheses);
            actions = new ArrayList<>(c.actions);
            nextSteps = new ArrayList<>(c.nextSteps);
            references = new ArrayList<>(c.references);
            notes = new ArrayList<>(c.notes);
            statusDetail = c.statusDetail;
            metadata = new ArrayList<>(c.metadata);
            summary = c.summary;
            closing = c.closing;
        }

        public Builder title(String t) {
            title = t;
            return this;
        }

        public Builder subtask(Integer n) {
            subtask = n;
            return this;
        }

        public Builder status(CaseStatus s) {
            status = s;
            return this;
        }

        public Builder statusDetail(String s) {
            statusDetail = s;
            return this;
        }

        public Builder created(LocalDate d) {
            created = d;
            return this;
        }

        public Builder updated(LocalDate d) {
            updated = d;
            return this;
        }

        public Builder summary(String s) {
            summary = s;
            return this;
        }

        public Builder closing(String s) {
            closing = s;
            return this;
        }

        public List<String> items(Section s) {
            return switch (s) {
                case CONTEXT -> context;
                case FINDINGS -> findings;
                case ACTIONS -> actions;
                default -> throw new IllegalArgumentException(s + " does not hold plain items");
            };
        }

        public Case build() {
            return new Case(formatVersion, title, subtask, status, created, updated, authors, artifacts, context,
                    findings, hypotheses, actions, nextSteps, references, notes, statusDetail, metadata, summary,
                    closing);
        }
    }
}
