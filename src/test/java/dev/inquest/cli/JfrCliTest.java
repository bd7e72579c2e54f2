package dev.inquest.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.inquest.testing.Corpus;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JfrCliTest {
    @TempDir
    Path dir;

    static CliRun run(String... args) {
        return CliRun.run(args);
    }

    @Test
    void summaryJsonHasTheContractFields() throws Exception {
        Path f = Corpus.file("jfr/hotmethods.jfr");
        CliRun r = run("jfr", "summary", f.toString(), "--json");
        assertThat(r.exit()).as(r.err()).isZero();
        JsonNode j = new ObjectMapper().readTree(r.out());
        for (String field : List.of("file", "jvm", "start", "durationMillis", "chunks", "events", "byType", "truncated")) {
            assertThat(j.has(field)).as(field).isTrue();
        }
        assertThat(j.get("byType").get("jdk.ExecutionSample").asLong()).isEqualTo(24_526);
        assertThat(j.get("chunks").asInt()).isEqualTo(1);
        assertThat(j.get("truncated").asBoolean()).isFalse();
        assertThat(j.get("start").asText()).startsWith("2019-09-15T00:11:13");
        long sum = 0;
        for (JsonNode n : j.get("byType")) {
            sum += n.asLong();
        }
        assertThat(j.get("events").asLong()).isEqualTo(sum);
    }

    @Test
    void summaryTextOfTheCrashFileSaysMetadataOnly() {
        CliRun r = run("jfr", "summary", Corpus.file("jfr/hs_err_jdk-16.jfr").toString());
        assertThat(r.exit()).isZero();
        assertThat(r.out()).contains("events    0").contains("metadata only");
    }

    @Test
    void unsupportedFormatIsExitOneWithOneLine() {
        Path f = Corpus.file("jfr/8u60.jfr");
        CliRun r = run("jfr", "summary", f.toString());
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err().strip()).startsWith("inquest: " + f + ": Oracle JDK 7/8 recording (JFR format 0.9)")
                .endsWith("at byte 4").doesNotContain("\n");
    }

    @Test
    void missingFileIsExitOne() {
        CliRun r = run("jfr", "summary", dir.resolve("nope.jfr").toString());
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err()).contains("no such file");
    }

    @Test
    void flameWritesCollapsedSvgAndHtml() throws Exception {
        Path f = dev.inquest.jfr.AllocRecording.get().file();
        Path collapsed = dir.resolve("a.txt");
        CliRun r = run("jfr", "flame", f.toString(), "--event", "alloc", "--collapsed", collapsed.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        List<String> lines = java.nio.file.Files.readAllLines(collapsed);
        long sum = lines.stream().mapToLong(l -> Long.parseLong(l.substring(l.lastIndexOf(' ') + 1))).sum();
        long expected;
        try (dev.inquest.jfr.load.JfrSource s = dev.inquest.jfr.load.JfrSource.open(f, dev.inquest.progress.Progress.NONE)) {
            expected = dev.inquest.jfr.read.StackTreeReader.read(s,
                    dev.inquest.jfr.stack.StackTreeQuery.of(dev.inquest.jfr.stack.EventKind.ALLOC),
                    dev.inquest.progress.Progress.NONE).total();
        }
        assertThat(sum).isEqualTo(expected);
        assertThat(lines).anyMatch(l -> l.contains("JfrAllocWorkload.allocateEighty;long[] "));
        Path svg = dir.resolve("a.svg");
        assertThat(run("jfr", "flame", f.toString(), "--event", "alloc", "--svg", svg.toString()).exit()).isZero();
        assertThat(java.nio.file.Files.readString(svg)).startsWith("<svg").contains("allocateEighty");
        Path html = dir.resolve("a.html");
        assertThat(run("jfr", "flame", f.toString(), "--event", "cpu", "--html", html.toString()).exit()).isZero();
        assertThat(java.nio.file.Files.readString(html)).startsWith("<!DOCTYPE html>");
    }

    @Test
    void flameFiltersByThreadAndTime() throws Exception {
        Path f = dev.inquest.jfr.AllocRecording.get().file();
        CliRun twenty = run("jfr", "flame", f.toString(), "--event", "alloc", "--thread", "alloc-twenty");
        assertThat(twenty.exit()).isZero();
        assertThat(twenty.out()).contains("allocateTwenty").doesNotContain("allocateEighty");
        CliRun none = run("jfr", "flame", f.toString(), "--event", "alloc", "--from", "1h");
        assertThat(none.exit()).isZero();
        assertThat(none.out()).isEmpty();
        assertThat(none.err()).contains("no").contains("match the filters");
        assertThat(run("jfr", "flame", f.toString(), "--event", "alloc", "--from", "yesterday").exit()).isEqualTo(2);
        assertThat(run("jfr", "flame", f.toString(), "--event", "heap").exit()).isEqualTo(2);
    }

    @Test
    void diffOfARecordingWithItselfHasEqualColumns() throws Exception {
        Path f = dev.inquest.jfr.AllocRecording.get().file();
        CliRun r = run("jfr", "diff", f.toString(), f.toString(), "--event", "alloc");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out().lines().toList()).isNotEmpty().allSatisfy(l -> {
            String[] parts = l.split(" ");
            assertThat(parts[parts.length - 1]).isEqualTo(parts[parts.length - 2]);
        });
        Path svg = dir.resolve("d.svg");
        assertThat(run("jfr", "diff", f.toString(), f.toString(), "--event", "cpu", "--svg", svg.toString()).exit()).isZero();
        assertThat(java.nio.file.Files.readString(svg)).startsWith("<svg");
    }
}
