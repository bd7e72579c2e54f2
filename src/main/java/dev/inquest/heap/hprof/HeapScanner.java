package dev.inquest.heap.hprof;

import dev.inquest.heap.store.BigLongList;
import dev.inquest.heap.store.Spill;
import dev.inquest.progress.Progress;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;

/**
 * One sequential pass over the sub-records of one heap dump. It never throws on bad data: a
 * sub-record that runs past its record or the file, or an unknown tag, ends the pass there
 * and is reported as a {@link Truncation}; everything before it stays usable.
 */
public final class HeapScanner {
    private final HprofBytes b;
    private final int id;
    private final HeapScan out = new HeapScan();
    private final BigLongList ids;
    private final BigLongList offsets;
    private final AtomicLong done;
    private long prevArrayId = -1;
    private long prevArrayLength;
    /** Class ids noted recently (direct-mapped): instances of a few classes alternate, skip the hash put. */
    private final long[] seenClasses = new long[512];
    private final boolean[] seenValid = new boolean[512];
    /** The same for object arrays' class ids. */
    private final long[] seenArrayClasses = new long[512];
    private final boolean[] seenArrayValid = new boolean[512];
    /**
     * Ids and offsets collected here and appended to the columns {@value #BUFFERED} at a time: the
     * per-object path is then two array stores and a test that is true every few thousand
     * objects, which the JIT sees taken while it profiles. Appending to the columns one by one,
     * "start a new 8 MB chunk" came first after a million objects, after compilation, and each
     * such first time threw the scan's compiled code away (three recompilations of it per open).
     */
    private static final int BUFFERED = 1 << 12;
    private final long[] idBuffer = new long[BUFFERED];
    private final long[] offsetBuffer = new long[BUFFERED];
    private int buffered;

    private HeapScanner(HprofFile file, AtomicLong done, Spill spill) {
        this.done = done;
        this.ids = new BigLongList(spill);
        this.offsets = new BigLongList(spill);
        out.idParts.add(ids);
        out.offsetParts.add(offsets);
        this.b = file.bytes();
        this.id = file.idSize();
    }

    /**
     * Scans the dump's records, split into contiguous groups scanned in parallel when it has
     * several records (HotSpot writes HEAP_DUMP_SEGMENTs); results are merged in file order, and
     * a group that stops early (truncation, damage) makes later groups' results void.
     */
    /** How much of the mapped dump a pass may keep resident before its pages are dropped. */
    public static final long RESIDENT_BUDGET = 64L << 20;

    public static HeapScan scan(HprofFile file, DumpRecords dump, Progress progress) {
        return scan(file, dump, Spill.NONE, progress);
    }

    /** As {@link #scan(HprofFile, DumpRecords, Progress)}, the object columns in {@code spill}'s files when it is active. */
    public static HeapScan scan(HprofFile file, DumpRecords dump, Spill spill, Progress progress) {
        long total = dump.bodyBytes();
        progress.phase("Scanning heap records", total, Progress.Unit.BYTES);
        file.bytes().releaseResident(); // the top-level walk's pages: a 4 GB dump left ~700 MB resident
        long records = dump.records();
        int groups = (int) Math.max(1, Math.min(records, Runtime.getRuntime().availableProcessors()));
        if (total < (16 << 20)) {
            groups = 1;
        }
        // Split by bytes, not record count: segments vary in size.
        long[] bounds = new long[groups + 1];
        bounds[groups] = records;
        long acc = 0;
        int g = 1;
        for (long r = 0; r < records && g < groups; r++) {
            acc += dump.bodyEnd(r) - dump.bodyStart(r);
            if (acc >= total * g / groups) {
                bounds[g++] = r + 1;
            }
        }
        while (g < groups) {
            bounds[g++] = records;
        }
        AtomicLong done = new AtomicLong();
        List<HeapScan> parts = new ArrayList<>();
        for (int i = 0; i < groups; i++) {
            parts.add(null);
        }
        final int n = groups;
        try {
            IntStream.range(0, n).parallel().forEach(i -> parts.set(i,
                    new HeapScanner(file, done, spill).run(dump, bounds[i], bounds[i + 1], progress)));
        } catch (RuntimeException | Error e) {
            parts.stream().filter(java.util.Objects::nonNull).forEach(HeapScan::releaseObjects);
            throw e;
        }
        HeapScan out = parts.getFirst();
        for (int i = 1; i < n; i++) {
            if (out.stoppedAt != null) {
                parts.get(i).releaseObjects();
                continue;
            }
            out.merge(parts.get(i));
        }
        progress.progress(total);
        file.bytes().releaseResident();
        return out;
    }

