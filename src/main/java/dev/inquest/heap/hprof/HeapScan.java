package dev.inquest.heap.hprof;

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
    public final LongList objectIds = new LongList();
    public final LongList objectOffsets = new LongList();
    public final List<ClassDump> classes = new ArrayList<>();
    public final LongLongMap classIndexById = new LongLongMap(1 << 12, -1);
    /** Root object ids and {@code kind << 32 | threadSerial} (serial 0 when the kind has none). */
    public final LongList rootIds = new LongList();
    public final LongList rootMeta = new LongList();
    public final LongLongMap threadObjectBySerial = new LongLongMap(64, 0);
    public final LongLongMap threadTraceBySerial = new LongLongMap(64, -1);
    /** Class ids that instances / object arrays name, to find the ones without a CLASS_DUMP. */
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
}
