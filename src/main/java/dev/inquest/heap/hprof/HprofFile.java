package dev.inquest.heap.hprof;

import dev.inquest.format.Units;
import dev.inquest.heap.store.LongLongMap;
import dev.inquest.input.BadInputException;
import dev.inquest.heap.NotEnoughResourcesException;
import dev.inquest.input.FileKind;
import dev.inquest.input.FileProblems;
import dev.inquest.input.GzipCache;
import dev.inquest.progress.Progress;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * An opened HPROF file: its bytes (mapped, or through gzip), header, and the top-level records
 * indexed by one sequential walk: strings, class names, frames, traces, and the heap dumps it
 * holds. Heap sub-records are read later by {@link HeapScanner} for the dump the user picks.
 */
public final class HprofFile implements AutoCloseable {

    public enum Container { PLAIN, GZIP_CHUNKED, GZIP }

    private final Path file;
    private final Container container;
    private final HprofBytes bytes;
    private final HprofHeader header;
    private final LongLongMap strings = new LongLongMap(1 << 12, -1);
    private final LongLongMap classNameIds = new LongLongMap(1 << 10, 0);
    private final LongLongMap classBySerial = new LongLongMap(1 << 10, 0);
    private final LongLongMap frames = new LongLongMap(1 << 10, -1);
    private final LongLongMap traces = new LongLongMap(1 << 8, -1);
    private final List<DumpRecords> dumps = new ArrayList<>();
    private final List<Truncation> problems = new ArrayList<>();
    private final Map<Long, String> stringCache = new ConcurrentHashMap<>();
    /**
     * A plain gzip dump's inflated copy: starts "JAVA PROFILE ", a damaged stream is read as cut
     * (the dump up to there), and a copy too big for the disk is a {@link NotEnoughResourcesException}.
     */
    private static final GzipCache.Format GZIP_COPY = new GzipCache.Format(".hprof",
            "JAVA PROFILE ".getBytes(StandardCharsets.ISO_8859_1), true, (gz, needed, available, what, advice) ->
            new NotEnoughResourcesException(gz, NotEnoughResourcesException.Resource.DISK, needed, available, what, advice));
    /** The cache's inflated copy of a plain gzip dump, else null. */
    private GzipCache.Inflated inflatedCopy;

    private HprofFile(Path file, Container container, HprofBytes bytes, HprofHeader header) {
        this.file = file;
        this.container = container;
        this.bytes = bytes;
        this.header = header;
    }

    /** Opens and indexes the top-level records; bad input raises {@link BadInputException}. */
    public static HprofFile open(Path file, Progress progress) throws IOException {
        // Before anything opens it: a FIFO would block, a directory or device is named as such.
        if (FileProblems.requireRegularFile(file).size() == 0) {
            throw new BadInputException(file, "empty file, not a heap dump", 0);
        }
        byte[] head;
        try (InputStream in = Files.newInputStream(file)) {
            head = in.readNBytes(4096);
        }
        HprofBytes bytes;
        Container container;
        Truncation gzipProblem = null;
        GzipCache.Inflated inflatedCopy = null;
        if (FileKind.isGzip(head)) {
            if (GzipMemberBytes.chunkedBlockSize(head) > 0) {
                GzipMemberBytes g = GzipMemberBytes.open(file, progress);
                if (g.problem() != null) {
                    gzipProblem = new Truncation(g.size(), g.problem() + "; the dump is read up to uncompressed byte " + g.size());
                }
                bytes = g;
                container = Container.GZIP_CHUNKED;
            } else {
                GzipCache.Inflated inflated = GzipCache.inflate(file, GZIP_COPY, progress);
                inflatedCopy = inflated;
                bytes = MappedBytes.map(inflated.file());
                if (!inflated.complete()) {
                    gzipProblem = new Truncation(bytes.size(),
                            "the gzip stream is cut or damaged; the dump is read up to uncompressed byte " + bytes.size());
                }
                container = Container.GZIP;
            }
        } else {
            bytes = MappedBytes.map(file);
            container = Container.PLAIN;
        }
        try {
            HprofHeader header = readHeader(file, bytes);
            HprofFile f = new HprofFile(file, container, bytes, header);
            f.inflatedCopy = inflatedCopy;
            if (gzipProblem != null) {
                f.problems.add(gzipProblem);
            }
            f.scanTopLevel(progress);
            return f;
        } catch (RuntimeException e) {
            bytes.close();
            if (inflatedCopy != null && e instanceof BadInputException) {
                // Not a dump we can open: its inflated copy is no use in the cache.
                inflatedCopy.discard();
            }
            throw e;
        }
    }

