package dev.inquest.input;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

/**
 * What a file is, decided from its first bytes rather than its name: users rename dumps, and
 * a container's crash handler writes {@code core.12345.bin} as readily as {@code heap.hprof}.
 */
public enum FileKind {
    HEAP_DUMP("heap dump"),
    RECORDING("flight recording"),
    CASE("investigation case"),
    UNKNOWN("unknown file");

    private final String label;

    FileKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    private static final int PROBE = 512;

    /**
     * Detects the kind from content, looking through one layer of gzip.
     *
     * @throws BadInputException for a directory, a FIFO, a device: not a file to look into
     */
    public static FileKind detect(Path file) throws IOException {
        // Never open a FIFO (it blocks until someone writes) or a directory to probe it.
        FileProblems.requireRegularFile(file);
        byte[] head = readHead(file);
        if (isGzip(head)) {
            try (InputStream in = new GZIPInputStream(Files.newInputStream(file), 8192)) {
                head = in.readNBytes(PROBE);
            } catch (IOException e) {
                return UNKNOWN;
            }
        }
        return detect(head);
    }

    static FileKind detect(byte[] head) {
        String ascii = new String(head, 0, Math.min(head.length, 64), StandardCharsets.ISO_8859_1);
        if (ascii.startsWith("JAVA PROFILE ")) {
            return HEAP_DUMP;
        }
        if (ascii.startsWith("FLR\0")) {
            return RECORDING;
        }
        String text = new String(head, StandardCharsets.UTF_8).stripLeading();
        if (text.startsWith("{") && text.contains("\"formatVersion\"")) {
            return CASE;
        }
        return UNKNOWN;
    }

    public static boolean isGzip(byte[] head) {
        return head.length >= 2 && (head[0] & 0xff) == 0x1f && (head[1] & 0xff) == 0x8b;
    }

    private static byte[] readHead(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return in.readNBytes(PROBE);
        }
    }
}
