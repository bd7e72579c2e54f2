package dev.inquest.input;

import dev.inquest.format.Units;
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
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;

/**
 * A plain gzip stream has no member index, so random access needs the inflated bytes
 * somewhere: both engines (a {@code .hprof.gz} dump, a {@code .jfr.gz} recording) inflate once
 * into the user cache directory (keyed by path, size and time) and read that file, so reopening
 * the same {@code .gz} skips the inflate. The one cache folder and the one policy for both.
 *
 * <p>The copies are big, so the cache keeps itself small: each copy has a {@code .source} note
 * naming its {@code .gz}, and every inflate first drops copies whose source is gone or changed,
 * copies unused for {@link #maxAge()}, then the least recently used ones beyond
 * {@link #maxBytes()}. The engines' other files kept there (a chunked gzip's member index
 * {@code .gzindex}, a heap index {@code .inquest-index} for a dump in a read-only folder) carry
 * the same note ({@link #noteSource}) and go the same way. An inflate writes only to a temporary
 * file that is deleted unless it completes; it stops (leaving nothing) as soon as the bytes do
 * not start as the format does, or would not fit the disk space it may use ({@link #inflateLimit}).
 * A copy an open in this process still reads ({@link #hold}) is never swept.
 */
public final class GzipCache {
    private GzipCache() {
    }

    /** Total bytes of inflated copies kept between inflates: {@code -Dinquest.cache.gzipMaxBytes}, default 16 GiB. */
    public static final String MAX_BYTES = "inquest.cache.gzipMaxBytes";
    /** Days a copy is kept unused: {@code -Dinquest.cache.gzipMaxDays}, default 14. */
    public static final String MAX_DAYS = "inquest.cache.gzipMaxDays";
    /** Most bytes one inflate may write: {@code -Dinquest.cache.inflateLimit}, default the free space less a reserve. */
    public static final String INFLATE_LIMIT = "inquest.cache.inflateLimit";

    /**
     * Files of ours: inflated copies {@code NAME-KEY.hprof}, {@code NAME-KEY.partial.jfr} (KEY 16
     * hex digits of {@link #key}), member indexes {@code NAME-KEY.gzindex}, and heap indexes
     * {@code NAME-HASH.inquest-index} (HASH up to 8 hex digits of the path alone). The chunk
     * slices a recording writes ({@code chunk-*.jfr}, {@code group-*.jfr}) are not among them.
     */
    private static final Pattern OURS = Pattern.compile(
            ".*-(?:[0-9a-f]{16}(?:\\.partial)?\\.(?:hprof|jfr)|[0-9a-f]{16}\\.gzindex|[0-9a-f]{1,8}\\.inquest-index)");
    /** A slice untouched this long belongs to a read that died. */
    private static final Duration DEAD_SLICE = Duration.ofDays(1);
    /** A recording's chunk slices, and the inflated temporary copies older builds made per open. */
    private static final Pattern SLICES = Pattern.compile("(?:chunk|group|inflated)-[0-9]+\\.jfr");
    private static final String SOURCE = ".source";
    /** A temporary file untouched this long belongs to an inflate that died (killed, power cut). */
    private static final Duration DEAD_TMP = Duration.ofHours(1);
    /** Bytes inflated before the magic is checked: enough for the engines' header checks to name what they see. */
    private static final int HEAD = 64;
    /** Copies opens in this process read by path (a recording reopens its copy for each read): never swept. */
    private static final Map<Path, Integer> HELD = new ConcurrentHashMap<>();

    /**
     * What is inflated: the copy's extension, the bytes it must start with, and the failure for a
     * copy that would not fit the disk (each engine names it its own way).
     *
     * @param damagedIsCut whether a damaged deflate stream keeps its inflated prefix (read as a
     *                     cut file) rather than being refused as corrupt gzip data
     */
    public record Format(String extension, byte[] magic, boolean damagedIsCut, DiskFull diskFull) {
    }

    /** The failure for an inflate stopped at {@code available} bytes of the {@code needed}. */
    @FunctionalInterface
    public interface DiskFull {
        IOException of(Path gz, long needed, long available, String what, String advice);
    }

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

