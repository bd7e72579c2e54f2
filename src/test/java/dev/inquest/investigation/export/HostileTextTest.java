package dev.inquest.investigation.export;

import static org.assertj.core.api.Assertions.assertThat;

import dev.inquest.format.MarkdownTest;
import dev.inquest.investigation.importer.MarkdownImporter;
import dev.inquest.investigation.model.Artifact;
import dev.inquest.investigation.model.Case;
import dev.inquest.investigation.model.Evidence;
import dev.inquest.investigation.model.EvidenceSource;
import dev.inquest.investigation.model.Hypothesis;
import dev.inquest.investigation.model.HypothesisStatus;
import dev.inquest.investigation.model.MetaLine;
import dev.inquest.investigation.model.NextStep;
import dev.inquest.investigation.model.Note;
import dev.inquest.investigation.model.Reference;
import dev.inquest.investigation.model.Stance;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.BulletList;
import org.commonmark.node.Code;
import org.commonmark.node.CustomBlock;
import org.commonmark.node.CustomNode;
import org.commonmark.node.Emphasis;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.Heading;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.Image;
import org.commonmark.node.Link;
import org.commonmark.node.Node;
import org.commonmark.node.Text;
import org.junit.jupiter.api.Test;

/**
 * Issue 17: text a case file can hold (pasted, imported, or crafted) comes out of both Markdown
 * exports as text: no raw HTML, no script links, no blocks opened by a line break in a one-line
 * field, no code fence left open, no control or bidi characters. Checked by parsing the exports
 * with a GFM parser, as a renderer would.
 */
class HostileTextTest {
    static final String SCRIPT = "<script>alert(1)</script>";
    static final String IMG = "<img src=x onerror=alert(1)>";
    static final String LINK = "[click](javascript:alert(1))";
    static final String BLOCKS = "\n# Heading\n- item\n```\n";
    static final String ESC = "\u001b[31mred\u0007";
    static final String RLO = "\u202Eevil";
    static final String ALL = SCRIPT + " " + IMG + " " + LINK + BLOCKS + ESC + " " + RLO;

    static Case hostile() {
        Case.Builder b = Case.create("Title " + ALL, LocalDate.of(2026, 2, 3)).toBuilder();
        b.statusDetail("detail " + ALL);
        b.metadata.add(new MetaLine("Env " + ESC, "prod " + ALL));
        b.summary("Summary " + ALL);
        b.context.add("context " + ALL);
        b.findings.add("finding " + ALL);
        // A definition in one field would serve a reference in another.
        b.findings.add("[r]: javascript:alert(1)");
        b.context.add("[ref][r] and [data](data:text/html,x)");
        b.actions.add("action " + ALL);
        b.artifacts.add(new Artifact("A1" + RLO, "heap " + ESC, "dumps/" + SCRIPT + ".hprof", null));
        Evidence e = Evidence.note(Stance.SUPPORTS, "evidence " + ALL)
                .withSource(new EvidenceSource("A1" + RLO, null, java.util.Map.of("class" + ESC, "x" + RLO)))
                .withId("E1");
        b.hypotheses.add(new Hypothesis("H1", "statement " + ALL, HypothesisStatus.SUPPORTED, List.of("tag" + ESC),
                "hypothesis notes " + ALL, List.of(e)));
        b.nextSteps.add(new NextStep("step " + ALL, false, null, "@o " + ALL, "H1"));
        b.references.add(Reference.of("ref " + ALL, "javascript:alert(1)"));
        b.references.add(new Reference("raw", null, "raw " + LINK + " " + SCRIPT));
        b.notes.add(new Note("Note " + ALL, 2, "\nnote " + ALL + "\n\n" + SCRIPT + "\n\n" + IMG + "\n\n```\nunclosed", "findings"));
        b.closing("closing " + ALL);
        return b.build();
    }

    /** The literal text a reader sees, code included. */
    static String shown(Node doc) {
        StringBuilder sb = new StringBuilder();
        doc.accept(new AbstractVisitor() {
            @Override
            public void visit(Text t) {
                sb.append(t.getLiteral());
            }

            @Override
            public void visit(Code c) {
                sb.append(c.getLiteral());
            }

            @Override
            public void visit(FencedCodeBlock c) {
                sb.append(c.getLiteral());
            }

            @Override
            public void visit(CustomBlock n) {
                visitChildren(n);
            }

            @Override
            public void visit(CustomNode n) {
                visitChildren(n);
            }
        });
        return sb.toString();
    }

