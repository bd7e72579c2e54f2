package dev.inquest.investigation.export;

import dev.inquest.format.Markdown;
import dev.inquest.format.Units;
import dev.inquest.investigation.model.Artifact;
import dev.inquest.investigation.model.Provenance;
import dev.inquest.investigation.model.Case;
import dev.inquest.investigation.model.CaseStatus;
import dev.inquest.investigation.model.Evidence;
import dev.inquest.investigation.model.EvidenceKind;
import dev.inquest.investigation.model.Locator;
import dev.inquest.investigation.model.FigureUnit;
import dev.inquest.investigation.model.EvidenceSource;
import dev.inquest.investigation.model.Hypothesis;
import dev.inquest.investigation.model.HypothesisStatus;
import dev.inquest.investigation.model.MetaLine;
import dev.inquest.investigation.model.NextStep;
import dev.inquest.investigation.model.Priority;
import dev.inquest.investigation.model.Section;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The investigation report: metadata block, executive summary, hypotheses with verdicts and
 * evidence tables (numbers from pinned evidence), findings by severity, actions, priority action
 * items, references; heap-trend and flame-frame evidence drawn as SVG files next to it.
 */
public final class ReportExporter {
    private ReportExporter() {
    }

    /** Severity as reports write it: "(HIGH)", "[HIGH]", "**HIGH**" or "HIGH:" in the finding. */
    public enum Severity { CRITICAL, HIGH, MEDIUM, LOW }

    private static final Pattern SEVERITY = Pattern.compile(
            "(?:\\(|\\[|\\*\\*|^)(CRITICAL|HIGH|MEDIUM|LOW)(?:\\)|]|\\*\\*|:)");

    public static Severity severity(String finding) {
        Matcher m = SEVERITY.matcher(finding);
        return m.find() ? Severity.valueOf(m.group(1)) : null;
    }

    public static Exported export(Case c, ExportOptions options) {
        Map<String, String> files = new LinkedHashMap<>();
        SubtaskExporter.Blocks out = new SubtaskExporter.Blocks();
        out.add("# " + SubtaskExporter.title(c));
        out.add(String.join("\n", metadata(c)));
        SubtaskExporter.notes(out, c, "", false);

        out.add("## Executive Summary");
        out.add(summary(c));
        if (!c.findings().isEmpty()) {
            out.add("**Key Findings:**\n" + c.findings().stream().map(f -> Markdown.item("-", f)).collect(Collectors.joining("\n")));
        }
        String counts = priorityCounts(c);
        if (!counts.isEmpty()) {
            out.add(counts);
        }

        if (!c.artifacts().isEmpty()) {
            out.add("## Artifacts\n" + artifacts(c));
        }
        if (!c.context().isEmpty()) {
            out.add("## Context\n" + bullets(c.context()));
        }
        SubtaskExporter.notes(out, c, Section.CONTEXT.key(), false);

        if (!c.hypotheses().isEmpty()) {
            out.add("## Hypotheses");
            for (Hypothesis h : c.hypotheses()) {
                hypothesis(out, c, h, options, files);
            }
        }
        SubtaskExporter.notes(out, c, Section.HYPOTHESES.key(), false);

        if (!c.findings().isEmpty()) {
            findings(out, c.findings());
        }
        SubtaskExporter.notes(out, c, Section.FINDINGS.key(), false);

        if (!c.actions().isEmpty()) {
            out.add("## Actions Taken\n" + bullets(c.actions()));
        }
        SubtaskExporter.notes(out, c, Section.ACTIONS.key(), false);

        String recommendations = recommendations(c);
        if (!recommendations.isEmpty()) {
            out.add("## Recommendations\n" + recommendations);
        }

        if (!c.nextSteps().isEmpty()) {
            List<NextStep> sorted = new ArrayList<>(c.nextSteps());
            sorted.sort(Comparator.comparing(NextStep::priority, Comparator.nullsLast(Comparator.naturalOrder())));
            out.add("## Priority Action Items\n"
                    + sorted.stream().map(ReportExporter::actionItem).collect(Collectors.joining("\n")));
        }
        SubtaskExporter.notes(out, c, Section.NEXT_STEPS.key(), false);

        if (!c.references().isEmpty()) {
            out.add("## References\n"
                    + c.references().stream().map(SubtaskExporter::reference).collect(Collectors.joining("\n")));
        }
        SubtaskExporter.notes(out, c, Section.REFERENCES.key(), false);
        return new Exported(out.toString(), files);
    }

