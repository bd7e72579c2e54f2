package dev.inquest.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.inquest.testing.Corpus;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code inquest jfr events}: the event browser on the command line (issue 20), on the corpus's example recording. */
class JfrEventsCliTest {
    @TempDir
    Path dir;

    static List<RecordedEvent> enters(Path file) throws Exception {
        return RecordingFile.readAllEvents(file).stream()
                .filter(e -> e.getEventType().getName().equals("jdk.JavaMonitorEnter")).toList();
    }

    @Test
    void withoutATypeEveryTypeIsListedWithItsCount() throws Exception {
        Path f = Corpus.file("jfr/example.jfr");
        CliRun r = CliRun.run("jfr", "events", f.toString(), "--json");
        assertThat(r.exit()).as(r.err()).isZero();
        JsonNode j = new ObjectMapper().readTree(r.out());
        assertThat(j.get("file").asText()).isEqualTo(f.toString());
        assertThat(j.get("truncated").asBoolean()).isFalse();
        JsonNode enter = null;
        long sum = 0;
        for (JsonNode t : j.get("types")) {
            sum += t.get("count").asLong();
            if (t.get("name").asText().equals("jdk.JavaMonitorEnter")) {
                enter = t;
            }
        }
        assertThat(enter).isNotNull();
        assertThat(enter.get("count").asLong()).isEqualTo(enters(f).size()).isEqualTo(13);
        assertThat(enter.get("label").asText()).isEqualTo("Java Monitor Blocked");
        assertThat(sum).isEqualTo(1_646); // the events the summary counts
        assertThat(j.has("events")).isFalse();

        CliRun text = CliRun.run("jfr", "events", f.toString());
        assertThat(text.exit()).isZero();
        assertThat(text.out()).containsPattern("jdk\\.JavaMonitorEnter +13 +Java Monitor Blocked");
    }

    @Test
    void aTypesEventsCarryTheirFieldsRawInJsonAndFormattedInText() throws Exception {
        Path f = Corpus.file("jfr/example.jfr");
        List<RecordedEvent> enters = enters(f);
        CliRun r = CliRun.run("jfr", "events", f.toString(), "--type", "jdk.JavaMonitorEnter", "--limit", "5", "--json");
        assertThat(r.exit()).as(r.err()).isZero();
        JsonNode j = new ObjectMapper().readTree(r.out());
        assertThat(j.get("type").asText()).isEqualTo("jdk.JavaMonitorEnter");
        assertThat(j.get("matched").asLong()).isEqualTo(13);
        assertThat(j.get("columns").get(1).get("name").asText()).isEqualTo("duration");
        assertThat(j.get("columns").get(1).get("kind").asText()).isEqualTo("DURATION");
        assertThat(j.get("events")).hasSize(5);
        JsonNode first = j.get("events").get(0);
        List<Long> durations = enters.stream().map(e -> e.getDuration().toNanos()).toList();
        assertThat(durations).contains(first.get("duration").asLong());
        assertThat(first.get("startTime").asText()).matches("\\d{4}-\\d\\d-\\d\\dT.*Z");
        assertThat(first.get("address").asLong()).isNotZero();

        CliRun text = CliRun.run("jfr", "events", f.toString(), "--type", "jdk.JavaMonitorEnter", "--limit", "3");
        assertThat(text.exit()).isZero();
        assertThat(text.out()).startsWith("13 jdk.JavaMonitorEnter events, the first 3 shown")
                .contains("Start Time").contains("Duration").contains("Monitor Class").contains("0x");
        // One line per event, its start time first (the clock time of day, UTC).
        assertThat(text.out().lines().filter(l -> l.matches("\\d\\d:\\d\\d:\\d\\d\\.\\d{3} .*")).count()).isEqualTo(3);
    }

    @Test
    void filtersNarrowTheMatches() throws Exception {
        Path f = Corpus.file("jfr/example.jfr");
        List<RecordedEvent> enters = enters(f);
        String name = enters.getFirst().getThread().getJavaName();
        long ofThread = enters.stream().filter(e -> name.equals(e.getThread().getJavaName())).count();
        CliRun r = CliRun.run("jfr", "events", f.toString(), "--type", "jdk.JavaMonitorEnter", "--thread", name, "--json");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(new ObjectMapper().readTree(r.out()).get("matched").asLong()).isEqualTo(ofThread);
        CliRun none = CliRun.run("jfr", "events", f.toString(), "--type", "jdk.JavaMonitorEnter", "--text", "no such text", "--json");
        assertThat(new ObjectMapper().readTree(none.out()).get("matched").asLong()).isZero();
    }

    @Test
    void badUsageAndBadInputHaveTheirExitCodes() throws Exception {
        Path f = Corpus.file("jfr/example.jfr");
        CliRun limit = CliRun.run("jfr", "events", f.toString(), "--type", "jdk.JavaMonitorEnter", "--limit", "-1");
        assertThat(limit.exit()).isEqualTo(2);
        assertThat(limit.err()).contains("--limit must not be negative");
        CliRun noType = CliRun.run("jfr", "events", f.toString(), "--thread", "main");
        assertThat(noType.exit()).isEqualTo(2);
        assertThat(noType.err()).contains("need --type");
        Path junk = Files.write(dir.resolve("junk.jfr"), new byte[] {'F', 'L', 'R', 0, 0, 2, 0, 1, 9, 9});
        CliRun bad = CliRun.run("jfr", "events", junk.toString());
        assertThat(bad.exit()).isEqualTo(1);
        assertThat(bad.err().strip()).startsWith("inquest: " + junk + ": ").contains("at byte").doesNotContain("\n");
    }
}
