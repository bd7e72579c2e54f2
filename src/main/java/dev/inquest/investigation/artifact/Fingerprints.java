package dev.inquest.investigation.artifact;

import dev.inquest.investigation.model.Fingerprint;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Fingerprints artifact files.
 *
 * <p>Why only the first 64 KiB: dumps are tens of gigabytes, and hashing them whole would make
 * opening a case take minutes. The head is enough to tell files apart: an HPROF head holds the
 * dump timestamp and the first records, a JFR head the chunk header with its start time, so two
 * different dumps of one process differ there. Size catches truncation and appends (a dump
 * still being written). The time is kept for the message only, since copies change it.
 */
public final class Fingerprints {
    public static final int HEAD_BYTES = 64 * 1024;

    private Fingerprints() {
    }

    public static Fingerprint of(Path file) throws IOException {
        BasicFileAttributes attrs = Files.readAttributes(file, BasicFileAttributes.class);
        byte[] head;
        try (InputStream in = Files.newInputStream(file)) {
            head = in.readNBytes(HEAD_BYTES);
        }
        return new Fingerprint(attrs.size(), attrs.lastModifiedTime().toInstant(), head.length, sha256(head));
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Same file content as far as the fingerprint can tell (time ignored: copies change it). */
    public static boolean sameContent(Fingerprint a, Fingerprint b) {
        return a != null && b != null && a.size() == b.size() && a.headBytes() == b.headBytes()
                && a.headSha256().equals(b.headSha256());
    }
}
