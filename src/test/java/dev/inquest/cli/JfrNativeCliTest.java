package dev.inquest.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.inquest.jfr.NativeRecordings;
import dev.inquest.jfr.Recording;
import dev.inquest.jfr.nativemem.NativeMemory;
import dev.inquest.jfr.nativemem.NativeMemory.Kind;
import dev.inquest.progress.Progress;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code inquest jfr native}: the engine's series as a table and as JSON, on child-JVM recordings. */
@Tag("slow")
class JfrNativeCliTest {
    @TempDir
    Path dir;

    private static NativeMemory engine(Path file) throws Exception {
        try (Recording r = Recording.open(file, Progress.NONE)) {
            return r.nativeMemory(Progress.NONE);
        }
    }

    @Test
    void jsonGivesEverySeriesAndTheGap() throws Exception {
        Path f = NativeRecordings.growing().file();
        NativeMemory m = engine(f);
        CliRun r = CliRun.run("jfr", "native", f.toString(), "--json");
        assertThat(r.exit()).as(r.err()).isZero();
        JsonNode j = new ObjectMapper().readTree(r.out());
        assertThat(j.get("file").asText()).isEqualTo(f.toString());
        assertThat(j.get("truncated").asBoolean()).isFalse();
        assertThat(j.get("headline").asText()).isEqualTo(m.headline());
        assertThat(j.get("heapMax").asLong()).isEqualTo(32L << 20);
        assertThat(j.get("directLimit").asLong()).isEqualTo(1L << 30);
        // Durations as the mapper writes them for every verb: seconds, with nanosecond decimals.
        assertThat(j.get("length").decimalValue()).isEqualByComparingTo(java.math.BigDecimal.valueOf(m.length().toNanos(), 9));
        JsonNode series = j.get("series");
        assertThat(series.size()).isEqualTo(m.series().size());
        JsonNode rss = series.get(0);
        assertThat(rss.get("kind").asText()).isEqualTo("rss");
        assertThat(rss.get("event").asText()).isEqualTo("jdk.ResidentSetSize");
        assertThat(rss.get("recorded").asBoolean()).isTrue();
        assertThat(rss.get("absence").isNull()).isTrue();
        assertThat(rss.get("stats").get("last").asLong()).isEqualTo(m.of(Kind.RSS).stats().last());
        assertThat(rss.get("stats").get("growth").asLong()).isEqualTo(m.of(Kind.RSS).stats().growth());
        assertThat(rss.get("points").size()).isEqualTo(m.of(Kind.RSS).points().size());
        assertThat(rss.get("points").get(0).get("time").asText()).isEqualTo(m.of(Kind.RSS).points().getFirst().time().toString());
        assertThat(rss.get("points").get(0).get("value").asLong()).isEqualTo(m.of(Kind.RSS).points().getFirst().value());
        JsonNode other = null;
        for (JsonNode s : series) {
            if ("nmtCategory".equals(s.get("kind").asText()) && "Other".equals(s.get("category").asText())) {
                other = s;
            }
        }
        assertThat(other).isNotNull();
        assertThat(other.get("label").asText()).isEqualTo("NMT committed: Other");
        assertThat(other.get("stats").get("growth").asLong()).isEqualTo(m.nmt("Other").orElseThrow().stats().growth());
        JsonNode gap = j.get("gap");
        assertThat(gap.get("growth").asLong()).isEqualTo(m.gap().growth()).isPositive();
        assertThat(gap.get("rateStated").asBoolean()).isFalse();
        assertThat(gap.get("caveat").asText()).startsWith("the samples span only");
        assertThat(gap.get("heapAfterGcGrowth").asLong()).isEqualTo(m.gap().heapAfterGcGrowth());
    }

    @Test
    void textIsATableOfSeriesAndNamesWhatIsAbsent() throws Exception {
        Path f = NativeRecordings.flat().file();
        NativeMemory m = engine(f);
        CliRun r = CliRun.run("jfr", "native", f.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        String[] lines = r.out().split("\n");
        assertThat(lines[0]).isEqualTo(m.headline());
        assertThat(lines[2]).matches("Series +First +Last +Min +Max +Growth +Rate +Points");
        NativeMemory.Stats rss = m.of(Kind.RSS).stats();
        assertThat(r.out()).containsPattern("resident set size +" + java.util.regex.Pattern.quote(
                dev.inquest.format.Units.bytes(rss.first())) + " +" + java.util.regex.Pattern.quote(dev.inquest.format.Units.bytes(rss.last())));
        assertThat(r.out()).contains("\nNot in this recording:\n  NMT committed total: native memory tracking events are"
                + " written only when the JVM runs with -XX:NativeMemoryTracking=summary or detail, JDK 20 and later\n"
                + "  NMT committed per category: native memory tracking events are written only when the JVM runs with"
                + " -XX:NativeMemoryTracking=summary or detail, JDK 20 and later\n");
        assertThat(r.out()).contains("\nMaximum heap: 32.0 MB\n");
    }

    @Test
    void badInputIsExitOneWithOneLineAndMissingFileExitTwo() throws Exception {
        Path junk = dir.resolve("junk.jfr");
        Files.write(junk, "FLR\0 not really a recording at all".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
        CliRun r = CliRun.run("jfr", "native", junk.toString(), "--json");
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.out()).isEmpty();
        assertThat(r.err().strip()).startsWith("inquest: " + junk + ": ").contains(" at byte ").doesNotContain("\n");
        assertThat(CliRun.run("jfr", "native").exit()).isEqualTo(2);
    }

    /** Cut short: the complete chunks are read and the answer is marked partial. */
    @Test
    void aCutShortRecordingIsMarkedPartial() throws Exception {
        byte[] whole = Files.readAllBytes(dev.inquest.jfr.AllocRecording.get().file());
        Path cut = dir.resolve("cut.jfr");
        Files.write(cut, java.util.Arrays.copyOf(whole, whole.length * 3 / 4));
        CliRun r = CliRun.run("jfr", "native", cut.toString(), "--json");
        assertThat(r.exit()).as(r.err()).isZero();
        JsonNode j = new ObjectMapper().readTree(r.out());
        assertThat(j.get("truncated").asBoolean()).isTrue();
        assertThat(j.get("missing").asText()).contains(" at byte ");
        assertThat(CliRun.run("jfr", "native", cut.toString()).out()).startsWith("Cut short: ");
    }
}
