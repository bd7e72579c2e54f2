package dev.inquest.investigation.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.inquest.cli.CliRun;
import dev.inquest.investigation.artifact.ArtifactFiles;
import dev.inquest.investigation.export.ExportOptions;
import dev.inquest.investigation.export.ReportExporter;
import dev.inquest.investigation.importer.MarkdownImporter;
import dev.inquest.investigation.session.CaseSession;
import dev.inquest.investigation.session.Edits;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 18: the case's artifacts say which dump is the baseline, in the file, the export and on the command line. */
class ArtifactRoleTest {
    @TempDir
    Path dir;

    private CaseSession twoDumps(Path caseFile) throws Exception {
        CaseSession s = CaseSession.create(caseFile, Case.create("Growth", LocalDate.of(2026, 12, 5)));
        s.apply(Edits.addArtifact(new Artifact(null, "heap dump", "baseline.hprof", null)));
        s.apply(Edits.addArtifact(new Artifact(null, "heap dump", "after.hprof", null)));
        return s;
    }

    @Test
    void theBaselineRoleIsSavedReadBackAndUnmarked() throws Exception {
        Path caseFile = dir.resolve("case.inquest");
        CaseSession s = twoDumps(caseFile);
        s.apply(Edits.markBaseline("A1", true));
        assertThat(s.save()).isTrue();
        String json = Files.readString(caseFile);
        assertThat(json).contains("\"role\": \"baseline\"");
        assertThat(json.indexOf("\"role\"")).as("only A1 has a role").isEqualTo(json.lastIndexOf("\"role\""));

        Case back = CaseSession.open(caseFile).current();
        assertThat(back.artifacts()).extracting(Artifact::role).containsExactly(ArtifactRole.BASELINE, null);
        assertThat(back.artifact("A1").orElseThrow().isBaseline()).isTrue();

        // One baseline per case: marking A2 unmarks A1; unmarking leaves none, and the file no role.
        CaseSession again = CaseSession.open(caseFile);
        again.apply(Edits.markBaseline("A2", true));
        assertThat(again.current().artifacts()).extracting(Artifact::isBaseline).containsExactly(false, true);
        again.apply(Edits.markBaseline("A2", false));
        assertThat(again.current().artifacts()).extracting(Artifact::role).containsExactly(null, null);
        assertThat(again.save()).isTrue();
        assertThat(Files.readString(caseFile)).doesNotContain("\"role\"");
    }

    @Test
    void aCaseFileWithoutRolesOrWithAnUnknownRoleLoadsAsSubjects() throws Exception {
        Path caseFile = dir.resolve("old.inquest");
        CaseSession s = twoDumps(caseFile);
        assertThat(s.save()).isTrue();
        String old = Files.readString(caseFile);
        assertThat(old).doesNotContain("\"role\"");
        assertThat(CaseSession.open(caseFile).current().artifacts()).extracting(Artifact::role).containsExactly(null, null);

        // A word a newer build may write: read as a subject rather than refusing the whole case.
        Files.writeString(caseFile, old.replace("\"path\": \"after.hprof\"", "\"path\": \"after.hprof\",\n      \"role\": \"reference\""));
        assertThat(Files.readString(caseFile)).contains("\"reference\"");
        Case c = CaseSession.open(caseFile).current();
        assertThat(c.artifacts()).extracting(Artifact::path).containsExactly("baseline.hprof", "after.hprof");
        assertThat(c.artifacts()).extracting(Artifact::role).containsExactly(null, null);
        assertThat(ArtifactRole.parse(" Baseline ")).isEqualTo(ArtifactRole.BASELINE);
        assertThat(new Artifact("A9", "heap dump", "x.hprof", null).withRole(ArtifactRole.SUBJECT).role())
                .as("a subject is written as no role").isNull();
    }

    @Test
    void theMarkdownExportSaysWhichIsTheBaselineAndTheImportReadsItBack() throws Exception {
        Case c = Edits.markBaseline("A1", true).applyTo(twoDumps(dir.resolve("c.inquest")).current());
        String md = ReportExporter.export(c, ExportOptions.DEFAULT).markdown();
        assertThat(md).contains("\n- A1 is the baseline: the dump the others are compared with.");
        assertThat(md.lines().filter(l -> l.contains("is the baseline")).count()).isEqualTo(1);
        assertThat(md.indexOf("- A1 is the baseline")).as("under the artifact table").isGreaterThan(md.indexOf("| A2 |"));

        Case imported = MarkdownImporter.importMarkdown(md);
        assertThat(imported.artifacts()).extracting(Artifact::id).containsExactly("A1", "A2");
        assertThat(imported.artifacts()).extracting(Artifact::isBaseline).containsExactly(true, false);

        String none = ReportExporter.export(twoDumps(dir.resolve("d.inquest")).current(), ExportOptions.DEFAULT).markdown();
        assertThat(none).doesNotContain("is the baseline");
    }

    @Test
    void theCasesBaselineIsFoundByFileRelativeToTheCaseFolder() throws Exception {
        Case c = Edits.markBaseline("A1", true).applyTo(twoDumps(dir.resolve("c.inquest")).current());
        assertThat(ArtifactFiles.baselines(c, dir)).isEqualTo(Set.of(dir.resolve("baseline.hprof").toAbsolutePath().normalize()));
        assertThat(ArtifactFiles.of(c, dir.resolve("sub/../after.hprof"), dir)).map(Artifact::id).contains("A2");
        assertThat(ArtifactFiles.of(c, dir.resolve("other.hprof"), dir)).isEmpty();
    }

    @Test
    void caseShowSaysTheRoleInTextAndJson() throws Exception {
        Path caseFile = dir.resolve("show.inquest");
        CaseSession s = twoDumps(caseFile);
        s.apply(Edits.markBaseline("A1", true));
        assertThat(s.save()).isTrue();

        CliRun json = CliRun.run("case", "show", caseFile.toString(), "--json");
        assertThat(json.exit()).as(json.err()).isZero();
        var root = new com.fasterxml.jackson.databind.ObjectMapper().readTree(json.out());
        assertThat(root.get("artifacts").get(0).get("role").asText()).isEqualTo("baseline");
        assertThat(root.get("artifacts").get(1).has("role")).as("a subject has no role field").isFalse();

        CliRun text = CliRun.run("case", "show", caseFile.toString());
        assertThat(text.exit()).as(text.err()).isZero();
        assertThat(text.out().lines().filter(l -> l.startsWith("Artifact:")).toList())
                .satisfiesExactly(l -> assertThat(l).startsWith("Artifact:   A1 heap dump baseline.hprof").endsWith("  (baseline)"),
                        l -> assertThat(l).startsWith("Artifact:   A2 heap dump after.hprof").doesNotContain("(baseline)"));
    }
}
