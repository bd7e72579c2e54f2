package dev.inquest.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.inquest.heap.model.HeapDump;
import dev.inquest.heap.query.RetainedSet;
import dev.inquest.heap.query.SharedRetainedDump;
import dev.inquest.progress.Progress;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * {@code heap retained}: the retained set of a class or of several objects on the dump where two
 * holders share a payload; exit codes and messages for bad input and bad usage.
 */
@Tag("slow")
class HeapRetainedCliTest {
    static final ObjectMapper JSON = new ObjectMapper();
    static final String HOLDER = "SharedRetained$Holder";
    static String file;
    static List<String> addresses = new ArrayList<>();
    static long bothSize;
    static long oneSize;

    @BeforeAll
    static void dump() throws Exception {
        file = SharedRetainedDump.file().toString();
        try (HeapDump d = SharedRetainedDump.open()) {
            List<Long> holders = d.reachableInstances(HOLDER, Progress.NONE);
            holders.forEach(h -> addresses.add(String.format("0x%x", d.address(h))));
            bothSize = RetainedSet.forObjects(d, "both", holders.stream().mapToLong(Long::longValue).toArray(), Progress.NONE).shallow();
            oneSize = d.retained(holders.getFirst());
        }
        assertThat(addresses).hasSize(2);
        assertThat(bothSize).isGreaterThan(200_000);
    }

    static JsonNode json(String... args) throws Exception {
        List<String> all = new ArrayList<>(List.of("heap", "retained", file));
        all.addAll(List.of(args));
        all.add("--json");
        CliRun r = CliRun.run(all.toArray(String[]::new));
        assertThat(r.exit()).as(r.err()).isZero();
        return JSON.readTree(r.out());
    }

    @Test
    void aClassAsJson() throws Exception {
        JsonNode j = json("--class", HOLDER);
        List<String> names = new ArrayList<>();
        j.fieldNames().forEachRemaining(names::add);
        assertThat(names).containsExactly("selection", "class", "instanceOf", "members", "retainedObjects", "retainedSize",
                "retainedSet", "truncated", "problems");
        assertThat(j.get("selection").asText()).isEqualTo(HOLDER);
        assertThat(j.get("class").asText()).isEqualTo(HOLDER);
        assertThat(j.get("instanceOf").asBoolean()).isFalse();
        assertThat(j.get("members").asLong()).isEqualTo(2);
        assertThat(j.get("retainedObjects").asLong()).isEqualTo(6);
        assertThat(j.get("retainedSize").asLong()).isEqualTo(bothSize);
        JsonNode first = j.get("retainedSet").get(0);
        assertThat(first.get("class").asText()).isEqualTo("byte[]");
        assertThat(first.get("count").asLong()).isEqualTo(3);
        long sum = 0;
        for (JsonNode row : j.get("retainedSet")) {
            sum += row.get("shallow").asLong();
        }
        assertThat(sum).isEqualTo(bothSize);
        assertThat(j.get("truncated").asBoolean()).isFalse();
        assertThat(j.get("problems").isEmpty()).isTrue();

        JsonNode sub = json("--class", HOLDER, "--instanceof");
        assertThat(sub.get("instanceOf").asBoolean()).isTrue();
        assertThat(sub.get("selection").asText()).isEqualTo(HOLDER + " and its subclasses");
        assertThat(sub.get("members").asLong()).isEqualTo(3);
        assertThat(sub.get("retainedObjects").asLong()).isEqualTo(9);
    }

    @Test
    void objectsTogetherRetainWhatNeitherDoesAlone() throws Exception {
        JsonNode both = json("--objects", String.join(",", addresses));
        assertThat(both.get("class").isNull()).isTrue();
        assertThat(both.get("selection").asText()).isEqualTo("2 objects");
        assertThat(both.get("retainedObjects").asLong()).isEqualTo(6);
        assertThat(both.get("retainedSize").asLong()).isEqualTo(bothSize);
        JsonNode one = json("--objects", addresses.getFirst());
        assertThat(one.get("selection").asText()).isEqualTo("object " + addresses.getFirst());
        assertThat(one.get("retainedObjects").asLong()).isEqualTo(2);
        assertThat(one.get("retainedSize").asLong()).isEqualTo(oneSize);
    }

    @Test
    void textSaysTheTotalThenTheClasses() {
        CliRun r = CliRun.run("heap", "retained", file, "--class", HOLDER, "--top", "2");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).startsWith("Retained set of " + HOLDER + " (2 objects): " + dev.inquest.format.Units.bytes(bothSize)
                + " in 6 objects of 3 classes.").contains("By class (3 classes, the 2 largest):").contains("byte[]");
        assertThat(r.out()).doesNotContain("SharedRetained$Payload"); // the third class, past --top 2
    }

    @Test
    void aCutDumpSaysItsFiguresArePartial(@org.junit.jupiter.api.io.TempDir java.nio.file.Path tmp) throws Exception {
        byte[] b = java.nio.file.Files.readAllBytes(java.nio.file.Path.of(file));
        String cut = java.nio.file.Files.write(tmp.resolve("cut.hprof"), java.util.Arrays.copyOf(b, b.length * 3 / 4)).toString();
        CliRun text = CliRun.run("heap", "retained", cut, "--class", "java.lang.String");
        assertThat(text.exit()).as(text.err()).isZero();
        assertThat(text.out().lines().findFirst().orElseThrow()).startsWith("Retained set of java.lang.String (")
                .endsWith(" Partial: the dump is cut short, so this covers its readable part.");
        assertThat(text.err()).contains("inquest: warning: " + cut + " is truncated");
        CliRun json = CliRun.run("heap", "retained", cut, "--class", "java.lang.String", "--json");
        assertThat(json.exit()).as(json.err()).isZero();
        JsonNode j = JSON.readTree(json.out());
        assertThat(j.get("truncated").asBoolean()).isTrue();
        assertThat(j.get("problems").size()).isPositive();
        assertThat(j.get("members").asLong()).isPositive();
    }

    @Test
    void badInputIsExitOneNamingTheFile() {
        CliRun noClass = CliRun.run("heap", "retained", file, "--class", "no.Such");
        assertThat(noClass.exit()).isEqualTo(1);
        assertThat(noClass.err()).contains("inquest: " + file + ": no class named no.Such in this dump");
        CliRun noObject = CliRun.run("heap", "retained", file, "--objects", addresses.getFirst() + ",0x10");
        assertThat(noObject.exit()).isEqualTo(1);
        assertThat(noObject.err()).contains("inquest: " + file + ": no object at address 0x10");
    }

    @Test
    void badUsageIsExitTwo() {
        for (List<String> args : List.of(List.<String>of(), List.of("--class", HOLDER, "--objects", addresses.getFirst()),
                List.of("--objects", "zz"), List.of("--objects", addresses.getFirst(), "--instanceof"),
                List.of("--class", HOLDER, "--top", "-1"))) {
            List<String> all = new ArrayList<>(List.of("heap", "retained", file));
            all.addAll(args);
            CliRun r = CliRun.run(all.toArray(String[]::new));
            assertThat(r.exit()).as(args + ": " + r.err()).isEqualTo(2);
            assertThat(r.err()).as(args.toString()).isNotBlank();
        }
        assertThat(CliRun.run("heap", "retained", file, "--objects", "zz").err()).contains("--objects takes addresses such as 0x7f001234, not 'zz'");
    }
}
