package dev.inquest.heap.hprof;

import dev.inquest.progress.Progress;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HexFormat;
import java.util.zip.GZIPInputStream;

/**
 * A plain gzip stream has no member index, so random access needs the inflated bytes
 * somewhere: we inflate once into the user cache directory (keyed by path, size and time) and
 * map that file, so reopening the same {@code .gz} skips the inflate.
 */
public final class GzipCache {
    private GzipCache() {
    }

    /** The inflated copy, and whether the gzip stream ended early (then the copy is the readable prefix). */
    public record Inflated(Path file, boolean complete) {
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
            byte[] h = java.security.MessageDigest.getInstance("SHA-256").digest(id.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(h, 0, 8);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public static Inflated inflate(Path gz, Progress progress) throws IOException {
        Path dir = cacheDir();
        String base = gz.getFileName().toString().replaceAll("\\.gz$", "") + "-" + key(gz);
        Path whole = dir.resolve(base + ".hprof");
        Path partial = dir.resolve(base + ".partial.hprof");
        if (Files.isRegularFile(whole)) {
            return new Inflated(whole, true);
        }
        if (Files.isRegularFile(partial)) {
            return new Inflated(partial, false);
        }
        long total = Files.size(gz);
        progress.phase("Inflating " + gz.getFileName(), total, Progress.Unit.BYTES);
        Path tmp = Files.createTempFile(dir, base, ".tmp");
        boolean complete = true;
        try {
            long[] read = {0};
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
                    while ((k = in.read(buf)) > 0) {
                        out.write(buf, 0, k);
                        progress.progress(read[0]);
                        progress.checkCancelled();
                    }
                } catch (java.io.EOFException | java.util.zip.ZipException e) {
                    // The stream is cut or damaged: what inflated so far is still a dump prefix.
                    complete = false;
                }
            }
            Path target = complete ? whole : partial;
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
            return new Inflated(target, complete);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
