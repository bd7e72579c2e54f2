package dev.inquest.heap.hprof;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.inquest.cli.CliRun;
import dev.inquest.heap.NotEnoughResourcesException;
import dev.inquest.input.GzipCache;
import dev.inquest.input.BadInputException;
import dev.inquest.progress.Progress;
import dev.inquest.testing.HprofBuilder;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The cache of inflated plain-gzip dumps (issue 17): a failed or cancelled inflate leaves
 * nothing, a gzip bomb is stopped before it fills the disk, and copies go when their source
 * goes, when unused too long, or least recently used first beyond the size limit.
 */
class GzipCacheTest {
    private static final List<String> PROPERTIES = List.of("inquest.cache", GzipCache.MAX_BYTES, GzipCache.MAX_DAYS,
            GzipCache.INFLATE_LIMIT);

    @TempDir
    Path dir;
    Path cache;
    private final java.util.Map<String, String> saved = new java.util.HashMap<>();

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

    private static Path gzip(Path file, byte[] head, long zeros) throws IOException {
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file), 1 << 16)) {
            out.write(head);
            byte[] block = new byte[1 << 20];
            for (long left = zeros; left > 0; left -= block.length) {
                out.write(block, 0, (int) Math.min(block.length, left));
            }
        }
        return file;
    }

    /** A small whole dump, gzipped; {@code objects} instances make copies of different sizes. */
    private Path dump(String name, int objects) throws IOException {
        HprofBuilder h = new HprofBuilder(8);
        long c = h.loadClass("x.T");
        h.classDump(c, 0, HprofBuilder.ref("next"));
        for (int i = 0; i < objects; i++) {
            long o = h.id();
            h.instance(o, c, 0);
            h.rootUnknown(o);
        }
        h.endDump();
        return gzip(dir.resolve(name + ".hprof.gz"), h.bytes(), 0);
    }

    private static HprofFile open(Path gz) throws IOException {
        return HprofFile.open(gz, Progress.NONE);
    }

    private static String copyOf(Path gz) throws IOException {
        return gz.getFileName().toString().replaceAll("\\.gz$", "") + "-" + GzipCache.key(gz) + ".hprof";
    }

    @Test
    void aGzipBombOfZerosStopsAtItsHeadAndLeavesNothing() throws Exception {
        Path bomb = gzip(dir.resolve("bomb.hprof.gz"), new byte[0], 256L << 20);
        assertThat(Files.size(bomb)).isLessThan(1 << 20);
        long t0 = System.nanoTime();
        assertThatThrownBy(() -> open(bomb)).isInstanceOf(BadInputException.class)
                .hasMessage(bomb + ": not an HPROF heap dump (no 'JAVA PROFILE' header) at byte 0");
        // It stopped after the header's bytes instead of writing 256 MB.
        assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(5));
        assertThat(cached()).isEmpty();
    }

    @Test
    void aBombWithAnHprofHeadIsRefusedAtTheLimitWithOneLineAndLeavesNothing() throws Exception {
        byte[] head = new HprofBuilder(8).bytes();
        Path bomb = gzip(dir.resolve("big.hprof.gz"), head, 64L << 20);
        System.setProperty(GzipCache.INFLATE_LIMIT, String.valueOf(8L << 20));
        assertThatThrownBy(() -> open(bomb)).isInstanceOf(NotEnoughResourcesException.class)
                .hasMessageStartingWith(bomb + ": its inflated copy would not fit the space Inquest may use in " + cache
                        + " (inflating stopped at ");
        assertThat(cached()).isEmpty();
        CliRun r = CliRun.run("heap", "summary", bomb.toString());
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err().strip()).startsWith("inquest: " + bomb + ": its inflated copy would not fit").doesNotContain("\n");
        assertThat(cached()).isEmpty();
    }

    @Test
    void aGzipThatHoldsNoDumpLeavesNothing() throws Exception {
        HprofBuilder h = new HprofBuilder(8);
        h.string("only a string");
        Path gz = gzip(dir.resolve("nodump.hprof.gz"), h.bytes(), 0);
        assertThatThrownBy(() -> dev.inquest.heap.model.HeapDump.open(gz,
                dev.inquest.heap.model.OpenOptions.DEFAULT.withIndexFile(false), Progress.NONE))
                .isInstanceOf(BadInputException.class)
                .hasMessageContaining(gz + ": the file holds no heap dump records");
        assertThat(cached()).isEmpty();
    }

    @Test
    void aCancelledInflateLeavesNothing() throws Exception {
        Path gz = gzip(dir.resolve("slow.hprof.gz"), new HprofBuilder(8).bytes(), 32L << 20);
        int[] calls = {0};
        Progress cancelSoon = new Progress() {
            @Override
            public void phase(String name, long total, Unit unit) {
            }

            @Override
            public void progress(long done) {
                calls[0]++;
            }

            @Override
            public boolean isCancelled() {
                return calls[0] > 2;
            }
        };
        assertThatThrownBy(() -> HprofFile.open(gz, cancelSoon)).isInstanceOf(CancellationException.class);
        assertThat(cached()).isEmpty();
    }

    @Test
    void aCopyIsReusedAndGoesWhenItsSourceGoesOrChanges() throws Exception {
        Path a = dump("a", 3);
        Path b = dump("b", 3);
        String aCopy = copyOf(a);
        try (HprofFile f = open(a)) {
            assertThat(f.container()).isEqualTo(HprofFile.Container.GZIP);
            assertThat(f.dumps()).hasSize(1);
        }
        assertThat(cached()).containsExactly(aCopy, aCopy + ".source");
        Files.setLastModifiedTime(cache.resolve(aCopy), FileTime.from(Instant.now().minusSeconds(60)));
        try (HprofFile f = open(a)) {
            assertThat(f.problems()).isEmpty();
        }
        // Reused, and marked used now.
        assertThat(Files.getLastModifiedTime(cache.resolve(aCopy)).toInstant()).isAfter(Instant.now().minusSeconds(30));

        // a changes: its old copy is stale and goes on the next inflate.
        dump("a", 5);
        Files.setLastModifiedTime(a, FileTime.from(Instant.now().plusSeconds(5)));
        String aCopy2 = copyOf(a);
        try (HprofFile f = open(a)) {
            assertThat(f.dumps()).hasSize(1);
        }
        assertThat(cached()).containsExactly(aCopy2, aCopy2 + ".source");

        // a goes: its copy goes with the next inflate of anything.
        Files.delete(a);
        try (HprofFile f = open(b)) {
            assertThat(f.dumps()).hasSize(1);
        }
        assertThat(cached()).containsExactly(copyOf(b), copyOf(b) + ".source");
    }

    @Test
    void beyondTheSizeLimitTheLeastRecentlyUsedCopyGoes() throws Exception {
        Path a = dump("a", 200);
        Path b = dump("b", 200);
        Path c = dump("c", 200);
        try (HprofFile f = open(a)) {
            f.dumps();
        }
        long one = Files.size(cache.resolve(copyOf(a)));
        System.setProperty(GzipCache.MAX_BYTES, String.valueOf(one * 5 / 2));
        Files.setLastModifiedTime(cache.resolve(copyOf(a)), FileTime.from(Instant.now().minusSeconds(300)));
        try (HprofFile f = open(b)) {
            f.dumps();
        }
        Files.setLastModifiedTime(cache.resolve(copyOf(b)), FileTime.from(Instant.now().minusSeconds(200)));
        try (HprofFile f = open(a)) { // a is used again: b is now the least recently used
            f.dumps();
        }
        try (HprofFile f = open(c)) {
            f.dumps();
        }
        assertThat(cached()).containsExactlyInAnyOrder(copyOf(a), copyOf(a) + ".source", copyOf(c), copyOf(c) + ".source");
    }

    @Test
    void copiesUnusedTooLongAndDeadTemporaryFilesGo() throws Exception {
        Path a = dump("a", 3);
        Path b = dump("b", 3);
        try (HprofFile f = open(a)) {
            f.dumps();
        }
        Files.setLastModifiedTime(cache.resolve(copyOf(a)), FileTime.from(Instant.now().minus(Duration.ofDays(15))));
        Path dead = Files.writeString(cache.resolve("x-0123456789abcdef" + "123.tmp"), "half an inflate");
        Files.setLastModifiedTime(dead, FileTime.from(Instant.now().minus(Duration.ofHours(2))));
        Path live = Files.writeString(cache.resolve("y-0123456789abcdef" + "456.tmp"), "an inflate going on");
        Path index = Files.writeString(cache.resolve("a.hprof.gz-0123456789abcdef.inquest-index"), "not ours to sweep");
        try (HprofFile f = open(b)) {
            f.dumps();
        }
        assertThat(cached()).containsExactlyInAnyOrder(copyOf(b), copyOf(b) + ".source", live.getFileName().toString(),
                index.getFileName().toString());
    }

    @Test
    void memberAndHeapIndexesInTheCacheGoWithTheirSource() throws Exception {
        Path a = dump("a", 3);
        Path b = dump("b", 3);
        // As GzipMemberBytes and IndexFile leave them: each with a note naming its source.
        Path gzindex = Files.writeString(cache.resolve(a.getFileName() + "-" + GzipCache.key(a) + ".gzindex"), "index");
        GzipCache.noteSource(gzindex, a);
        Path ro = Files.createDirectories(dir.resolve("readonly"));
        Path plain = Files.write(ro.resolve("p.hprof"), new HprofBuilder(8).bytes());
        Files.setPosixFilePermissions(ro, java.nio.file.attribute.PosixFilePermissions.fromString("r-xr-xr-x"));
        Path heapIndex;
        try {
            heapIndex = dev.inquest.heap.index.IndexFile.location(plain, true);
        } finally {
            Files.setPosixFilePermissions(ro, java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));
        }
        assertThat(heapIndex.getParent()).isEqualTo(cache);
        assertThat(Files.readString(cache.resolve(heapIndex.getFileName() + ".source"))).isEqualTo(plain.toRealPath().toString());
        Files.writeString(heapIndex, "index");
        // Older ones without a note age out like copies.
        Path oldIndex = Files.writeString(cache.resolve("old.hprof-0123abcd.inquest-index"), "index");
        Files.setLastModifiedTime(oldIndex, FileTime.from(Instant.now().minus(Duration.ofDays(15))));
        Path youngIndex = Files.writeString(cache.resolve("young.hprof-0123abce.inquest-index"), "index");

        try (HprofFile f = open(b)) {
            f.dumps();
        }
        assertThat(cached()).contains(gzindex.getFileName().toString(), heapIndex.getFileName().toString())
                .doesNotContain(oldIndex.getFileName().toString()).contains(youngIndex.getFileName().toString());

        Files.delete(a);
        Files.delete(plain);
        try (HprofFile f = open(b)) {
            f.dumps();
        }
        assertThat(cached()).containsExactlyInAnyOrder(copyOf(b), copyOf(b) + ".source",
                youngIndex.getFileName().toString());
    }
}
