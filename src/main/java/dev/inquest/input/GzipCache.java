package dev.inquest.heap.hprof;

import dev.inquest.format.Units;
import dev.inquest.heap.NotEnoughResourcesException;
import dev.inquest.progress.Progress;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;

/**
 * A plain gzip stream has no member index, so random access needs the inflated bytes
 * somewhere: we inflate once into the user cache directory (keyed by path, size and time) and
 * map that file, so reopening the same {@code .gz} skips the inflate.
 *
 * <p>The copies are big, so the cache keeps itself small: each copy has a {@code .source} note
 * naming its {@code .gz}, and every inflate first drops copies whose source is gone or changed,
 * copies unused for {@link #maxAge()}, then the least recently used ones beyond
 * {@link #maxBytes()}. An inflate writes only to a temporary file that is deleted unless it
 * completes; it stops (leaving nothing) as soon as the bytes are not an HPROF dump, or would not
 * fit the disk space it may use ({@link #inflateLimit}).
 */
public final class GzipCache {
    private GzipCache() {
    }

    /** Total bytes of inflated copies kept between inflates: {@code -Dinquest.cache.gzipMaxBytes}, default 16 GiB. */
    static final String MAX_BYTES = "inquest.cache.gzipMaxBytes";
    /** Days a copy is kept unused: {@code -Dinquest.cache.gzipMaxDays}, default 14. */
    static final String MAX_DAYS = "inquest.cache.gzipMaxDays";
    /** Most bytes one inflate may write: {@code -Dinquest.cache.inflateLimit}, default the free space less a reserve. */
    static final String INFLATE_LIMIT = "inquest.cache.inflateLimit";

    /** Inflated copies: {@code NAME-KEY.hprof} and {@code NAME-KEY.partial.hprof} (KEY 16 hex digits). */
    private static final Pattern COPY = Pattern.compile(".*-[0-9a-f]{16}(\\.partial)?\\.hprof");
    private static final String SOURCE = ".source";
    /** A temporary file untouched this long belongs to an inflate that died (killed, power cut). */
    private static final Duration DEAD_TMP = Duration.ofHours(1);
    private static final int HEAD = "JAVA PROFILE ".length();

    /** The inflated copy, and whether the gzip stream ended early (then the copy is the readable prefix). */
    public record Inflated(Path file, boolean complete) {
        /** Drops the copy (and its note): the file it came from was not a dump we could open. */
        public void discard() {
            try {
                Files.deleteIfExists(file);
                Files.deleteIfExists(note(file));
            } catch (IOException e) {
                // The next inflate's sweep finds it: its source note no longer matches or it ages out.
            }
        }
    }

