package dev.inquest.jfr.load;

import dev.inquest.jfr.summary.Truncation;
import dev.inquest.input.BadInputException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Walks the chunk headers of an uncompressed recording without parsing events: which chunks are
 * complete, where a cut-short recording stops being readable, and whether the format is one the
 * JDK's parser can read at all (it cannot read JDK 7/8 or JRockit recordings, and its own error
 * for them does not say so).
 */
public final class ChunkScanner {
    private static final byte UPDATING_CHUNK_HEADER = (byte) 255;
    private static final int FORMAT_PROBE = 1 << 20;

    private ChunkScanner() {
    }

    /** The complete chunks and, when the file is cut short, what is missing. */
    public record Layout(List<ChunkHeader> chunks, Truncation truncation, long fileSize) {
    }

    /** @param displayName the file name used in messages (the user's file, not a temp copy) */
    public static Layout scan(Path file, Path displayName) throws IOException {
        try (FileChannel ch = FileChannel.open(file)) {
            long size = ch.size();
            List<ChunkHeader> chunks = new ArrayList<>();
            Truncation truncation = null;
            long offset = 0;
            ByteBuffer buf = ByteBuffer.allocate(ChunkHeader.SIZE);
            while (offset < size) {
                buf.clear();
                int n = readFully(ch, buf, offset);
                if (n >= 8 && !hasMagic(buf)) {
                    if (offset == 0) {
                        throw new BadInputException(displayName, "not a flight recording (no 'FLR' chunk magic)", 0);
                    }
                    truncation = new Truncation(offset, "unreadable data after chunk " + chunks.size()
                            + " (no chunk magic): " + (size - offset) + " bytes skipped");
                    break;
                }
                if (n >= 8) {
                    checkSupportedVersion(ch, buf, offset, displayName);
                }
                if (n < ChunkHeader.SIZE) {
                    truncation = new Truncation(offset, "chunk " + (chunks.size() + 1)
                            + " is cut short inside its header (" + n + " of " + ChunkHeader.SIZE + " bytes)");
                    break;
                }
                ChunkHeader h = header(buf, offset);
                long remaining = size - offset;
                if (h.size() < ChunkHeader.SIZE || h.size() > remaining || h.metadataOffset() <= 0
                        || h.metadataOffset() >= h.size() || buf.get(64) == UPDATING_CHUNK_HEADER) {
                    String declared = h.size() < ChunkHeader.SIZE || h.metadataOffset() <= 0
                            ? "was never finished (no final size or metadata)"
                            : "declares " + h.size() + " bytes but only " + remaining + " are present";
                    truncation = new Truncation(offset, "chunk " + (chunks.size() + 1) + " " + declared);
                    break;
                }
                chunks.add(h);
                offset += h.size();
            }
            if (chunks.isEmpty()) {
                String why = truncation == null ? "empty file" : "no complete chunk: " + truncation.missingReason();
                throw new BadInputException(displayName, "recording cut short, " + why, truncation == null ? 0 : truncation.offset());
            }
            return new Layout(List.copyOf(chunks), truncation, size);
        }
    }

    private static boolean hasMagic(ByteBuffer b) {
        return b.get(0) == 'F' && b.get(1) == 'L' && b.get(2) == 'R' && b.get(3) == 0;
    }

    private static void checkSupportedVersion(FileChannel ch, ByteBuffer b, long offset, Path name) throws IOException {
        int major = Short.toUnsignedInt(b.getShort(4));
        int minor = Short.toUnsignedInt(b.getShort(6));
        if (major == 1 || major == 2) {
            return;
        }
        String format;
        if (major == 0 && minor == 9) {
            // JRockit R28 and Oracle JDK 7/8 share version 0.9; only the JVM's own strings tell them apart.
            format = mentionsJRockitVm(ch, offset)
                    ? "Oracle JRockit R28 recording (JFR format 0.9) is not supported: only recordings from JDK 11 and later"
                      + " (format 1.x/2.x) can be read; open it with JRockit Mission Control"
                    : "Oracle JDK 7/8 recording (JFR format 0.9) is not supported: only recordings from JDK 11 and later"
                      + " (format 1.x/2.x) can be read; open it with JDK Mission Control, or record again on JDK 11+";
        } else {
            format = "unknown JFR format version " + major + "." + minor
                     + " (only format 1.x/2.x, JDK 11 and later, can be read)";
        }
        throw new BadInputException(name, format, offset + 4);
    }

    private static boolean mentionsJRockitVm(FileChannel ch, long offset) throws IOException {
        ByteBuffer probe = ByteBuffer.allocate((int) Math.min(FORMAT_PROBE, ch.size() - offset));
        readFully(ch, probe, offset);
        String text = new String(probe.array(), 0, probe.position(), StandardCharsets.ISO_8859_1);
        return text.contains("JRockit(R)") || text.contains("Oracle JRockit JVM");
    }

    private static ChunkHeader header(ByteBuffer b, long offset) {
        return new ChunkHeader(offset, Short.toUnsignedInt(b.getShort(4)), Short.toUnsignedInt(b.getShort(6)),
                b.getLong(8), b.getLong(16), b.getLong(24), b.getLong(32), b.getLong(40), b.getLong(48),
                b.getLong(56), b.getInt(64));
    }

    private static int readFully(FileChannel ch, ByteBuffer buf, long pos) throws IOException {
        int total = 0;
        while (buf.hasRemaining()) {
            int n = ch.read(buf, pos + total);
            if (n < 0) {
                break;
            }
            total += n;
        }
        return total;
    }
}
