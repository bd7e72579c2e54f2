package dev.inquest.heap.hprof;

import dev.inquest.heap.store.LongList;

/**
 * One heap dump inside an HPROF file: a HEAP_DUMP record, or a run of HEAP_DUMP_SEGMENT records
 * ended by HEAP_DUMP_END. Holds the body ranges of its records; {@code complete} is false when
 * the file ended (or broke) before the dump did.
 */
public final class DumpRecords {
    private final int index;
    private final long firstRecord;
    final LongList bodyStarts = new LongList();
    final LongList bodyEnds = new LongList();
    boolean complete;
    long lastRecordEnd;

    DumpRecords(int index, long firstRecord) {
        this.index = index;
        this.firstRecord = firstRecord;
    }

    public int index() {
        return index;
    }

    public long firstRecord() {
        return firstRecord;
    }

    public long records() {
        return bodyStarts.size();
    }

    public long bodyStart(long i) {
        return bodyStarts.get(i);
    }

    public long bodyEnd(long i) {
        return bodyEnds.get(i);
    }

    public boolean complete() {
        return complete;
    }

    /** Bytes of heap records (sub-record bytes) this dump spans. */
    public long bodyBytes() {
        long sum = 0;
        for (long i = 0; i < bodyStarts.size(); i++) {
            sum += bodyEnds.get(i) - bodyStarts.get(i);
        }
        return sum;
    }

    void add(long start, long end) {
        bodyStarts.add(start);
        bodyEnds.add(end);
    }
}
