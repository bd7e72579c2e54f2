package dev.inquest.investigation.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * What the case file looked like on disk when we last read or wrote it. The hash is the real
 * test (mtime has one-second granularity on some file systems and copies keep sizes);
 * size and time are kept for the message.
 */
public record DiskStamp(long size, long modifiedMillis, String sha256) {

    /** The stamp of the file now, or null when it does not exist. */
    public static DiskStamp of(Path file) throws IOException {
        try {
            BasicFileAttributes attrs = Files.readAttributes(file, BasicFileAttributes.class);
            // Bounded and regular files only, as the case itself is read.
            byte[] bytes = CaseFile.readBytes(file);
            return new DiskStamp(bytes.length, attrs.lastModifiedTime().toMillis(), sha256(bytes));
        } catch (NoSuchFileException e) {
            return null;
        }
    }

    /** The stamp of bytes just read from the file (no second read, so no second version). */
    static DiskStamp of(Path file, byte[] bytes) throws IOException {
        BasicFileAttributes attrs = Files.readAttributes(file, BasicFileAttributes.class);
        return new DiskStamp(bytes.length, attrs.lastModifiedTime().toMillis(), sha256(bytes));
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Same content; the time alone may differ (a touch is not a conflicting edit). */
    public boolean sameContent(DiskStamp other) {
        return other != null && size == other.size && sha256.equals(other.sha256);
    }
}
