package dev.inquest.investigation.export;

import dev.inquest.format.Markdown;
import dev.inquest.investigation.model.Case;
import dev.inquest.investigation.model.Evidence;
import dev.inquest.investigation.model.Hypothesis;
import dev.inquest.investigation.model.HypothesisStatus;
import dev.inquest.investigation.model.MetaLine;
import dev.inquest.investigation.model.NextStep;
import dev.inquest.investigation.model.Note;
import dev.inquest.investigation.model.Reference;
import dev.inquest.investigation.model.Section;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The subtask document, exactly the shape of briefs.md: title, Created and Status lines, then
 * Context, Findings, Hypotheses and Questions, Actions Taken, Next Steps, References, each left out
 * when empty, a rule and the italic closing line.
 *
 * <p>Beyond the bare shape, and only when the case has them: extra metadata lines and notes
 * (sections we do not model) where the imported document had them, verdicts after hypotheses as
 * {@code **(supported)**}, evidence as nested bullets, and in next steps {@code [x]},
 * {@code **[P1]**}, {@code (owner: ..; tests H1)}. The importer reads all of these back.
 */
public final class SubtaskExporter {
    public static final String DEFAULT_CLOSING = "Update this document as the investigation progresses.";

    private SubtaskExporter() {
    }

    public static String export(Case c, ExportOptions options) {
        Blocks out = new Blocks();
        out.add("# " + title(c));
        List<String> meta = new ArrayList<>();
        if (c.created() != null) {
            meta.add("**Created:** " + c.created());
        }
        meta.add("**Status:** " + c.status().label() + (c.statusDetail() != null ? " (" + Markdown.safeLine(c.statusDetail()) + ")" : ""));
        for (MetaLine m : c.metadata()) {
            meta.add(metaLine(m));
        }
        out.add(String.join("\n", meta));
        notes(out, c, "");

        Set<String> referenced = new HashSet<>();
        c.nextSteps().forEach(s -> referenced.add(s.hypothesis()));
        for (Section s : Section.values()) {
            List<String> lines = switch (s) {
                case CONTEXT, FINDINGS, ACTIONS -> c.items(s).stream().map(i -> Markdown.item("-", i)).toList();
                case HYPOTHESES -> c.hypotheses().stream().map(h -> hypothesis(h, referenced, options)).toList();
                case NEXT_STEPS -> numbered(c.nextSteps());
                case REFERENCES -> c.references().stream().map(SubtaskExporter::reference).toList();
            };
            // A section with no items still gets its heading when blocks that belong inside it
            // follow (a kept code fence, a "###" group): without it they would read as part of
            // the section before.
            boolean hasInner = c.notes().stream().anyMatch(n -> n.after().equals(s.key())
                    && (n.heading() == null || n.level() > 2));
            if (!lines.isEmpty()) {
                out.add("## " + s.heading() + "\n" + String.join("\n", lines));
            } else if (hasInner) {
                out.add("## " + s.heading());
            }
            notes(out, c, s.key());
        }
        out.add("---\n*" + (c.closing() != null ? Markdown.safeLine(c.closing()) : DEFAULT_CLOSING) + "*");
        return out.toString();
    }

    /** "**Name:** value", each part one line made safe; a missing part shows as unknown. */
    static String metaLine(MetaLine m) {
        return "**" + (m.name() == null ? Markdown.UNKNOWN : Markdown.safeLine(m.name())) + ":** "
                + (m.value() == null ? Markdown.UNKNOWN : Markdown.safeLine(m.value()));
    }

    static String title(Case c) {
        // A heading is one line; a pasted title with line breaks would end it early.
        String t = Markdown.safeLine(c.title().replaceAll("\\s*\\R\\s*", " ").strip());
        return c.subtask() != null ? "Subtask " + String.format("%03d", c.subtask()) + ": " + t : t;
    }

    static void notes(Blocks out, Case c, String after) {
        notes(out, c, after, true);
    }

    static void notes(Blocks out, Case c, String after, boolean withCopies) {
        // Blocks that sit inside the section (headless, or under a "###") first, then the "##"
        // sections that followed it: the other way round, a second import would fold them into
        // the section printed before them.
        List<Note> inner = new ArrayList<>();
        List<Note> sections = new ArrayList<>();
        for (Note n : c.notes()) {
            if (n.after().equals(after)) {
                (n.heading() == null || n.level() > 2 ? inner : sections).add(n);
            }
        }
        inner.addAll(sections);
        for (Note n : inner) {
            if (withCopies || !n.duplicatesCaseData()) {
                // A note keeps the blank line (or none) its author put under the heading.
                String body = Markdown.safe(n.markdown()).stripTrailing();
                if (n.heading() != null) {
                    out.add("#".repeat(Math.min(6, n.level())) + " " + Markdown.safeLine(n.heading())
                            + (body.isBlank() ? "" : "\n" + body));
                } else if (!body.isBlank()) {
                    out.add(body.strip());
                }
            }
        }
    }

    static String hypothesis(Hypothesis h, Set<String> referenced, ExportOptions options) {
        StringBuilder sb = new StringBuilder();
        if (h.id() != null && referenced.contains(h.id())) {
            sb.append("**").append(Markdown.safeLine(h.id())).append(":** ");
        }
        sb.append(Markdown.safeLine(h.statement()));
        if (h.status() != HypothesisStatus.OPEN) {
            sb.append(" **(").append(h.status().word()).append(")**");
        }
        String item = Markdown.item("-", sb.toString());
        StringBuilder all = new StringBuilder(item);
        for (Evidence e : h.evidence()) {
            all.append('\n').append(Markdown.item("  -", EvidenceText.line(e, options.includeValues())));
        }
        return all.toString();
    }

    static List<String> numbered(List<NextStep> steps) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < steps.size(); i++) {
            out.add(Markdown.item((i + 1) + ".", step(steps.get(i))));
        }
        return out;
    }

    /** A next step in the subtask's words: "[x] " when done, the priority in bold, owner and hypothesis after it. */
    static String step(NextStep s) {
        StringBuilder sb = new StringBuilder();
        if (s.done()) {
            sb.append("[x] ");
        }
        if (s.priority() != null) {
            sb.append("**[").append(s.priority()).append("]** ");
        }
        sb.append(s.text().strip());
        List<String> tail = new ArrayList<>();
        if (s.owner() != null) {
            // Backslash-escaped where it would end the tail early: the importer reads any owner back.
            tail.add("owner: " + Markdown.safeLine(s.owner()).replaceAll("([\\\\;()])", "\\\\$1"));
        }
        if (s.hypothesis() != null) {
            tail.add("tests " + Markdown.safeLine(s.hypothesis()));
        }
        if (!tail.isEmpty()) {
            sb.append(" (").append(String.join("; ", tail)).append(')');
        }
        return sb.toString();
    }

    static String reference(Reference r) {
        if (r.markdown() != null) {
            return Markdown.item("-", r.markdown());
        }
        boolean link = r.link() != null && !r.link().isBlank();
        return Markdown.item("-", "[" + Markdown.safeLine(r.title()) + "]" + (link ? "(" + r.link().strip() + ")" : ""));
    }

    /** Blocks separated by one blank line, ending in a newline. */
    static final class Blocks {
        private final StringBuilder sb = new StringBuilder();

        void add(String block) {
            if (!sb.isEmpty()) {
                sb.append("\n\n");
            }
            sb.append(block);
        }

        @Override
        public String toString() {
            return sb + "\n";
        }
    }
}
