package dev.inquest.heap.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.inquest.heap.hprof.HprofFile;
import dev.inquest.heap.index.DumpInternals;
import dev.inquest.input.BadInputException;
import dev.inquest.progress.Progress;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Cut and damaged copies of a real dump: never a crash, only a clear BadInputException or a
 * result flagged truncated whose problems say where the data stops.
 */
@Tag("slow")
class DamagedDumpTest {
    @TempDir
    static Path dir;
    static Path whole;
    static byte[] bytes;
    static HeapSummary full;
    static long segmentStart;
    static long instanceOffset;

    @BeforeAll
    static void load() throws Exception {
        whole = ShapesDump.plain();
        bytes = Files.readAllBytes(whole);
        try (HeapDump d = open(whole)) {
            full = d.summary();
            segmentStart = DumpInternals.of(d).index().file().dumps().getFirst().firstRecord();
            long holders = HeapWorkloadTest.staticsOf(d).get("holders");
            instanceOffset = DumpInternals.of(d).index().recordOffset(d.outbound(holders).stream()
                    .filter(r -> r.field().equals("[50]")).findFirst().orElseThrow().node());
        }
    }

    static HeapDump open(Path p) throws IOException {
        return HeapDump.open(p, OpenOptions.DEFAULT.withIndexFile(false), Progress.NONE);
    }

    private Path cut(long length) throws IOException {
        Path p = dir.resolve("cut-" + length + ".hprof");
        try (var out = Files.newOutputStream(p)) {
            out.write(bytes, 0, (int) length);
        }
        return p;
    }

    /** Opens and summarises; returns null when the input was rejected with a BadInputException. */
    private HeapSummary openOrReject(Path p) throws IOException {
        try (HeapDump d = open(p)) {
            HeapSummary s = d.summary();
            // Touch the other queries too: none may fail on partial data.
            d.histogram(Grouping.CLASS);
            d.topDominators(5);
            return s;
        } catch (BadInputException e) {
            assertThat(e.getMessage()).startsWith(p.toString() + ": ");
            return null;
        }
    }

    @Test
    void cutInsideTheHeaderIsBadInput() throws IOException {
        Path p = cut(10);
        assertThatThrownBy(() -> open(p)).isInstanceOf(BadInputException.class)
                .hasMessage(p + ": file ends inside the HPROF header at byte 10");
    }

    @Test
    void cutInsideARecordHeaderSaysWhich() throws IOException {
        Path p = cut(segmentStart + 5);
        assertThatThrownBy(() -> open(p)).isInstanceOf(BadInputException.class)
                .hasMessageContaining("inside the header of the HEAP_DUMP_SEGMENT record starting at byte " + segmentStart);
    }

    @Test
    void cutMidInstanceKeepsEverythingBefore() throws IOException {
        Path p = cut(instanceOffset + 10);
        try (HeapDump d = open(p)) {
            HeapSummary s = d.summary();
            assertThat(s.truncated()).isTrue();
            assertThat(s.problems()).anySatisfy(m -> assertThat(m)
                    .contains("file ends at byte " + (instanceOffset + 10) + " inside the HEAP_DUMP_SEGMENT record"));
            assertThat(s.problems()).anySatisfy(m -> assertThat(m)
                    .isEqualTo("the file ends inside the INSTANCE_DUMP sub-record starting at byte " + instanceOffset
                            + "; objects from there on are missing"));
            assertThat(s.objects() + s.unreachableObjects()).isPositive()
                    .isLessThan(full.objects() + full.unreachableObjects());
        }
    }

    @Test
    void thirtyCutsNeverCrashAndNeverPassForWhole() throws IOException {
        List<Long> offsets = new ArrayList<>();
        long size = bytes.length;
        for (int i = 0; i < 30; i++) {
            offsets.add(1 + (size - 2) * i / 29);
        }
        offsets.add(segmentStart + 9);
        offsets.add(instanceOffset + 1);
        int rejected = 0;
        for (long off : offsets) {
            Path p = cut(off);
            HeapSummary s = openOrReject(p);
            if (s == null) {
                rejected++;
            } else {
                assertThat(s.truncated()).as("cut at %d", off).isTrue();
                assertThat(s.problems()).as("cut at %d", off).isNotEmpty();
                assertThat(s.usedHeap()).isLessThanOrEqualTo(full.usedHeap() + full.unreachableHeap());
            }
            Files.delete(p);
        }
        assertThat(rejected).isLessThan(offsets.size());
    }

    @Test
    void flippedBytesNeverCrash() throws IOException {
        Random random = new Random(42);
        HprofFile.class.getName();
        for (int i = 0; i < 20; i++) {
            byte[] copy = bytes.clone();
            int at = (int) (segmentStart + random.nextLong(bytes.length - segmentStart));
            for (int k = 0; k < 4 && at + k < copy.length; k++) {
                copy[at + k] ^= (byte) (1 + random.nextInt(255));
            }
            Path p = dir.resolve("flip-" + i + ".hprof");
            Files.write(p, copy);
            openOrReject(p);
            Files.delete(p);
        }
    }

    @Test
    void notHeapDumpsAreOneClearMessage() throws IOException {
        Path empty = Files.write(dir.resolve("empty.hprof"), new byte[0]);
        assertThatThrownBy(() -> open(empty)).isInstanceOf(BadInputException.class)
                .hasMessage(empty + ": empty file, not a heap dump at byte 0");
        Path random = dir.resolve("random.bin");
        byte[] noise = new byte[5000];
        new Random(1).nextBytes(noise);
        noise[0] = 'x';
        Files.write(random, noise);
        assertThatThrownBy(() -> open(random)).isInstanceOf(BadInputException.class)
                .hasMessage(random + ": not an HPROF heap dump (no 'JAVA PROFILE' header) at byte 0");
        Path jfr = Files.write(dir.resolve("x.jfr"), new byte[] {'F', 'L', 'R', 0, 0, 2, 0, 1, 0, 0, 0, 0});
        assertThatThrownBy(() -> open(jfr)).isInstanceOf(BadInputException.class)
                .hasMessageContaining("flight recording");
        Path headerOnly = cut(31);
        assertThatThrownBy(() -> open(headerOnly)).isInstanceOf(BadInputException.class)
                .hasMessageContaining("no heap dump");
    }

    @Test
    void truncatedGzipIsReadUpToTheCut() throws IOException {
        Path gz = ShapesDump.chunkedGzip();
        byte[] g = Files.readAllBytes(gz);
        Path p = dir.resolve("cut.hprof.gz");
        Files.write(p, java.util.Arrays.copyOf(g, g.length * 2 / 3));
        try (HeapDump d = open(p)) {
            HeapSummary s = d.summary();
            assertThat(s.container()).isEqualTo("gzip-chunked");
            assertThat(s.truncated()).isTrue();
            assertThat(s.problems()).anySatisfy(m -> assertThat(m).contains("gzip member"));
        }
    }
}
