package dev.inquest.investigation.importer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.inquest.input.BadInputException;
import dev.inquest.investigation.export.ExportOptions;
import dev.inquest.investigation.export.ReportExporter;
import dev.inquest.investigation.export.SubtaskExporter;
import dev.inquest.investigation.model.Case;
import dev.inquest.investigation.model.NextStep;
import dev.inquest.investigation.model.Note;
import dev.inquest.investigation.model.Priority;
import dev.inquest.investigation.store.CaseJson;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 17: documents built to hurt the importer (deep nesting, huge lists) import in seconds and
 * read back; identical items stay distinct; a report's numbered recommendations become next steps.
 */
class ImportLimitsTest {
    @TempDir
    Path dir;

    /** Saved as a case file is saved, read back as it is read. */
    static Case roundTrip(Case c) {
        return CaseJson.parse(CaseJson.toJson(c).getBytes(StandardCharsets.UTF_8), Path.of("t.inquest")).value();
    }

    static double seconds(Runnable r) {
        long t0 = System.nanoTime();
        r.run();
        return (System.nanoTime() - t0) / 1e9;
    }

    @Test
    void tenThousandLevelsOfListsAndQuotesAreFlattenedQuicklyAndReadBack() {
        String indented = IntStream.range(0, 3_000).mapToObj(i -> "  ".repeat(i) + "- level " + i)
                .collect(Collectors.joining("\n"));
        for (String deep : new String[] {"- ".repeat(10_000) + "x", "> ".repeat(10_000) + "x", "1. ".repeat(10_000) + "x",
                indented}) {
            String md = "# Deep\n\n## Findings\n" + deep + "\n\n## Next Steps\n1. still read\n";
            Case[] c = new Case[1];
            assertThat(seconds(() -> c[0] = MarkdownImporter.importMarkdown(md))).as("seconds").isLessThan(10);
            assertThat(c[0].nextSteps()).extracting(NextStep::text).containsExactly("still read");
            assertThat(String.join("\n", c[0].findings()) + c[0].notes()).contains(deep.endsWith("x") ? "x" : "level 2999");
            assertThat(roundTrip(c[0])).isEqualTo(c[0]);
            Case again = MarkdownImporter.importMarkdown(SubtaskExporter.export(c[0], ExportOptions.DEFAULT));
            assertThat(roundTrip(again)).isEqualTo(again);
        }
        assertThat(MarkdownImporter.deepLine("- a\n  - b\n" + "- ".repeat(MarkdownImporter.MAX_NESTING) + "ok")).isEqualTo(-1);
        assertThat(MarkdownImporter.deepLine("- a\n\n" + "> ".repeat(MarkdownImporter.MAX_NESTING + 1) + "no")).isEqualTo(2);
    }

