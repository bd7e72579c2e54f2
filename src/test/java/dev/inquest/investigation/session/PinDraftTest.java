package dev.inquest.investigation.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.inquest.investigation.artifact.ArtifactFiles;
import dev.inquest.investigation.model.Artifact;
import dev.inquest.investigation.model.Case;
import dev.inquest.investigation.model.Evidence;
import dev.inquest.investigation.model.EvidenceKind;
import dev.inquest.investigation.model.EvidenceSource;
import dev.inquest.investigation.model.EvidenceView;
import dev.inquest.investigation.model.Locator;
import dev.inquest.investigation.model.Stance;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A view's draft pinned as one undo step: its file becomes an artifact, a new hypothesis takes it. */
class PinDraftTest {
    static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");

    @TempDir
    Path dir;

    private Evidence draftFrom(Path file) {
        return Evidence.builder(EvidenceKind.DOMINATOR_ROW).summary("`byte[]` retains 1 MB").bytes("retained", 1 << 20)
                .source(file.toAbsolutePath().toString(), EvidenceView.HEAP_OBJECT, new Locator.HeapObject(0x7f00L, "byte[]"))
                .build();
    }

    @Test
    void theFirstPinFromAFileAddsItAsAnArtifactAndANewHypothesisInOneStep() throws IOException {
        Path dump = Files.write(dir.resolve("app.hprof"), "JAVA PROFILE 1.0.2\0".getBytes());
        CaseSession s = CaseSession.inMemory(Case.create("Leak", LocalDate.of(2026, 3, 1)));
        Evidence draft = draftFrom(dump).withStance(Stance.REFUTES);
        Artifact artifact = ArtifactFiles.forSource(s.current(), draft.source(), dir);
        assertThat(artifact.path()).isEqualTo("app.hprof");

        Case after = s.apply(Edits.pinDraft(null, "The cache leaks", draft, artifact, NOW));
        assertThat(after.artifacts()).singleElement().satisfies(a -> assertThat(a.id()).isEqualTo("A1"));
        assertThat(after.hypotheses()).singleElement().satisfies(h -> {
            assertThat(h.statement()).isEqualTo("The cache leaks");
            Evidence e = h.evidence().getFirst();
            assertThat(e.id()).isEqualTo("E1");
            assertThat(e.pinned()).isEqualTo(NOW);
            assertThat(e.stance()).isEqualTo(Stance.REFUTES);
            assertThat(e.figures()).isEqualTo(draft.figures());
            assertThat(e.source()).isEqualTo(new EvidenceSource("A1", EvidenceView.HEAP_OBJECT, draft.source().locator()));
        });
        assertThat(s.undoLabel()).contains("Pin evidence");
        s.undo();
        assertThat(s.current().artifacts()).isEmpty();
        assertThat(s.current().hypotheses()).isEmpty();
    }

    @Test
    void aSecondPinFromTheSameFileReusesItsArtifact() throws IOException {
        Path dump = Files.write(dir.resolve("app.hprof"), "JAVA PROFILE 1.0.2\0".getBytes());
        CaseSession s = CaseSession.inMemory(Case.create("Leak", LocalDate.of(2026, 3, 1)));
        s.apply(Edits.pinDraft(null, "H", draftFrom(dump), ArtifactFiles.forSource(s.current(), draftFrom(dump).source(), dir), NOW));
        Case after = s.apply(Edits.pinDraft("H1", null, draftFrom(dump),
                ArtifactFiles.forSource(s.current(), draftFrom(dump).source(), dir), NOW));
        assertThat(after.artifacts()).hasSize(1);
        assertThat(after.hypotheses().getFirst().evidence()).extracting(e -> e.source().artifact()).containsExactly("A1", "A1");
        // A source naming the artifact by id needs no new artifact.
        Evidence byId = after.hypotheses().getFirst().evidence().getLast();
        assertThat(ArtifactFiles.forSource(after, byId.source(), dir)).isNull();
    }

    @Test
    void aSourceNamingNeitherAnArtifactNorAFileIsAProblem() throws IOException {
        Case c = Case.create("Leak", LocalDate.of(2026, 3, 1));
        assertThatThrownBy(() -> ArtifactFiles.forSource(c, draftFrom(dir.resolve("gone.hprof")).source(), dir))
                .isInstanceOf(IOException.class).hasMessageContaining("neither an artifact of the case nor a file");
        assertThat(ArtifactFiles.forSource(c, null, dir)).isNull();
    }
}