    static void assertHarmless(String md, List<String> headings) {
        assertThat(md).doesNotContain("\u001b", "\u0007", "\u202E").contains("<U+001B>", "<U+0007>", "<U+202E>");
        Node doc = MarkdownTest.GFM.parse(md);
        List<String> found = new ArrayList<>();
        List<String> bad = new ArrayList<>();
        doc.accept(new AbstractVisitor() {
            @Override
            public void visit(HtmlInline h) {
                bad.add("html " + h.getLiteral());
            }

            @Override
            public void visit(HtmlBlock h) {
                bad.add("html block " + h.getLiteral());
            }

            @Override
            public void visit(Link l) {
                if (l.getDestination().toLowerCase(Locale.ROOT).matches("(?s)\\s*(javascript|data|vbscript):.*")) {
                    bad.add("link " + l.getDestination());
                }
                visitChildren(l);
            }

            @Override
            public void visit(Image i) {
                bad.add("image " + i.getDestination());
            }

            @Override
            public void visit(Heading h) {
                if (h.getParent() != doc) {
                    return; // inside a list item: contained by it
                }
                StringBuilder t = new StringBuilder();
                for (Node c = h.getFirstChild(); c != null; c = c.getNext()) {
                    t.append(c instanceof Text x ? x.getLiteral() : c instanceof Code x ? x.getLiteral() : "");
                }
                found.add(t.toString().split(" ")[0]);
            }

            @Override
            public void visit(CustomBlock n) {
                visitChildren(n);
            }

            @Override
            public void visit(CustomNode n) {
                visitChildren(n);
            }
        });
        assertThat(bad).isEmpty();
        assertThat(found).as("headings of\n%s", md).isEqualTo(headings);
        // Shown literally, as the user typed it.
        assertThat(shown(doc)).contains(SCRIPT, IMG, LINK);
    }

    @Test
    void subtaskExportShowsHostileTextAsText() {
        String md = SubtaskExporter.export(hostile(), ExportOptions.DEFAULT);
        // The note is multi-line Markdown and may hold headings; the one-line fields may not.
        assertHarmless(md, List.of("Title", "Context", "Findings", "Note", "Heading", "Hypotheses", "Actions", "Next", "References"));
        // One export, one closing rule and line: the note's open fence was closed where it ended.
        assertThat(md).endsWith("\n---\n*closing " + "&lt;script>alert(1)&lt;/script> &lt;img src=x onerror=alert(1)> "
                + "[click]\\(javascript:alert(1)) # Heading - item ``` <U+001B>[31mred<U+0007> <U+202E>evil*\n");
    }

    @Test
    void reportExportShowsHostileTextAsText() {
        String md = ReportExporter.export(hostile(), ExportOptions.DEFAULT).markdown();
        assertHarmless(md, List.of("Title", "Executive", "Heading", "Artifacts", "Context", "Hypotheses", "H1.", "Heading", "Findings",
                "Note", "Heading", "Actions", "Recommendations", "Priority", "References"));
    }

    @Test
    void hostileTextReachesAFixedPointThroughImport() {
        // The first import reads the note's heading as a section of its own; from there on stable.
        String once = SubtaskExporter.export(MarkdownImporter.importMarkdown(SubtaskExporter.export(hostile(), ExportOptions.DEFAULT)),
                ExportOptions.DEFAULT);
        assertHarmless(once, List.of("Title", "Context", "Findings", "Note", "Heading", "Hypotheses", "Actions", "Next", "References"));
        Case back = MarkdownImporter.importMarkdown(once);
        assertThat(SubtaskExporter.export(back, ExportOptions.DEFAULT)).isEqualTo(once);
    }