    private HeapScan run(DumpRecords dump, long from, long to, Progress progress) {
        for (long r = from; r < to; r++) {
            long s = dump.bodyStart(r);
            long e = dump.bodyEnd(r);
            boolean last = r == dump.records() - 1;
            long stop = scanRange(s, e, last && !dump.complete(), progress, done.get());
            done.addAndGet(e - s);
            b.readAbout(e - s, RESIDENT_BUDGET);
            if (stop >= 0) {
                break;
            }
        }
        flush();
        return out;
    }

    /** Returns -1 when the range was read whole, else the offset where reading stopped. */
    private long scanRange(long start, long end, boolean cutByFileEnd, Progress progress, long doneBefore) {
        long p = start;
        long nextReport = p + (4 << 20);
        while (p < end) {
            if (p >= nextReport) {
                progress.progress(doneBefore + (p - start));
                progress.checkCancelled();
                nextReport = p + (4 << 20);
            }
            int tag = b.u1(p);
            long next = subRecord(tag, p, end);
            if (next < 0) {
                String what;
                if (next == -2) {
                    what = String.format("unknown heap sub-record tag 0x%02X at byte %d; %,d bytes of the dump after it "
                            + "cannot be read", tag, p, end - p);
                } else if (cutByFileEnd) {
                    what = "the file ends inside the " + Tags.subRecordName(tag) + " sub-record starting at byte " + p
                            + "; objects from there on are missing";
                } else {
                    what = "the " + Tags.subRecordName(tag) + " sub-record at byte " + p + " is damaged or runs past the end of its record "
                            + "(byte " + end + "); the rest of the dump cannot be read";
                }
                out.stoppedAt = new Truncation(p, what);
                return p;
            }
            p = next;
        }
        return -1;
    }

    /** End of the sub-record at {@code p}, -1 when it does not fit before {@code end}, -2 for an unknown tag. */
    private long subRecord(int tag, long p, long end) {
        long q = p + 1;
        switch (tag) {
            case Tags.ROOT_UNKNOWN, Tags.ROOT_STICKY_CLASS, Tags.ROOT_MONITOR_USED -> {
                return root(tag, q, q + id, end, 0);
            }
            case Tags.ROOT_JNI_GLOBAL -> {
                return root(tag, q, q + 2L * id, end, 0);
            }
            case Tags.ROOT_JNI_LOCAL, Tags.ROOT_JAVA_FRAME -> {
                if (q + id + 8 > end) {
                    return -1;
                }
                return root(tag, q, q + id + 8, end, b.u4unsigned(q + id));
            }
            case Tags.ROOT_NATIVE_STACK, Tags.ROOT_THREAD_BLOCK -> {
                if (q + id + 4 > end) {
                    return -1;
                }
                return root(tag, q, q + id + 4, end, b.u4unsigned(q + id));
            }
            case Tags.ROOT_THREAD_OBJ -> {
                if (q + id + 8 > end) {
                    return -1;
                }
                long serial = b.u4unsigned(q + id);
                out.threadObjectBySerial.put(serial, b.id(q, id));
                out.threadTraceBySerial.put(serial, b.u4unsigned(q + id + 4));
                return root(tag, q, q + id + 8, end, serial);
            }
            case Tags.INSTANCE_DUMP -> {
                long h = RecordLayout.instanceFieldsAt(p, id);
                if (h > end) {
                    return -1;
                }
                long next = h + b.u4unsigned(RecordLayout.instanceLengthAt(p, id));
                if (next > end) {
                    return -1;
                }
                long classId = b.id(RecordLayout.instanceClassIdAt(p, id), id);
                int slot = (int) ((classId * 0x9E3779B97F4A7C15L) >>> 55);
                if (!seenValid[slot] || seenClasses[slot] != classId) {
                    out.instanceClassIds.putIfAbsent(classId, p); // the first instance names a missing class
                    seenClasses[slot] = classId;
                    seenValid[slot] = true;
                }
                out.instances++;
                object(b.id(RecordLayout.objectIdAt(p), id), p);
                return next;
            }
            case Tags.OBJ_ARRAY_DUMP -> {
                long h = RecordLayout.objArrayElementsAt(p, id);
                if (h > end) {
                    return -1;
                }
                long n = b.u4unsigned(RecordLayout.arrayLengthAt(p, id));
                long next = h + n * id;
                if (next > end) {
                    return -1;
                }
                long objId = b.id(RecordLayout.objectIdAt(p), id);
                long arrayClassId = b.id(RecordLayout.objArrayClassIdAt(p, id), id);
                int arraySlot = (int) ((arrayClassId * 0x9E3779B97F4A7C15L) >>> 55);
                if (!seenArrayValid[arraySlot] || seenArrayClasses[arraySlot] != arrayClassId) {
                    out.arrayClassIds.put(arrayClassId, 1);
                    seenArrayClasses[arraySlot] = arrayClassId;
                    seenArrayValid[arraySlot] = true;
                }
                if (id == 8 && prevArrayId >= 0 && Long.compareUnsigned(objId, prevArrayId) > 0
                        && Long.compareUnsigned(objId, prevArrayId + 16 + 8 * prevArrayLength) < 0) {
                    // Only 4-byte references let the next array start inside the span 8-byte ones would need.
                    out.compressedOops = true;
                }
                prevArrayId = objId;
                prevArrayLength = n;
                out.objectArrays++;
                object(objId, p);
                return next;
            }
            case Tags.PRIM_ARRAY_DUMP -> {
                long h = RecordLayout.primArrayDataAt(p, id);
                if (h > end) {
                    return -1;
                }
                long n = b.u4unsigned(RecordLayout.arrayLengthAt(p, id));
                int type = b.u1(RecordLayout.primArrayTypeAt(p, id));
                int size = Tags.size(type, id);
                if (size < 0 || type == Tags.T_OBJECT) {
                    return -1;
                }
                long next = h + n * size;
                if (next > end) {
                    return -1;
                }
                out.primitiveTypesSeen[type] = true;
                out.primitiveArrays++;
                object(b.id(RecordLayout.objectIdAt(p), id), p);
                return next;
            }
            case Tags.CLASS_DUMP -> {
                return classDump(p, end);
            }
            default -> {
                return -2;
            }
        }
    }

