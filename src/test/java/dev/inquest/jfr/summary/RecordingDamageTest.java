package dev.inquest.jfr.summary;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Issue 17: the one wording of a recording's missing events that the window's banner and the command line share. */
class RecordingDamageTest {
    private static final ChunkDamage CP0 = new ChunkDamage(2, 268787,
            "the header's constant-pool offset 0 is outside the chunk (68 to 196338)");

    @Test
    void aWholeRecordingHasNoSentence() {
        RecordingDamage d = new RecordingDamage(null, List.of());
        assertThat(d.partial()).isFalse();
        assertThat(d.missing()).isNull();
        assertThat(d.problems()).isEmpty();
        assertThat(d.sentence()).isEmpty();
        assertThat(d.warnings("showing")).isEmpty();
    }

    /** A skipped damaged chunk is not a cut: it is named as damaged, and the rest of the file still counts. */
    @Test
    void aDamagedChunkIsNamedAsDamagedNotAsACut() {
        RecordingDamage d = new RecordingDamage(null, List.of(CP0));
        assertThat(d.partial()).isTrue();
        assertThat(d.missing()).isNull();
        assertThat(d.problems()).containsExactly("chunk 2 skipped, damaged: the header's constant-pool offset 0 is"
                + " outside the chunk (68 to 196338) at byte 268787");
        assertThat(d.sentence()).isEqualTo("Chunk 2 skipped, damaged: the header's constant-pool offset 0 is"
                + " outside the chunk (68 to 196338) at byte 268787; the figures count the other chunks only.")
                .doesNotContain("cut short", "Cut short");
    }

    @Test
    void aCutAndADamagedChunkAreBothNamedTheCutFirst() {
        RecordingDamage d = new RecordingDamage(new Truncation(500000, "chunk 4 declares 12 MB but only 4 MB are present"),
                List.of(CP0));
        assertThat(d.missing()).isEqualTo("chunk 4 declares 12 MB but only 4 MB are present at byte 500000");
        assertThat(d.problems()).containsExactly(d.missing(), CP0.describe());
        assertThat(d.sentences()).containsExactly(
                "Cut short: chunk 4 declares 12 MB but only 4 MB are present at byte 500000; the figures count the complete chunks only.",
                "Chunk 2 skipped, damaged: the header's constant-pool offset 0 is outside the chunk (68 to 196338)"
                        + " at byte 268787; the figures count the other chunks only.");
        assertThat(d.sentence()).isEqualTo(String.join(" ", d.sentences()));
        assertThat(d.warnings("comparing")).containsExactly(
                "cut short, chunk 4 declares 12 MB but only 4 MB are present at byte 500000; comparing the complete chunks",
                CP0.describe() + "; comparing the other chunks");
    }
}
