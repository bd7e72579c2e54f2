package dev.inquest.ui.notebook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.inquest.investigation.model.Case;
import dev.inquest.investigation.session.CaseSession;
import dev.inquest.investigation.session.Edits;
import dev.inquest.ui.notebook.ExportWriter.Format;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExportWriterTest {
    @TempDir
    Path dir;

    private Case sample() {
        CaseSession s = CaseSession.inMemory(Case.create("Checkout: heap grows / OOM", LocalDate.of(2026, 11, 18)));
        s.apply(Edits.addHypothesis("Is the session cache unbounded?"));
        s.apply(Edits.pinEvidence("H1", Drafts.heapTrend(dir.resolve("rec.jfr")), Instant.parse("2026-11-21T14:00:00Z")));
        s.apply(Edits.pinEvidence("H1", Drafts.flameFrame(dir.resolve("rec.jfr")), Instant.parse("2026-11-21T14:00:00Z")));
        return s.current();
    }

    @Test
    void suggestsNamesPeopleWouldPick() {
        Case c = sample();
        assertThat(ExportWriter.suggestedName(c, Format.SUBTASK)).isEqualTo("checkout-heap-grows-oom.md");
        assertThat(ExportWriter.suggestedName(c, Format.REPORT)).isEqualTo("checkout-heap-grows-oom-report.md");
        assertThat(ExportWriter.suggestedName(c.toBuilder().subtask(4).build(), Format.SUBTASK)).isEqualTo("subtask-004.md");
    }

    @Test
    void reportWritesItsFiguresNextToTheMarkdown() throws IOException {
        var w = ExportWriter.write(sample(), Format.REPORT, false, dir.resolve("out"), "leak");
        assertThat(w.markdown()).isEqualTo(dir.resolve("out/leak.md"));
        assertThat(w.figures()).containsExactly(dir.resolve("out/leak-figures/flame-E2.svg"),
                dir.resolve("out/leak-figures/heap-trend-E1.svg"));
        String md = Files.readString(w.markdown());
        assertThat(md).contains("(leak-figures/heap-trend-E1.svg)").contains("(leak-figures/flame-E2.svg)");
        assertThat(Files.readString(w.figures().get(1))).startsWith("<svg").contains("13:00");
        // No temp files left behind.
        try (var files = Files.list(dir.resolve("out"))) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("leak.md", "leak-figures");
        }
    }

    @Test
    void subtaskHasNoFiguresAndPreviewEqualsFile() throws IOException {
        Case c = sample();
        var w = ExportWriter.write(c, Format.SUBTASK, false, dir, "s.md");
        assertThat(w.figures()).isEmpty();
        assertThat(Files.readString(w.markdown())).isEqualTo(ExportWriter.render(c, Format.SUBTASK, false, "s.md").markdown());
    }

    @Test
    void refusesPathsAsFileNames() {
        assertThatThrownBy(() -> ExportWriter.write(sample(), Format.SUBTASK, false, dir, "../x.md"))
                .isInstanceOf(IOException.class).hasMessageContaining("not a file name");
    }
}
