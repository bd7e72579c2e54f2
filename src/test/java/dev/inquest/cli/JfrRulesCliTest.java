package dev.inquest.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.inquest.jfr.AllocRecording;
import dev.inquest.jfr.RulesRecordings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code inquest jfr rules}: JSON and text, worst first, exit 0 whatever the verdicts, partial when cut short. */
@Tag("slow")
class JfrRulesCliTest {
    @TempDir
    Path dir;

    static final List<String> RANK = List.of("WARNING", "INFO", "OK", "NOT_APPLICABLE");

    @Test
    void jsonListsEveryRuleWorstFirstAndExitsZeroOnAWarning() throws Exception {
        Path leak = RulesRecordings.get("leak").file();
        CliRun r = CliRun.run("jfr", "rules", leak.toString(), "--json");
        assertThat(r.exit()).as(r.err()).isZero();
        JsonNode j = new ObjectMapper().readTree(r.out());
        assertThat(j.get("file").asText()).isEqualTo(leak.toString());
        assertThat(j.get("truncated").asBoolean()).isFalse();
        assertThat(j.get("partial").asBoolean()).isFalse();
        assertThat(j.get("durationMillis").asLong()).isBetween(10_000L, 60_000L);
        JsonNode results = j.get("results");
        assertThat(results).hasSize(dev.inquest.jfr.rules.RuleId.values().length);
        List<Integer> ranks = new ArrayList<>();
        results.forEach(x -> ranks.add(RANK.indexOf(x.get("verdict").asText())));
        assertThat(ranks).isSorted().doesNotContain(-1);
        JsonNode live = null;
        for (JsonNode x : results) {
            if (x.get("rule").asText().equals("LIVE_SET_GROWTH")) {
                live = x;
            }
        }
        assertThat(live).isNotNull();
        assertThat(live.get("title").asText()).isEqualTo("Live set after GC growing");
        assertThat(live.get("verdict").asText()).isEqualTo("WARNING");
        assertThat(live.get("score").asDouble()).isGreaterThanOrEqualTo(75);
        assertThat(live.get("partial").asBoolean()).isFalse();
        assertThat(live.get("figures").get(0).get("name").asText()).isEqualTo("first after GC");
        assertThat(live.get("figures").get(0).get("unit").asText()).isEqualTo("BYTES");
        assertThat(live.get("evidence").get(0).get("type").asText()).isEqualTo("series");
        assertThat(live.get("evidence").get(0).get("series").asText()).isEqualTo("HEAP_AFTER_GC");
        assertThat(live.get("evidence").get(1).get("type").asText()).isEqualTo("timeRange");
        // A rule that does not apply has no score, and says why.
        for (JsonNode x : results) {
            if (x.get("verdict").asText().equals("NOT_APPLICABLE")) {
                assertThat(x.get("score").isNull()).isTrue();
                assertThat(x.get("explanation").asText()).isNotBlank();
            }
        }

        CliRun text = CliRun.run("jfr", "rules", leak.toString());
        assertThat(text.exit()).isZero();
        String[] lines = text.out().split("\n");
        assertThat(lines[0]).startsWith(dev.inquest.jfr.rules.RuleId.values().length + " rules over ").endsWith(" of recording, worst first");
        assertThat(lines[2]).startsWith("WARNING ");
        assertThat(text.out()).contains("  Live set after GC growing\n  Over ");
    }

    /** Cut short: the complete chunks are judged, and the report and every result say partial. */
    @Test
    void aCutShortRecordingGivesResultsMarkedPartial() throws Exception {
        byte[] whole = Files.readAllBytes(AllocRecording.get().file());
        Path cut = dir.resolve("cut.jfr");
        Files.write(cut, java.util.Arrays.copyOf(whole, whole.length * 3 / 4));
        CliRun r = CliRun.run("jfr", "rules", cut.toString(), "--json");
        assertThat(r.exit()).as(r.err()).isZero();
        JsonNode j = new ObjectMapper().readTree(r.out());
        assertThat(j.get("truncated").asBoolean()).isTrue();
        assertThat(j.get("missing").asText()).contains(" at byte ");
        assertThat(j.get("partial").asBoolean()).isTrue();
        j.get("results").forEach(x -> assertThat(x.get("partial").asBoolean()).as(x.get("rule").asText()).isTrue());
        CliRun text = CliRun.run("jfr", "rules", cut.toString());
        assertThat(text.out()).startsWith("Cut short: ").contains(" (partial: the figures count only what could be read)");
        JsonNode full = new ObjectMapper().readTree(CliRun.run("jfr", "rules", AllocRecording.get().file().toString(), "--json").out());
        assertThat(full.get("partial").asBoolean()).isFalse();
    }
}
