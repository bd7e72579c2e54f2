package dev.inquest.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.inquest.heap.model.HeapDump;
import dev.inquest.heap.model.OpenOptions;
import dev.inquest.heap.query.LeakDumps;
import dev.inquest.progress.Progress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 17: every heap verb says a dump was cut short, in text (stderr, naming the file) and in
 * JSON (objects: {@code truncated} and {@code problems} at the top; the contract's arrays: a
 * {@code truncated} flag on every row), and a whole dump says it is whole.
 */
@Tag("slow")
class DamagedDumpCliTest {
    static final ObjectMapper JSON = new ObjectMapper();
    static Path whole;
    static Path cut;
    static String object; // an object present in the cut dump
    static List<String> problems;

    @TempDir
    static Path dir;

    @BeforeAll
    static void dumps() throws Exception {
        whole = dev.inquest.heap.model.ShapesDumpAccess.plain();
        byte[] b = Files.readAllBytes(whole);
        cut = Files.write(dir.resolve("cut.hprof"), Arrays.copyOf(b, b.length * 3 / 4));
        try (HeapDump d = HeapDump.open(cut, OpenOptions.DEFAULT.withIndexFile(false), Progress.NONE)) {
            assertThat(d.truncated()).isTrue();
            problems = d.problems();
            object = String.format("0x%x", d.topDominators(1).getFirst().address());
        }
        assertThat(problems).isNotEmpty();
    }

    /** The verbs whose contract is an array, with their arguments after DUMP. */
    static final List<List<String>> ARRAY_VERBS = List.of(List.of("histogram"), List.of("dominators"),
            List.of("dominators", "--group", "class"), List.of("dominators", "--object", "OBJECT"), List.of("suspects"),
            List.of("strings"), List.of("collections"), List.of("threads"), List.of("duplicates"));

    /** The verbs that answer one JSON object. */
    static final List<List<String>> OBJECT_VERBS = List.of(List.of("summary"), List.of("loaders"),
            List.of("path", "--object", "OBJECT"), List.of("inspect", "--object", "OBJECT"),
            List.of("why", "--class", "java.lang.String"), List.of("holders", "--class", "java.lang.String"),
            List.of("retained", "--class", "java.lang.String"), List.of("retained", "--objects", "OBJECT"), List.of("offheap"));

    static CliRun run(Path dump, List<String> verb, String... more) {
        List<String> args = new java.util.ArrayList<>(List.of("heap", verb.getFirst(), dump.toString()));
        verb.subList(1, verb.size()).forEach(a -> args.add(a.equals("OBJECT") ? object : a));
        args.addAll(List.of(more));
        CliRun r = CliRun.run(args.toArray(String[]::new));
        assertThat(r.exit()).as(args + ": " + r.err()).isZero();
        return r;
    }

    @Test
    void everyArrayVerbMarksEveryRowOfACutDump() throws Exception {
        for (List<String> verb : ARRAY_VERBS) {
            CliRun r = run(cut, verb, "--json");
            JsonNode rows = JSON.readTree(r.out());
            assertThat(rows.isArray()).as(verb.toString()).isTrue();
            for (JsonNode row : rows) {
                assertThat(row.get("truncated").asBoolean()).as(verb + " " + row).isTrue();
            }
            assertThat(r.err()).as(verb.toString()).contains("inquest: warning: " + cut + " is truncated").contains(problems.getFirst());
        }
        // A verb with rows at all: the flag is not only vacuously on every row of an empty list.
        assertThat(JSON.readTree(run(cut, List.of("histogram"), "--json").out()).size()).isGreaterThan(3);
        JsonNode whole = JSON.readTree(run(DamagedDumpCliTest.whole, List.of("histogram"), "--json", "--top", "3").out());
        assertThat(whole).hasSize(3);
        whole.forEach(row -> assertThat(row.get("truncated").asBoolean()).isFalse());
    }

    @Test
    void everyObjectVerbCarriesTruncatedAndTheProblems() throws Exception {
        for (List<String> verb : OBJECT_VERBS) {
            CliRun r = run(cut, verb, "--json");
            JsonNode j = JSON.readTree(r.out());
            assertThat(j.get("truncated").asBoolean()).as(verb.toString()).isTrue();
            assertThat(j.get("problems").get(0).asText()).as(verb.toString()).isEqualTo(problems.getFirst());
            assertThat(r.err()).as(verb.toString()).contains(cut + " is truncated");
        }
        for (List<String> verb : List.of(List.of("loaders"), List.of("why", "--class", "java.lang.String"))) {
            CliRun r = run(whole, verb, "--json");
            JsonNode j = JSON.readTree(r.out());
            assertThat(j.get("truncated").asBoolean()).as(verb.toString()).isFalse();
            assertThat(j.get("problems").isArray() && j.get("problems").isEmpty()).as(verb.toString()).isTrue();
            assertThat(r.err()).as(verb.toString()).doesNotContain("truncated");
        }
    }

    @Test
    void everyVerbWarnsInText() {
        for (List<String> verb : concat(ARRAY_VERBS, OBJECT_VERBS)) {
            CliRun r = run(cut, verb);
            assertThat(r.err()).as(verb.toString()).contains("inquest: warning: " + cut + " is truncated; figures cover only the readable part")
                    .contains(problems.getFirst());
        }
    }

    /** Item 2: either dump of a comparison may be the cut one; the warning names that one, the rows are marked. */
    @Test
    void compareNamesTheCutDumpInEitherOrderAndMarksItsRows(@TempDir Path tmp) throws Exception {
        Path base = LeakDumps.file("grow-1");
        byte[] w = Files.readAllBytes(LeakDumps.file("grow-2"));
        Path after = Files.write(tmp.resolve("after-cut.hprof"), Arrays.copyOf(w, w.length * 2 / 3));
        for (List<Path> order : List.of(List.of(base, after), List.of(after, base))) {
            for (List<String> extra : List.of(List.<String>of(), List.of("--paths"), List.of("--by", "package"))) {
                List<String> args = new java.util.ArrayList<>(List.of("heap", "compare", order.get(0).toString(),
                        order.get(1).toString(), "--top", "5"));
                args.addAll(extra);
                CliRun text = CliRun.run(args.toArray(String[]::new));
                assertThat(text.exit()).as(args + text.err()).isZero();
                assertThat(text.err()).as(args.toString()).contains("inquest: warning: " + after + " is truncated")
                        .doesNotContain(base + " is truncated");
                args.add("--json");
                CliRun json = CliRun.run(args.toArray(String[]::new));
                assertThat(json.exit()).as(args + json.err()).isZero();
                assertThat(json.err()).as(args.toString()).contains(after + " is truncated").doesNotContain(base + " is truncated");
                JsonNode rows = JSON.readTree(json.out());
                assertThat(rows.size()).as(args.toString()).isPositive();
                rows.forEach(row -> assertThat(row.get("truncated").asBoolean()).as(args.toString()).isTrue());
            }
        }
        JsonNode whole = JSON.readTree(CliRun.run("heap", "compare", base.toString(), LeakDumps.file("grow-2").toString(),
                "--json", "--top", "3").out());
        assertThat(whole).hasSize(3);
        whole.forEach(row -> assertThat(row.get("truncated").asBoolean()).isFalse());
    }

    private static List<List<String>> concat(List<List<String>> a, List<List<String>> b) {
        List<List<String>> all = new java.util.ArrayList<>(a);
        all.addAll(b);
        return all;
    }
}
