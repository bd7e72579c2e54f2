package dev.inquest.jfr.load;

import dev.inquest.jfr.summary.ChunkDamage;
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

    /**
     * The complete chunks and, when the file is cut short, what is missing.
     *
     * @param chunks  the complete chunks whose headers can be trusted
     * @param damaged complete chunks skipped because their header points outside them
     */
    public record Layout(List<ChunkHeader> chunks, Truncation truncation, long fileSize, List<ChunkDamage> damaged) {
    }

    /** @param displayName the file name used in messages (the user's file, not a temp copy) */
    public static Layout scan(Path file, Path displayName) throws IOException {
        try (FileChannel ch = FileChannel.open(file)) {
            long size = ch.size();
            List<ChunkHeader> chunks = new ArrayList<>();
            List<ChunkDamage> damaged = new ArrayList<>();
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
                    truncation = new Truncation(offset, "unreadable data after chunk " + (chunks.size() + damaged.size())
                            + " (no chunk magic): " + (size - offset) + " bytes skipped");
                    break;
                }
                if (n >= 8) {
                    checkSupportedVersion(ch, buf, offset, displayName);
                }
                if (n < ChunkHeader.SIZE) {
                    truncation = new Truncation(offset, "chunk " + (chunks.size() + damaged.size() + 1)
                            + " is cut short inside its header (" + n + " of " + ChunkHeader.SIZE + " bytes)");
                    break;
                }
                ChunkHeader h = header(buf, offset);
                long remaining = size - offset;
                // A metadata offset past the chunk's end in a complete chunk is damage (checkHeader), not a cut.
                if (h.size() < ChunkHeader.SIZE || h.size() > remaining || h.metadataOffset() <= 0
                        || buf.get(64) == UPDATING_CHUNK_HEADER) {
                    String declared = h.size() < ChunkHeader.SIZE || h.metadataOffset() <= 0
                            ? "was never finished (no final size or metadata)"
                            : "declares " + h.size() + " bytes but only " + remaining + " are present";
                    truncation = new Truncation(offset, "chunk " + (chunks.size() + damaged.size() + 1) + " " + declared);
                    break;
                }
                ChunkDamage damage = checkHeader(ch, h, chunks.size() + damaged.size() + 1);
                if (damage == null) {
                    chunks.add(h);
                } else {
                    damaged.add(damage);
                }
                offset += h.size();
            }
            if (chunks.isEmpty() && !damaged.isEmpty()) {
                ChunkDamage d = damaged.getFirst();
                throw new BadInputException(displayName, "no readable chunk: chunk " + d.chunk() + " is damaged, "
                        + d.problem(), d.offset());
            }
            if (chunks.isEmpty()) {
                String why = truncation == null ? "empty file" : "no complete chunk: " + truncation.missingReason();
                throw new BadInputException(displayName, "recording cut short, " + why, truncation == null ? 0 : truncation.offset());
            }
            return new Layout(List.copyOf(chunks), truncation, size, List.copyOf(damaged));
        }
    }

    /**
     * Whether a complete chunk's header can be trusted: its constant-pool and metadata offsets must
     * point inside the chunk at a record of the right kind. A header that does not is not read
     * (the JDK parser would read no stacks, or stop early, and say nothing).
     */
    private static ChunkDamage checkHeader(FileChannel ch, ChunkHeader h, int number) throws IOException {
        String pool = checkRecordAt(ch, h, h.constantPoolOffset(), 1, "constant-pool");
        if (pool != null) {
            return new ChunkDamage(number, h.offset() + 16, pool);
        }
        String meta = checkRecordAt(ch, h, h.metadataOffset(), 0, "metadata");
        return meta == null ? null : new ChunkDamage(number, h.offset() + 24, meta);
    }

    /** Null when {@code position} starts a record of {@code type} that ends inside the chunk, else the problem. */
    private static String checkRecordAt(FileChannel ch, ChunkHeader h, long position, int type, String what)
            throws IOException {
        if (position < ChunkHeader.SIZE || position >= h.size()) {
            return "the header's " + what + " offset " + position + " is outside the chunk (" + ChunkHeader.SIZE
                   + " to " + h.size() + ")";
        }
        if ((h.flags() & 1) == 0) {
            return null; // Fixed-width integers (JDK 9/10): record headers not checked here.
        }
        ByteBuffer b = ByteBuffer.allocate(18);
        int n = readFully(ch, b, h.offset() + position);
        int[] c = {0};
        long size = varLong(b, n, c);
        long recordType = varLong(b, n, c);
        if (size < 0 || recordType < 0 || size <= c[0] || position + size > h.size() || recordType != type) {
            return "the header's " + what + " offset " + position + " does not point at a " + what + " record";
        }
        return null;
    }

    /** A compressed long read from the first {@code n} bytes of {@code b}, or -1 when it does not fit. */
    private static long varLong(ByteBuffer b, int n, int[] c) {
        long v = 0;
        for (int i = 0; i < 9; i++) {
            if (c[0] >= n) {
                return -1;
            }
            int x = b.get(c[0]++);
            if (i == 8) {
                return v | (long) (x & 0xff) << 56;
            }
            v |= (long) (x & 0x7f) << (7 * i);
            if (x >= 0) {
                return v;
            }
        }
        return v;
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
