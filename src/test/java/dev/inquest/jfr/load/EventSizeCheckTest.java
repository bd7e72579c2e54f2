package dev.inquest.jfr.load;

import static org.assertj.core.api.Assertions.assertThat;

import dev.inquest.jfr.AllocRecording;
import dev.inquest.jfr.Recording;
import dev.inquest.jfr.read.StackTreeReader;
import dev.inquest.jfr.stack.EventKind;
import dev.inquest.jfr.stack.StackTree;
import dev.inquest.jfr.stack.StackTreeQuery;
import dev.inquest.jfr.summary.ChunkDamage;
import dev.inquest.progress.Progress;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 20: every event's fields are checked against its declared size (issue 17), now for the
 * events made of varints only (the TLAB events and allocation samples, millions per recording)
 * by counting the varints' last bytes eight at a time instead of walking the fields. The fast
 * check must never pass a record the field walk rejects, and must pass the ordinary ones (or it
 * saves nothing).
 */
class EventSizeCheckTest {
    @TempDir
    Path dir;

    /** Where {@code n} varints read from {@code from} end, as JFR reads them (the ninth byte whole); -1 past the array. */
    static int walk(byte[] a, int from, int n) {
        int p = from;
        for (int k = 0; k < n; k++) {
            int i = 0;
            while (true) {
                if (p >= a.length) {
                    return -1;
                }
                byte x = a[p++];
                if (i == 8 || x >= 0) {
                    break;
                }
                i++;
            }
        }
        return p;
    }

    static void varint(ByteArrayOutputStream out, int length, Random r) {
        for (int i = 0; i < length - 1; i++) {
            out.write(0x80 | r.nextInt(128));
        }
        // A ninth byte is whole: either high bit. Shorter varints end with the bit clear.
        out.write(length == 9 ? r.nextInt(256) : r.nextInt(128));
    }

    @Test
    void theCountNeverPassesARecordTheFieldWalkRejects() {
        Random r = new Random(20);
        int accepted = 0;
        int rejectedByWalk = 0;
        for (int round = 0; round < 200_000; round++) {
            int n = 1 + r.nextInt(8);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            int lead = r.nextInt(12);
            for (int i = 0; i < lead; i++) {
                out.write(r.nextInt(256));
            }
            int from = out.size();
            boolean long9 = r.nextInt(20) == 0;
            for (int k = 0; k < n; k++) {
                varint(out, long9 && r.nextBoolean() ? 9 : 1 + r.nextInt(r.nextBoolean() ? 3 : 8), r);
            }
            // Damage: the size says more (a swallowed record: more varints, or any bytes) or less.
            int end = out.size();
            switch (r.nextInt(4)) {
                case 0 -> {
                    for (int k = 1 + r.nextInt(n + 2); k > 0; k--) {
                        varint(out, 1 + r.nextInt(4), r);
                    }
                    end = out.size();
                }
                case 1 -> {
                    for (int k = 1 + r.nextInt(6); k > 0; k--) {
                        out.write(r.nextInt(256));
                    }
                    end = out.size();
                }
                case 2 -> end = Math.max(from, end - 1 - r.nextInt(3));
                default -> {
                }
            }
            int pad = r.nextInt(10); // what follows in the buffer, sometimes nothing
            for (int i = 0; i < pad; i++) {
                out.write(r.nextInt(256));
            }
            byte[] a = out.toByteArray();
            boolean sound = walk(a, from, n) == end;
            boolean fast = ChunkFilter.Metadata.endsAfterVarints(a, from, end, n);
            if (fast) {
                assertThat(sound).as("round %d: the count passed a record whose fields do not end at its size", round)
                        .isTrue();
                accepted++;
            }
            if (!sound) {
                rejectedByWalk++;
            }
            boolean ordinary = !long9 && end - from <= 64 && from + ((end - from + 7) & ~7) <= a.length;
            if (sound && ordinary) {
                assertThat(fast).as("round %d: an ordinary record left to the slow walk", round).isTrue();
            }
        }
        assertThat(accepted).isGreaterThan(20_000);
        assertThat(rejectedByWalk).isGreaterThan(50_000);
    }

    /**
     * Nine continuation bytes: JFR takes the ninth whole, so two varints end one byte early,
     * while the record still holds exactly two bytes with the high bit clear, the last at its end.
     * A count alone would pass it.
     */
    @Test
    void aNineByteVarintIsLeftToTheFieldWalk() {
        byte[] a = new byte[32];
        for (int i = 0; i < 9; i++) {
            a[i] = (byte) 0x80;
        }
        a[9] = 0x01;
        a[10] = 0x02;
        assertThat(walk(a, 0, 2)).isEqualTo(10);
        assertThat(ChunkFilter.Metadata.endsAfterVarints(a, 0, 11, 2)).isFalse();
        // The same varints of ordinary length, sound, pass.
        byte[] b = {(byte) 0x81, 0x01, 0x7f, 0, 0, 0, 0, 0, 0, 0, 0};
        assertThat(walk(b, 0, 2)).isEqualTo(3);
        assertThat(ChunkFilter.Metadata.endsAfterVarints(b, 0, 3, 2)).isTrue();
        assertThat(ChunkFilter.Metadata.endsAfterVarints(b, 0, 4, 2)).isFalse();
    }

