package dev.inquest.heap.hprof;

import dev.inquest.heap.store.BigLongList;
import dev.inquest.heap.store.LongList;
import dev.inquest.heap.store.LongLongMap;
import java.util.ArrayList;
import java.util.List;

/**
 * What one sequential pass over a dump's heap records collected: every object's id and the file
 * offset of its sub-record, the class dumps, the roots, and the facts the size rules need
 * (compressed oops, largest id). Object order is file order; the index builder sorts it.
 */
public final class HeapScan {
    /** Object ids and record offsets in file order, in parts (one per scan worker, then extras). */
    public final List<BigLongList> idParts = new ArrayList<>();
    public final List<BigLongList> offsetParts = new ArrayList<>();
    public final List<ClassDump> classes = new ArrayList<>();
    public final LongLongMap classIndexById = new LongLongMap(1 << 12, -1);
    /** Root object ids and {@code kind << 32 | threadSerial} (serial 0 when the kind has none). */
    public final LongList rootIds = new LongList();
    public final LongList rootMeta = new LongList();
    public final LongLongMap threadObjectBySerial = new LongLongMap(64, 0);
    public final LongLongMap threadTraceBySerial = new LongLongMap(64, -1);
    /**
     * Class ids that instances / object arrays name, to find the ones without a CLASS_DUMP; for
     * instances the value is the offset of the first INSTANCE_DUMP naming it.
     */
    public final LongLongMap instanceClassIds = new LongLongMap(1 << 10, 0);
    public final LongLongMap arrayClassIds = new LongLongMap(1 << 10, 0);
    public final boolean[] primitiveTypesSeen = new boolean[12];
    public final long[] rootCountsByKind = new long[256];
    public long instances;
    public long objectArrays;
    public long primitiveArrays;
    public long classDumps;
    public long maxId;
    public boolean compressedOops;
    /** Where the scan stopped early, or null when every sub-record was read. */
    public Truncation stoppedAt;
    /** Records that contradict each other, found while the index is built (superclass cycles, undefined classes). */
    public final List<Truncation> damage = new ArrayList<>();

    public long objectCount() {
        long n = 0;
        for (BigLongList p : idParts) {
            n += p.size();
        }
        return n;
    }

    /** Frees the id/offset columns once the index has its sorted copy. */
    public void releaseObjects() {
        idParts.forEach(BigLongList::close);
        offsetParts.forEach(BigLongList::close);
        idParts.clear();
        offsetParts.clear();
    }

    /** Appends a later worker's findings (file order is kept: this one's objects come first). */
    void merge(HeapScan o) {
        idParts.addAll(o.idParts);
        offsetParts.addAll(o.offsetParts);
        for (ClassDump c : o.classes) {
            if (classIndexById.get(c.id()) < 0) {
                classIndexById.put(c.id(), classes.size());
                classes.add(c);
            }
        }
        for (long i = 0; i < o.rootIds.size(); i++) {
            rootIds.add(o.rootIds.get(i));
            rootMeta.add(o.rootMeta.get(i));
        }
        for (long k : o.threadObjectBySerial.keys()) {
            threadObjectBySerial.put(k, o.threadObjectBySerial.get(k));
        }
        for (long k : o.threadTraceBySerial.keys()) {
            threadTraceBySerial.put(k, o.threadTraceBySerial.get(k));
        }
        for (long k : o.instanceClassIds.keys()) {
            instanceClassIds.putIfAbsent(k, o.instanceClassIds.get(k)); // this worker's records come first
        }
        for (long k : o.arrayClassIds.keys()) {
            arrayClassIds.put(k, 1);
        }
        for (int t = 0; t < primitiveTypesSeen.length; t++) {
            primitiveTypesSeen[t] |= o.primitiveTypesSeen[t];
        }
        for (int k = 0; k < rootCountsByKind.length; k++) {
            rootCountsByKind[k] += o.rootCountsByKind[k];
        }
        instances += o.instances;
        objectArrays += o.objectArrays;
        primitiveArrays += o.primitiveArrays;
        classDumps += o.classDumps;
        if (Long.compareUnsigned(o.maxId, maxId) > 0) {
            maxId = o.maxId;
        }
        compressedOops |= o.compressedOops;
        stoppedAt = o.stoppedAt;
    }
}
