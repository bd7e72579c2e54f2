package dev.inquest.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.inquest.heap.model.HeapDump;
import dev.inquest.heap.model.OpenOptions;
import dev.inquest.progress.Progress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code inquest heap ...} against a real dump: the JSON names of cli.md, exit codes, one-line errors. */
@Tag("slow")
class HeapCliTest {
    static final ObjectMapper JSON = new ObjectMapper();
    static Path dump;
    static String softReference;

    @TempDir
    static Path dir;

    static CliRun run(String... args) {
        return CliRun.run(args);
    }

    @BeforeAll
    static void dump() throws Exception {
        dump = dev.inquest.heap.model.ShapesDumpAccess.plain();
        try (HeapDump d = HeapDump.open(dump, OpenOptions.DEFAULT.withIndexFile(false), Progress.NONE)) {
            long node = dev.inquest.heap.model.ShapesDumpAccess.staticNode(d, "soft");
            softReference = String.format("0x%x", d.address(node));
        }
    }

    static List<String> names(JsonNode n) {
        List<String> out = new ArrayList<>();
        for (Iterator<String> it = n.fieldNames(); it.hasNext();) {
            out.add(it.next());
        }
        return out;
    }

    @Test
    void summaryJsonHasTheContractFields() throws Exception {
        CliRun r = run("heap", "summary", dump.toString(), "--json");
        assertThat(r.exit()).as(r.err()).isZero();
        JsonNode j = JSON.readTree(r.out());
        assertThat(names(j)).startsWith("file", "format", "idSize", "compressedOops", "objects", "classes", "gcRoots",
                "usedHeap", "unreachableObjects", "unreachableHeap", "truncated", "parseMillis");
        assertThat(j.get("idSize").asInt()).isEqualTo(8);
        assertThat(j.get("compressedOops").asBoolean()).isTrue();
        assertThat(j.get("truncated").asBoolean()).isFalse();
        assertThat(j.get("objects").asLong()).isGreaterThan(1000);
        assertThat(j.get("format").asText()).isEqualTo("JAVA PROFILE 1.0.2");
    }

    @Test
    void summaryTextUsesThousandsSeparators() {
        CliRun r = run("heap", "summary", dump.toString());
        assertThat(r.exit()).isZero();
        assertThat(r.out()).containsPattern("Used heap\\s+\\d{1,3}(,\\d{3})+ bytes").contains("Truncated        no");
    }

    @Test
    void histogramJson() throws Exception {
        CliRun r = run("heap", "histogram", dump.toString(), "--top", "5", "--json");
        assertThat(r.exit()).as(r.err()).isZero();
        JsonNode j = JSON.readTree(r.out());
        assertThat(j.size()).isEqualTo(5);
        long prev = Long.MAX_VALUE;
        for (JsonNode row : j) {
            assertThat(names(row)).containsExactly("class", "count", "shallow", "retained", "truncated");
            assertThat(row.get("shallow").asLong()).isLessThanOrEqualTo(prev);
            assertThat(row.get("retained").asLong()).isGreaterThanOrEqualTo(row.get("shallow").asLong());
            prev = row.get("shallow").asLong();
        }
        JsonNode all = JSON.readTree(run("heap", "histogram", dump.toString(), "--top", "100000", "--json").out());
        boolean holder = false;
        for (JsonNode row : all) {
            if (row.get("class").asText().equals("HeapShapes$Holder")) {
                holder = true;
                assertThat(row.get("count").asLong()).isEqualTo(100);
                assertThat(row.get("retained").asLong()).isEqualTo(100 * 1032);
            }
        }
        assertThat(holder).isTrue();
        CliRun byPackage = run("heap", "histogram", dump.toString(), "--by", "package", "--json");
        assertThat(byPackage.exit()).isZero();
        assertThat(byPackage.out()).contains("\"java.lang\"");
        CliRun byLoader = run("heap", "histogram", dump.toString(), "--by", "loader");
        assertThat(byLoader.exit()).isZero();
        assertThat(byLoader.out()).contains("<system class loader>");
    }

    @Test
    void dominatorsJsonPlainAndGrouped() throws Exception {
        CliRun r = run("heap", "dominators", dump.toString(), "--top", "3", "--json");
        assertThat(r.exit()).as(r.err()).isZero();
        JsonNode j = JSON.readTree(r.out());
        assertThat(j.size()).isEqualTo(3);
        for (JsonNode row : j) {
            assertThat(names(row)).containsExactly("address", "class", "shallow", "retained", "percent", "truncated");
            assertThat(row.get("address").asText()).startsWith("0x");
        }
        assertThat(j.get(0).get("retained").asLong()).isGreaterThanOrEqualTo(j.get(1).get("retained").asLong());
        JsonNode g = JSON.readTree(run("heap", "dominators", dump.toString(), "--group", "class", "--json").out());
        assertThat(names(g.get(0))).containsExactly("class", "count", "shallow", "retained", "percent", "truncated");
    }

