package dev.inquest.heap.index;

import dev.inquest.heap.GcRootKind;
import dev.inquest.heap.store.IntArray;
import dev.inquest.heap.store.LongArray;
import dev.inquest.heap.store.LongLongMap;

/**
 * The GC root records of the dump whose object exists (roots naming missing objects are
 * dropped, as MAT does), with their kind and thread serial, plus the thread table:
 * thread serial to thread object node and stack trace serial.
 */
public final class GcRoots {
    private final LongArray nodes;
    private final IntArray kinds;
    private final LongArray threadSerials;
    private final long count;
    private final long dropped;
    private final LongLongMap threadNodeBySerial;
    private final LongLongMap traceBySerial;

    GcRoots(LongArray nodes, IntArray kinds, LongArray threadSerials, long count, long dropped,
            LongLongMap threadNodeBySerial, LongLongMap traceBySerial) {
        this.nodes = nodes;
        this.kinds = kinds;
        this.threadSerials = threadSerials;
        this.count = count;
        this.dropped = dropped;
        this.threadNodeBySerial = threadNodeBySerial;
        this.traceBySerial = traceBySerial;
    }

    LongArray nodesArray() {
        return nodes;
    }

    IntArray kindsArray() {
        return kinds;
    }

    LongArray serialsArray() {
        return threadSerials;
    }

    LongLongMap threadNodeMap() {
        return threadNodeBySerial;
    }

    LongLongMap traceMap() {
        return traceBySerial;
    }

    public long count() {
        return count;
    }

    /** Root records whose object is not in the dump. */
    public long dropped() {
        return dropped;
    }

    public long node(long i) {
        return nodes.get(i);
    }

    public GcRootKind kind(long i) {
        return GcRootKind.of(kinds.get(i));
    }

    public long threadSerial(long i) {
        return threadSerials.get(i);
    }

    /** Node of the thread object with this serial, or -1. */
    public long threadNode(long serial) {
        return threadNodeBySerial.get(serial);
    }

    public long[] threadSerials() {
        return threadNodeBySerial.keys();
    }

    /** Stack trace serial of the thread, or -1. */
    public long traceSerial(long threadSerial) {
        return traceBySerial.get(threadSerial);
    }
}
