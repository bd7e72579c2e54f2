package dev.inquest.investigation.importer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.inquest.investigation.SampleCases;
import dev.inquest.investigation.export.ExportOptions;
import dev.inquest.investigation.export.ReportExporter;
import dev.inquest.investigation.export.SubtaskExporter;
import dev.inquest.investigation.model.Case;
import dev.inquest.investigation.model.CaseStatus;
import dev.inquest.investigation.model.Evidence;
import dev.inquest.investigation.model.Hypothesis;
import dev.inquest.investigation.model.HypothesisStatus;
import dev.inquest.investigation.model.MetaLine;
import dev.inquest.investigation.model.NextStep;
import dev.inquest.investigation.model.Note;
import dev.inquest.investigation.model.Priority;
import dev.inquest.investigation.model.Reference;
import dev.inquest.investigation.model.Stance;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MarkdownImporterTest {

    static String doc(String name) throws IOException {
        try (InputStream in = MarkdownImporterTest.class.getResourceAsStream("/docs/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    static String subtask(Case c) {
        return SubtaskExporter.export(c, ExportOptions.DEFAULT);
    }

    @ParameterizedTest
    @ValueSource(strings = {"subtask-canonical-1.md", "subtask-canonical-2.md"})
    void canonicalSubtaskDocumentsComeBackByteForByte(String name) throws IOException {
        String md = doc(name);
        assertThat(subtask(MarkdownImporter.importMarkdown(md))).isEqualTo(md);
    }

    @Test
    void canonicalDocumentMapsToTheRightFields() throws IOException {
        Case c = MarkdownImporter.importMarkdown(doc("subtask-canonical-1.md"));
        assertThat(c.subtask()).isEqualTo(4);
        assertThat(c.title()).isEqualTo("Thumbnail cache outgrows the old generation");
        assertThat(c.created()).isEqualTo(LocalDate.of(2026, 1, 27));
        assertThat(c.status()).isEqualTo(CaseStatus.IN_PROGRESS);
        assertThat(c.metadata()).containsExactly(new MetaLine("Owner", "@mira"));
        assertThat(c.context()).hasSize(3).first().isEqualTo(
                "The gallery service restarts every 6 hours with `OutOfMemoryError: Java heap space`");
        assertThat(c.findings()).element(0).isEqualTo(
                "`com.gallery.thumbs.ThumbCache$Slot` holds 1.2M entries vs 310k images in the catalogue");
        assertThat(c.hypotheses()).extracting(Hypothesis::id).containsExactly("H1", "H2", "H3");
        assertThat(c.hypotheses()).allMatch(h -> h.status() == HypothesisStatus.OPEN);
        assertThat(c.actions()).hasSize(3);
        assertThat(c.nextSteps()).extracting(NextStep::text).containsExactly(
                "Make `ImageRef.equals` and `hashCode` ignore `lastViewed`",
                "Add a size bound to `ThumbCache` and export its hit rate",
                "Re-run the load test and compare old-gen after full GC");
        assertThat(c.references()).containsExactly(Reference.of("ThumbCache design note", "../design/thumb-cache.md"),
                Reference.of("Release 7.3.0 changelog", "../releases/7.3.0.md"), Reference.of("Incident INC-2291", null));
        assertThat(c.notes()).containsExactly(new Note("Timeline", 2,
                "- 09:10 release 7.3.0 rolled out\n- 15:05 first restart by the orchestrator", "actions"));
        assertThat(c.closing()).isEqualTo("Keep this page current; link new heap dumps under Actions Taken.");
    }

    @Test
    void verdictsEvidencePrioritiesOwnersAndLinksAreRead() throws IOException {
        Case c = MarkdownImporter.importMarkdown(doc("subtask-canonical-2.md"));
        assertThat(c.status()).isEqualTo(CaseStatus.RESOLVED);
        assertThat(c.statusDetail()).isEqualTo("class loader leak fixed in 2.9.1");
        Hypothesis h1 = c.hypothesis("H1").orElseThrow();
        assertThat(h1.statement()).isEqualTo("Does `PluginRegistry` keep a strong reference to each `PluginClassLoader`?");
        assertThat(h1.status()).isEqualTo(HypothesisStatus.SUPPORTED);
        assertThat(h1.evidence()).extracting(Evidence::stance).containsExactly(Stance.SUPPORTS, Stance.SUPPORTS);
        Hypothesis h2 = c.hypotheses().get(1);
        assertThat(h2.id()).isEqualTo("H2");
        assertThat(h2.status()).isEqualTo(HypothesisStatus.REFUTED);
        assertThat(h2.refuting()).singleElement().extracting(Evidence::summary)
                .isEqualTo("Code cache stays under 48 MB during the whole run");
        assertThat(c.nextSteps()).containsExactly(
                new NextStep("Remove listeners on unload", true, Priority.P0, "@tomas", "H1"),
                new NextStep("Add a reload soak test to CI", false, Priority.P2, "@ana", null),
                NextStep.of("Document the `Plugin.close()` contract"));
        assertThat(c.closing()).isEqualTo(SubtaskExporter.DEFAULT_CLOSING);
    }

    @Test
    void irregularSubtaskDocument() throws IOException {
        String md = doc("subtask-irregular.md");
        assertThat(md).contains("\r\n");
        Case c = MarkdownImporter.importMarkdown(md);
        assertThat(c.subtask()).isEqualTo(12);
        assertThat(c.title()).isEqualTo("Direct buffers pile up in the upload proxy");
        assertThat(c.created()).isEqualTo(LocalDate.of(2026, 2, 10));
        assertThat(c.status()).isEqualTo(CaseStatus.RESOLVED);
        assertThat(c.statusDetail()).isEqualTo("fixed in 3.2.1");
        assertThat(c.authors()).containsExactly("Priya", "Jonas");
        // Setext "Background" plus "*" bullets, and a paragraph, all context.
        assertThat(c.context()).containsExactly(
                "The upload proxy runs with `-XX:MaxDirectMemorySize=1g` but RSS reaches 5GB.",
                "Only pods handling multipart uploads are affected",
                "`jcmd VM.native_memory` shows \"Other\" at 3.9GB");
        // "### Key findings so far" under "## Background" is its own section; a lazy continuation line stays.
        assertThat(c.findings()).containsExactly("`java.nio.DirectByteBuffer` count: 52,000 after 2 hours",
                "Most are 64 KB buffers allocated by `UploadChunker.<init>`\nand never released because the cleaner never runs",
                "Young GCs run every few seconds; old GC has not run in 2 hours");
        assertThat(c.hypotheses()).extracting(Hypothesis::statement, Hypothesis::status).containsExactly(
                org.assertj.core.groups.Tuple.tuple("Is the buffer pool in `UploadChunker` bounded at all?", HypothesisStatus.OPEN),
                org.assertj.core.groups.Tuple.tuple("Would `-XX:+AlwaysPreTouch` change anything?", HypothesisStatus.REFUTED));
        assertThat(c.actions()).containsExactly("Forced a full GC with `jcmd GC.run`: RSS dropped by 3.1GB",
                "Set `-Dio.netty.maxDirectMemory=0`: no change");
        assertThat(c.nextSteps()).containsExactly(
                new NextStep("Release chunks in a `finally` block", true, Priority.P1, null, null),
                new NextStep("Cap the chunk pool at 256 buffers", false, Priority.P2, null, null),
                NextStep.of("Write the postmortem"));
        assertThat(c.references()).extracting(Reference::link).containsExactly(
                "https://docs.oracle.com/en/java/javase/21/docs/api/java.base/java/nio/ByteBuffer.html",
                "https://netty.io/wiki/reference-counted-objects.html", null);
        assertThat(c.references().get(2).title()).isEqualTo("Internal dashboard \"proxy-native\"");
        // Unknown parts kept verbatim where they were.
        assertThat(c.notes()).extracting(Note::heading).containsExactly(null, "Raw numbers");
        assertThat(c.notes().get(0).markdown()).isEqualTo("Short version: native memory grows, heap does not.");
        assertThat(c.notes().get(1).markdown()).contains("| 2 h | 5.0GB | 52,000 |");

        // Export keeps every item's wording; exporting again after a re-import changes nothing.
        String exported = subtask(c);
        for (String item : c.findings()) {
            assertThat(exported).contains(item.lines().findFirst().orElseThrow());
        }
        assertThat(exported).contains("- Would `-XX:+AlwaysPreTouch` change anything? **(refuted)**",
                "1. [x] **[P1]** Release chunks in a `finally` block", "## Raw numbers\n\n| Uptime |",
                "  and never released because the cleaner never runs");
        Case again = MarkdownImporter.importMarkdown(exported);
        assertThat(again).isEqualTo(c.toBuilder().closing(SubtaskExporter.DEFAULT_CLOSING).build());
        assertThat(subtask(again)).isEqualTo(exported);
    }

    @Test
    void handWrittenInvestigationReport() throws IOException {
        Case c = MarkdownImporter.importMarkdown(doc("report-irregular.md"));
        assertThat(c.title()).isEqualTo("Investigation Report: Order service heap exhaustion under batch imports");
        assertThat(c.created()).isEqualTo(LocalDate.of(2026, 1, 14));
        assertThat(c.status()).isEqualTo(CaseStatus.RESOLVED);
        assertThat(c.statusDetail()).isEqualTo("root cause fixed in order-service 5.12");
        assertThat(c.metadata()).extracting(MetaLine::name).containsExactly("Environment", "Symptom");
        assertThat(c.summary()).startsWith("The nightly CSV import keeps every parsed row").contains("**Risk Level:** High");
        assertThat(c.findings()).containsExactly(
                "`com.orders.imp.RowBuffer` retains 4.2 GB (71% of the heap) at the moment of the OOM",
                "Each `OrderRow` costs 2,950 bytes including its `HashMap<String, Object>` of attributes",
                "Whole-file batch retention (CRITICAL)",
                "Attribute maps sized for the worst case (MEDIUM)",
                // Stated in the phases' prose: after the listed ones.
                "`OrderRow` instances scale with the rows of the file being imported, not with the batch size.",
                "allocation rate is normal per row; the problem is retention, not churn.");
        assertThat(c.hypotheses()).singleElement().satisfies(h -> {
            assertThat(h.statement()).isEqualTo("Ruled out as a cause: G1 humongous regions.");
            assertThat(h.status()).isEqualTo(HypothesisStatus.REFUTED);
        });
        assertThat(c.actions()).containsExactly("Phase 1: Baseline heap dumps", "Phase 2: GC logs", "Phase 3: Allocation profile");
        assertThat(c.nextSteps()).containsExactly(
                new NextStep("Ship 10k-row batch commits", false, Priority.P0, "@kenji", null),
                new NextStep("Add a resume marker for partial imports", false, Priority.P1, null, null),
                new NextStep("Right-size the attribute maps", false, Priority.P3, null, null),
                new NextStep("Add an old-gen alert at 80%", true, null, null, null));
        assertThat(c.notes()).extracting(Note::heading).containsExactly("Executive Summary", "Table of Contents",
                "Phase 1: Baseline heap dumps", "Phase 2: GC logs", "Phase 3: Allocation profile",
                "1. Whole-file batch retention (CRITICAL)", "2. Attribute maps sized for the worst case (MEDIUM)",
                "Validation", "Recommendations", "Verification Steps", "Conclusion");
        Note code = c.notes().get(5);
        assertThat(code.markdown()).contains("```java\nif (buffer.size() >= 10_000) {", "**Location:** `ImportJob.run()`");

        // Nothing of the original text is lost: every non-blank line survives a subtask export.
        String exported = subtask(c);
        for (String line : doc("report-irregular.md").lines().toList()) {
            if (line.isBlank() || line.startsWith("#") || line.startsWith("**Date:**") || line.startsWith("**Status:**")
                    || line.startsWith("- **[P") || line.startsWith("- [")) {
                continue;
            }
            String content = line.replaceFirst("^(- |\\d+\\. )", "").replace("**Finding:** ", "").replace("**Key Finding:** ", "");
            assertThat(exported).as("line kept: %s", line).contains(content);
        }
    }

    @Test
    void ourReportReadsBackIntoTheSameCase() {
        Case c = SampleCases.rich();
        String report = ReportExporter.export(c, new ExportOptions(false, "figs")).markdown();
        Case back = MarkdownImporter.importMarkdown(report);
        assertThat(back.subtask()).isEqualTo(c.subtask());
        assertThat(back.title()).isEqualTo(c.title());
        assertThat(back.status()).isEqualTo(c.status());
        assertThat(back.statusDetail()).isEqualTo(c.statusDetail());
        assertThat(back.created()).isEqualTo(c.created());
        assertThat(back.updated()).isEqualTo(c.updated());
        assertThat(back.authors()).isEqualTo(c.authors());
        assertThat(back.context()).isEqualTo(c.context());
        assertThat(back.findings()).isEqualTo(c.findings());
        assertThat(back.actions()).isEqualTo(c.actions());
        assertThat(back.references()).isEqualTo(c.references());
        assertThat(back.artifacts()).extracting(a -> a.id() + " " + a.kind() + " " + a.path())
                .containsExactly("A1 heap dump dumps/after.hprof", "A2 flight recording /srv/rec/app.jfr");
        assertThat(back.hypotheses()).hasSameSizeAs(c.hypotheses());
        for (int i = 0; i < c.hypotheses().size(); i++) {
            Hypothesis want = c.hypotheses().get(i);
            Hypothesis got = back.hypotheses().get(i);
            assertThat(got.id()).isEqualTo(want.id());
            assertThat(got.statement()).isEqualTo(want.statement());
            assertThat(got.status()).isEqualTo(want.status());
            assertThat(got.tags()).isEqualTo(want.tags());
            assertThat(got.evidence()).extracting(Evidence::stance).isEqualTo(want.evidence().stream().map(Evidence::stance).toList());
        }
        assertThat(back.hypotheses().get(0).evidence().get(0).summary())
                .isEqualTo("`java.util.HashMap$Node[]` held by the session cache dominates the heap (retained 212 MB, percent 41.3%, objects 1,048,576)");
        assertThat(back.hypotheses().get(0).notes()).startsWith("Eviction listener is never registered.");
        // Report order is by priority; the steps themselves are the same.
        assertThat(back.nextSteps()).containsExactlyInAnyOrderElementsOf(c.nextSteps());
        assertThat(back.notes()).extracting(Note::heading).contains("Timeline");
        assertThat(ReportExporter.export(back, ExportOptions.DEFAULT).markdown()).doesNotContain("hunter2");
    }

    /** Issue 17: an owner holding ")" ";" "(" or a backslash kept the step's hypothesis link only by luck. */
    @Test
    void anyOwnerTextRoundTripsWithItsHypothesisLink() {
        Case base = SampleCases.rich();
        List<String> owners = List.of("@lee (platform)", "team) x", "a;b", "(paren", "back\\slash", "x; tests H2)",
                "\\); tests H9", "plain");
        Case.Builder b = base.toBuilder();
        b.nextSteps.clear();
        for (String o : owners) {
            b.nextSteps.add(new NextStep("Step for " + o.length(), false, Priority.P2, o, "H1"));
        }
        b.nextSteps.add(new NextStep("No hypothesis", true, null, "Lee (SRE)", null));
        Case c = b.build();
        String md = subtask(c);
        assertThat(md).contains("(owner: @lee \\(platform\\); tests H1)", "(owner: a\\;b; tests H1)");
        Case back = MarkdownImporter.importMarkdown(md);
        assertThat(back.nextSteps()).isEqualTo(c.nextSteps());
        assertThat(subtask(back)).isEqualTo(md);
        // As people write it by hand: parentheses in pairs, unescaped.
        Case hand = MarkdownImporter.importMarkdown("# Subtask 001: x\n\n## Next Steps\n\n- Cap it (owner: Lee (SRE); tests H1)\n");
        assertThat(hand.nextSteps()).singleElement().satisfies(s -> {
            assertThat(s.text()).isEqualTo("Cap it");
            assertThat(s.owner()).isEqualTo("Lee (SRE)");
            assertThat(s.hypothesis()).isEqualTo("H1");
        });
    }

    @Test
    void caseToSubtaskToCaseKeepsTheSections() {
        Case c = SampleCases.rich();
        Case back = MarkdownImporter.importMarkdown(subtask(c));
        assertThat(back.title()).isEqualTo(c.title());
        assertThat(back.subtask()).isEqualTo(c.subtask());
        assertThat(back.status()).isEqualTo(c.status());
        assertThat(back.statusDetail()).isEqualTo(c.statusDetail());
        assertThat(back.created()).isEqualTo(c.created());
        assertThat(back.metadata()).isEqualTo(c.metadata());
        assertThat(back.context()).isEqualTo(c.context());
        assertThat(back.findings()).isEqualTo(c.findings());
        assertThat(back.actions()).isEqualTo(c.actions());
        assertThat(back.nextSteps()).isEqualTo(c.nextSteps());
        assertThat(back.references()).isEqualTo(c.references());
        assertThat(back.notes()).isEqualTo(c.notes());
        assertThat(back.closing()).isEqualTo(c.closing());
        assertThat(back.hypotheses()).extracting(Hypothesis::statement)
                .isEqualTo(c.hypotheses().stream().map(Hypothesis::statement).toList());
        assertThat(back.hypotheses()).extracting(Hypothesis::status)
                .isEqualTo(c.hypotheses().stream().map(Hypothesis::status).toList());
        assertThat(back.hypotheses().get(0).evidence()).hasSize(3);
        // And from there the document is stable.
        assertThat(subtask(back)).isEqualTo(subtask(c));
    }

    @Test
    void hostileNamesAndOddInputSurvive() {
        String md = "# Odd one\n\n## Findings\n- `" + SampleCases.HOSTILE_CLASS + "` and ``" + SampleCases.HOSTILE_FRAME
                + "`` | with pipes\n- <init> outside code\n\n## Misc\n\n<details>\n<summary>raw html</summary>\n\nhidden\n</details>\n";
        Case c = MarkdownImporter.importMarkdown(md);
        assertThat(c.findings()).containsExactly("`" + SampleCases.HOSTILE_CLASS + "` and ``" + SampleCases.HOSTILE_FRAME
                + "`` | with pipes", "<init> outside code");
        assertThat(c.notes()).singleElement().extracting(Note::markdown).asString().contains("<summary>raw html</summary>");
        assertThat(MarkdownImporter.importMarkdown("").title()).isEqualTo("Imported document");
        assertThat(MarkdownImporter.importMarkdown("just a line of text").notes()).hasSize(1);
        List<String> headingsOnly = List.of("## Context", "### Next Steps", "# Late title");
        assertThat(MarkdownImporter.importMarkdown(String.join("\n", headingsOnly)).notes()).isNotNull();
    }
}