    @Test
    void pathJson() throws Exception {
        CliRun r = run("heap", "path", dump.toString(), "--object", softReference, "--json");
        assertThat(r.exit()).as(r.err()).isZero();
        JsonNode j = JSON.readTree(r.out());
        assertThat(names(j)).startsWith("address", "class", "paths");
        assertThat(j.get("address").asText()).isEqualTo(softReference);
        assertThat(j.get("class").asText()).isEqualTo("java.lang.ref.SoftReference");
        JsonNode first = j.get("paths").get(0);
        assertThat(names(first.get(0))).startsWith("address", "class", "field");
        assertThat(first.get(1).get("field").asText()).isEqualTo("soft");
        assertThat(first.get(1).get("class").asText()).isEqualTo("class HeapShapes");
        CliRun text = run("heap", "path", dump.toString(), "--object", softReference);
        assertThat(text.out()).contains("soft in class HeapShapes");
    }

    @Test
    void badInputIsExitOneWithOneLine() throws Exception {
        Path junk = Files.write(dir.resolve("junk.hprof"), "this is not a heap dump at all".getBytes());
        CliRun r = run("heap", "summary", junk.toString());
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err()).isEqualTo("inquest: " + junk + ": not an HPROF heap dump (no 'JAVA PROFILE' header) at byte 0"
                + System.lineSeparator());
        CliRun missing = run("heap", "histogram", dir.resolve("nope.hprof").toString());
        assertThat(missing.exit()).isEqualTo(1);
        assertThat(missing.err().lines().count()).isEqualTo(1);
        CliRun noDump = run("heap", "summary", dump.toString(), "--dump", "3");
        assertThat(noDump.exit()).isEqualTo(1);
        assertThat(noDump.err()).startsWith("inquest: " + dump + ": the file holds 1 heap dump(s)");
        CliRun noObject = run("heap", "path", dump.toString(), "--object", "0x10");
        assertThat(noObject.exit()).isEqualTo(1);
        assertThat(noObject.err()).contains("no object at address 0x10");
    }

    @Test
    void badUsageIsExitTwo() {
        assertThat(run("heap", "histogram", dump.toString(), "--by", "colour").exit()).isEqualTo(2);
        assertThat(run("heap", "dominators", dump.toString(), "--group", "loader2").exit()).isEqualTo(2);
        assertThat(run("heap", "path", dump.toString()).exit()).isEqualTo(2);
        assertThat(run("heap", "path", dump.toString(), "--object", "zz").exit()).isEqualTo(2);
        // Every verb that lists rows says so the same way (loaders used to throw from subList).
        for (String verb : List.of("histogram", "dominators", "strings", "duplicates", "collections", "loaders")) {
            CliRun r = run("heap", verb, dump.toString(), "--top", "-1");
            assertThat(r.exit()).as(verb).isEqualTo(2);
            assertThat(r.err()).as(verb).contains("--top must not be negative");
        }
    }

    @Test
    void truncatedDumpSaysSoEverywhere() throws Exception {
        byte[] b = Files.readAllBytes(dump);
        Path cut = Files.write(dir.resolve("cut.hprof"), java.util.Arrays.copyOf(b, b.length * 3 / 4));
        CliRun json = run("heap", "summary", cut.toString(), "--json");
        assertThat(json.exit()).isZero();
        assertThat(JSON.readTree(json.out()).get("truncated").asBoolean()).isTrue();
        CliRun text = run("heap", "histogram", cut.toString(), "--top", "3");
        assertThat(text.exit()).isZero();
        assertThat(text.err()).contains("is truncated");
    }

    @Test
    void dumpOptionPicksOneOfSeveralDumps() throws Exception {
        Path two = dev.inquest.testing.Corpus.file("hprof/oracle_jdk7_21_hprofagent.hprof");
        JsonNode first = JSON.readTree(run("heap", "summary", two.toString(), "--dump", "0", "--json").out());
        JsonNode last = JSON.readTree(run("heap", "summary", two.toString(), "--json").out());
        assertThat(first.get("dump").asInt()).isZero();
        assertThat(last.get("dump").asInt()).isEqualTo(1);
        assertThat(last.get("dumps").asInt()).isEqualTo(2);
        assertThat(first.get("objects").asLong()).isNotEqualTo(last.get("objects").asLong());
    }

    @Test
    void gzipDumpsNeedNoUnpacking() throws Exception {
        Path gz = dev.inquest.testing.Corpus.file("hprof/openjdk_jdk11_04_x64.hprof.gz");
        CliRun r = run("heap", "histogram", gz.toString(), "--top", "3", "--json");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(JSON.readTree(r.out()).size()).isEqualTo(3);
    }

    @Test
    void memoryBudgetTooSmallIsBadInputSaidBeforeTheWork() throws Exception {
        Path copy = java.nio.file.Files.copy(dump, dir.resolve("budget.hprof"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        CliRun r = run("heap", "summary", copy.toString(), "--memory", "200m");
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err()).startsWith("inquest: " + copy + ": memory budget too small to index this dump")
                .contains("200 MB available").contains("(your memory setting)").contains("--memory SIZE");
        assertThat(r.out()).isEmpty();
        assertThat(copy.resolveSibling("budget.hprof.inquest-index")).doesNotExist();
        CliRun roomy = run("heap", "dominators", copy.toString(), "--top", "5", "--json", "--memory", "64g");
        assertThat(roomy.exit()).isZero();
        assertThat(roomy.out()).isEqualTo(run("heap", "dominators", dump.toString(), "--top", "5", "--json").out());
    }

    @Test
    void memoryThatIsNotASizeIsBadUsage() {
        CliRun r = run("heap", "summary", dump.toString(), "--memory", "lots");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("'lots' is not a size");
    }
}
