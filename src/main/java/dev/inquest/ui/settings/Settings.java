package dev.inquest.ui.settings;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/**
 * The window's remembered choices (theme, font size, recent files) in one properties file under
 * the user's config folder. Written atomically so a crash never leaves it half-written; a
 * broken file is ignored rather than stopping the app from starting.
 *
 * <p>{@code -Dinquest.home=DIR} moves the folder, which keeps tests away from the user's own.
 */
public final class Settings {
    private static final int MAX_RECENT = 10;

    private final Path file;
    private final Properties props = new Properties();

    public Settings(Path file) {
        this.file = file;
        if (Files.isRegularFile(file)) {
            try (InputStream in = Files.newInputStream(file)) {
                props.load(in);
            } catch (IOException | IllegalArgumentException e) {
                props.clear();
            }
        }
    }

    /** The folder the settings live in; other remembered state (case layouts) sits beside them. */
    public Path folder() {
        return file.toAbsolutePath().getParent();
    }

    public static Path defaultHome() {
        String override = System.getProperty("inquest.home");
        if (override != null) {
            return Path.of(override);
        }
        String xdg = System.getenv("XDG_CONFIG_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".config");
        return base.resolve("inquest");
    }

    public static Settings loadDefault() {
        return new Settings(defaultHome().resolve("settings.properties"));
    }

    public String get(String key, String fallback) {
        return props.getProperty(key, fallback);
    }

    public boolean getBoolean(String key, boolean fallback) {
        String v = props.getProperty(key);
        return v == null ? fallback : Boolean.parseBoolean(v);
    }

    public double getDouble(String key, double fallback) {
        try {
            String v = props.getProperty(key);
            return v == null ? fallback : Double.parseDouble(v);
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    public void put(String key, String value) {
        props.setProperty(key, value);
        save();
    }

    /** Most recent first, only files that still exist. */
    public List<Path> recentFiles() {
        List<Path> out = new ArrayList<>();
        for (int i = 0; i < MAX_RECENT; i++) {
            String v = props.getProperty("recent." + i);
            if (v != null && Files.exists(Path.of(v))) {
                out.add(Path.of(v));
            }
        }
        return out;
    }

    public void addRecentFile(Path path) {
        Path abs = path.toAbsolutePath().normalize();
        List<Path> list = new ArrayList<>(recentFiles());
        list.remove(abs);
        list.addFirst(abs);
        for (int i = 0; i < MAX_RECENT; i++) {
            if (i < list.size()) {
                props.setProperty("recent." + i, list.get(i).toString());
            } else {
                props.remove("recent." + i);
            }
        }
        save();
    }

    private void save() {
        try {
            Files.createDirectories(file.getParent());
            Path tmp = Files.createTempFile(file.getParent(), ".settings", ".tmp");
            try (OutputStream out = Files.newOutputStream(tmp)) {
                props.store(out, "Inquest settings");
            }
            try {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            // Settings are a convenience: failing to remember a theme must not interrupt an investigation.
            System.getLogger("inquest").log(System.Logger.Level.WARNING, "cannot save settings to " + file + ": " + e);
        }
    }
}
