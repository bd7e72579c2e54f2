package dev.inquest.jfr.load;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where inflated recordings and chunk slices go: {@code -Dinquest.cache}, else the user cache
 * directory. Not the system temp dir, which is often a small tmpfs while recordings are big.
 */
public final class CacheDir {
    private CacheDir() {
    }

    public static Path get() throws IOException {
        String configured = System.getProperty("inquest.cache");
        Path dir;
        if (configured != null && !configured.isBlank()) {
            dir = Path.of(configured);
        } else {
            String xdg = System.getenv("XDG_CACHE_HOME");
            Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache");
            dir = base.resolve("inquest");
        }
        return Files.createDirectories(dir);
    }
}
