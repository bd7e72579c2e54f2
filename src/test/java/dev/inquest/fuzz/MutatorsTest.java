package dev.inquest.fuzz;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.inquest.cli.CliRun;
import dev.inquest.investigation.SampleCases;
import dev.inquest.investigation.store.CaseJson;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The fuzzing harness itself, on small files made here: each mutation does the damage it names
 * and nothing else, the same seed gives the same file, and {@link Contract} fails the runs it must.
 */
class MutatorsTest {
    static final Path FILE = Path.of("/tmp/x.hprof");

    /**
     * Header, then four top-level records: a UTF8 string at byte 31, a LOAD_CLASS at 51, a
     * HEAP_DUMP_SEGMENT at 84 and an empty HEAP_DUMP_END at 250. The segment holds a sticky-class
     * root (byte 93), an instance (102, field bytes count at 123), an int[2] (131, length at 144) and
     * a class dump with one static int and one field (157).
     */
    static byte[] tinyHprof() {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        b.writeBytes("JAVA PROFILE 1.0.2\0".getBytes(StandardCharsets.ISO_8859_1));
        b.writeBytes(new byte[] {0, 0, 0, 8, 0, 0, 0, 0, 0, 0, 0, 0});
        record(b, 0x01, new byte[] {0, 0, 0, 0, 0, 0, 0, 1, 'F', 'o', 'o'});
        record(b, 0x02, new byte[24]);
        ByteArrayOutputStream seg = new ByteArrayOutputStream();
        seg.write(0x05);
        seg.writeBytes(new byte[8]);
        seg.write(0x21);
        seg.writeBytes(new byte[8 + 4 + 8]);
        seg.writeBytes(new byte[] {0, 0, 0, 4, 1, 2, 3, 4});
        seg.write(0x23);
        seg.writeBytes(new byte[8 + 4]);
        seg.writeBytes(new byte[] {0, 0, 0, 2, 10, 0, 0, 0, 1, 0, 0, 0, 2});
        seg.write(0x20);
        seg.writeBytes(new byte[7 * 8 + 8]);
        seg.writeBytes(new byte[] {0, 0, 0, 1});
        seg.writeBytes(new byte[8]);
        seg.writeBytes(new byte[] {10, 0, 0, 0, 7, 0, 1});
        seg.writeBytes(new byte[8]);
        seg.write(10);
        record(b, 0x1C, seg.toByteArray());
        record(b, 0x2C, new byte[0]);
        return b.toByteArray();
    }

    static void record(ByteArrayOutputStream b, int tag, byte[] body) {
        b.write(tag);
        b.writeBytes(new byte[] {0, 0, 0, 0});
        b.writeBytes(new byte[] {0, 0, (byte) (body.length >> 8), (byte) body.length});
        b.writeBytes(body);
    }

