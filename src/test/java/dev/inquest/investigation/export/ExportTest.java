package dev.inquest.investigation.export;

import static org.assertj.core.api.Assertions.assertThat;

import dev.inquest.format.MarkdownTest;
import dev.inquest.investigation.SampleCases;
import dev.inquest.investigation.model.Case;
import dev.inquest.investigation.model.CaseStatus;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

class ExportTest {

    @Test
    void subtaskHasExactlyTheBriefShapeAndLeavesEmptySectionsOut() {
        Case.Builder b = Case.create("Metaspace after redeploys", LocalDate.of(2026, 1, 27)).toBuilder()
                .subtask(4).status(CaseStatus.BLOCKED);
        b.context.add("Each redeploy adds about 40 MB of metaspace");
        b.findings.add("`com.acme.PluginLoader` instances: 12 after 12 redeploys");
        b.nextSteps.add(dev.inquest.investigation.model.NextStep.of("Dump the heap after the 13th redeploy"));
        b.references.add(dev.inquest.investigation.model.Reference.of("Plugin loader design", "docs/plugins.md"));
        String md = SubtaskExporter.export(b.build(), ExportOptions.DEFAULT);
        assertThat(md).isEqualTo("""
                # Subtask 004: Metaspace after redeploys

                **Created:** 2026-01-27
                **Status:** Blocked

                ## Context
                - Each redeploy adds about 40 MB of metaspace

                ## Findings
                - `com.acme.PluginLoader` instances: 12 after 12 redeploys

                ## Next Steps
                1. Dump the heap after the 13th redeploy

                ## References
                - [Plugin loader design](docs/plugins.md)

                ---
                *Update this document as the investigation progresses.*
                """);
    }

    @Test
    void heapValuesAreRedactedUnlessAskedFor() {
        Case c = SampleCases.rich();
        for (ExportOptions o : List.of(ExportOptions.DEFAULT, new ExportOptions(false, "figs"))) {
            assertThat(SubtaskExporter.export(c, o)).doesNotContain("hunter2").contains("1 value read from the heap withheld");
            Exported r = ReportExporter.export(c, o);
            assertThat(r.markdown()).doesNotContain("hunter2").contains("1 value read from the heap withheld");
            assertThat(r.files().values()).noneMatch(svg -> svg.contains("hunter2"));
        }
        ExportOptions with = new ExportOptions(true, null);
        assertThat(SubtaskExporter.export(c, with)).contains("values: `" + SampleCases.SECRET + "`");
        assertThat(ReportExporter.export(c, with).markdown()).contains(SampleCases.SECRET)
                .doesNotContain("withheld");
    }

    @Test
    void reportTablesSurviveHostileNamesAndCarryPinnedNumbers() {
        Case c = SampleCases.rich();
        String md = ReportExporter.export(c, ExportOptions.DEFAULT).markdown();
        org.commonmark.node.Node doc = MarkdownTest.GFM.parse(md);
        List<String> codes = MarkdownTest.codes(doc);
        assertThat(codes).contains("java.util.HashMap$Node[]", SampleCases.HOSTILE_CLASS, "0x7f3a10000000", "after.hprof");
        // The evidence table has four columns in every row even with | and ` in the names.
        String figures = md.lines().filter(l -> l.startsWith("| Supports | `java.util.HashMap$Node[]`")).findFirst().orElseThrow();
        assertThat(figures).contains("retained 212 MB, percent 41.3%, objects 1,048,576");
        assertThat(md).contains("# Subtask 004: Session cache keeps | growing after deploy",
                "**Status:** 🔍 In Progress (cache suspected)", "## Executive Summary", "**Key Findings:**",
                "### H1. Does the session cache never evict? — Supported", "**Verdict:** Ruled out by the evidence",
                "## Findings by Severity\n\n### High\n- `java.util.HashMap$Node` count grows",
                "## Priority Action Items\n- [ ] **[P0]** Register the eviction listener (owner: @dana; tests H1)\n- [x] **[P2]**",
                "| Time | Heap |", "| 180 s | 330 MB |", "**Stack (E4), root first:**");
        assertThat(md).doesNotContain("](figs");
    }

