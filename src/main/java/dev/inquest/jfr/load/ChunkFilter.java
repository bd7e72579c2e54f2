package dev.inquest.jfr.load;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
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

    private static final ThreadLocal<byte[]> BUFFER = ThreadLocal.withInitial(() -> new byte[0]);

    private ChunkFilter() {
    }

    /** Drops this thread's chunk buffer (call when a thread is done filtering). */
    static void releaseBuffer() {
        BUFFER.remove();
    }

    /**
     * @param countsByName counts per event type name of all events in the chunk (kept or not)
     * @param keptEvents   how many events of the wanted types were kept
     * @param sums         per event type asked for, the sum of the field asked for over all its events in
     *                     the chunk (kept or not); null when a field could not be summed on the raw bytes
     */
    public record Result(byte[] chunk, Map<String, Long> countsByName, long keptEvents, Map<String, Long> sums) {
        public Result(byte[] chunk, Map<String, Long> countsByName, long keptEvents) {
            this(chunk, countsByName, keptEvents, Map.of());
        }
    }

    /**
     * A chunk whose records do not chain from its header to its end (a flipped size byte, a header
     * pointing between records): the JDK parser would stop early there and say nothing, so the
     * chunk is not read at all.
     */
    static final class Damaged extends RuntimeException {
        /** Where, relative to the chunk's start. */
        final long position;

        Damaged(long position, String problem) {
            super(problem, null, false, false);
            this.position = position;
        }
    }

    /** A chunk this filter does not handle (not damage): the JDK parser reads the original. */
    static final class Unsupported extends RuntimeException {
        Unsupported(String why) {
            super(why, null, false, false);
        }
    }

    /**
     * Filters {@code chunk} of {@code file} to the events named in {@code keep}; null when not possible.
     *
     * @throws Damaged when the chunk's records are damaged
     */
    public static Result filter(Path file, ChunkHeader chunk, Set<String> keep) throws IOException {
        return filter(file, chunk, keep, Map.of());
    }

    /**
     * Same as {@link #filter(Path, ChunkHeader, Set)}, also summing one numeric field per event type
     * named in {@code sum} (type name to field name) during the raw scan, for every event of that type
     * whether kept or not: a figure over millions of events (TLAB sizes) without the JDK parser.
     */
    public static Result filter(Path file, ChunkHeader chunk, Set<String> keep, Map<String, String> sum) throws IOException {
        if ((chunk.flags() & 1) == 0 || chunk.size() > Integer.MAX_VALUE) {
            return null;
        }
        byte[] bytes = read(file, chunk);
        if (bytes == null) {
            return null;
        }
        ByteBuffer buf = ByteBuffer.wrap(bytes, 0, (int) chunk.size()).slice();
        try {
            return filter(buf, bytes, (int) chunk.size(), keep, sum);
        } catch (Damaged e) {
            throw e;
        } catch (RuntimeException e) {
            // Malformed records: the JDK parser reads the original, but only once the records and
            // their links are known sound (it would skip a record it cannot place and say nothing).
            checkLinks(bytes, buf, (int) chunk.size());
            return null;
        }
    }

    /**
     * Checks that the records of {@code chunk} chain from its header to its end, for a chunk the JDK
     * parser reads unfiltered (it would stop early at a bad record size and say nothing).
     *
     * @throws Damaged when they do not
     */
    static void validate(Path file, ChunkHeader chunk) throws IOException {
        if ((chunk.flags() & 1) == 0 || chunk.size() > Integer.MAX_VALUE) {
            return;
        }
        byte[] bytes = read(file, chunk);
        if (bytes != null) {
            ByteBuffer b = ByteBuffer.wrap(bytes, 0, (int) chunk.size()).slice();
            Metadata meta;
            try {
                meta = metadata(b, (int) b.getLong(24));
            } catch (RuntimeException e) {
                meta = null; // the JDK parser reads it and says what it cannot read
            }
            checkLinks(b, (int) chunk.size(), scan(bytes, b, (int) chunk.size(), new boolean[0], new long[0],
                    new HashMap<>(), meta));
        }
    }

    /**
     * Checks that the records chain from the header to the chunk's end, that the header's
     * constant-pool and metadata offsets start records of their kind, and that each constant-pool
     * record's link to the previous one starts a constant-pool record, and that every constant-pool
     * record is on the chain of links from the header. A record whose size is off can still chain by
     * chance (the walk falls back in step further on); the walk then takes bytes for records they
     * are not, and those show up off the links (the JDK parser would skip them and say nothing).
     *
     * @throws Damaged when they do not
     */
    private static void checkLinks(byte[] a, ByteBuffer b, int size) {
        checkLinks(b, size, scan(a, b, size, new boolean[0], new long[0], new HashMap<>()));
    }

    /** {@link #checkLinks(byte[], ByteBuffer, int)} on a walk already done ({@code recs} holds every pool and metadata record). */
    private static void checkLinks(ByteBuffer b, int size, Records recs) {
        int[] types = new int[recs.n];
        long[] deltas = new long[recs.n];
        int[] next = new int[recs.n];
        int[] c = new int[1];
        int at = 0;
        try {
            for (int i = 0; i < recs.n; i++) {
                at = recs.pos[i];
                c[0] = at;
                readVarLong(b, c);
                long t = readVarLong(b, c);
                types[i] = t == METADATA || t == CONSTANT_POOL ? (int) t : -1;
            }
            checkPointsAt(b.getLong(16), recs, types, CONSTANT_POOL, 16, "constant-pool");
            checkPointsAt(b.getLong(24), recs, types, METADATA, 24, "metadata");
            for (int i = 0; i < recs.n; i++) {
                if (types[i] != CONSTANT_POOL) {
                    continue;
                }
                at = recs.pos[i];
                c[0] = at;
                readVarLong(b, c); // size
                readVarLong(b, c); // type
                readVarLong(b, c); // start
                readVarLong(b, c); // duration
                long delta = readVarLong(b, c);
                if (c[0] > at + recs.len[i]) {
                    throw new Damaged(at, "a constant-pool record of " + recs.len[i] + " bytes is too short for its header");
                }
                deltas[i] = delta;
                if (delta != 0) {
                    int target = Arrays.binarySearch(recs.pos, 0, recs.n, (int) Math.max(-1, Math.min(size, at + delta)));
                    if (target < 0 || types[target] != CONSTANT_POOL) {
                        throw new Damaged(at, "a constant-pool record points " + delta
                                + " bytes away, where no constant-pool record starts");
                    }
                    next[i] = target;
                }
            }
            // The JDK parser finds pools only through these links, from the header's: a pool record
            // off the chain is ignored, and so is whatever the walk took for one (an event whose
            // type or preceding size was damaged).
            boolean[] linked = new boolean[recs.n];
            int i = Arrays.binarySearch(recs.pos, 0, recs.n, (int) b.getLong(16));
            while (true) {
                if (linked[i]) {
                    throw new Damaged(recs.pos[i], "the constant-pool records' links run in a circle");
                }
                linked[i] = true;
                if (deltas[i] == 0) {
                    break;
                }
                i = next[i];
            }
            for (int k = 0; k < recs.n; k++) {
                if (types[k] == CONSTANT_POOL && !linked[k]) {
                    throw new Damaged(recs.pos[k], "a constant-pool record is not linked from the chunk's header"
                            + " (a damaged record, or one the walk took for a constant pool)");
                }
            }
        } catch (IndexOutOfBoundsException e) {
            throw new Damaged(at, "a record's header runs past the chunk's end");
        }
    }

    private static void checkPointsAt(long offset, Records recs, int[] types, int type, int field, String what) {
        int i = offset <= 0 || offset > Integer.MAX_VALUE ? -1 : Arrays.binarySearch(recs.pos, 0, recs.n, (int) offset);
        if (i < 0 || types[i] != type) {
            throw new Damaged(field, "the header's " + what + " offset " + offset
                    + (i < 0 ? " points between records" : " does not point at a " + what + " record"));
        }
    }

    /** The chunk's bytes in this thread's buffer (valid up to the chunk's size), or null if the file ends first. */
    private static byte[] read(Path file, ChunkHeader chunk) throws IOException {
        // A heap copy rather than a mapping: the scan loop below compiles to plain array loads.
        // Reused per thread: a fresh 12 MB array per chunk would be a humongous allocation each
        // time and keep the collector busy for nothing.
        byte[] bytes = BUFFER.get();
        if (bytes.length < chunk.size()) {
            // With a quarter to spare: a recording's chunks differ in size by a few percent, and an
            // exact fit was reallocated at each larger chunk (120 MB of garbage over the benchmark's 20).
            bytes = new byte[(int) Math.min(Integer.MAX_VALUE - 8, chunk.size() + chunk.size() / 4)];
            BUFFER.set(bytes);
        }
        try (FileChannel ch = FileChannel.open(file)) {
            ByteBuffer dst = ByteBuffer.wrap(bytes, 0, (int) chunk.size());
            while (dst.hasRemaining()) {
                if (ch.read(dst, chunk.offset() + dst.position()) < 0) {
                    return null;
                }
            }
        }
        return bytes;
    }

    private static Result filter(ByteBuffer b, byte[] a, int size, Set<String> keep, Map<String, String> sum) {
        long metaPos = b.getLong(24);
        Metadata meta;
        try {
            meta = metadata(b, (int) metaPos);
        } catch (Unsupported e) {
            throw e;
        } catch (RuntimeException e) {
            // Every JDK 11+ and async-profiler chunk's metadata reads here, so this is damage; the
            // JDK parser would read it once for the whole group file and lose the other chunks' events.
            scan(a, b, size, new boolean[0], new long[0], new HashMap<>());
            throw new Damaged(metaPos, "its metadata (the descriptions of the event types) cannot be read ("
                    + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()) + ")");
        }
        Map<Long, String> names = meta.names;
        boolean summable = meta.prepareSums(sum);
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
        long stackTraceType = meta.idOf("jdk.types.StackTrace");
        long[] counts = new long[keepId.length];
        Map<Long, Long> otherCounts = new HashMap<>();
        // Pass 1: find the records to keep (a tight loop of its own: it runs once per event of
        // the recording), then the stack traces the kept events refer to.
        Records recs = scan(a, b, size, keepId, counts, otherCounts, meta);
        checkLinks(b, size, recs);
        int n = recs.n;
        int[] recPos = recs.pos;
        int[] recLen = recs.len;
        long kept = 0;
        int[] cursor = new int[1];
        LongSet stacks = new LongSet();
        boolean pruneStacks = stackTraceType >= 0;
        for (int i = 0; i < n; i++) {
            cursor[0] = recPos[i];
            readVarLong(b, cursor);
            long type = readVarLong(b, cursor);
            if (type == METADATA || type == CONSTANT_POOL) {
                continue;
            }
            kept++;
            if (pruneStacks) {
                long ref = meta.stackTraceRef(b, type, cursor[0]);
                if (ref == Metadata.NO_FIELD) {
                    pruneStacks = false;
                } else {
                    stacks.add(ref);
                }
            }
        }
        // Constant-pool records are rebuilt: offsets re-encoded, and (when every kept event's
        // stack could be read) only the stack traces the kept events use.
        Rebuilt[] rebuilt = new Rebuilt[n];
        int[] newPos = new int[n];
        int written = ChunkHeader.SIZE;
        for (int i = 0; i < n; i++) {
            newPos[i] = written;
            cursor[0] = recPos[i];
            readVarLong(b, cursor);
            if (readVarLong(b, cursor) == CONSTANT_POOL) {
                rebuilt[i] = rebuildPool(b, recPos[i], recLen[i], meta, pruneStacks ? stackTraceType : -1, stacks);
                written += rebuilt[i].bytes.length;
            } else {
                written += recLen[i];
            }
        }
        // Pass 2: copy, patching each pool record's delta to its new neighbour.
        byte[] dst = new byte[written];
        b.get(0, dst, 0, ChunkHeader.SIZE);
        ByteBuffer d = ByteBuffer.wrap(dst);
        for (int i = 0; i < n; i++) {
            if (rebuilt[i] == null) {
                b.get(recPos[i], dst, newPos[i], recLen[i]);
                continue;
            }
            byte[] rec = rebuilt[i].bytes;
            System.arraycopy(rec, 0, dst, newPos[i], rec.length);
            cursor[0] = recPos[i];
            readVarLong(b, cursor); // size
            readVarLong(b, cursor); // type
            readVarLong(b, cursor); // start
            readVarLong(b, cursor); // duration
            long delta = readVarLong(b, cursor);
            long newDelta = 0;
            if (delta != 0) {
                int target = Arrays.binarySearch(recPos, 0, n, (int) (recPos[i] + delta));
                if (target < 0) {
                    throw new Damaged(recPos[i], "a constant-pool record points " + delta
                            + " bytes away, where no constant-pool record starts");
                }
                newDelta = newPos[target] - newPos[i];
            }
            writePadded(dst, newPos[i] + rebuilt[i].deltaOffset, newDelta, 9);
        }
        d.putLong(8, written);
        d.putLong(16, mapPosition(b.getLong(16), recPos, newPos, n, 16));
        d.putLong(24, mapPosition(metaPos, recPos, newPos, n, 24));
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
        Map<String, Long> sums = null;
        if (summable) {
            sums = new HashMap<>();
            for (String type : sum.keySet()) {
                sums.put(type, meta.sumOf(type));
            }
        }
        return new Result(dst, byName, kept, sums);
    }

    private static final class Records {
        int[] pos = new int[1024];
        int[] len = new int[1024];
        int n;

        void add(int p, int l) {
            if (n == pos.length) {
                pos = Arrays.copyOf(pos, n * 2);
                len = Arrays.copyOf(len, n * 2);
            }
            pos[n] = p;
            len[n] = l;
            n++;
        }
    }

    /** Positions of the metadata, constant-pool and wanted records; counts every event by type. */
    private static Records scan(byte[] a, ByteBuffer b, int size, boolean[] keepId, long[] counts,
                                Map<Long, Long> otherCounts) {
        return scan(a, b, size, keepId, counts, otherCounts, null);
    }

    /** @param meta when not null, each event's fields must end exactly where its size says */
    private static Records scan(byte[] a, ByteBuffer b, int size, boolean[] keepId, long[] counts,
                                Map<Long, Long> otherCounts, Metadata meta) {
        Records r = new Records();
        int[] cursor = new int[1];
        int pos = ChunkHeader.SIZE;
        int[] at = {pos};
        try {
            scan(a, b, size, keepId, counts, otherCounts, r, cursor, at, meta);
        } catch (IndexOutOfBoundsException e) {
            throw new Damaged(at[0], "a record's size or type runs past the chunk's end");
        }
        return r;
    }

    private static void scan(byte[] a, ByteBuffer b, int size, boolean[] keepId, long[] counts,
                             Map<Long, Long> otherCounts, Records r, int[] cursor, int[] at, Metadata meta) {
        byte[][] plain = meta == null ? null : meta.plainLayouts();
        int pos = at[0];
        while (pos < size) {
            pos = scan(a, b, size, keepId, counts, otherCounts, r, cursor, at, meta, plain, pos);
        }
    }

    /**
     * Walks up to {@value #SLICE} records from {@code pos}; where the next one starts. In slices,
     * not one loop over the chunk: a method called often gets the JIT's optimised code, where one
     * long loop stays in the profiling code of on-stack replacement under the command line's
     * C1-only directive ({@code cli.ShortRunJit}), which made the walk a third slower. The
     * per-event check (and sum) runs inline, not through a call or two per event.
     */
    private static int scan(byte[] a, ByteBuffer b, int size, boolean[] keepId, long[] counts,
                            Map<Long, Long> otherCounts, Records r, int[] cursor, int[] at, Metadata meta,
                            byte[][] plain, int from) {
        int[] sumAt = meta == null ? null : meta.sumAt;
        long[] sums = meta == null ? null : meta.sums;
        int pos = from;
        for (int slice = 0; slice < SLICE && pos < size; slice++) {
            at[0] = pos;
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
            int fields;
            if (x >= 0) {
                type = x;
                fields = p + 1;
            } else if (p + 1 < size && a[p + 1] >= 0) {
                type = (x & 0x7f) | a[p + 1] << 7; // a two-byte type id, as most of the JDK's events have
                fields = p + 2;
            } else {
                cursor[0] = p;
                type = readVarLong(b, cursor);
                fields = cursor[0];
            }
            if (len <= 0 || pos + len > size) {
                throw new Damaged(pos, len <= 0 ? "a record declares size " + len
                        : "a record of " + len + " bytes runs past the chunk's end (" + (size - pos) + " bytes left)");
            }
            if (type == METADATA || type == CONSTANT_POOL) {
                r.add(pos, (int) len);
            } else if (type < 0) {
                throw new Damaged(pos, "a record has the negative type id " + type);
            } else if (type < counts.length) {
                counts[(int) type]++;
                if (keepId[(int) type]) {
                    r.add(pos, (int) len);
                }
            } else {
                otherCounts.merge(type, 1L, Long::sum);
            }
            if (meta != null && type > CONSTANT_POOL) {
                // The check of the event's fields against its size. For layouts of numbers and
                // constant-pool references only (the TLAB events and allocation samples, millions
                // per recording) whose value nobody sums, the varints' last bytes are counted eight
                // at a time (the walk was a third of the flame command's CPU); whatever the count
                // does not pass, and the summed events, take the walk below, which names the damage.
                int summedField = sumAt == null || type >= sumAt.length ? -1 : sumAt[(int) type];
                int varints = type < meta.varints.length ? meta.varints[(int) type] : 0;
                if (summedField < 0 && varints > 0 && Metadata.endsAfterVarints(a, fields, pos + (int) len, varints)) {
                    pos += (int) len;
                    continue;
                }
                byte[] ops = type < plain.length ? plain[(int) type] : null;
                if (ops == null) {
                    meta.checkEventSize(a, b, pos, fields, (int) len, type, cursor);
                    if (sumAt != null && type < sumAt.length && sumAt[(int) type] >= 0) {
                        meta.addToSum(a, fields, (int) type);
                    }
                } else {
                    // Metadata.checkEventSize and addToSum in one walk over the event's fields.
                    int summed = summedField;
                    int q = fields;
                    try {
                        for (int k = 0; k < ops.length; k++) {
                            byte op = ops[k];
                            if (op == Metadata.VARINT) {
                                if (k == summed) {
                                    long v = 0;
                                    int i = 0;
                                    while (true) {
                                        byte y = a[q++];
                                        v |= (long) (y & 0x7f) << (7 * i);
                                        if (y >= 0) {
                                            break;
                                        }
                                        if (++i == 8) {
                                            v |= (long) (a[q++] & 0xff) << 56;
                                            break;
                                        }
                                    }
                                    sums[(int) type] += v;
                                } else {
                                    // JFR's varint: 7 bits a byte while the top bit is set, the ninth byte whole.
                                    int last = q + 8;
                                    while (q < last && a[q] < 0) {
                                        q++;
                                    }
                                    q++;
                                }
                            } else if (op == Metadata.ONE_BYTE) {
                                q++;
                            } else if (op == Metadata.FLOAT) {
                                q += 4;
                            } else {
                                q += 8;
                            }
                        }
                    } catch (IndexOutOfBoundsException e) {
                        throw new Damaged(pos, "a " + meta.names.get(type) + " event's fields cannot be read within the chunk");
                    }
                    if (q != pos + len) {
                        throw new Damaged(pos, "a " + meta.names.get(type) + " event declares " + len
                                + " bytes but its fields take " + (q - pos));
                    }
                }
            }
            pos += (int) len;
        }
        return pos;
    }

    private static final int SLICE = 256;

    private static long mapPosition(long old, int[] recPos, int[] newPos, int n, int field) {
        if (old == 0) {
            return 0;
        }
        int i = Arrays.binarySearch(recPos, 0, n, (int) old);
        if (i < 0) {
            throw new Damaged(field, "the header's " + (field == 16 ? "constant-pool" : "metadata") + " offset " + old
                    + " points between records");
        }
        return newPos[i];
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

    /** A rebuilt constant-pool record and where its 9-byte delta placeholder sits. */
    private record Rebuilt(byte[] bytes, int deltaOffset) {
    }

    /**
     * Re-encodes one constant-pool record: size padded to 4 bytes, delta to a 9-byte placeholder,
     * and, when {@code stackType >= 0}, the stack-trace pool cut to the keys in {@code stacks}.
     */
    private static Rebuilt rebuildPool(ByteBuffer b, int pos, int len, Metadata meta, long stackType, LongSet stacks) {
        int end = pos + len;
        int[] c = {pos};
        readVarLong(b, c); // size
        readVarLong(b, c); // type
        int timesAt = c[0];
        readVarLong(b, c); // start
        readVarLong(b, c); // duration
        int afterTimes = c[0];
        readVarLong(b, c); // delta, patched later
        Bytes out = new Bytes(len + 16);
        out.skip(4);
        out.varlong(CONSTANT_POOL);
        out.copy(b, timesAt, afterTimes - timesAt);
        int deltaOffset = out.size;
        out.skip(9);
        if (stackType < 0) {
            out.copy(b, c[0], end - c[0]);
        } else {
            out.copy(b, c[0], 1); // checkpoint type (JDK 14+) or flush flag (JDK 11)
            c[0]++;
            long pools = readVarLong(b, c);
            Bytes body = new Bytes(len);
            long keptPools = 0;
            for (long i = 0; i < pools; i++) {
                int poolAt = c[0];
                long typeId = readVarLong(b, c);
                long count = readVarLong(b, c);
                if (typeId != stackType) {
                    for (long k = 0; k < count; k++) {
                        readVarLong(b, c);
                        meta.skipValue(b, c, typeId, 0);
                    }
                    body.copy(b, poolAt, c[0] - poolAt);
                    keptPools++;
                    continue;
                }
                Bytes entries = new Bytes(Math.max(16, c[0] - poolAt));
                long keptCount = 0;
                for (long k = 0; k < count; k++) {
                    int entryAt = c[0];
                    long key = readVarLong(b, c);
                    meta.skipValue(b, c, typeId, 0);
                    if (stacks.contains(key)) {
                        entries.copy(b, entryAt, c[0] - entryAt);
                        keptCount++;
                    }
                }
                // The JDK parser rejects an empty pool: leave it out instead.
                if (keptCount > 0) {
                    body.varlong(typeId);
                    body.varlong(keptCount);
                    body.append(entries);
                    keptPools++;
                }
            }
            out.varlong(keptPools);
            out.append(body);
            if (c[0] != end) {
                throw new IllegalStateException("constant pool record longer than its pools");
            }
        }
        byte[] bytes = out.toArray();
        writePadded(bytes, 0, bytes.length, 4);
        return new Rebuilt(bytes, deltaOffset);
    }

    /** A growable byte array: the records are small and built once. */
    private static final class Bytes {
        byte[] data;
        int size;

        Bytes(int capacity) {
            data = new byte[capacity];
        }

        void ensure(int extra) {
            if (size + extra > data.length) {
                data = Arrays.copyOf(data, Math.max(data.length * 2, size + extra));
            }
        }

        void skip(int n) {
            ensure(n);
            size += n;
        }

        void varlong(long v) {
            ensure(9);
            size = writeMinimal(data, size, v);
        }

        void copy(ByteBuffer b, int from, int length) {
            ensure(length);
            b.get(from, data, size, length);
            size += length;
        }

        void append(Bytes other) {
            ensure(other.size);
            System.arraycopy(other.data, 0, data, size, other.size);
            size += other.size;
        }

        byte[] toArray() {
            return Arrays.copyOf(data, size);
        }
    }

    /** An open-addressing set of longs (stack trace keys): no boxing on the per-event path. */
    static final class LongSet {
        private long[] keys = new long[1024];
        private boolean[] used = new boolean[1024];
        private int size;

        void add(long k) {
            if (size * 2 >= keys.length) {
                grow();
            }
            int i = slot(k, keys.length);
            while (used[i]) {
                if (keys[i] == k) {
                    return;
                }
                i = (i + 1) & (keys.length - 1);
            }
            used[i] = true;
            keys[i] = k;
            size++;
        }

        boolean contains(long k) {
            int i = slot(k, keys.length);
            while (used[i]) {
                if (keys[i] == k) {
                    return true;
                }
                i = (i + 1) & (keys.length - 1);
            }
            return false;
        }

        private static int slot(long k, int length) {
            long h = k * 0x9E3779B97F4A7C15L;
            return (int) (h >>> 40) & (length - 1);
        }

        private void grow() {
            long[] oldKeys = keys;
            boolean[] oldUsed = used;
            keys = new long[oldKeys.length * 2];
            used = new boolean[oldKeys.length * 2];
            size = 0;
            for (int i = 0; i < oldKeys.length; i++) {
                if (oldUsed[i]) {
                    add(oldKeys[i]);
                }
            }
        }
    }

    /** The parts of a chunk's metadata the filter needs: type names, and field layouts to skip values. */
    static final class Metadata {
        static final long NO_FIELD = Long.MIN_VALUE;

        record Field(String name, long type, boolean constantPool, int dimension) {
        }

        final Map<Long, String> names;
        final Map<Long, Field[]> fields;
        private final Map<String, Long> ids;

        Metadata() {
            names = new HashMap<>();
            fields = new HashMap<>();
            ids = new HashMap<>();
        }

        /** Another chunk's view of the same metadata: the layouts shared (read only), its own sums. */
        private Metadata(Metadata same) {
            names = same.names;
            fields = same.fields;
            ids = same.ids;
            kinds = same.kinds;
            structFields = same.structFields;
            flat = same.flat;
            varints = same.varints;
            plain = same.plain;
        }

        Metadata forAnotherChunk() {
            return new Metadata(this);
        }

        long idOf(String name) {
            return ids.getOrDefault(name, -1L);
        }

        /** Per type id, how many flat values precede the field summed, or -1; null when nothing is summed. */
        int[] sumAt;
        long[] sums;

        /**
         * Prepares to sum, per event type, the named field: a number, preceded only by fixed-layout
         * fields (numbers, constant-pool references), as the TLAB events' sizes are.
         *
         * @return false when some type's field cannot be read that way (the caller falls back to the
         *         JDK parser); types absent from this chunk sum to 0
         */
        boolean prepareSums(Map<String, String> sum) {
            if (sum.isEmpty()) {
                return true;
            }
            sumAt = new int[kinds.length];
            Arrays.fill(sumAt, -1);
            sums = new long[kinds.length];
            for (Map.Entry<String, String> e : sum.entrySet()) {
                long id = idOf(e.getKey());
                if (id < 0) {
                    continue;
                }
                Field[] fs = id < kinds.length ? structFields[(int) id] : null;
                if (fs == null || flat[(int) id] == null) {
                    return false;
                }
                int before = -1;
                for (int i = 0; i < fs.length; i++) {
                    Field f = fs[i];
                    byte kind = f.constantPool ? VARINT : f.type >= 0 && f.type < kinds.length ? kinds[(int) f.type] : UNKNOWN;
                    if (f.name.equals(e.getValue())) {
                        if (!f.constantPool && f.dimension == 0 && kind == VARINT) {
                            before = i;
                        }
                        break;
                    }
                    if (f.dimension > 0 || kind == STRUCT || kind == UNKNOWN) {
                        break; // a nested or variable layout before the field: not on this fast path
                    }
                }
                if (before < 0) {
                    return false;
                }
                sumAt[(int) id] = before;
            }
            return true;
        }

        /** Adds the summed field of the event of {@code type} whose fields start at {@code p}. */
        void addToSum(byte[] a, int p, int type) {
            byte[] ops = flat[type];
            int skip = sumAt[type];
            for (int i = 0; i < skip; i++) {
                switch (ops[i]) {
                    case ONE_BYTE -> p++;
                    case VARINT -> p = skipVarint(a, p);
                    case FLOAT -> p += 4;
                    case DOUBLE -> p += 8;
                    default -> throw new IllegalStateException("not a fixed-layout field");
                }
            }
            long v = 0;
            for (int i = 0; i < 8; i++) {
                byte x = a[p++];
                v |= (long) (x & 0x7f) << (7 * i);
                if (x >= 0) {
                    sums[type] += v;
                    return;
                }
            }
            sums[type] += v | (long) (a[p] & 0xff) << 56;
        }

        long sumOf(String type) {
            long id = idOf(type);
            return id < 0 || sums == null ? 0 : sums[(int) id];
        }

        /** The stack trace key of an event whose fields start at {@code p}, or NO_FIELD. */
        long stackTraceRef(ByteBuffer b, long eventType, int p) {
            Field[] fs = fields.get(eventType);
            if (fs == null) {
                return NO_FIELD;
            }
            int[] c = {p};
            for (Field f : fs) {
                if (f.name.equals("stackTrace") && f.constantPool && f.dimension == 0) {
                    return readVarLong(b, c);
                }
                skipField(b, c, f);
            }
            return NO_FIELD;
        }

        private void skipField(ByteBuffer b, int[] c, Field f) {
            if (f.dimension > 0) {
                long n = readVarLong(b, c);
                for (long i = 0; i < n; i++) {
                    skipOne(b, c, f.type, f.constantPool);
                }
            } else {
                skipOne(b, c, f.type, f.constantPool);
            }
        }

        private void skipOne(ByteBuffer b, int[] c, long type, boolean constantPool) {
            if (constantPool) {
                readVarLong(b, c);
            } else {
                skipValue(b, c, type, 0);
            }
        }

        // Per type id, resolved once after parsing: how to skip a value of that type. The skip
        // runs for every constant of every pool, so no boxing or map lookups on that path.
        private static final byte UNKNOWN = 0;
        static final byte ONE_BYTE = 1;
        static final byte VARINT = 2;
        static final byte FLOAT = 3;
        static final byte DOUBLE = 4;
        private static final byte STRING = 5;
        private static final byte STRUCT = 6;
        private byte[] kinds;
        private Field[][] structFields;
        /** Per event type, its fields flattened for {@link #skipFlat}; null where the generic skip is needed. */
        private byte[][] flat;
        /** Per type, how many varints its fields are when they are varints only (numbers, constant-pool references), else 0. */
        int[] varints = new int[0];

        void resolve() {
            int max = 0;
            for (long id : names.keySet()) {
                if (id > 100_000 || id < 0) {
                    throw new Unsupported("type id out of range: " + id);
                }
                max = Math.max(max, (int) id);
            }
            kinds = new byte[max + 1];
            structFields = new Field[max + 1][];
            names.forEach((id, name) -> {
                int i = (int) (long) id;
                kinds[i] = switch (name) {
                    case "boolean", "byte" -> ONE_BYTE;
                    case "short", "char", "int", "long" -> VARINT;
                    case "float" -> FLOAT;
                    case "double" -> DOUBLE;
                    case "java.lang.String" -> STRING;
                    default -> STRUCT;
                };
                structFields[i] = fields.get(id);
            });
            flat = new byte[kinds.length][];
            varints = new int[kinds.length];
            for (int i = 0; i < kinds.length; i++) {
                if (kinds[i] == STRUCT && structFields[i] != null) {
                    flat[i] = flatten(i);
                    varints[i] = varintsOnly(flat[i]);
                }
            }
        }

        /**
         * Per type id, the flat layout of an event type made only of numbers and constant-pool
         * references (no strings), which the scan walks inline; null for any other type.
         */
        byte[][] plainLayouts() {
            if (plain == null) {
                plain = new byte[flat.length][];
                for (int i = 0; i < flat.length; i++) {
                    byte[] ops = flat[i];
                    boolean numbers = ops != null;
                    for (int k = 0; numbers && k < ops.length; k++) {
                        numbers = ops[k] == ONE_BYTE || ops[k] == VARINT || ops[k] == FLOAT || ops[k] == DOUBLE;
                    }
                    plain[i] = numbers ? ops : null;
                }
            }
            return plain;
        }

        private byte[][] plain;

        /**
         * An event's fields, read by the metadata, must end where its size says: a size made larger
         * (by a bit, or doubled to swallow the next record of the same size) still chains, and the
         * JDK parser would read the first event and skip what follows it, silently.
         */
        void checkEventSize(byte[] a, ByteBuffer b, int pos, int fields, int len, long type, int[] c) {
            if (type >= kinds.length || structFields[(int) type] == null) {
                return; // a type the metadata does not declare: not an event (skipped as the JDK parser does)
            }
            int end;
            try {
                byte[] ops = flat[(int) type];
                if (ops != null) {
                    end = skipFlat(a, fields, ops);
                } else {
                    c[0] = fields;
                    skipValue(b, c, type, 0);
                    end = c[0];
                }
            } catch (RuntimeException e) {
                throw new Damaged(pos, "a " + names.get(type) + " event's fields cannot be read within the chunk");
            }
            if (end != pos + len) {
                throw new Damaged(pos, "a " + names.get(type) + " event declares " + len + " bytes but its fields take "
                        + (end - pos));
            }
        }

        /**
         * Skips an event laid out by {@code ops} (its fields flattened: nested structs inlined,
         * constant-pool references as varints) straight on the chunk's bytes. This check runs for
         * every event of a recording, so the generic {@link #skipValue} (a ByteBuffer read and a
         * type switch per field) doubled the cost of reading a TLAB-dense recording.
         */
        private static int skipFlat(byte[] a, int p, byte[] ops) {
            for (byte op : ops) {
                switch (op) {
                    case ONE_BYTE -> p++;
                    case VARINT -> p = skipVarint(a, p);
                    case FLOAT -> p += 4;
                    case DOUBLE -> p += 8;
                    default -> { // STRING
                        int encoding = a[p++];
                        if (encoding == 2) {
                            p = skipVarint(a, p);
                        } else if (encoding == 3 || encoding == 5) {
                            int[] c = {p};
                            long n = readVarLong(ByteBuffer.wrap(a), c);
                            p = Math.addExact(c[0], Math.toIntExact(n));
                        } else if (encoding == 4) {
                            int[] c = {p};
                            long n = readVarLong(ByteBuffer.wrap(a), c);
                            p = c[0];
                            for (long i = 0; i < n; i++) {
                                p = skipVarint(a, p);
                            }
                        } else if (encoding != 0 && encoding != 1) {
                            throw new IllegalStateException("string encoding " + encoding);
                        }
                    }
                }
            }
            return p;
        }

        /**
         * Whether exactly {@code n} varints start at {@code from} and end at {@code end}, decided
         * eight bytes at a time without a branch per byte: the bytes there hold exactly {@code n}
         * varint ends (high bit clear), the last byte is one, and no run of 8 continuation bytes
         * occurs (where JFR's ninth byte is whole, the count would not say where a varint ends).
         * False does not mean damage: the caller walks the fields then (also for fields of more
         * than 64 bytes, and at the very end of the buffer).
         */
        static boolean endsAfterVarints(byte[] a, int from, int end, int n) {
            int len = end - from;
            if (len < n || len > 64 || a[end - 1] < 0 || from + ((len + 7) & ~7) > a.length) {
                return false;
            }
            long high = 0; // bit i: byte from + i has its continuation bit set
            for (int i = 0; i < len; i += 8) {
                long w = (long) LONGS.get(a, from + i);
                // The eight continuation bits, gathered into one byte (bit k from byte k): the
                // multiplier's terms put each bit in its own place of the top byte, no carries.
                high |= (((w & 0x8080808080808080L) >>> 7) * 0x0102040810204080L >>> 56) << i;
            }
            if (len < 64) {
                high &= (1L << len) - 1; // the bytes read past the end
            }
            long runs = high & (high >>> 1);
            runs &= runs >>> 2;
            runs &= runs >>> 4; // bit i: bytes i to i + 7 all continue
            return len - Long.bitCount(high) == n && runs == 0;
        }

        private static final java.lang.invoke.VarHandle LONGS =
                java.lang.invoke.MethodHandles.byteArrayViewVarHandle(long[].class, java.nio.ByteOrder.LITTLE_ENDIAN);

        /** JFR's varints: 7 bits a byte with a continuation bit, the ninth byte whole. */
        private static int skipVarint(byte[] a, int p) {
            for (int i = 0; i < 8; i++) {
                if (a[p++] >= 0) {
                    return p;
                }
            }
            return p + 1;
        }

        private static int varintsOnly(byte[] ops) {
            if (ops == null || ops.length == 0) {
                return 0;
            }
            for (byte op : ops) {
                if (op != VARINT) {
                    return 0;
                }
            }
            return ops.length;
        }

        /** The flat layout of struct {@code type}'s fields, or null where it has arrays or nests too deep. */
        private byte[] flatten(long type) {
            java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
            // An explicit stack of (struct, next field), so a crafted metadata cannot recurse deeply.
            java.util.ArrayDeque<int[]> stack = new java.util.ArrayDeque<>();
            stack.push(new int[] {(int) type, 0});
            while (!stack.isEmpty()) {
                int[] top = stack.peek();
                Field[] fs = structFields[top[0]];
                if (fs == null) {
                    return null;
                }
                if (top[1] == fs.length) {
                    stack.pop();
                    continue;
                }
                Field f = fs[top[1]++];
                if (f.dimension > 0 || out.size() > 4096) {
                    return null; // arrays, or a crafted metadata nesting wide: the generic skip
                }
                if (f.constantPool) {
                    out.write(VARINT);
                    continue;
                }
                byte kind = f.type >= 0 && f.type < kinds.length ? kinds[(int) f.type] : UNKNOWN;
                if (kind == STRUCT) {
                    if (stack.size() > 64) {
                        return null;
                    }
                    stack.push(new int[] {(int) f.type, 0});
                } else if (kind == UNKNOWN) {
                    return null;
                } else {
                    out.write(kind);
                }
            }
            return out.toByteArray();
        }

        void skipValue(ByteBuffer b, int[] c, long type, int depth) {
            if (depth > 64) {
                throw new IllegalStateException("type nesting too deep");
            }
            byte kind = type >= 0 && type < kinds.length ? kinds[(int) type] : UNKNOWN;
            switch (kind) {
                case ONE_BYTE -> c[0]++;
                case VARINT -> readVarLong(b, c);
                case FLOAT -> c[0] += 4;
                case DOUBLE -> c[0] += 8;
                case STRING -> skipString(b, c);
                case STRUCT -> {
                    byte[] ops = flat[(int) type];
                    if (ops != null && b.hasArray()) {
                        // A layout without arrays (a stack frame, a method, a class): skipped
                        // straight on the bytes, as the size check does. This skip runs for every
                        // frame of every stack trace in the pools.
                        int p = skipFlat(b.array(), b.arrayOffset() + c[0], ops) - b.arrayOffset();
                        if (p > b.limit()) {
                            throw new IndexOutOfBoundsException("a value runs past the chunk's end");
                        }
                        c[0] = p;
                        return;
                    }
                    Field[] fs = structFields[(int) type];
                    if (fs == null) {
                        throw new IllegalStateException("no fields for type " + type);
                    }
                    for (Field f : fs) {
                        if (f.dimension > 0) {
                            long n = readVarLong(b, c);
                            for (long i = 0; i < n; i++) {
                                if (f.constantPool) {
                                    readVarLong(b, c);
                                } else {
                                    skipValue(b, c, f.type, depth + 1);
                                }
                            }
                        } else if (f.constantPool) {
                            readVarLong(b, c);
                        } else {
                            skipValue(b, c, f.type, depth + 1);
                        }
                    }
                }
                default -> throw new IllegalStateException("unknown type " + type);
            }
        }

        private static void skipString(ByteBuffer b, int[] c) {
            int encoding = b.get(c[0]++);
            switch (encoding) {
                case 0, 1 -> {
                }
                case 2 -> readVarLong(b, c);
                case 3, 5 -> {
                    long len = readVarLong(b, c);
                    c[0] += (int) len;
                }
                case 4 -> {
                    long len = readVarLong(b, c);
                    for (long i = 0; i < len; i++) {
                        readVarLong(b, c);
                    }
                }
                default -> throw new IllegalStateException("string encoding " + encoding);
            }
        }
    }

    /**
     * The metadata of the chunks read last, by their metadata record's bytes after its header
     * (start time, duration and id differ per chunk; the descriptions rarely do): a recording's
     * chunks mostly repeat the same record, and parsing it took 3 ms per chunk.
     */
    private static final java.util.ArrayDeque<Map.Entry<byte[], Metadata>> PARSED = new java.util.ArrayDeque<>();
    private static final int PARSED_KEPT = 4;

    /** Type names and field layouts from the chunk's metadata record. */
    static Metadata metadata(ByteBuffer b, int metaPos) {
        int[] c = {metaPos};
        long size = readVarLong(b, c);
        long type = readVarLong(b, c);
        if (type != METADATA) {
            throw new IllegalStateException("no metadata record at " + metaPos);
        }
        readVarLong(b, c); // start
        readVarLong(b, c); // duration
        readVarLong(b, c); // metadata id
        int from = c[0];
        long end = metaPos + size;
        boolean cacheable = size > 0 && end > from && end <= b.limit();
        if (cacheable) {
            ByteBuffer body = b.slice(from, (int) end - from);
            synchronized (PARSED) {
                for (Map.Entry<byte[], Metadata> e : PARSED) {
                    if (e.getKey().length == body.remaining() && body.mismatch(ByteBuffer.wrap(e.getKey())) < 0) {
                        return e.getValue().forAnotherChunk();
                    }
                }
            }
        }
        long count = readVarLong(b, c);
        if (count < 0 || count > b.limit() - c[0]) {
            throw new IllegalStateException("metadata declares " + count + " strings");
        }
        String[] strings = new String[(int) count];
        for (int i = 0; i < count; i++) {
            strings[i] = readString(b, c);
        }
        Metadata m = new Metadata();
        readElement(b, c, strings, m, null, 0);
        m.resolve();
        // Only a parse that stayed within the record's bytes is theirs alone to repeat.
        if (cacheable && c[0] <= end) {
            byte[] key = new byte[(int) end - from];
            b.get(from, key);
            synchronized (PARSED) {
                if (PARSED.size() == PARSED_KEPT) {
                    PARSED.removeLast();
                }
                PARSED.addFirst(Map.entry(key, m.forAnotherChunk()));
            }
        }
        return m;
    }

    /** Reads one element; class elements register themselves, field elements add to {@code fieldsOut}. */
    private static void readElement(ByteBuffer b, int[] c, String[] strings, Metadata m,
                                    java.util.List<Metadata.Field> fieldsOut, int depth) {
        // Real metadata nests four deep (root, metadata, class, field, annotation); a damaged one
        // must not overflow the stack.
        if (depth > 16) {
            throw new IllegalStateException("metadata elements nested too deep");
        }
        String elementName = strings[(int) readVarLong(b, c)];
        int attributes = (int) readVarLong(b, c);
        Map<String, String> attrs = new HashMap<>();
        for (int i = 0; i < attributes; i++) {
            attrs.put(strings[(int) readVarLong(b, c)], strings[(int) readVarLong(b, c)]);
        }
        java.util.List<Metadata.Field> mine = null;
        if ("class".equals(elementName)) {
            mine = new java.util.ArrayList<>();
        } else if ("field".equals(elementName) && fieldsOut != null) {
            fieldsOut.add(new Metadata.Field(attrs.get("name"), Long.parseLong(attrs.get("class")),
                    "true".equals(attrs.get("constantPool")), attrs.containsKey("dimension")
                            ? Integer.parseInt(attrs.get("dimension")) : 0));
        }
        int children = (int) readVarLong(b, c);
        for (int i = 0; i < children; i++) {
            readElement(b, c, strings, m, mine, depth + 1);
        }
        if (mine != null && attrs.containsKey("name") && attrs.containsKey("id")) {
            long id = Long.parseLong(attrs.get("id"));
            m.names.put(id, attrs.get("name"));
            m.ids.put(attrs.get("name"), id);
            m.fields.put(id, mine.toArray(Metadata.Field[]::new));
        }
    }

    /** A string length that fits in what is left of the buffer (at {@code perUnit} bytes at least each). */
    private static int length(ByteBuffer b, int[] c, int perUnit) {
        long len = readVarLong(b, c);
        if (len < 0 || len * perUnit > b.limit() - c[0]) {
            throw new IllegalStateException("string of " + len + " characters runs past the record");
        }
        return (int) len;
    }

    private static String readString(ByteBuffer b, int[] c) {
        int encoding = b.get(c[0]++);
        switch (encoding) {
            case 0:
                return null;
            case 1:
                return "";
            case 3, 5: {
                int len = length(b, c, 1);
                byte[] bytes = new byte[len];
                b.get(c[0], bytes);
                c[0] += len;
                return new String(bytes, encoding == 3 ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1);
            }
            case 4: {
                int len = length(b, c, 1);
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