    /** 16 hex digits naming {@code file} as it is now (real path, size, time). */
    public static String key(Path file) throws IOException {
        String id = file.toRealPath() + "|" + Files.size(file) + "|" + Files.getLastModifiedTime(file).toMillis();
        try {
            byte[] h = java.security.MessageDigest.getInstance("SHA-256").digest(id.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(h, 0, 8);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The inflated copy of {@code gz}: the cached one, else a new one.
     *
     * @throws BadInputException for corrupt gzip data when the format does not read it as cut
     */
    public static Inflated inflate(Path gz, Format format, Progress progress) throws IOException {
        FileProblems.requireRegularFile(gz); // a FIFO would block the open below
        Path dir = cacheDir();
        String key = key(gz);
        String base = gz.getFileName().toString().replaceAll("\\.gz$", "") + "-" + key;
        Path whole = dir.resolve(base + format.extension());
        Path partial = dir.resolve(base + ".partial" + format.extension());
        int magic = format.magic().length;
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
                            throw format.diskFull().of(gz, written + k, limit,
                                    "its inflated copy would not fit the space Inquest may use in " + dir
                                            + " (inflating stopped at " + Units.bytes(written) + ")",
                                    "free space there, or set another cache folder with -Dinquest.cache=DIR");
                        }
                        write(gz, dir, out, buf, k);
                        written += k;
                        if (written == k && (k < magic || !java.util.Arrays.equals(buf, 0, magic, format.magic(), 0, magic))) {
                            // Not this format (a gzip bomb of zeros, the other engine's file): the head
                            // says so without inflating the rest, and the engine's header check names it.
                            complete = false;
                            break;
                        }
                        progress.progress(read[0]);
                        progress.checkCancelled();
                    }
                } catch (java.io.EOFException e) {
                    // The stream is cut: what inflated so far is still a prefix of the file.
                    complete = false;
                } catch (java.util.zip.ZipException e) {
                    if (!format.damagedIsCut()) {
                        throw new BadInputException(gz, "corrupt gzip data (" + e.getMessage() + ")", read[0]);
                    }
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

    /**
     * Marks {@code copy} as read by an open in this process until {@link #release}: a sweep (from
     * another open) leaves it. Opens that map their copy once need not hold it.
     */
    public static void hold(Path copy) {
        HELD.merge(copy.toAbsolutePath().normalize(), 1, Integer::sum);
    }

    /** Ends one {@link #hold}. */
    public static void release(Path copy) {
        HELD.computeIfPresent(copy.toAbsolutePath().normalize(), (k, n) -> n == 1 ? null : n - 1);
    }

    /**
     * Writes the note that names {@code source} as what the cache file {@code ours} was made from,
     * so the sweep drops it when the source goes (and it ages out and counts like a copy).
     */
    public static void noteSource(Path ours, Path source) throws IOException {
        Files.writeString(note(ours), source.toRealPath().toString(), StandardCharsets.UTF_8);
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
    public static long inflateLimit(Path dir) throws IOException {
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
     * Drops copies (and indexes) whose source is gone or changed (their key no longer matches),
     * those unused for longer than {@link #maxAge()}, dead temporary files and recording slices
     * ({@code chunk-*.jfr}, {@code group-*.jfr}) a killed read left, then the least
     * recently used while the total is over {@link #maxBytes()}; never {@code keep} nor one
     * {@linkplain #hold held} in this process. A copy another
     * open still maps stays readable on POSIX systems; where deleting fails it is left.
     */
    public static void sweep(Path dir, Path keep) {
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
                    if (SLICES.matcher(name).matches()) {
                        // A read writes its slices, parses and deletes them within minutes; one
                        // untouched for a day was left by a killed process.
                        if (Files.getLastModifiedTime(p).toInstant().isBefore(now.minus(DEAD_SLICE))) {
                            Files.deleteIfExists(p);
                        }
                        continue;
                    }
                    if (!OURS.matcher(name).matches() || p.equals(keep)
                            || HELD.containsKey(p.toAbsolutePath().normalize())) {
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

    /**
     * Whether the copy's source is gone or changed since (files from before the notes have none:
     * they age out). A heap index is keyed by its dump's path alone and checks its own stamp.
     */
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
        if (name.endsWith(".inquest-index")) {
            return false;
        }
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
