package dev.inquest.jfr.load;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * Writes a copy of one chunk that holds only the events a view needs, plus the chunk's metadata
 * and constant pools, so the JDK's parser never sees the rest.
 *
 * <p>Why: the JDK parser costs about 100 ns per event it skips, and an allocation-profiling
 * recording holds tens of millions of TLAB events next to the hundred thousand allocation samples
 * a flame graph needs. Walking the raw records (size and type id, both LEB128) is several times
 * cheaper. Constant-pool records point at each other with relative offsets ("delta"), so they are
 * re-encoded with the new offsets (a fixed-width 9-byte varint, which every JFR reader accepts),
 * and the chunk header gets the new size and pool/metadata positions.
 *
 * <p>Only for chunks that use compressed integers (every JDK 11+ and async-profiler recording);
 * {@link #filter} returns null for anything it does not understand and the caller parses the
 * original chunk instead.
 */
public final class ChunkFilter {
    private static final int METADATA = 0;
    private static final int CONSTANT_POOL = 1;

    private ChunkFilter() {
    }

    /**
     * @param countsByName counts per event type name of all events in the chunk (kept or not)
     * @param keptEvents   how many events of the wanted types were kept
     */
    public record Result(Path file, Map<String, Long> countsByName, long keptEvents) {
    }

    /** Filters {@code chunk} of {@code file} to the events named in {@code keep}; null when not possible. */
    public static Result filter(Path file, ChunkHeader chunk, Set<String> keep, Path out) throws IOException {
        if ((chunk.flags() & 1) == 0 || chunk.size() > Integer.MAX_VALUE) {
            return null;
        }
        // A heap copy rather than a mapping: the scan loop below compiles to plain array loads.
        byte[] bytes = new byte[(int) chunk.size()];
        try (FileChannel ch = FileChannel.open(file)) {
            ByteBuffer dst = ByteBuffer.wrap(bytes);
            while (dst.hasRemaining()) {
                if (ch.read(dst, chunk.offset() + dst.position()) < 0) {
                    return null;
                }
            }
        }
        ByteBuffer buf = ByteBuffer.wrap(bytes);
        try {
            return filter(buf, bytes, (int) chunk.size(), keep, out);
        } catch (IndexOutOfBoundsException | IllegalStateException e) {
            // Malformed records: let the JDK parser read the original and report what it finds.
            return null;
        }
    }

    private static Result filter(ByteBuffer b, byte[] a, int size, Set<String> keep, Path out) throws IOException {
        long metaPos = b.getLong(24);
        Map<Long, String> names = typeNames(b, (int) metaPos);
        boolean[] keepId = new boolean[256];
        for (Map.Entry<Long, String> e : names.entrySet()) {
            if (keep.contains(e.getValue())) {
                long id = e.getKey();
                if (id >= keepId.length) {
                    keepId = Arrays.copyOf(keepId, (int) Math.min(Integer.MAX_VALUE - 8, Math.max(id + 1, keepId.length * 2L)));
                }
                keepId[(int) id] = true;
            }
        }
        long[] counts = new long[keepId.length];
        Map<Long, Long> otherCounts = new HashMap<>();
        // Pass 1: find kept records and their new positions.
        int[] recPos = new int[1024];
        int[] recLen = new int[1024];
        int[] newPos = new int[1024];
        int n = 0;
        int pos = ChunkHeader.SIZE;
        int written = ChunkHeader.SIZE;
        long kept = 0;
        int[] cursor = new int[1];
        while (pos < size) {
            long len;
            long type;
            int p = pos;
            int x = a[p++];
            if (x >= 0) {
                len = x;
            } else {
                cursor[0] = pos;
                len = readVarLong(b, cursor);
                p = cursor[0];
            }
            x = a[p];
            if (x >= 0) {
                type = x;
            } else {
                cursor[0] = p;
                type = readVarLong(b, cursor);
            }
            if (len <= 0 || pos + len > size) {
                throw new IllegalStateException("bad record at " + pos);
            }
            boolean isPool = type == METADATA || type == CONSTANT_POOL;
            boolean wanted = !isPool && type < keepId.length && keepId[(int) type];
            if (!isPool) {
                if (type < counts.length) {
                    counts[(int) type]++;
                } else {
                    otherCounts.merge(type, 1L, Long::sum);
                }
            }
            if (isPool || wanted) {
                if (n == recPos.length) {
                    recPos = Arrays.copyOf(recPos, n * 2);
                    recLen = Arrays.copyOf(recLen, n * 2);
                    newPos = Arrays.copyOf(newPos, n * 2);
                }
                recPos[n] = pos;
                recLen[n] = (int) len;
                newPos[n] = written;
                written += type == CONSTANT_POOL ? rewrittenPoolLength(b, pos, (int) len) : (int) len;
                n++;
                if (wanted) {
                    kept++;
                }
            }
            pos += (int) len;
        }
        // Pass 2: copy, re-encoding the pool records' size and delta.
        byte[] dst = new byte[written];
        b.get(0, dst, 0, ChunkHeader.SIZE);
        ByteBuffer d = ByteBuffer.wrap(dst);
        for (int i = 0; i < n; i++) {
            int p = recPos[i];
            cursor[0] = p;
            readVarLong(b, cursor);
            long type = readVarLong(b, cursor);
            if (type != CONSTANT_POOL) {
                b.get(p, dst, newPos[i], recLen[i]);
                continue;
            }
            int at = newPos[i];
            int newLen = rewrittenPoolLength(b, p, recLen[i]);
            at = writePadded(dst, at, newLen, 4);
            at = writeMinimal(dst, at, CONSTANT_POOL);
            int fieldsStart = cursor[0];
            readVarLong(b, cursor); // start time
            readVarLong(b, cursor); // duration
            int afterTimes = cursor[0];
            b.get(fieldsStart, dst, at, afterTimes - fieldsStart);
            at += afterTimes - fieldsStart;
            long delta = readVarLong(b, cursor);
            long newDelta = 0;
            if (delta != 0) {
                int target = Arrays.binarySearch(recPos, 0, n, (int) (p + delta));
                if (target < 0) {
                    throw new IllegalStateException("pool delta to an unknown record");
                }
                newDelta = newPos[target] - newPos[i];
            }
            at = writePadded(dst, at, newDelta, 9);
            int rest = p + recLen[i] - cursor[0];
            b.get(cursor[0], dst, at, rest);
        }
        d.putLong(8, written);
        d.putLong(16, mapPosition(b.getLong(16), recPos, newPos, n));
        d.putLong(24, mapPosition(metaPos, recPos, newPos, n));
        Files.write(out, dst);
        // Records of types the metadata does not declare are skipped by the JDK parser too (a
        // crash can leave one behind): they are not events.
        Map<String, Long> byName = new HashMap<>();
        for (int id = 0; id < counts.length; id++) {
            String name = names.get((long) id);
            if (counts[id] > 0 && name != null) {
                byName.merge(name, counts[id], Long::sum);
            }
        }
        otherCounts.forEach((id, c) -> {
            if (names.containsKey(id)) {
                byName.merge(names.get(id), c, Long::sum);
            }
        });
        return new Result(out, byName, kept);
    }

    private static long mapPosition(long old, int[] recPos, int[] newPos, int n) {
        if (old == 0) {
            return 0;
        }
        int i = Arrays.binarySearch(recPos, 0, n, (int) old);
        if (i < 0) {
            throw new IllegalStateException("header points between records");
        }
        return newPos[i];
    }

    /** Length of a constant-pool record once its size is padded to 4 bytes and its delta to 9. */
    private static int rewrittenPoolLength(ByteBuffer b, int pos, int len) {
        int[] c = {pos};
        readVarLong(b, c);
        int sizeBytes = c[0] - pos;
        readVarLong(b, c); // type
        readVarLong(b, c); // start
        readVarLong(b, c); // duration
        int before = c[0];
        readVarLong(b, c);
        int deltaBytes = c[0] - before;
        return len - sizeBytes - deltaBytes + 4 + 9;
    }

    /** JFR's compressed long: 7 bits per byte, little-endian groups, the 9th byte carries 8 bits. */
    static long readVarLong(ByteBuffer b, int[] cursor) {
        int p = cursor[0];
        long v = 0;
        for (int i = 0; i < 8; i++) {
            int x = b.get(p++);
            v |= (long) (x & 0x7f) << (7 * i);
            if (x >= 0) {
                cursor[0] = p;
                return v;
            }
        }
        v |= (long) (b.get(p++) & 0xff) << 56;
        cursor[0] = p;
        return v;
    }

    private static int writePadded(byte[] dst, int at, long v, int width) {
        for (int i = 0; i < width - 1; i++) {
            if (i == 8) {
                break;
            }
            dst[at++] = (byte) ((v & 0x7f) | 0x80);
            v >>>= 7;
        }
        if (width == 9) {
            dst[at++] = (byte) v;
        } else {
            if (v > 0x7f) {
                throw new IllegalStateException("value too large for " + width + " bytes");
            }
            dst[at++] = (byte) v;
        }
        return at;
    }

    private static int writeMinimal(byte[] dst, int at, long v) {
        while ((v & ~0x7fL) != 0) {
            dst[at++] = (byte) ((v & 0x7f) | 0x80);
            v >>>= 7;
        }
        dst[at++] = (byte) v;
        return at;
    }

    /** Event type names by id from the chunk's metadata record: class elements with name and id. */
    static Map<Long, String> typeNames(ByteBuffer b, int metaPos) {
        int[] c = {metaPos};
        readVarLong(b, c); // size
        long type = readVarLong(b, c);
        if (type != METADATA) {
            throw new IllegalStateException("no metadata record at " + metaPos);
        }
        readVarLong(b, c); // start
        readVarLong(b, c); // duration
        readVarLong(b, c); // metadata id
        int count = (int) readVarLong(b, c);
        String[] strings = new String[count];
        for (int i = 0; i < count; i++) {
            strings[i] = readString(b, c);
        }
        Map<Long, String> names = new HashMap<>();
        readElement(b, c, strings, names);
        return names;
    }

    private static void readElement(ByteBuffer b, int[] c, String[] strings, Map<Long, String> out) {
        String elementName = strings[(int) readVarLong(b, c)];
        int attributes = (int) readVarLong(b, c);
        String name = null;
        String id = null;
        for (int i = 0; i < attributes; i++) {
            String key = strings[(int) readVarLong(b, c)];
            String value = strings[(int) readVarLong(b, c)];
            if ("name".equals(key)) {
                name = value;
            } else if ("id".equals(key)) {
                id = value;
            }
        }
        if ("class".equals(elementName) && name != null && id != null) {
            out.put(Long.parseLong(id), name);
        }
        int children = (int) readVarLong(b, c);
        for (int i = 0; i < children; i++) {
            readElement(b, c, strings, out);
        }
    }

    private static String readString(ByteBuffer b, int[] c) {
        int encoding = b.get(c[0]++);
        switch (encoding) {
            case 0:
                return null;
            case 1:
                return "";
            case 3, 5: {
                int len = (int) readVarLong(b, c);
                byte[] bytes = new byte[len];
                b.get(c[0], bytes);
                c[0] += len;
                return new String(bytes, encoding == 3 ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1);
            }
            case 4: {
                int len = (int) readVarLong(b, c);
                char[] chars = new char[len];
                for (int i = 0; i < len; i++) {
                    chars[i] = (char) readVarLong(b, c);
                }
                return new String(chars);
            }
            default:
                throw new IllegalStateException("string encoding " + encoding);
        }
    }
}