    /**
     * The case issue 17's check was added for, on the fast path: an allocation sample (fields of
     * varints only) whose size is doubled over the next sample of the same size. The records still
     * chain; the chunk is skipped and named at that event, and every answer equals the recording
     * without that chunk.
     */
    @Test
    void anAllocationSampleDoubledOverItsTwinSkipsThatChunk() throws Exception {
        Path file = AllocRecording.get().file();
        byte[] whole = Files.readAllBytes(file);
        List<ChunkHeader> chunks;
        try (JfrSource s = JfrSource.open(file, Progress.NONE)) {
            chunks = s.chunks();
        }
        int twin = -1;
        int size = -1;
        int chunkIndex = -1;
        for (int ci = 0; ci < chunks.size() && twin < 0; ci++) {
            ChunkHeader c = chunks.get(ci);
            byte[] chunk = java.util.Arrays.copyOfRange(whole, (int) c.offset(), (int) c.end());
            ChunkFilter.Metadata meta = ChunkFilter.metadata(ByteBuffer.wrap(chunk), (int) c.metadataOffset());
            long sample = meta.idOf("jdk.ObjectAllocationSample");
            int n = sample < 0 ? 0 : meta.varints[(int) sample];
            if (n == 0) {
                continue;
            }
            int[] at = {ChunkHeader.SIZE};
            int previous = -1;
            int previousFields = -1;
            long previousSize = -1;
            while (at[0] < chunk.length) {
                int start = at[0];
                long len = varLong(chunk, at);
                boolean oneByte = at[0] == start + 1;
                long type = varLong(chunk, at);
                int fields = at[0];
                boolean candidate = type == sample && oneByte && 2 * len < 128;
                if (candidate && len == previousSize) {
                    // The first of the two passes the count as it is, so the fast path is what decides.
                    assertThat(ChunkFilter.Metadata.endsAfterVarints(chunk, previousFields, previous + (int) len, n)).isTrue();
                    assertThat(ChunkFilter.Metadata.endsAfterVarints(chunk, previousFields, previous + 2 * (int) len, n))
                            .isFalse();
                    twin = (int) c.offset() + previous;
                    size = (int) len;
                    chunkIndex = ci;
                    break;
                }
                previous = candidate ? start : -1;
                previousFields = fields;
                previousSize = candidate ? len : -1;
                at[0] = start + (int) len;
            }
        }
        assertThat(twin).as("two allocation samples of the same size, one after the other").isPositive();
        int event = twin;
        int doubled = 2 * size;
        byte[] damagedBytes = whole.clone();
        damagedBytes[event] = (byte) doubled;
        Path damaged = dir.resolve("twin.jfr");
        Files.write(damaged, damagedBytes);
        ChunkHeader c = chunks.get(chunkIndex);
        ByteArrayOutputStream rest = new ByteArrayOutputStream();
        rest.write(whole, 0, (int) c.offset());
        rest.write(whole, (int) c.end(), whole.length - (int) c.end());
        Path oracle = dir.resolve("without.jfr");
        Files.write(oracle, rest.toByteArray());

        StackTree t = allocTree(damaged);
        StackTree expected = allocTree(oracle);
        assertThat(t.events()).isEqualTo(expected.events()).isLessThan(allocTree(file).events());
        assertThat(t.total()).isEqualTo(expected.total());
        try (Recording r = Recording.open(damaged, Progress.NONE)) {
            r.summary(Progress.NONE);
            assertThat(r.partial()).isTrue();
            assertThat(r.damage()).hasSize(1);
            ChunkDamage d = r.damage().getFirst();
            assertThat(d.chunk()).isEqualTo(chunkIndex + 1);
            assertThat(d.offset()).isEqualTo(event);
            assertThat(d.problem()).isEqualTo("a jdk.ObjectAllocationSample event declares " + doubled
                    + " bytes but its fields take " + size);
        }
    }

    static StackTree allocTree(Path file) throws Exception {
        try (JfrSource s = JfrSource.open(file, Progress.NONE)) {
            return StackTreeReader.read(s, StackTreeQuery.of(EventKind.ALLOC), Progress.NONE);
        }
    }

    static long varLong(byte[] b, int[] at) {
        long v = 0;
        for (int i = 0; i < 8; i++) {
            int x = b[at[0]++];
            v |= (long) (x & 0x7f) << (7 * i);
            if (x >= 0) {
                return v;
            }
        }
        return v | (long) (b[at[0]++] & 0xff) << 56;
    }
}
