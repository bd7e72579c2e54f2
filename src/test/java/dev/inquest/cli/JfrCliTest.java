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

    /** The recording's window tables on the command line: the engine's answers, with the file's wholeness beside them. */
    @Test
    void allocationsHeapAndOldObjectsAreTheEnginesAnswers() throws Exception {
        Path f = dev.inquest.jfr.AllocRecording.get().file();
        dev.inquest.jfr.alloc.AllocationTables tables;
        dev.inquest.jfr.heap.HeapTimeline heap;
        dev.inquest.jfr.oldobj.OldObjectReport old;
        try (var rec = dev.inquest.jfr.Recording.open(f, dev.inquest.progress.Progress.NONE)) {
            var p = dev.inquest.progress.Progress.NONE;
            tables = rec.allocationTables(rec.stacks(dev.inquest.jfr.stack.StackTreeQuery.of(
                    dev.inquest.jfr.stack.EventKind.ALLOC), p), p);
            heap = rec.heapTimeline(p);
            old = rec.oldObjects(p);
        }
        var json = new com.fasterxml.jackson.databind.ObjectMapper();

        CliRun a = run("jfr", "allocations", f.toString(), "--top", "3", "--json");
        assertThat(a.exit()).as(a.err()).isZero();
        var aj = json.readTree(a.out());
        assertThat(aj.get("truncated").asBoolean()).isFalse();
        assertThat(aj.get("file").asText()).isEqualTo(f.toString());
        assertThat(aj.get("total").asLong()).isEqualTo(tables.total()).isPositive();
        assertThat(aj.get("byClass").size()).isEqualTo(Math.min(3, tables.byClass().size()));
        assertThat(aj.get("byClass").get(0).get("key").asText()).isEqualTo(tables.byClass().getFirst().key());
        assertThat(aj.get("byClass").get(0).get("bytes").asLong()).isEqualTo(tables.byClass().getFirst().bytes());
        CliRun at = run("jfr", "allocations", f.toString());
        assertThat(at.out()).contains(tables.byClass().getFirst().key()).contains("Allocating method");

        CliRun h = run("jfr", "heap", f.toString(), "--json");
        assertThat(h.exit()).as(h.err()).isZero();
        var hj = json.readTree(h.out());
        assertThat(hj.get("collections").size()).isEqualTo(heap.collections().size()).isPositive();
        assertThat(hj.get("collections").get(0).get("heapAfter").asLong()).isEqualTo(heap.collections().getFirst().heapAfter());
        assertThat(hj.get("heap").size()).isEqualTo(heap.heap().size());

        CliRun o = run("jfr", "old-objects", f.toString(), "--json");
        assertThat(o.exit()).as(o.err()).isZero();
        var oj = json.readTree(o.out());
        assertThat(oj.get("samples").size()).isEqualTo(old.samples().size()).isPositive();
        assertThat(oj.get("byType").get(0).get("key").asText()).isEqualTo(old.byType().getFirst().key());
        assertThat(oj.get("samples").get(0).get("chain").size()).isEqualTo(old.samples().getFirst().chain().size());
        assertThat(run("jfr", "old-objects", f.toString()).out()).contains(old.byType().getFirst().key());
    }

    /**
     * Issue 17: a damaged chunk (here chunk 2's header constant-pool offset set to 0) is skipped and
     * named by every verb: "truncated": true and the damage in "problems" in JSON, a line in text,
     * a warning on stderr for the flame graph.
     */
    @Test
    void recordingVerbsMarkADamagedChunkAsPartialAndNameIt() throws Exception {
        Path file = dev.inquest.jfr.AllocRecording.get().file();
        dev.inquest.jfr.load.ChunkHeader c;
        try (var s = dev.inquest.jfr.load.JfrSource.open(file, dev.inquest.progress.Progress.NONE)) {
            c = s.chunks().get(1);
        }
        byte[] bytes = java.nio.file.Files.readAllBytes(file);
        java.nio.ByteBuffer.wrap(bytes).putLong((int) c.offset() + 16, 0);
        Path damaged = dir.resolve("damaged.jfr");
        java.nio.file.Files.write(damaged, bytes);
        String problem = "chunk 2 skipped, damaged: the header's constant-pool offset 0 is outside the chunk (68 to "
                + c.size() + ") at byte " + (c.offset() + 16);
        for (String verb : List.of("summary", "allocations", "heap", "old-objects")) {
            CliRun r = run("jfr", verb, damaged.toString(), "--json");
            assertThat(r.exit()).as(verb + ": " + r.err()).isZero();
            JsonNode j = new ObjectMapper().readTree(r.out());
            assertThat(j.get("truncated").asBoolean()).as(verb).isTrue();
            assertThat(j.get("problems")).as(verb).hasSize(1);
            assertThat(j.get("problems").get(0).asText()).as(verb).isEqualTo(problem);
            // The engine's RecordingDamage rides along for the text output only; the JSON keeps its fields.
            assertThat(j.has("damage")).as(verb).isFalse();
        }
        // The engine's sentence (RecordingDamage), as the window's banner shows it.
        assertThat(run("jfr", "allocations", damaged.toString()).out())
                .startsWith("C" + problem.substring(1) + "; the figures count the other chunks only.\n");
        assertThat(run("jfr", "summary", damaged.toString()).out()).contains("note      " + problem)
                .contains("\ntruncated yes: events are missing (1 problem, below); the figures count the chunks read\n");
        assertThat(run("jfr", "summary", file.toString()).out()).contains("\ntruncated no\n");
        CliRun flame = run("jfr", "flame", damaged.toString(), "--event", "alloc");
        assertThat(flame.exit()).isZero();
        assertThat(flame.err()).contains("inquest: warning: " + damaged + ": " + problem + "; showing the other chunks");
        JsonNode whole = new ObjectMapper().readTree(run("jfr", "heap", file.toString(), "--json").out());
        assertThat(whole.get("truncated").asBoolean()).isFalse();
        assertThat(whole.get("problems")).isEmpty();
    }

    /** Issue 17: nothing readable left (the only chunk damaged) is exit 1 with one line naming file, problem, offset. */
    @Test
    void aRecordingWhoseOnlyChunkIsDamagedIsExitOne() throws Exception {
        Path file = dev.inquest.jfr.AllocRecording.get().file();
        long size;
        try (var s = dev.inquest.jfr.load.JfrSource.open(file, dev.inquest.progress.Progress.NONE)) {
            size = s.chunks().getFirst().size();
        }
        byte[] one = java.util.Arrays.copyOf(java.nio.file.Files.readAllBytes(file), (int) size);
        java.nio.ByteBuffer.wrap(one).putLong(24, size + 5); // the metadata offset, past the chunk's end
        Path p = dir.resolve("one.jfr");
        java.nio.file.Files.write(p, one);
        for (String verb : List.of("summary", "allocations")) {
            CliRun r = run("jfr", verb, p.toString(), "--json");
            assertThat(r.exit()).as(verb).isEqualTo(1);
            assertThat(r.err().strip()).isEqualTo("inquest: " + p + ": no readable chunk: chunk 1 is damaged, the header's"
                    + " metadata offset " + (size + 5) + " is outside the chunk (68 to " + size + ") at byte 24");
        }
    }

    /** A recording cut short: the recording verbs read its complete chunks and say so, in JSON and in text. */
    @Test
    void recordingVerbsMarkACutShortRecordingAsPartial() throws Exception {
        byte[] whole = java.nio.file.Files.readAllBytes(dev.inquest.jfr.AllocRecording.get().file());
        Path cut = dir.resolve("cut.jfr");
        java.nio.file.Files.write(cut, java.util.Arrays.copyOf(whole, whole.length * 3 / 4));
        for (String verb : List.of("allocations", "heap", "old-objects")) {
            CliRun r = run("jfr", verb, cut.toString(), "--json");
            assertThat(r.exit()).as(verb + ": " + r.err()).isZero();
            var j = new com.fasterxml.jackson.databind.ObjectMapper().readTree(r.out());
            assertThat(j.get("truncated").asBoolean()).as(verb).isTrue();
            assertThat(j.get("missing").asText()).as(verb).contains(" at byte ");
            assertThat(run("jfr", verb, cut.toString()).out()).as(verb).startsWith("Cut short: ");
        }
        CliRun whole2 = run("jfr", "heap", dev.inquest.jfr.AllocRecording.get().file().toString(), "--json");
        assertThat(new com.fasterxml.jackson.databind.ObjectMapper().readTree(whole2.out()).get("missing").isNull()).isTrue();
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