    private static List<String> metadata(Case c) {
        List<String> meta = new ArrayList<>();
        if (c.created() != null) {
            meta.add("**Date:** " + c.created()
                    + (c.updated() != null && !c.updated().equals(c.created()) ? " (updated " + c.updated() + ")" : ""));
        }
        meta.add("**Status:** " + statusMark(c.status()) + c.status().label()
                + (c.statusDetail() != null ? " (" + Markdown.safeLine(c.statusDetail()) + ")" : ""));
        if (!c.authors().isEmpty()) {
            meta.add("**Authors:** " + c.authors().stream().map(Markdown::safeLine).collect(Collectors.joining(", ")));
        }
        for (MetaLine m : c.metadata()) {
            String n = m.name() == null ? "" : m.name().toLowerCase(Locale.ROOT);
            if (!n.startsWith("author")) {
                meta.add(SubtaskExporter.metaLine(m));
            }
        }
        // Markdown joins adjacent lines into one paragraph; two trailing spaces would be invisible,
        // a backslash is the portable hard break in GFM.
        return hardBreaks(meta);
    }

    private static List<String> hardBreaks(List<String> lines) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            out.add(i < lines.size() - 1 ? lines.get(i) + "\\" : lines.get(i));
        }
        return out;
    }

    private static String statusMark(CaseStatus s) {
        return switch (s) {
            case RESOLVED, CLOSED -> "✅ ";
            case BLOCKED -> "⛔ ";
            case IN_PROGRESS -> "🔍 ";
            case OPEN -> "";
        };
    }

    private static String summary(Case c) {
        if (c.summary() != null && !c.summary().isBlank()) {
            return Markdown.safe(c.summary()).strip();
        }
        Map<HypothesisStatus, Integer> byStatus = new EnumMap<>(HypothesisStatus.class);
        c.hypotheses().forEach(h -> byStatus.merge(h.status(), 1, Integer::sum));
        StringBuilder sb = new StringBuilder("This investigation is ").append(c.status().label().toLowerCase(Locale.ROOT))
                .append('.');
        if (!c.hypotheses().isEmpty()) {
            sb.append(' ').append(count(c.hypotheses().size(), "hypothesis", "hypotheses")).append(" examined: ")
                    .append(byStatus.entrySet().stream().map(e -> e.getValue() + " " + e.getKey().word())
                            .collect(Collectors.joining(", "))).append('.');
        }
        c.hypotheses().stream().filter(h -> h.status() == HypothesisStatus.SUPPORTED).findFirst().ifPresent(h ->
                sb.append(" Supported: ").append(Markdown.safeLine(h.statement())).append(strongestFigure(h)));
        long evidence = c.hypotheses().stream().mapToLong(h -> h.evidence().size()).sum();
        if (evidence > 0) {
            sb.append(' ').append(count(evidence, "piece", "pieces")).append(" of evidence pinned from ")
                    .append(count(c.artifacts().size(), "artifact", "artifacts")).append('.');
        }
        return sb.toString();
    }

    private static String strongestFigure(Hypothesis h) {
        return h.supporting().stream().flatMap(e -> e.figures().stream())
                .filter(f -> f.unit() == FigureUnit.BYTES && !f.name().matches(".*\\d+ ?s$"))
                .max(Comparator.comparingDouble(f -> f.value()))
                .map(f -> " (" + Markdown.safeLine(FigureText.named(f)) + ").").orElse(".");
    }

    private static String count(long n, String one, String many) {
        return Units.grouped(n) + " " + (n == 1 ? one : many);
    }

    private static String priorityCounts(Case c) {
        Map<Priority, Long> open = c.nextSteps().stream().filter(s -> !s.done() && s.priority() != null)
                .collect(Collectors.groupingBy(NextStep::priority, () -> new EnumMap<>(Priority.class), Collectors.counting()));
        if (open.isEmpty()) {
            return "";
        }
        return "**Open action items:** " + open.entrySet().stream().map(e -> e.getKey() + ": " + e.getValue())
                .collect(Collectors.joining(", "));
    }

    private static String artifacts(Case c) {
        StringBuilder sb = new StringBuilder("| Id | Kind | File | Size | Modified |\n|---|---|---|---:|---|");
        for (Artifact a : c.artifacts()) {
            // Every part may be missing in a case file someone else wrote: shown as unknown.
            sb.append("\n| ").append(Markdown.cell(a.id())).append(" | ").append(Markdown.cell(a.kind()))
                    .append(" | ").append(Markdown.cell(a.path() == null ? null : Markdown.code(a.path()))).append(" | ")
                    .append(a.fingerprint() == null ? Markdown.UNKNOWN : Units.bytes(a.fingerprint().size())).append(" | ")
                    .append(a.fingerprint() == null || a.fingerprint().modified() == null ? Markdown.UNKNOWN
                            : a.fingerprint().modified().toString()).append(" |");
        }
        // A captured artifact says where it came from, one line each under the table (issue 21);
        // the baseline says so too, so a reader (and a reopened case) knows which dump it is (issue 18).
        StringBuilder captured = new StringBuilder();
        for (Artifact a : c.artifacts()) {
            if (a.isBaseline()) {
                captured.append("\n- ").append(baselineLine(a));
            }
        }
        for (Artifact a : c.artifacts()) {
            if (a.provenance() != null) {
                captured.append("\n- ").append(provenanceLine(a));
            }
        }
        if (!captured.isEmpty()) {
            sb.append("\n").append(captured);
        }
        return sb.toString();
    }

    /** The words the import looks for after an artifact's id ("A1 is the baseline..."). */
    public static final String BASELINE_WORDS = " is the baseline";
    /** The line under the artifact table: "A1 is the baseline: the dump the others are compared with." */
    public static final String BASELINE_LINE = BASELINE_WORDS + ": the dump the others are compared with.";

    static String baselineLine(Artifact a) {
        return Markdown.safeLine(a.id() == null ? Markdown.UNKNOWN : a.id()) + BASELINE_LINE;
    }

    /** "A1 captured 2026-12-05T10:15:30Z from pid 4242 (com.example.Main), Java 25.0.1: `jcmd ...`". */
    static String provenanceLine(Artifact a) {
        Provenance p = a.provenance();
        StringBuilder sb = new StringBuilder(Markdown.safeLine(a.id() == null ? Markdown.UNKNOWN : a.id()))
                .append(" captured ").append(p.taken() == null ? Markdown.UNKNOWN : p.taken().toString())
                .append(" from ").append(Markdown.safeLine(p.jvm()));
        if (p.host() != null && p.jmx() == null) {
            sb.append(" on ").append(Markdown.safeLine(p.host()));
        }
        if (p.javaVersion() != null) {
            sb.append(", Java ").append(Markdown.safeLine(p.javaVersion()));
        }
        if (p.command() != null) {
            sb.append(": ").append(Markdown.code(p.command()));
        }
        return sb.toString();
    }

    private static void hypothesis(SubtaskExporter.Blocks out, Case c, Hypothesis h, ExportOptions options,
                                   Map<String, String> files) {
        String id = h.id() == null ? "" : Markdown.safeLine(h.id()) + ". ";
        out.add("### " + id + Markdown.safeLine(h.statement()) + " — " + h.status().label());
        List<String> line = new ArrayList<>();
        line.add("**Verdict:** " + verdict(h.status()));
        if (!h.tags().isEmpty()) {
            line.add("**Tags:** " + h.tags().stream().map(Markdown::code).collect(Collectors.joining(", ")));
        }
        out.add(String.join(" · ", line));
        if (!h.notes().isBlank()) {
            out.add(Markdown.safe(h.notes()).strip());
        }
        if (h.evidence().isEmpty()) {
            out.add("_No evidence pinned yet._");
            return;
        }
        StringBuilder table = new StringBuilder("| Stance | Evidence | Figures | Source |\n|---|---|---|---|");
        for (Evidence e : h.evidence()) {
            table.append("\n| ").append(e.stance().label()).append(" | ")
                    .append(Markdown.cell(Markdown.safeLine(e.summary()) + (e.id() != null ? " (" + Markdown.safeLine(e.id()) + ")" : "")
                            + EvidenceText.values(e, options.includeValues())))
                    .append(" | ").append(Markdown.cell(EvidenceText.figures(e)))
                    .append(" | ").append(Markdown.cell(source(c, e.source()))).append(" |");
        }
        out.add(table.toString());
        for (Evidence e : h.evidence()) {
            // Ids come from the case file: they name figure files too, so only plain characters.
            String name = e.id() != null && e.id().matches("[A-Za-z0-9_-]{1,32}") ? e.id() : "E" + (h.evidence().indexOf(e) + 1);
            if (e.kind() == EvidenceKind.QUERY_RESULT) {
                // The query is the result's provenance: shown as code, so it can be run again as written.
                Locator.HeapQuery.in(e.source()).ifPresent(q -> {
                    out.add("**Query (" + name + "):**");
                    out.add(Markdown.fence(q.query(), "sql"));
                });
                if (!e.path().isEmpty()) {
                    out.add("**Rows (" + name + "):**");
                    out.add(Markdown.fence(String.join("\n", e.path()), ""));
                }
            } else if (!e.path().isEmpty() && !flame(e) && e.kind() != EvidenceKind.HEAP_TREND) {
                out.add("**Path (" + name + "):**");
                out.add(Markdown.fence(pathText(e.path()), ""));
            }
            if (flame(e)) {
                if (options.figuresDir() != null) {
                    figure(out, files, options, "flame-" + name + ".svg",
                            (e.kind() == EvidenceKind.LOCK_FRAME ? "Lock contention frame " : "Flame graph frame ") + name,
                            SvgFigures.flameFrame(e));
                } else if (!e.path().isEmpty()) {
                    out.add("**Stack (" + name + "), root first:**");
                    out.add(Markdown.fence(String.join("\n", e.path()), ""));
                }
            }
            if (e.kind() == EvidenceKind.HEAP_TREND && !e.figures().isEmpty()) {
                if (options.figuresDir() != null) {
                    figure(out, files, options, "heap-trend-" + name + ".svg", "Heap over time " + name,
                            SvgFigures.heapTrend(e));
                } else {
                    out.add(trendTable(e));
                }
            }
            if (options.includeValues() && !e.values().isEmpty()) {
                out.add("**Values read from the heap (" + name + "):**");
                out.add(Markdown.fence(String.join("\n", e.values()), ""));
            }
        }
    }

    /** A frame of a flame graph (allocations, CPU or lock contention): its stack is shown, not a path. */
    private static boolean flame(Evidence e) {
        return e.kind() == EvidenceKind.FLAME_FRAME || e.kind() == EvidenceKind.LOCK_FRAME;
    }

    private static void figure(SubtaskExporter.Blocks out, Map<String, String> files, ExportOptions options,
                               String fileName, String alt, String svg) {
        String rel = options.figuresDir() + "/" + fileName;
        files.put(rel, svg);
        out.add("![" + Markdown.text(alt) + "](" + rel.replace(" ", "%20") + ")");
    }

    private static String trendTable(Evidence e) {
        StringBuilder sb = new StringBuilder("| Time | Heap |\n|---|---:|");
        e.figures().forEach(f -> sb.append("\n| ").append(Markdown.cell(Markdown.text(f.name()))).append(" | ")
                .append(FigureText.value(f)).append(" |"));
        return sb.toString();
    }

    private static String pathText(List<String> path) {
        StringBuilder sb = new StringBuilder(path.get(0));
        for (int i = 1; i < path.size(); i++) {
            sb.append('\n').append("  ".repeat(Math.min(i, 8) - 1)).append("← ").append(path.get(i));
        }
        return sb.toString();
    }

    private static String verdict(HypothesisStatus s) {
        return switch (s) {
            case OPEN -> "Open — not yet decided";
            case SUPPORTED -> "Supported by the evidence";
            case REFUTED -> "Ruled out by the evidence";
            case INCONCLUSIVE -> "Inconclusive";
        };
    }

    private static String source(Case c, EvidenceSource s) {
        if (s == null) {
            return "";
        }
        StringBuilder sb = new StringBuilder();
        if (s.artifact() != null) {
            sb.append(c.artifact(s.artifact()).map(a -> (a.path() == null ? Markdown.UNKNOWN : Markdown.code(fileName(a.path())))
                    + " (" + Markdown.safeLine(a.id()) + ")").orElse(Markdown.safeLine(s.artifact())));
        }
        if (s.view() != null) {
            sb.append(sb.isEmpty() ? "" : " · ").append(s.view().id());
        }
        if (!s.locator().isEmpty()) {
            sb.append(" · ").append(s.locator().entrySet().stream().map(e -> Markdown.safeLine(e.getKey()) + " "
                            + (e.getValue() == null ? Markdown.UNKNOWN : Markdown.code(e.getValue())))
                    .collect(Collectors.joining(", ")));
        }
        return sb.toString();
    }

    private static String fileName(String path) {
        int slash = Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\'));
        return slash < 0 ? path : path.substring(slash + 1);
    }

    private static void findings(SubtaskExporter.Blocks out, List<String> findings) {
        Map<Severity, List<String>> bySeverity = new EnumMap<>(Severity.class);
        List<String> unrated = new ArrayList<>();
        for (String f : findings) {
            Severity s = severity(f);
            if (s == null) {
                unrated.add(f);
            } else {
                bySeverity.computeIfAbsent(s, k -> new ArrayList<>()).add(f);
            }
        }
        if (bySeverity.isEmpty()) {
            out.add("## Findings\n" + bullets(findings));
            return;
        }
        out.add("## Findings by Severity");
        for (Map.Entry<Severity, List<String>> e : bySeverity.entrySet()) {
            out.add("### " + e.getKey().name().charAt(0) + e.getKey().name().substring(1).toLowerCase(Locale.ROOT)
                    + "\n" + bullets(e.getValue()));
        }
        if (!unrated.isEmpty()) {
            out.add("### Not rated\n" + bullets(unrated));
        }
    }

    /**
     * What the evidence argues for: open steps that test a supported hypothesis, under it. Left out
     * when the case has none, or when the author wrote their own Recommendations section (kept as
     * a note and printed in its place).
     */
    private static String recommendations(Case c) {
        boolean authored = c.notes().stream().anyMatch(n -> n.heading() != null
                && n.heading().toLowerCase(Locale.ROOT).contains("recommend"));
        if (authored) {
            return "";
        }
        List<String> out = new ArrayList<>();
        for (Hypothesis h : c.hypotheses()) {
            if (h.status() != HypothesisStatus.SUPPORTED || h.id() == null) {
                continue;
            }
            List<NextStep> steps = c.nextSteps().stream().filter(s -> !s.done() && h.id().equals(s.hypothesis())).toList();
            if (steps.isEmpty()) {
                continue;
            }
            out.add(Markdown.item("-", "Because " + Markdown.safeLine(h.id()) + " is supported (" + Markdown.safeLine(h.statement()) + "):"));
            for (NextStep s : steps) {
                out.add(Markdown.item("  -", (s.priority() != null ? "**[" + s.priority() + "]** " : "") + s.text().strip()));
            }
        }
        return String.join("\n", out);
    }

    /** A task-list item: the subtask's wording of the step, with an open box when it is not done. */
    private static String actionItem(NextStep s) {
        return Markdown.item("-", (s.done() ? "" : "[ ] ") + SubtaskExporter.step(s));
    }

    private static String bullets(List<String> items) {
        return items.stream().map(i -> Markdown.item("-", i)).collect(Collectors.joining("\n"));
    }
}