    private long root(int tag, long q, long next, long end, long serial) {
        if (next > end) {
            return -1;
        }
        out.rootIds.add(b.id(q, id));
        out.rootMeta.add((long) tag << 32 | serial);
        out.rootCountsByKind[tag]++;
        return next;
    }

    private void object(long objId, long offset) {
        idBuffer[buffered] = objId;
        offsetBuffer[buffered] = offset;
        // The unsigned maximum without a branch (rarely taken after the first objects, see above).
        out.maxId = Math.max(objId ^ Long.MIN_VALUE, out.maxId ^ Long.MIN_VALUE) ^ Long.MIN_VALUE;
        if (++buffered == BUFFERED) {
            flush();
        }
    }

    private void flush() {
        ids.addAll(idBuffer, buffered);
        offsets.addAll(offsetBuffer, buffered);
        buffered = 0;
    }

    private long classDump(long p, long end) {
        long fixed = RecordLayout.classConstantPoolAt(p, id);
        if (fixed + 2 > end) {
            return -1;
        }
        long classId = b.id(RecordLayout.objectIdAt(p), id);
        long superId = b.id(RecordLayout.classSuperIdAt(p, id), id);
        long loaderId = b.id(RecordLayout.classLoaderIdAt(p, id), id);
        int instanceSize = b.u4(RecordLayout.classInstanceSizeAt(p, id));
        long r = fixed;
        int cp = b.u2(r);
        r += 2;
        for (int i = 0; i < cp; i++) {
            if (r + 3 > end) {
                return -1;
            }
            int size = Tags.size(b.u1(r + 2), id);
            if (size < 0) {
                return -1;
            }
            r += 3 + size;
        }
        if (r + 2 > end) {
            return -1;
        }
        int statics = b.u2(r);
        r += 2;
        long[] sNames = new long[statics];
        byte[] sTypes = new byte[statics];
        long[] sValues = new long[statics];
        for (int i = 0; i < statics; i++) {
            if (r + id + 1 > end) {
                return -1;
            }
            sNames[i] = b.id(r, id);
            int type = b.u1(r + id);
            int size = Tags.size(type, id);
            if (size < 0) {
                return -1;
            }
            sTypes[i] = (byte) type;
            sValues[i] = r + id + 1;
            r += id + 1 + size;
        }
        if (r + 2 > end) {
            return -1;
        }
        int fields = b.u2(r);
        r += 2;
        long[] fNames = new long[fields];
        byte[] fTypes = new byte[fields];
        for (int i = 0; i < fields; i++) {
            if (r + id + 1 > end) {
                return -1;
            }
            fNames[i] = b.id(r, id);
            int type = b.u1(r + id);
            if (Tags.size(type, id) < 0) {
                return -1;
            }
            fTypes[i] = (byte) type;
            r += id + 1;
        }
        if (r > end) {
            return -1;
        }
        if (out.classIndexById.get(classId) < 0) {
            out.classIndexById.put(classId, out.classes.size());
            out.classes.add(new ClassDump(classId, p, superId, loaderId, instanceSize, sNames, sTypes, sValues, fNames, fTypes));
            out.classDumps++;
            object(classId, p);
        }
        return r;
    }
}