    /** Two chunks, each a header and three events with compressed sizes (one padded to 4 bytes, as JFR writes some). */
    static byte[] tinyJfr() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int c = 0; c < 2; c++) {
            byte[] events = {5, 1, 2, 3, 4, (byte) 0x87, (byte) 0x80, (byte) 0x80, 0, 9, 9, 9, 3, 1, 2};
            byte[] h = new byte[JfrMutator.HEADER];
            System.arraycopy("FLR\0".getBytes(StandardCharsets.ISO_8859_1), 0, h, 0, 4);
            h[5] = 2;
            h = Bytes.putU8(h, JfrMutator.SIZE, h.length + events.length);
            h = Bytes.putU8(h, JfrMutator.CONSTANT_POOL, 80);
            h = Bytes.putU8(h, JfrMutator.METADATA, 68);
            h = Bytes.putU4(h, 64, 1);
            out.writeBytes(h);
            out.writeBytes(events);
        }
        return out.toByteArray();
    }

    static List<Integer> differing(byte[] a, byte[] b) {
        List<Integer> d = new ArrayList<>();
        for (int i = 0; i < Math.min(a.length, b.length); i++) {
            if (a[i] != b[i]) {
                d.add(i);
            }
        }
        return d;
    }

    @Test
    void hprofMutationsDoWhatTheySay() {
        byte[] seed = tinyHprof();
        HprofMutator m = new HprofMutator(seed);
        assertThat(m.records()).isEqualTo(4);
        assertThat(m.subRecords()).isEqualTo(4);
        Map<String, Integer> kinds = new HashMap<>();
        for (long s = 0; s < 300; s++) {
            Mutation x = m.next(new Random(s));
            assertThat(m.next(new Random(s)).bytes()).as("same seed, same file").isEqualTo(x.bytes());
            kinds.merge(x.kind(), 1, Integer::sum);
            List<Integer> diff = differing(seed, x.bytes());
            switch (x.kind()) {
                case "cut" -> assertThat(x.bytes().length).isLessThan(seed.length);
                case "flip byte", "flip bit" -> assertThat(diff).hasSize(1);
                case "hprof id size" -> assertThat(diff).isNotEmpty().allMatch(i -> i >= 19 && i < 23);
                case "hprof record tag" -> assertThat(diff).hasSize(1).allMatch(i -> List.of(31, 51, 84, 250).contains(i));
                case "hprof record length" -> assertThat(diff).isNotEmpty().allMatch(i -> List.of(31, 51, 84, 250).stream()
                        .anyMatch(r -> i >= r + 5 && i < r + 9));
                case "hprof sub-record tag" -> assertThat(diff).hasSize(1).allMatch(i -> List.of(93, 102, 131, 157).contains(i));
                case "hprof sub-record count" -> assertThat(diff).isNotEmpty().allMatch(i -> i >= 123 && i < 127 || i >= 144 && i < 148);
                case "zero range" -> assertThat(diff).allMatch(i -> x.bytes()[i] == 0);
                default -> throw new AssertionError(x.kind());
            }
            assertThat(x.mustDetect()).isEqualTo(!x.kind().startsWith("flip") && !x.kind().equals("zero range"));
        }
        assertThat(kinds).containsOnlyKeys("cut", "flip byte", "flip bit", "zero range", "hprof id size",
                "hprof record tag", "hprof record length", "hprof sub-record tag", "hprof sub-record count");
    }

    @Test
    void jfrEventSizeKeepsItsWidthAndChunkCutsAreNotDamage() {
        byte[] seed = tinyJfr();
        JfrMutator m = new JfrMutator(seed);
        assertThat(m.chunks()).isEqualTo(2);
        assertThat(m.events()).isEqualTo(6);
        int sizes = 0;
        for (long s = 0; s < 400; s++) {
            Mutation x = m.next(new Random(s));
            List<Integer> diff = differing(seed, x.bytes());
            switch (x.kind()) {
                case "jfr event size" -> {
                    sizes++;
                    assertThat(x.bytes()).hasSize(seed.length);
                    // Fields at 68/73/80 in each 83-byte chunk: 1, 4 and 1 bytes wide.
                    int chunk = diff.getFirst() / 83 * 83;
                    int field = diff.getFirst() % 83 >= 80 ? 80 : diff.getFirst() % 83 >= 73 ? 73 : 68;
                    int width = field == 73 ? 4 : 1;
                    assertThat(diff).allMatch(i -> i >= chunk + field && i < chunk + field + width);
                }
                case "cut" -> assertThat(x.mustDetect()).isEqualTo(x.bytes().length != 0 && x.bytes().length != 83);
                case "jfr start ticks" -> assertThat(x.mustDetect()).isFalse();
                default -> assertThat(x.bytes()).hasSize(seed.length);
            }
        }
        assertThat(sizes).isGreaterThan(10);
    }

    @Test
    void caseMutationsBreakWhatTheyClaim() throws Exception {
        byte[] seed = CaseJson.toJson(SampleCases.rich()).getBytes(StandardCharsets.UTF_8);
        CaseMutator m = new CaseMutator(seed);
        assertThat(m.fields()).isGreaterThan(50);
        ObjectMapper strict = JsonMapper.builder().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION).build();
        Map<String, Integer> kinds = new HashMap<>();
        for (long s = 0; s < 300; s++) {
            Mutation x = m.next(new Random(s));
            kinds.merge(x.kind(), 1, Integer::sum);
            switch (x.kind()) {
                case "case cut", "case garbage" -> assertThatThrownBy(() -> strict.readTree(x.bytes())).as(x.toString())
                        .isInstanceOf(java.io.IOException.class);
                case "case duplicate key" -> {
                    assertThat(new ObjectMapper().readTree(x.bytes())).isNotNull();
                    assertThatThrownBy(() -> strict.readTree(x.bytes())).as(x.toString()).hasMessageContaining("Duplicate field");
                }
                case "case wrong type", "case delete field", "case formatVersion" ->
                        assertThat(strict.readTree(x.bytes())).isNotEqualTo(strict.readTree(seed));
                default -> throw new AssertionError(x.kind());
            }
        }
        assertThat(kinds).containsOnlyKeys("case cut", "case garbage", "case delete field", "case wrong type",
                "case duplicate key", "case formatVersion");
    }

    @Test
    void contractFailsWhatItMust() {
        Contract c = new Contract(5);
        Mutation cut = new Mutation("cut", "at byte 9", true, new byte[9]);
        Mutation flip = new Mutation("flip byte", "byte 3", false, new byte[9]);
        List<String> json = List.of("heap", "summary", FILE.toString(), "--json");
        List<String> text = List.of("heap", "histogram", FILE.toString());
        String prefix = "inquest: " + FILE + ": ";
        // Passes.
        assertThat(c.check(outcome(1, "", prefix + "file ends inside a record at byte 9\n"), FILE, json, cut)).isEmpty();
        assertThat(c.check(outcome(0, "{\"truncated\": true}", ""), FILE, json, cut)).isEmpty();
        assertThat(c.check(outcome(0, "{\"truncated\": false, \"problems\": [\"x\"]}", ""), FILE, json, cut)).isEmpty();
        assertThat(c.check(outcome(0, "{\"truncated\": false}", ""), FILE, json, flip)).isEmpty();
        assertThat(c.check(outcome(0, "rows", "inquest: warning: " + FILE + " is truncated\n"), FILE, text, cut)).isEmpty();
        assertThat(c.check(outcome(0, "Truncated        YES: figures cover...", ""), FILE, text, cut)).isEmpty();
        assertThat(c.check(outcome(2, "", "Unknown option"), FILE, json, cut)).isEmpty();
        // Fails.
        assertThat(c.check(outcome(3, "", "inquest: internal error: java.lang.NullPointerException\n\tat dev.inquest.X.y(X.java:1)"),
                FILE, json, flip)).hasValueSatisfying(f -> assertThat(f).startsWith("exit 3").contains("dev.inquest.X.y"));
        assertThat(c.check(outcome(1, "", prefix + "java.io.EOFException"), FILE, json, cut)).hasValueSatisfying(
                f -> assertThat(f).contains("in words"));
        assertThat(c.check(outcome(1, "", "inquest: other.hprof: file ends early at byte 9"), FILE, json, cut))
                .hasValueSatisfying(f -> assertThat(f).contains("without naming the file"));
        assertThat(c.check(outcome(1, "", prefix + "bad\n  at byte 9"), FILE, json, cut)).hasValueSatisfying(
                f -> assertThat(f).contains("2 lines"));
        assertThat(c.check(outcome(0, "{\"truncated\": false, \"problems\": []}", ""), FILE, json, cut))
                .hasValueSatisfying(f -> assertThat(f).contains("silent"));
        assertThat(c.check(outcome(0, "[{\"class\": \"A\"}]", ""), FILE, json, cut)).hasValueSatisfying(
                f -> assertThat(f).contains("no room"));
        assertThat(c.check(outcome(0, "{\"trunc", ""), FILE, json, flip)).hasValueSatisfying(f -> assertThat(f).contains("not JSON"));
        assertThat(c.check(new Contract.Outcome(null, new StackOverflowError(), false, 1), FILE, json, flip))
                .hasValueSatisfying(f -> assertThat(f).startsWith("uncaught java.lang.StackOverflowError"));
    }

    @Test
    void contractRunCatchesWhatEscapesAndHangs() {
        Contract c = new Contract(1);
        Contract.Outcome ok = c.run(List.of("--version"));
        assertThat(ok.run().exit()).isZero();
        assertThat(Arrays.asList(ok.hung(), ok.escaped())).containsExactly(false, null);
    }

    static Contract.Outcome outcome(int exit, String out, String err) {
        return new Contract.Outcome(new CliRun(exit, out, err), null, false, 1);
    }
}