    @Test
    void aFileNestedTooDeeplyIsRefusedWithTheLineAndByte() throws Exception {
        Path f = dir.resolve("deep.md");
        String head = "# Deep\n\n## Findings\n";
        Files.writeString(f, head + "- ".repeat(10_000) + "x\n");
        assertThatThrownBy(() -> DocumentReader.importFile(f, LocalDate.of(2026, 1, 1)))
                .isInstanceOf(BadInputException.class)
                .hasMessage(f + ": lists or block quotes nested deeper than 32 levels (line 4) at byte " + head.length());
        // The byte counts in the file: a byte order mark and multi-byte characters before it included.
        Path bom = dir.resolve("bom.md");
        String headÉ = "# Déjà vu\n\n";
        byte[] body = (headÉ + "> ".repeat(40) + "x\n").getBytes(java.nio.charset.StandardCharsets.UTF_8);
        byte[] withBom = new byte[body.length + 3];
        withBom[0] = (byte) 0xEF;
        withBom[1] = (byte) 0xBB;
        withBom[2] = (byte) 0xBF;
        System.arraycopy(body, 0, withBom, 3, body.length);
        Files.write(bom, withBom);
        assertThatThrownBy(() -> DocumentReader.importFile(bom, LocalDate.of(2026, 1, 1)))
                .hasMessageEndingWith("(line 3) at byte " + (3 + headÉ.getBytes(java.nio.charset.StandardCharsets.UTF_8).length));
        // And the command line says it in one line, exit 1.
        var r = dev.inquest.cli.CliRun.run("case", "import", f.toString(), "--out", dir.resolve("c.inquest").toString());
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err().strip()).isEqualTo("inquest: " + f + ": lists or block quotes nested deeper than 32 levels (line 4) at byte "
                + head.length());
        assertThat(dir.resolve("c.inquest")).doesNotExist();
    }

    @Test
    void identicalItemsStayDistinctAndAHugeListIsFast() {
        String md = "# Many\n\n## Findings\n" + "- f\n".repeat(200_000) + "\n## Actions Taken\n- a\n- a\n";
        Case[] c = new Case[1];
        assertThat(seconds(() -> c[0] = MarkdownImporter.importMarkdown(md))).as("seconds").isLessThan(10);
        assertThat(c[0].findings()).hasSize(200_000).containsOnly("f");
        assertThat(c[0].actions()).containsExactly("a", "a");
        assertThat(roundTrip(c[0])).isEqualTo(c[0]);
        // Through both exports and back: still distinct, and the report's summary copy is not counted twice.
        Case small = MarkdownImporter.importMarkdown("# Few\n\n## Findings\n- f\n- f\n- g\n");
        assertThat(MarkdownImporter.importMarkdown(SubtaskExporter.export(small, ExportOptions.DEFAULT)).findings())
                .containsExactly("f", "f", "g");
        assertThat(MarkdownImporter.importMarkdown(ReportExporter.export(small, ExportOptions.DEFAULT).markdown()).findings())
                .containsExactly("f", "f", "g");
    }

    static final String REPORT = """
            # Investigation Report: Session cache exhaustion

            **Date:** 2026-02-03
            **Status:** Resolved

            ## Executive Summary

            The session cache never evicts.

            ## Recommendations

            Three changes, most urgent first.

            ### 1. Bound the session cache [P0]

            Replace the unbounded map with a size-bounded cache.

            Keep the eviction policy LRU:

            - Pros: bounded heap
            - Cons: more misses under load

            ### 2. **[P2]** Add a heap alert

            Alert at 80% of old gen after GC.

            ### 3. Register the eviction listener

            The listener was never registered; register it at startup.

            **Priority:** P1

            ### 4. Review the plugin loader

            ```java
            loader.close();
            ```

            ## Conclusion

            Done.
            """;

    @Test
    void numberedRecommendationsBecomeNextStepsWithTheirWholeText() {
        Case c = MarkdownImporter.importMarkdown(REPORT);
        assertThat(c.nextSteps()).containsExactly(
                new NextStep("Bound the session cache\n\nReplace the unbounded map with a size-bounded cache.\n\n"
                        + "Keep the eviction policy LRU:\n\n- Pros: bounded heap\n- Cons: more misses under load",
                        false, Priority.P0, null, null),
                new NextStep("Add a heap alert\n\nAlert at 80% of old gen after GC.", false, Priority.P2, null, null),
                new NextStep("Register the eviction listener\n\nThe listener was never registered; register it at startup."
                        + "\n\n**Priority:** P1", false, Priority.P1, null, null),
                new NextStep("Review the plugin loader\n\n```java\nloader.close();\n```", false, null, null, null));
        // The intro stays a note where it was; the recommendations are not kept twice.
        assertThat(c.notes()).extracting(Note::heading).containsExactly("Executive Summary", "Recommendations", "Conclusion");
        assertThat(c.notes().get(1).markdown()).isEqualTo("\nThree changes, most urgent first.");
        assertThat(roundTrip(c)).isEqualTo(c);

        // Subtask export and back: the same steps, and the document is then a fixed point.
        String once = SubtaskExporter.export(c, ExportOptions.DEFAULT);
        Case back = MarkdownImporter.importMarkdown(once);
        assertThat(back.nextSteps()).isEqualTo(c.nextSteps());
        assertThat(SubtaskExporter.export(back, ExportOptions.DEFAULT)).isEqualTo(once);
        // The report lists them as priority action items, by priority.
        String report = ReportExporter.export(c, ExportOptions.DEFAULT).markdown();
        assertThat(report).contains("## Priority Action Items\n- [ ] **[P0]** Bound the session cache\n\n"
                + "  Replace the unbounded map");
        assertThat(MarkdownImporter.importMarkdown(report).nextSteps()).containsExactlyInAnyOrderElementsOf(c.nextSteps());
    }

    @Test
    void recommendedSolutionsWithoutNumbersStayANote() {
        Case c = MarkdownImporter.importMarkdown("# R\n\n## Recommended Solutions\n\n- **Batch commits**: pros, cons\n");
        assertThat(c.nextSteps()).isEmpty();
        assertThat(c.notes()).extracting(Note::heading).containsExactly("Recommended Solutions");
        Case numbered = MarkdownImporter.importMarkdown("# R\n\n## Recommended Solutions\n\n### 1. Batch commits\n\nCommit every 10,000 rows.\n");
        assertThat(numbered.nextSteps()).containsExactly(
                new NextStep("Batch commits\n\nCommit every 10,000 rows.", false, null, null, null));
        assertThat(numbered.notes()).isEmpty();
    }
}