    static HprofHeader readHeader(Path file, HprofBytes b) {
        long size = b.size();
        int n = (int) Math.min(size, 64);
        byte[] head = b.bytes(0, n);
        String ascii = new String(head, StandardCharsets.ISO_8859_1);
        if (n == 0) {
            throw new BadInputException(file, "empty input, not a heap dump", 0);
        }
        if (ascii.startsWith("FLR\0")) {
            throw new BadInputException(file, "this is a flight recording (JFR), not a heap dump; use 'inquest jfr'", 0);
        }
        if (!ascii.startsWith("JAVA PROFILE ")) {
            if ("JAVA PROFILE ".startsWith(ascii)) {
                throw new BadInputException(file, "file ends inside the HPROF header", size);
            }
            throw new BadInputException(file, "not an HPROF heap dump (no 'JAVA PROFILE' header)", 0);
        }
        int nul = ascii.indexOf('\0');
        if (nul < 0) {
            if (n < 64) {
                throw new BadInputException(file, "file ends inside the HPROF header", size);
            }
            throw new BadInputException(file, "HPROF header has no terminating NUL", 0);
        }
        String format = ascii.substring(0, nul);
        if (format.equals("JAVA PROFILE 1.0.3")) {
            throw new BadInputException(file, "Android HPROF 1.0.3 is not supported; convert it with the Android SDK's "
                    + "'hprof-conv' first", 0);
        }
        if (!format.equals("JAVA PROFILE 1.0.1") && !format.equals("JAVA PROFILE 1.0.2")) {
            throw new BadInputException(file, "unsupported HPROF version '" + format + "' (1.0.1 and 1.0.2 are supported)", 0);
        }
        long length = nul + 1 + 4 + 8;
        if (size < length) {
            throw new BadInputException(file, "file ends inside the HPROF header", size);
        }
        int idSize = b.u4(nul + 1);
        if (idSize != 4 && idSize != 8) {
            throw new BadInputException(file, "identifier size " + idSize + " is not 4 or 8", nul + 1);
        }
        long ts = b.u8(nul + 5);
        return new HprofHeader(format.substring("JAVA PROFILE ".length()), idSize, ts, length);
    }

    /** A jump longer than this between record headers reads the next header with {@link HprofBytes#readFar}. */
    private static final long FAR = 256 << 10;

    private void scanTopLevel(Progress progress) {
        long size = bytes.size();
        int id = header.idSize();
        progress.phase("Reading records", size, Progress.Unit.BYTES);
        long pos = header.length();
        long lastEnd = pos;
        byte[] header9 = new byte[9];
        DumpRecords open = null;
        long nextReport = 0;
        long emptyDumps = 0;
        long firstEmptyDump = -1;
        while (pos < size) {
            if (pos >= nextReport) {
                progress.progress(pos);
                progress.checkCancelled();
                nextReport = pos + (8 << 20);
            }
            // After a big record (a heap dump segment) the next header is read without mapping
            // the pages around it; small records (strings, classes) sit together and are read mapped.
            boolean far = pos - lastEnd > FAR;
            int tag;
            if (far) {
                bytes.readFar(pos, header9, (int) Math.min(9, size - pos));
                tag = header9[0] & 0xff;
            } else {
                tag = bytes.u1(pos);
            }
            if (!Tags.isTopLevel(tag)) {
                problems.add(new Truncation(pos, String.format("unknown record tag 0x%02X at byte %d: the remaining %,d bytes "
                        + "cannot be read", tag, pos, size - pos)));
                break;
            }
            if (pos + 9 > size) {
                problems.add(new Truncation(size, "file ends at byte " + size + " inside the header of the "
                        + Tags.recordName(tag) + " record starting at byte " + pos));
                break;
            }
            long len = far ? ((header9[5] & 0xffL) << 24 | (header9[6] & 0xffL) << 16 | (header9[7] & 0xffL) << 8
                    | (header9[8] & 0xffL)) : bytes.u4unsigned(pos + 5);
            long body = pos + 9;
            long end = body + len;
            boolean cut = end > size;
            if (cut) {
                problems.add(new Truncation(size, "file ends at byte " + size + " inside the " + Tags.recordName(tag)
                        + " record starting at byte " + pos + " that declares " + len + " bytes (" + (end - size)
                        + " bytes missing)"));
            }
            switch (tag) {
                case Tags.STRING -> {
                    if (!cut && len >= id) {
                        strings.put(bytes.id(body, id), pos);
                    }
                }
                case Tags.LOAD_CLASS -> {
                    if (!cut && len >= 8 + 2L * id) {
                        long serial = bytes.u4unsigned(body);
                        long classId = bytes.id(body + 4, id);
                        long nameId = bytes.id(body + 8 + id, id);
                        classNameIds.put(classId, nameId);
                        classBySerial.put(serial, classId);
                    }
                }
                case Tags.FRAME -> {
                    if (!cut && len >= id) {
                        frames.put(bytes.id(body, id), pos);
                    }
                }
                case Tags.TRACE -> {
                    if (!cut && len >= 12) {
                        traces.put(bytes.u4unsigned(body), pos);
                    }
                }
                case Tags.HEAP_DUMP -> {
                    if (len == 0) {
                        // Holds nothing: not a dump to offer (the default is the last dump, and a
                        // crafted run of them would hide the real one), and costs nothing to skip.
                        if (emptyDumps++ == 0) {
                            firstEmptyDump = pos;
                        }
                        break;
                    }
                    if (open != null) {
                        problems.add(new Truncation(pos, "heap dump " + open.index() + " has no HEAP_DUMP_END before the "
                                + "HEAP_DUMP record at byte " + pos));
                        open = null;
                    }
                    DumpRecords d = new DumpRecords(dumps.size(), pos);
                    d.add(body, Math.min(end, size));
                    d.complete = !cut;
                    d.lastRecordEnd = Math.min(end, size);
                    dumps.add(d);
                }
                case Tags.HEAP_DUMP_SEGMENT -> {
                    if (open == null) {
                        open = new DumpRecords(dumps.size(), pos);
                        dumps.add(open);
                    }
                    if (len > 0) { // an empty segment is legal and holds nothing: no range to keep
                        open.add(body, Math.min(end, size));
                    }
                    open.lastRecordEnd = Math.min(end, size);
                }
                case Tags.HEAP_DUMP_END -> {
                    if (open != null) {
                        open.complete = true;
                        open = null;
                    }
                }
                default -> {
                    // Other top-level records (CPU samples, thread start/end...) carry nothing we show.
                }
            }
            if (cut) {
                break;
            }
            // Touching each segment's header maps the pages around it, and with the kernel's
            // readahead and large folios that is most of the file (a 1.1 GB dump of 1 MB segments
            // was all resident after this walk): drop them as the scan does.
            bytes.readAbout(Math.min(end - pos, FAR), HeapScanner.RESIDENT_BUDGET);
            lastEnd = pos + 9;
            if (tag != Tags.HEAP_DUMP && tag != Tags.HEAP_DUMP_SEGMENT) {
                lastEnd = end; // a record whose body was read: the next header is on the pages just mapped
            }
            pos = end;
        }
        if (open != null && problems.isEmpty()) {
            problems.add(new Truncation(size, "file ends at byte " + size + " after a HEAP_DUMP_SEGMENT without the "
                    + "HEAP_DUMP_END record: the rest of heap dump " + open.index() + " is missing"));
        }
        if (emptyDumps > 0) {
            problems.add(new Truncation(firstEmptyDump, emptyDumps == 1
                    ? "an empty HEAP_DUMP record at byte " + firstEmptyDump + " is ignored"
                    : Units.count(emptyDumps) + " empty HEAP_DUMP records (the first at byte " + firstEmptyDump
                            + ") are ignored"));
        }
        progress.progress(size);
    }