    @Test
    void figuresDrawnForTheReportStayInert() throws Exception {
        Evidence flame = Evidence.builder(dev.inquest.investigation.model.EvidenceKind.FLAME_FRAME).summary("frame " + ALL)
                .path(List.of("run", SCRIPT, IMG + " " + ESC + " " + RLO)).percent("share", 12.5).build().withId("E1");
        Evidence trend = Evidence.builder(dev.inquest.investigation.model.EvidenceKind.HEAP_TREND).summary("trend " + ALL)
                .bytes("0 s " + SCRIPT, 1_000).bytes("5 s " + IMG, 2_000).build().withId("E2");
        Case c = Case.create("Figures", LocalDate.of(2026, 2, 3)).toBuilder().build();
        Case.Builder b = c.toBuilder();
        b.hypotheses.add(new Hypothesis("H1", "s", HypothesisStatus.SUPPORTED, null, null, List.of(flame, trend)));
        Exported r = ReportExporter.export(b.build(), new ExportOptions(false, "figs"));
        assertThat(r.files()).hasSize(2);
        for (String svg : r.files().values()) {
            javax.xml.parsers.DocumentBuilderFactory.newInstance().newDocumentBuilder()
                    .parse(new java.io.ByteArrayInputStream(svg.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
            assertThat(svg).doesNotContain("<script", "<img", "href=", "\u001b", "\u0007");
        }
        assertThat(active(r.markdown())).containsOnly("image figs/flame-E1.svg", "image figs/heap-trend-E2.svg");
    }

    static List<String> active(String md) {
        List<String> out = new ArrayList<>();
        MarkdownTest.GFM.parse(md).accept(new AbstractVisitor() {
            @Override
            public void visit(HtmlInline h) {
                out.add("html " + h.getLiteral());
            }

            @Override
            public void visit(HtmlBlock h) {
                out.add("html " + h.getLiteral());
            }

            @Override
            public void visit(Link l) {
                out.add("link " + l.getDestination());
            }

            @Override
            public void visit(Image i) {
                out.add("image " + i.getDestination());
            }
        });
        return out;
    }

    @Test
    void ordinaryMarkdownStaysMarkdown() {
        Case.Builder b = Case.create("Plain", LocalDate.of(2026, 2, 3)).toBuilder();
        b.findings.add("*emphasis* and `HashMap<K, V>` and [docs](https://example.org/a?b=1#c), [rel](docs/x.md), <https://example.org>");
        b.notes.add(new Note("Details", 2, "\nSome **bold** `<init>` text.\n\n- one\n- two\n\n```java\nList<String> x;\n```", "findings"));
        for (String md : List.of(SubtaskExporter.export(b.build(), ExportOptions.DEFAULT),
                ReportExporter.export(b.build(), ExportOptions.DEFAULT).markdown())) {
            assertThat(md).contains("*emphasis* and `HashMap<K, V>` and [docs](https://example.org/a?b=1#c), [rel](docs/x.md), <https://example.org>",
                    "Some **bold** `<init>` text.\n\n- one\n- two\n\n```java\nList<String> x;\n```");
            Node doc = MarkdownTest.GFM.parse(md);
            List<String> kinds = new ArrayList<>();
            doc.accept(new AbstractVisitor() {
                @Override
                public void visit(Emphasis e) {
                    kinds.add("em");
                }

                @Override
                public void visit(Link l) {
                    kinds.add(l.getDestination());
                    visitChildren(l);
                }

                @Override
                public void visit(BulletList l) {
                    kinds.add("list");
                    visitChildren(l);
                }

                @Override
                public void visit(FencedCodeBlock f) {
                    kinds.add("fence " + f.getLiteral().strip());
                }
            });
            assertThat(kinds).contains("em", "https://example.org/a?b=1#c", "docs/x.md", "https://example.org",
                    "list", "fence List<String> x;");
        }
    }

    @Test
    void missingOptionalFieldsRenderAsUnknown() {
        Case.Builder b = Case.create("Sparse", null).toBuilder();
        b.artifacts.add(new Artifact(null, null, null, null));
        b.metadata.add(new MetaLine("Env", null));
        b.hypotheses.add(new Hypothesis(null, "Is it?", HypothesisStatus.SUPPORTED, null, null,
                List.of(Evidence.note(Stance.SUPPORTS, null).withSource(new EvidenceSource("A9", null, null)))));
        b.nextSteps.add(NextStep.of("Look"));
        Case c = b.build();
        String report = ReportExporter.export(c, ExportOptions.DEFAULT).markdown();
        assertThat(report).contains("| — | — | — | — | — |", "**Env:** —");
        assertThat(SubtaskExporter.export(c, ExportOptions.DEFAULT)).contains("**Env:** —", "- Is it? **(supported)**");
    }
}
