package dev.inquest.capture;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;

/**
 * The settings a recording runs with: Inquest's memory settings (allocation sampling, old-object
 * samples with paths to GC roots, GC and heap events, native memory where the JVM tracks it), the
 * JDK's {@code default} or {@code profile}, or a {@code .jfc} file of the user's.
 */
public sealed interface RecordingSettings {

    /** The words a user types for it ({@code memory}, {@code profile}, the file's path). */
    String name();

    /** The value of jcmd's {@code settings=} for it. */
    String jcmdValue();

    /** Inquest's memory-investigation settings, shipped as {@code dev/inquest/capture/memory.jfc}. */
    record Memory() implements RecordingSettings {
        /** The resource's name, and the settings file's name in the jcmd command. */
        public static final String FILE = "inquest-memory.jfc";

        @Override
        public String name() {
            return "memory";
        }

        @Override
        public String jcmdValue() {
            return FILE;
        }

        /** The settings file's text. */
        public static String text() {
            try (InputStream in = RecordingSettings.class.getResourceAsStream(FILE)) {
                if (in == null) {
                    throw new IllegalStateException("the memory settings " + FILE + " are missing from the application");
                }
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** One of the target JDK's own configurations: {@code default} or {@code profile}. */
    record Predefined(String name) implements RecordingSettings {
        @Override
        public String jcmdValue() {
            return name;
        }
    }

    /** A {@code .jfc} file on this machine, sent to the JVM as text (so it works for a remote JVM too). */
    record JfcFile(Path file) implements RecordingSettings {
        @Override
        public String name() {
            return file.toString();
        }

        @Override
        public String jcmdValue() {
            return file.toAbsolutePath().toString();
        }
    }

    RecordingSettings MEMORY = new Memory();

    /**
     * {@code memory}, {@code default}, {@code profile} (any case) or the path of a {@code .jfc} file.
     *
     * @throws IllegalArgumentException naming the choices when it is none of them
     */
    static RecordingSettings parse(String words) {
        String w = words == null ? "" : words.strip();
        switch (w.toLowerCase(Locale.ROOT)) {
            case "memory":
                return MEMORY;
            case "default", "profile":
                return new Predefined(w.toLowerCase(Locale.ROOT));
            default:
                if (w.toLowerCase(Locale.ROOT).endsWith(".jfc")) {
                    return new JfcFile(Path.of(w));
                }
                throw new IllegalArgumentException("settings are memory, default, profile or a .jfc file, not '" + w + "'");
        }
    }
}