    public Path file() {
        return file;
    }

    public Container container() {
        return container;
    }

    public HprofBytes bytes() {
        return bytes;
    }

    public HprofHeader header() {
        return header;
    }

    public int idSize() {
        return header.idSize();
    }

    public List<DumpRecords> dumps() {
        return List.copyOf(dumps);
    }

    /** Problems found while reading: empty when the file is whole. */
    public List<Truncation> problems() {
        return problems;
    }

    /** The string with this id, or null. */
    public String string(long id) {
        if (id == 0) {
            return null;
        }
        String s = stringCache.get(id);
        if (s != null) {
            return s;
        }
        long pos = strings.get(id);
        if (pos < 0) {
            return null;
        }
        long len = bytes.u4unsigned(pos + 5) - header.idSize();
        byte[] b = bytes.bytes(pos + 9 + header.idSize(), (int) Math.min(len, 1 << 20));
        s = new String(b, StandardCharsets.UTF_8);
        stringCache.put(id, s);
        return s;
    }

    /** The Java name of the class with this class-object id ({@code java.lang.String}, {@code byte[]}), or null. */
    public String className(long classId) {
        String raw = string(classNameIds.get(classId));
        return raw == null ? null : javaName(raw);
    }

    public long classIdBySerial(long serial) {
        return classBySerial.get(serial);
    }

    public long frameRecord(long frameId) {
        return frames.get(frameId);
    }

    public long traceRecord(long serial) {
        return traces.get(serial);
    }

    /** {@code java/lang/String} to {@code java.lang.String}; {@code [[B} to {@code byte[][]}. */
    public static String javaName(String raw) {
        int dims = 0;
        while (dims < raw.length() && raw.charAt(dims) == '[') {
            dims++;
        }
        String base;
        if (dims == 0) {
            base = raw;
        } else {
            String rest = raw.substring(dims);
            base = switch (rest) {
                case "Z" -> "boolean";
                case "C" -> "char";
                case "F" -> "float";
                case "D" -> "double";
                case "B" -> "byte";
                case "S" -> "short";
                case "I" -> "int";
                case "J" -> "long";
                default -> rest.startsWith("L") && rest.endsWith(";") ? rest.substring(1, rest.length() - 1) : rest;
            };
        }
        StringBuilder sb = new StringBuilder(base.replace('/', '.'));
        for (int i = 0; i < dims; i++) {
            sb.append("[]");
        }
        return sb.toString();
    }

    /**
     * After {@link #close()}: drops the inflated copy of a plain gzip dump from the cache, for an
     * open that failed on the dump's content, whose copy would only take disk.
     */
    public void discardCopy() {
        if (inflatedCopy != null) {
            inflatedCopy.discard();
        }
    }

    @Override
    public void close() {
        bytes.close();
    }
}
