package dev.inquest.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.inquest.investigation.SampleCases;
import dev.inquest.investigation.store.CaseFile;
import dev.inquest.investigation.store.CaseJson;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CaseCliTest {
    @TempDir
    Path dir;

    @Test
    void newThenShow() throws Exception {
        Path f = dir.resolve("leak.inquest");
        CliRun r = CliRun.run("case", "new", "Heap grows after deploy", "--out", f.toString(),
                "--subtask", "7", "--author", "dana");
        assertThat(r.exit()).isZero();
        assertThat(r.out()).contains("created");
        var c = CaseFile.read(f).value();
        assertThat(c.title()).isEqualTo("Heap grows after deploy");
        assertThat(c.subtask()).isEqualTo(7);
        assertThat(c.created()).isEqualTo(LocalDate.now());
        assertThat(c.authors()).containsExactly("dana");

        CliRun json = CliRun.run("case", "show", f.toString(), "--json");
        assertThat(json.exit()).isZero();
        assertThat(json.out()).isEqualTo(Files.readString(f));

        CliRun again = CliRun.run("case", "new", "Other", "--out", f.toString());
        assertThat(again.exit()).isEqualTo(1);
        assertThat(again.err()).startsWith("inquest: ").contains("already exists");
        assertThat(CaseFile.read(f).value().title()).isEqualTo("Heap grows after deploy");
    }

    @Test
    void showTextSummarisesTheCase() throws Exception {
        Path f = dir.resolve("rich.inquest");
        CaseFile.create(f, SampleCases.rich());
        CliRun r = CliRun.run("case", "show", f.toString());
        assertThat(r.exit()).isZero();
        assertThat(r.out()).contains("Subtask 004: Session cache keeps | growing after deploy",
                "Status:     In Progress (cache suspected)", "H1 [supported] Does the session cache never evict?  (3 for, 0 against)",
                "H2 [refuted]", "[ ] P0 Register the eviction listener (@dana) -> H1", "[x] P2 Add a heap alert at 80%",
                "Artifact:   A1 heap dump dumps/after.hprof  [missing]");
    }

    @Test
    void brokenCaseIsExitOneWithTheByteAndTheAutosave() throws Exception {
        Path f = dir.resolve("b.inquest");
        CaseFile cf = CaseFile.create(f, SampleCases.rich());
        cf.save(SampleCases.rich().toBuilder().title("v2").build());
        Files.writeString(f, CaseJson.toJson(SampleCases.rich()).substring(0, 100));
        CliRun r = CliRun.run("case", "show", f.toString());
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err()).startsWith("inquest: " + f + ": not a valid case file").contains("last good autosave: .b.inquest.bak")
                .contains(" at byte 100");
        assertThat(r.err().lines()).hasSize(1);
        assertThat(CliRun.run("case", "show", dir.resolve("none.inquest").toString()).exit()).isEqualTo(1);
        assertThat(CliRun.run("case", "show").exit()).isEqualTo(2);
    }

    @Test
    void exportWritesMarkdownAndFiguresAndRedactsByDefault() throws Exception {
        Path f = dir.resolve("rich.inquest");
        CaseFile.create(f, SampleCases.rich());
        CliRun sub = CliRun.run("case", "export", f.toString(), "--format", "subtask");
        assertThat(sub.exit()).isZero();
        assertThat(sub.out()).startsWith("# Subtask 004: ").contains("## Hypotheses and Questions").doesNotContain("hunter2");

        Path md = dir.resolve("out/report.md");
        CliRun rep = CliRun.run("case", "export", f.toString(), "--format", "report",
                "--out", md.toString());
        assertThat(rep.exit()).isZero();
        assertThat(rep.out()).contains("2 figures in report-figures");
        String text = Files.readString(md);
        assertThat(text).contains("](report-figures/heap-trend-E3.svg)").doesNotContain("hunter2");
        assertThat(Files.readString(dir.resolve("out/report-figures/flame-E4.svg"))).startsWith("<svg");

        CliRun values = CliRun.run("case", "export", f.toString(), "--format", "report",
                "--include-values");
        assertThat(values.out()).contains(SampleCases.SECRET);

        assertThat(CliRun.run("case", "export", f.toString(), "--format", "pdf").exit()).isEqualTo(2);
        assertThat(CliRun.run("case", "export", f.toString()).exit()).isEqualTo(2);
    }

    @Test
    void importThenExportGivesTheDocumentBack() throws Exception {
        Path doc = dir.resolve("subtask.md");
        try (var in = getClass().getResourceAsStream("/docs/subtask-canonical-1.md")) {
            Files.write(doc, in.readAllBytes());
        }
        Path f = dir.resolve("imported.inquest");
        CliRun r = CliRun.run("case", "import", doc.toString(), "--out", f.toString());
        assertThat(r.exit()).isZero();
        assertThat(r.out()).contains("3 context items, 3 findings, 3 hypotheses, 3 actions, 3 next steps, 3 references, 1 note ");
        assertThat(CaseFile.read(f).value().subtask()).isEqualTo(4);
        Path md = dir.resolve("again.md");
        assertThat(CliRun.run("case", "export", f.toString(), "--format", "subtask", "--out", md.toString()).exit())
                .isZero();
        assertThat(Files.readString(md)).isEqualTo(Files.readString(doc));
    }

    @Test
    void importRefusesBinaryAndBrokenText() throws Exception {
        Path bin = Files.write(dir.resolve("dump.md"), new byte[] {'J', 'A', 'V', 'A', 0, 1, 2});
        CliRun r = CliRun.run("case", "import", bin.toString(), "--out", dir.resolve("x.inquest").toString());
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err()).isEqualTo("inquest: " + bin + ": not a Markdown document (binary content) at byte 4" + System.lineSeparator());
        Path latin = Files.write(dir.resolve("latin.md"), new byte[] {'#', ' ', 'C', 'a', 'f', (byte) 0xE9, '\n'});
        CliRun l = CliRun.run("case", "import", latin.toString(), "--out", dir.resolve("y.inquest").toString());
        assertThat(l.exit()).isEqualTo(1);
        assertThat(l.err()).contains("not UTF-8 text at byte 5");
        assertThat(Files.exists(dir.resolve("x.inquest"))).isFalse();
        assertThat(CliRun.run("case", "import", bin.toString()).exit()).isEqualTo(2);
    }

    @Test
    void showJsonMigratesOldFilesAndLeavesNewerOnesAlone() throws Exception {
        Path old = dir.resolve("old.inquest");
        try (var in = getClass().getResourceAsStream("/cases/format1.inquest")) {
            Files.write(old, in.readAllBytes());
        }
        CliRun r = CliRun.run("case", "show", old.toString(), "--json");
        assertThat(r.exit()).isZero();
        assertThat(r.out()).startsWith("{\n  \"formatVersion\": 2,\n  \"title\": \"Metaspace keeps growing\"")
                .contains("\"statement\": \"Are generated proxies leaking class loaders?\"",
                        "\"text\": \"Cap the proxy cache\"");
        String future = CaseJson.toJson(SampleCases.rich()).replace("\"formatVersion\": 2", "\"formatVersion\": 7")
                .replace("\"authors\"", "\"reviewers\": {\"kim\": true},\n  \"authors\"");
        Path newer = Files.writeString(dir.resolve("newer.inquest"), future);
        assertThat(CliRun.run("case", "show", newer.toString(), "--json").out()).isEqualTo(future);
    }

    /** Issue 17: a case's text is shown, never obeyed by the terminal; missing fields show, not crash. */
    @Test
    void showNeutralisesControlsAndBidiAndExportsSurviveMissingFields() throws Exception {
        Path f = dir.resolve("hostile.inquest");
        var b = dev.inquest.investigation.model.Case.create("Title \u001b[31mred\u0007 \u202Eevil", LocalDate.of(2026, 2, 3))
                .toBuilder().statusDetail("\b\bgone");
        b.artifacts.add(new dev.inquest.investigation.model.Artifact(null, null, null, null));
        b.hypotheses.add(dev.inquest.investigation.model.Hypothesis.of("H1", "line one\n# two \u2067x"));
        b.nextSteps.add(new dev.inquest.investigation.model.NextStep("step \u009b31m", false, null, "\u001b]0;owner\u0007", "H1"));
        CaseFile.create(f, b.build());

        CliRun r = CliRun.run("case", "show", f.toString());
        assertThat(r.exit()).isZero();
        assertThat(r.out()).doesNotContain("\u001b", "\u0007", "\b", "\u202E", "\u2067", "\u009b", "null")
                .contains("Title \\u001b[31mred\\u0007 <U+202E>evil", "Status:     Open (\\u0008\\u0008gone)",
                        "Artifact:   — — —  [unknown]", "H1 [open] line one\\n# two <U+2067>x",
                        "[ ] step \\u009b31m (\\u001b]0;owner\\u0007) -> H1");
        // JSON output: Jackson escapes the controls; bidi characters are valid JSON text and stay.
        CliRun json = CliRun.run("case", "show", f.toString(), "--json");
        assertThat(json.exit()).isZero();
        assertThat(json.out()).doesNotContain("\u001b", "\u0007").contains("\\u001B[31mred\\u0007");

        for (String format : new String[] {"report", "subtask"}) {
            Path out = dir.resolve(format + ".md");
            CliRun e = CliRun.run("case", "export", f.toString(), "--format", format, "--out", out.toString());
            assertThat(e.exit()).as(e.err()).isZero();
            assertThat(Files.readString(out)).doesNotContain("\u001b", "\u202E").contains("<U+001B>[31mred<U+0007> <U+202E>evil");
        }
        assertThat(Files.readString(dir.resolve("report.md"))).contains("| — | — | — | — | — |");
    }

    /** Issue 17: an imported recommendation's whole text shows as its first line and how many more. */
    @Test
    void showGivesAMultiParagraphNextStepAsItsFirstLineAndTheCountOfTheRest() throws Exception {
        Path f = dir.resolve("steps.inquest");
        var b = dev.inquest.investigation.model.Case.create("Steps", LocalDate.of(2026, 2, 3)).toBuilder();
        b.nextSteps.add(new dev.inquest.investigation.model.NextStep(
                "Cap the \u202Ecache\n\nIt grows without bound.\r\nSee the dominator tree.\n\n- evict by age\n- evict by size\n",
                false, dev.inquest.investigation.model.Priority.P1, "@lee", null));
        b.nextSteps.add(new dev.inquest.investigation.model.NextStep("\n\nOne line after blanks\n\nand one more", true, null,
                null, null));
        b.nextSteps.add(new dev.inquest.investigation.model.NextStep("Just one", false, null, null, null));
        CaseFile.create(f, b.build());

        CliRun r = CliRun.run("case", "show", f.toString());
        assertThat(r.exit()).isZero();
        assertThat(r.out()).doesNotContain("\\n", "\u202E")
                .contains("  [ ] P1 Cap the <U+202E>cache (+4 lines) (@lee)\n", "  [x] One line after blanks (+1 line)\n",
                        "  [ ] Just one\n");
    }
}