    public static Path cacheDir() throws IOException {
        String configured = System.getProperty("inquest.cache");
        Path dir;
        if (configured != null && !configured.isBlank()) {
            dir = Path.of(configured);
        } else {
            String xdg = System.getenv("XDG_CACHE_HOME");
            dir = (xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache"))
                    .resolve("inquest");
        }
        Files.createDirectories(dir);
        return dir;
    }

    static String key(Path file) throws IOException {
        String id = file.toRealPath() + "|" + Files.size(file) + "|" + Files.getLastModifiedTime(file).toMillis();
        try {
            byte[] h = java.security.MessageDigest.getInstance("SHA-256").digest(id.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(h, 0, 8);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public static Inflated inflate(Path gz, Progress progress) throws IOException {
        dev.inquest.input.FileProblems.requireRegularFile(gz); // a FIFO would block the open below
        Path dir = cacheDir();
        String key = key(gz);
        String base = gz.getFileName().toString().replaceAll("\\.gz$", "") + "-" + key;
        Path whole = dir.resolve(base + ".hprof");
        Path partial = dir.resolve(base + ".partial.hprof");
        sweep(dir, null);
        for (Path hit : new Path[] {whole, partial}) {
            if (Files.isRegularFile(hit) && Files.isRegularFile(note(hit))) {
                touch(hit); // least recently used goes first
                return new Inflated(hit, hit == whole);
            }
        }
        long limit = inflateLimit(dir);
        long total = Files.size(gz);
        progress.phase("Inflating " + gz.getFileName(), total, Progress.Unit.BYTES);
        Path tmp = Files.createTempFile(dir, base, ".tmp");
        boolean complete = true;
        try {
            long[] read = {0};
            long written = 0;
            try (InputStream raw = new FilterInputStream(Files.newInputStream(gz)) {
                @Override
                public int read(byte[] b, int off, int len) throws IOException {
                    int k = super.read(b, off, len);
                    if (k > 0) {
                        read[0] += k;
                    }
                    return k;
                }
            }; OutputStream out = Files.newOutputStream(tmp)) {
                byte[] buf = new byte[1 << 20];
                try (InputStream in = new GZIPInputStream(raw, 1 << 16)) {
                    int k;
                    while ((k = in.readNBytes(buf, 0, written == 0 ? HEAD : buf.length)) > 0) {
                        if (written + k > limit) {
                            throw new NotEnoughResourcesException(gz, NotEnoughResourcesException.Resource.DISK, written + k, limit,
                                    "its inflated copy would not fit the space Inquest may use in " + dir
                                            + " (inflating stopped at " + Units.bytes(written) + ")",
                                    "free space there, or set another cache folder with -Dinquest.cache=DIR");
                        }
                        write(gz, dir, out, buf, k);
                        written += k;
                        if (written == k && !isHprofStart(buf, k)) {
                            // Not a heap dump (a gzip bomb of zeros, a recording): the head says so
                            // without inflating the rest, and the header check names it.
                            complete = false;
                            break;
                        }
                        progress.progress(read[0]);
                        progress.checkCancelled();
                    }
                } catch (java.io.EOFException | java.util.zip.ZipException e) {
                    // The stream is cut or damaged: what inflated so far is still a dump prefix.
                    complete = false;
                }
            }
            Path target = complete ? whole : partial;
            Files.writeString(note(target), gz.toRealPath().toString(), StandardCharsets.UTF_8);
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
            sweep(dir, target); // the new copy counts against the total, and is never the one dropped
            return new Inflated(target, complete);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    private static boolean isHprofStart(byte[] b, int n) {
        return n == HEAD && new String(b, 0, HEAD, StandardCharsets.ISO_8859_1).equals("JAVA PROFILE ");
    }

    private static void write(Path gz, Path dir, OutputStream out, byte[] buf, int k) throws IOException {
        try {
            out.write(buf, 0, k);
        } catch (IOException e) {
            throw new IOException(gz + ": could not write its inflated copy in " + dir + ": " + e.getMessage(), e);
        }
    }

    private static Path note(Path copy) {
        return copy.resolveSibling(copy.getFileName() + SOURCE);
    }

    private static void touch(Path p) {
        try {
            Files.setLastModifiedTime(p, FileTime.from(Instant.now()));
        } catch (IOException e) {
            // Only the eviction order suffers.
        }
    }

    /** Most bytes one inflate may write in {@code dir}: the configured limit, or the free space less a reserve. */
    static long inflateLimit(Path dir) throws IOException {
        long configured = Long.getLong(INFLATE_LIMIT, -1);
        var store = Files.getFileStore(dir);
        long free = store.getUsableSpace();
        // Leave the rest of the machine room to work: 1 GiB, or 5 % of a small volume.
        long reserve = Math.min(1L << 30, store.getTotalSpace() / 20);
        long room = Math.max(0, free - reserve);
        return configured >= 0 ? Math.min(configured, room) : room;
    }

    static long maxBytes() {
        return Long.getLong(MAX_BYTES, 16L << 30);
    }

    static Duration maxAge() {
        return Duration.ofDays(Long.getLong(MAX_DAYS, 14));
    }

    /**
     * Drops copies whose source is gone or changed (their key no longer matches), copies unused
     * for longer than {@link #maxAge()}, dead temporary files, then the least recently used
     * copies while the total is over {@link #maxBytes()}; never {@code keep}. A copy another
     * open still maps stays readable on POSIX systems; where deleting fails it is left.
     */
    static void sweep(Path dir, Path keep) {
        record Copy(Path file, long size, Instant used) {
        }
        List<Copy> copies = new ArrayList<>();
        Instant now = Instant.now();
        try (DirectoryStream<Path> all = Files.newDirectoryStream(dir)) {
            for (Path p : all) {
                String name = p.getFileName().toString();
                try {
                    if (name.endsWith(".tmp")) {
                        if (Files.getLastModifiedTime(p).toInstant().isBefore(now.minus(DEAD_TMP))) {
                            Files.deleteIfExists(p);
                        }
                        continue;
                    }
                    if (name.endsWith(SOURCE)) {
                        Path copy = p.resolveSibling(name.substring(0, name.length() - SOURCE.length()));
                        if (!Files.exists(copy)) {
                            Files.deleteIfExists(p); // a note whose copy went
                        }
                        continue;
                    }
                    if (!COPY.matcher(name).matches() || p.equals(keep)) {
                        continue;
                    }
                    Instant used = Files.getLastModifiedTime(p).toInstant();
                    if (stale(p) || used.isBefore(now.minus(maxAge()))) {
                        delete(p);
                        continue;
                    }
                    copies.add(new Copy(p, Files.size(p), used));
                } catch (IOException e) {
                    // Another process swept it first, or it is not ours to read: leave it.
                }
            }
        } catch (IOException e) {
            return;
        }
        long total = 0;
        if (keep != null) {
            try {
                total = Files.size(keep);
            } catch (IOException e) {
                // Counted as nothing.
            }
        }
        for (Copy c : copies) {
            total += c.size();
        }
        copies.sort(Comparator.comparing(Copy::used));
        for (int i = 0; i < copies.size() && total > maxBytes(); i++) {
            delete(copies.get(i).file());
            total -= copies.get(i).size();
        }
    }

    /** Whether the copy's source is gone or changed since (copies from before the notes have none: they age out). */
    private static boolean stale(Path copy) throws IOException {
        Path note = note(copy);
        if (!Files.isRegularFile(note)) {
            return false;
        }
        Path source = Path.of(Files.readString(note, StandardCharsets.UTF_8).strip());
        if (!Files.isRegularFile(source)) {
            return true;
        }
        String name = copy.getFileName().toString();
        int dash = name.lastIndexOf('-');
        return !name.startsWith(key(source), dash + 1);
    }

    private static void delete(Path copy) {
        try {
            Files.deleteIfExists(copy);
            Files.deleteIfExists(note(copy));
        } catch (IOException e) {
            // Mapped elsewhere on a system that refuses: the next sweep tries again.
        }
    }
}
