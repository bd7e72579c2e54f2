package dev.inquest.investigation.artifact;

import static org.assertj.core.api.Assertions.assertThat;

import dev.inquest.investigation.model.Artifact;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ArtifactCheckTest {
    @TempDir
    Path dir;

    byte[] bytes(int n, long seed) {
        byte[] b = new byte[n];
        new Random(seed).nextBytes(b);
        return b;
    }

    @Test
    void recognisesSameMovedChangedAndMissing() throws Exception {
        Path caseDir = Files.createDirectories(dir.resolve("case"));
        Path dump = Files.write(caseDir.resolve("after.hprof"), bytes(200_000, 1));
        Artifact a = new Artifact("A1", "heap dump", "after.hprof", Fingerprints.of(dump));
        assertThat(a.fingerprint().headBytes()).isEqualTo(65536);
        assertThat(a.fingerprint().size()).isEqualTo(200_000);

        assertThat(ArtifactCheck.check(a, caseDir, List.of()).state()).isEqualTo(ArtifactCheck.State.SAME);

        // A decoy of the same size but other content must not be taken for it.
        Path elsewhere = Files.createDirectories(dir.resolve("archive"));
        Files.write(elsewhere.resolve("decoy.hprof"), bytes(200_000, 2));
        Path moved = Files.move(dump, elsewhere.resolve("renamed.bin"));
        ArtifactCheck c = ArtifactCheck.check(a, caseDir, List.of(elsewhere));
        assertThat(c.state()).isEqualTo(ArtifactCheck.State.MOVED);
        assertThat(c.found()).isEqualTo(moved);
        assertThat(ArtifactCheck.check(a, caseDir, List.of()).state()).isEqualTo(ArtifactCheck.State.MISSING);

        // Another dump written at the old path: changed, never silently "the same".
        Files.write(caseDir.resolve("after.hprof"), bytes(200_000, 3));
        ArtifactCheck changed = ArtifactCheck.check(a, caseDir, List.of(elsewhere));
        assertThat(changed.state()).isEqualTo(ArtifactCheck.State.CHANGED);
        assertThat(changed.message()).contains("different content");
        // A truncated copy: changed too.
        Files.write(caseDir.resolve("after.hprof"), java.util.Arrays.copyOf(bytes(200_000, 1), 150_000));
        assertThat(ArtifactCheck.check(a, caseDir, List.of()).message()).contains("200000 -> 150000");
    }

    @Test
    void describeUsesContentKindAndARelativePathUnderTheCaseFolder() throws Exception {
        Path caseDir = Files.createDirectories(dir.resolve("inv"));
        byte[] head = "JAVA PROFILE 1.0.2\0".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        byte[] body = java.util.Arrays.copyOf(head, 100_000);
        Path dump = Files.write(Files.createDirectories(caseDir.resolve("dumps")).resolve("core.bin"), body);
        Artifact a = ArtifactFiles.describe(dump, caseDir);
        assertThat(a.kind()).isEqualTo("heap dump");
        assertThat(a.path()).isEqualTo("dumps/core.bin");
        assertThat(a.fingerprint().size()).isEqualTo(100_000);
        assertThat(a.fingerprint().headSha256()).isEqualTo(Fingerprints.sha256(java.util.Arrays.copyOf(body, 65536)));
        Path outside = Files.write(dir.resolve("other.jfr"), bytes(10, 9));
        assertThat(ArtifactFiles.describe(outside, caseDir).path()).isEqualTo(outside.toAbsolutePath().toString());
        assertThat(ArtifactFiles.describe(outside, caseDir).kind()).isEqualTo("unknown file");
    }

    @Test
    void aPathNoFileCanHaveIsAProblemOfThatArtifactNotACrash() throws Exception {
        // Case files are text anyone may edit: a NUL made Path.of throw out of the check (issue 17).
        Artifact nul = new Artifact("A7", "heap dump", "dumps/a\u0000b.hprof", null);
        ArtifactCheck c = ArtifactCheck.check(nul, dir, List.of());
        assertThat(c.state()).isEqualTo(ArtifactCheck.State.INVALID);
        assertThat(c.found()).isNull();
        assertThat(c.message()).isEqualTo("artifact A7: path \"dumps/a\\u0000b.hprof\" is not a valid file name here"
                + " (Nul character not allowed)");
        ArtifactCheck none = ArtifactCheck.check(new Artifact("A8", "heap dump", null, null), dir, List.of());
        assertThat(none.state()).isEqualTo(ArtifactCheck.State.INVALID);
        assertThat(none.message()).isEqualTo("artifact A8 has no path");
    }
}
