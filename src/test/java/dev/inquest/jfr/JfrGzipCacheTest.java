package dev.inquest.jfr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.inquest.input.BadInputException;
import dev.inquest.input.GzipCache;
import dev.inquest.progress.Progress;
import java.io.IOException;
import java.io.OutputStream;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Plain gzip recordings go through the heap's cache policy (issue 17): one inflated copy per
 * {@code .jfr.gz}, reused; nothing left by a failed inflate; bombs stopped; copies swept when their
 * source goes, but never one an open recording still reads.
 */
class JfrGzipCacheTest {
    private static final List<String> PROPERTIES = List.of("inquest.cache", GzipCache.MAX_BYTES, GzipCache.MAX_DAYS,
            GzipCache.INFLATE_LIMIT);

    @TempDir
    Path dir;
    Path cache;
    private final Map<String, String> saved = new HashMap<>();

    @BeforeEach
    void privateCache() throws IOException {
        for (String p : PROPERTIES) {
            saved.put(p, System.getProperty(p));
        }
        cache = Files.createDirectories(dir.resolve("cache"));
        System.setProperty("inquest.cache", cache.toString());
    }

    @AfterEach
    void restore() {
        for (String p : PROPERTIES) {
            if (saved.get(p) == null) {
                System.clearProperty(p);
            } else {
                System.setProperty(p, saved.get(p));
            }
        }
    }

    private List<String> cached() throws IOException {
        try (Stream<Path> s = Files.list(cache)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    private Path gzip(String name, byte[] head, long zeros) throws IOException {
        Path file = dir.resolve(name);
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file), 1 << 16)) {
            out.write(head);
            byte[] block = new byte[1 << 20];
            for (long left = zeros; left > 0; left -= block.length) {
                out.write(block, 0, (int) Math.min(block.length, left));
            }
        }
        return file;
    }

    private Path recordingGz(String name) throws IOException {
        return gzip(name, Files.readAllBytes(AllocRecording.get().file()), 0);
    }

    private static String copyOf(Path gz) throws IOException {
        return gz.getFileName().toString().replaceAll("\\.gz$", "") + "-" + GzipCache.key(gz) + ".jfr";
    }

    private static long events(Path gz) throws IOException {
        try (Recording r = Recording.open(gz, Progress.NONE)) {
            return r.summary(Progress.NONE).events();
        }
    }

    @Test
    void aCopyIsKeptReusedAndGoesWithItsSource() throws Exception {
        Path a = recordingGz("a.jfr.gz");
        long first = events(a);
        assertThat(first).isPositive();
        assertThat(cached()).containsExactly(copyOf(a), copyOf(a) + ".source");
        Files.setLastModifiedTime(cache.resolve(copyOf(a)), FileTime.from(Instant.now().minusSeconds(60)));
        assertThat(events(a)).isEqualTo(first);
        // Reused (no second copy), and marked used now.
        assertThat(cached()).containsExactly(copyOf(a), copyOf(a) + ".source");
        assertThat(Files.getLastModifiedTime(cache.resolve(copyOf(a))).toInstant()).isAfter(Instant.now().minusSeconds(30));

        Path b = recordingGz("b.jfr.gz");
        Files.delete(a);
        assertThat(events(b)).isEqualTo(first);
        assertThat(cached()).containsExactly(copyOf(b), copyOf(b) + ".source");
    }

    @Test
    void slicesAKilledReadLeftGoAfterADayLiveOnesStay() throws Exception {
        Path dead = Files.writeString(cache.resolve("chunk-8123456789012345678.jfr"), "a slice");
        Path deadGroup = Files.writeString(cache.resolve("group-123.jfr"), "a slice");
        Path oldTemp = Files.writeString(cache.resolve("inflated-42.jfr"), "an older build's copy");
        for (Path p : List.of(dead, deadGroup, oldTemp)) {
            Files.setLastModifiedTime(p, FileTime.from(Instant.now().minus(Duration.ofDays(2))));
        }
        Path live = Files.writeString(cache.resolve("group-456.jfr"), "a read going on");
        Files.setLastModifiedTime(live, FileTime.from(Instant.now().minus(Duration.ofHours(3))));
        Path a = recordingGz("a.jfr.gz");
        assertThat(events(a)).isPositive();
        assertThat(cached()).containsExactlyInAnyOrder(copyOf(a), copyOf(a) + ".source", "group-456.jfr");
    }

    @Test
    void aCopyAnOpenRecordingReadsIsNeverSwept() throws Exception {
        Path a = recordingGz("a.jfr.gz");
        Path b = recordingGz("b.jfr.gz");
        System.setProperty(GzipCache.MAX_BYTES, "1"); // every copy but the newest is over the limit
        try (Recording ra = Recording.open(a, Progress.NONE)) {
            Files.setLastModifiedTime(cache.resolve(copyOf(a)), FileTime.from(Instant.now().minus(Duration.ofDays(30))));
            assertThat(events(b)).isPositive();
            assertThat(cached()).contains(copyOf(a));
            // a's copy is read again by path after the other open's sweep.
            assertThat(ra.summary(Progress.NONE).events()).isPositive();
        }
        assertThat(events(b)).isPositive(); // now a's copy may go
        assertThat(cached()).containsExactly(copyOf(b), copyOf(b) + ".source");
    }

    @Test
    void aBombOfZerosStopsAtItsHeadAndLeavesNothing() throws Exception {
        Path bomb = gzip("bomb.jfr.gz", new byte[0], 256L << 20);
        long t0 = System.nanoTime();
        assertThatThrownBy(() -> Recording.open(bomb, Progress.NONE)).isInstanceOf(BadInputException.class)
                .hasMessage(bomb + ": not a flight recording (no 'FLR' chunk magic) at byte 0");
        assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(5));
        assertThat(cached()).isEmpty();
    }

    @Test
    void aBombWithARecordingsHeadIsRefusedAtTheLimitAndLeavesNothing() throws Exception {
        Path bomb = gzip("big.jfr.gz", new byte[] {'F', 'L', 'R', 0, 0, 2, 0, 1}, 64L << 20);
        System.setProperty(GzipCache.INFLATE_LIMIT, String.valueOf(8L << 20));
        assertThatThrownBy(() -> Recording.open(bomb, Progress.NONE)).isInstanceOf(IOException.class)
                .hasMessageStartingWith(bomb + ": its inflated copy would not fit the space Inquest may use in " + cache
                        + " (inflating stopped at ")
                .hasMessageContaining("free; free space there, or set another cache folder with -Dinquest.cache=DIR");
        assertThat(cached()).isEmpty();
    }

    @Test
    void corruptGzipDataIsNamedAtItsByteAndLeavesNothing() throws Exception {
        Path gz = recordingGz("bad.jfr.gz");
        try (RandomAccessFile f = new RandomAccessFile(gz.toFile(), "rw")) {
            f.seek(f.length() / 2);
            byte[] junk = new byte[64];
            java.util.Arrays.fill(junk, (byte) 0xFF);
            f.write(junk);
        }
        assertThatThrownBy(() -> Recording.open(gz, Progress.NONE)).isInstanceOf(BadInputException.class)
                .hasMessageStartingWith(gz + ": corrupt gzip data (");
        assertThat(cached()).isEmpty();
    }
}