    @Test
    void reportFiguresAreSvgFilesLinkedRelatively() throws Exception {
        Exported r = ReportExporter.export(SampleCases.rich(), new ExportOptions(false, "report-figures"));
        assertThat(r.files()).containsOnlyKeys("report-figures/heap-trend-E3.svg", "report-figures/flame-E4.svg");
        assertThat(r.markdown()).contains("![Heap over time E3](report-figures/heap-trend-E3.svg)",
                "![Flame graph frame E4](report-figures/flame-E4.svg)");

        Document trend = parse(r.files().get("report-figures/heap-trend-E3.svg"));
        Element poly = (Element) trend.getElementsByTagName("polyline").item(0);
        String[] points = poly.getAttribute("points").split(" ");
        assertThat(points).hasSize(4);
        // Heap grows, so each point is higher on the page (smaller y) than the one before.
        double prev = Double.MAX_VALUE;
        for (String p : points) {
            double y = Double.parseDouble(p.split(",")[1]);
            assertThat(y).isLessThan(prev);
            prev = y;
        }
        assertThat(trend.getDocumentElement().getTextContent()).contains("180 s", "330 MB", "Heap after GC grows every minute");

        Document flame = parse(r.files().get("report-figures/flame-E4.svg"));
        assertThat(flame.getDocumentElement().getTextContent()).contains("63.5% of samples", "java.lang.Thread.run",
                SampleCases.HOSTILE_FRAME);
        Element leaf = (Element) flame.getElementsByTagName("rect").item(1);
        assertThat(Double.parseDouble(leaf.getAttribute("width"))).isCloseTo(620 * 0.635, org.assertj.core.data.Offset.offset(0.1));
    }

    static Document parse(String svg) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        return f.newDocumentBuilder().parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void recommendationsComeFromStepsTestingSupportedHypotheses() {
        String md = ReportExporter.export(SampleCases.rich(), ExportOptions.DEFAULT).markdown();
        assertThat(md).contains("## Recommendations\n- Because H1 is supported (Does the session cache never evict?):\n"
                + "  - **[P0]** Register the eviction listener\n\n## Priority Action Items");
        Case authored = SampleCases.rich().toBuilder().build();
        Case.Builder b = authored.toBuilder();
        b.notes.add(new dev.inquest.investigation.model.Note("Recommendations", 2, "- Ship the fix", "actions"));
        String own = ReportExporter.export(b.build(), ExportOptions.DEFAULT).markdown();
        assertThat(own).contains("## Recommendations\n- Ship the fix").doesNotContain("Because H1");
    }

    @Test
    void evidenceBuiltByAViewExportsItsNumbers() {
        dev.inquest.investigation.model.Evidence e = dev.inquest.investigation.model.Evidence
                .builder(dev.inquest.investigation.model.EvidenceKind.HISTOGRAM_DELTA)
                .summary("`char[]` grew between the two dumps").count("countDelta", 350_000)
                .figure(new dev.inquest.investigation.model.Figure("shallowDelta", 48L << 20, dev.inquest.investigation.model.FigureUnit.BYTES_DELTA))
                .value("s3cr3t").source("A1", dev.inquest.investigation.model.EvidenceView.HEAP_COMPARE, new dev.inquest.investigation.model.Locator.HeapClass("char[]")).build();
        Case.Builder b = Case.create("x", LocalDate.of(2026, 1, 1)).toBuilder();
        b.hypotheses.add(dev.inquest.investigation.model.Hypothesis.of("H1", "Growing?").plusEvidence(e.withId("E1")));
        String md = ReportExporter.export(b.build(), ExportOptions.DEFAULT).markdown();
        assertThat(md).contains("| Supports | `char[]` grew between the two dumps (E1); 1 value read from the heap withheld"
                + " | countDelta 350,000, shallowDelta +48.0 MB | A1 · heap.compare · class `char[]` |").doesNotContain("s3cr3t");
    }
}
