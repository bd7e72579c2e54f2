package dev.inquest.investigation.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.inquest.capture.CaptureArtifacts;
import dev.inquest.capture.CaptureKind;
import dev.inquest.capture.CaptureResult;
import dev.inquest.capture.JvmIdentity;
import dev.inquest.investigation.artifact.Fingerprints;
import dev.inquest.investigation.export.ExportOptions;
import dev.inquest.investigation.export.ReportExporter;
import dev.inquest.investigation.session.CaseSession;
import dev.inquest.investigation.session.Edits;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 21: a capture's provenance is kept with its artifact, saved with the case, and exported as one line. */
class ProvenanceTest {
    @TempDir
    Path dir;

    private static final Instant TAKEN = Instant.parse("2026-12-05T10:15:30Z");
    private static final JvmIdentity JVM = new JvmIdentity(4242, "build-box", null, "com.example.Main", "25.0.1+8",
            "OpenJDK 64-Bit Server VM, Eclipse Adoptium", Instant.parse("2026-12-05T09:00:00Z"));

    private CaptureResult capture(Path file) throws Exception {
        return new CaptureResult(CaptureKind.HEAP_DUMP, file, false, Fingerprints.of(file), JVM, TAKEN, 1200,
                "jcmd 4242 GC.heap_dump -gz=1 " + file);
    }

    @Test
    void aCaptureBecomesAnArtifactWithItsProvenanceSavedAndReadBack() throws Exception {
        Path caseFile = dir.resolve("case.inquest");
        Path folder = Files.createDirectories(dir.resolve(CaptureArtifacts.FOLDER));
        Path dump = CaptureArtifacts.fileFor(folder, 4242, "com.example.Main", CaptureKind.HEAP_DUMP, TAKEN, true);
        assertThat(dump.getFileName().toString()).startsWith("Main-4242-").endsWith(".hprof.gz");
        Files.write(dump, new byte[] {1, 2, 3, 4});
        assertThat(CaptureArtifacts.fileFor(folder, 4242, "com.example.Main", CaptureKind.HEAP_DUMP, TAKEN, true))
                .as("a taken name is not reused").isNotEqualTo(dump).hasToString(dump.toString().replace(".hprof.gz", "-2.hprof.gz"));

        Artifact a = CaptureArtifacts.artifact(capture(dump), dir);
        assertThat(a.id()).isNull();
        assertThat(a.kind()).isEqualTo("heap dump");
        assertThat(a.path()).isEqualTo("captures/" + dump.getFileName());
        assertThat(a.fingerprint().size()).isEqualTo(4);
        assertThat(a.provenance()).isEqualTo(new Provenance(4242, "build-box", null, "com.example.Main", "25.0.1+8",
                "OpenJDK 64-Bit Server VM, Eclipse Adoptium", TAKEN, "jcmd 4242 GC.heap_dump -gz=1 " + dump));

        CaseSession s = CaseSession.create(caseFile, Case.create("Growth", LocalDate.of(2026, 12, 5)));
        s.apply(Edits.addArtifact(a));
        assertThat(s.save()).isTrue();
        assertThat(Files.readString(caseFile)).contains("\"provenance\"").contains("\"command\"").contains("build-box");

        Case back = CaseSession.open(caseFile).current();
        Artifact read = back.artifacts().getFirst();
        assertThat(read.id()).isEqualTo("A1");
        assertThat(read.provenance()).isEqualTo(a.provenance());
        assertThat(read.fingerprint()).isEqualTo(a.fingerprint());
    }

    @Test
    void anOpenedFileHasNoProvenanceAndTheCaseFileSaysNothingOfIt() throws Exception {
        Path caseFile = dir.resolve("plain.inquest");
        CaseSession s = CaseSession.create(caseFile, Case.create("Plain", LocalDate.of(2026, 12, 5)));
        s.apply(Edits.addArtifact(new Artifact(null, "heap dump", "a.hprof", null)));
        assertThat(s.save()).isTrue();
        assertThat(Files.readString(caseFile)).doesNotContain("provenance");
        assertThat(CaseSession.open(caseFile).current().artifacts().getFirst().provenance()).isNull();
    }

    @Test
    void theExportSaysWhereACapturedArtifactCameFromInOneLine() throws Exception {
        Path dump = Files.write(dir.resolve("Main-4242.hprof"), new byte[] {1});
        Case.Builder b = Case.create("Growth", LocalDate.of(2026, 12, 5)).toBuilder();
        b.artifacts.add(CaptureArtifacts.artifact(capture(dump), dir).withId("A1"));
        b.artifacts.add(new Artifact("A2", "flight recording", "app.jfr", null));
        String md = ReportExporter.export(b.build(), ExportOptions.DEFAULT).markdown();
        assertThat(md).contains("- A1 captured 2026-12-05T10:15:30Z from pid 4242 (com.example.Main) on build-box, "
                + "Java 25.0.1+8: `jcmd 4242 GC.heap_dump -gz=1 " + dump + "`");
        assertThat(md.lines().filter(l -> l.contains(" captured ")).count()).as("only the captured artifact").isEqualTo(1);
    }
}
