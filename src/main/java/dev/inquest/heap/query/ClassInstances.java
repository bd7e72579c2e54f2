package dev.inquest.heap.query;

import dev.inquest.heap.graph.DominatorTree;
import dev.inquest.heap.index.ClassInfo;
import dev.inquest.heap.index.DumpInternals;
import dev.inquest.heap.index.HeapIndex;
import dev.inquest.heap.model.HeapDump;
import dev.inquest.heap.store.IntArray;
import dev.inquest.heap.store.LongArray;
import dev.inquest.progress.Progress;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.List;
import java.util.stream.IntStream;

/**
 * The reachable instances of every class, in node order, with their count and shallow sum: one
 * parallel pass over the node columns, built once per open dump and shared by the queries
 * ({@link #of}), so "all Strings", "every collection", "instances of X" cost what they hold, not
 * a scan of every object. Class objects (indexed as instances of {@code java.lang.Class}) are kept
 * apart, under {@link #classObjects()}. 4 bytes per reachable object (8 past 2^31 nodes), off-heap.
 */
public final class ClassInstances {
    private final long[] start; // per ordinal, and one more slot for the class objects; then the end
    private final long[] shallow;
    private final IntArray nodes32;
    private final LongArray nodes64;

    private ClassInstances(long[] start, long[] shallow, IntArray nodes32, LongArray nodes64) {
        this.start = start;
        this.shallow = shallow;
        this.nodes32 = nodes32;
        this.nodes64 = nodes64;
    }

    /** The dump's instance index, built on first use (one pass over the nodes) and kept while it is open. */
    public static ClassInstances of(HeapDump dump, Progress progress) {
        return dump.derived(ClassInstances.class, d -> DumpInternals.of(d).derivedStore().loadOrBuild(STORED, 3, s -> stored(d, s),
                () -> build(d, progress), built -> {
                    Arena copies = Arena.ofAuto(); // a heap long[] has no ByteBuffer view to write from
                    return List.of(copies.allocateFrom(ValueLayout.JAVA_LONG, built.start),
                            copies.allocateFrom(ValueLayout.JAVA_LONG, built.shallow),
                            built.nodes32 != null ? built.nodes32.segment() : built.nodes64.segment());
                }));
    }

    private static final String STORED = "instances";

    /** The index as stored by an earlier open of the same index file, or null when it does not fit this dump. */
    private static ClassInstances stored(HeapDump dump, List<MemorySegment> s) {
        int classes = DumpInternals.of(dump).index().classes().size();
        boolean narrow = DumpInternals.of(dump).index().nodeCount() <= Integer.MAX_VALUE;
        if (s.get(0).byteSize() != (classes + 2L) * Long.BYTES || s.get(1).byteSize() != (classes + 1L) * Long.BYTES) {
            return null;
        }
        long[] start = s.get(0).toArray(ValueLayout.JAVA_LONG);
        long[] shallow = s.get(1).toArray(ValueLayout.JAVA_LONG);
        if (s.get(2).byteSize() != start[classes + 1] * (narrow ? Integer.BYTES : Long.BYTES)) {
            return null;
        }
        return narrow ? new ClassInstances(start, shallow, IntArray.wrap(s.get(2)), null)
                : new ClassInstances(start, shallow, null, LongArray.wrap(s.get(2)));
    }

    /** The pseudo ordinal under which class objects are listed. */
    /**
     * The reachable instance of a class (of all classes of that name) that retains the most, or -1
     * when it has none: what a class row's "Inspect" opens.
     */
    public static long largest(HeapDump dump, String className, Progress progress) {
        ClassInstances all = of(dump, progress);
        long best = -1;
        for (var c : DumpInternals.of(dump).index().classes()) {
            if (!c.name().equals(className)) {
                continue;
            }
            for (long i = all.begin(c.ordinal()), end = all.end(c.ordinal()); i < end; i++) {
                long v = all.node(i);
                if (best < 0 || dump.retained(v) > dump.retained(best) || dump.retained(v) == dump.retained(best) && v < best) {
                    best = v;
                }
            }
            progress.checkCancelled();
        }
        return best;
    }

    public int classObjects() {
        return start.length - 2;
    }

    public long count(int ordinal) {
        return start[ordinal + 1] - start[ordinal];
    }

    public long shallow(int ordinal) {
        return shallow[ordinal];
    }

    /** Position of the ordinal's first instance in {@link #node}; its instances run to {@code end(ordinal)}. */
    public long begin(int ordinal) {
        return start[ordinal];
    }

    public long end(int ordinal) {
        return start[ordinal + 1];
    }

    public long node(long position) {
        return nodes32 != null ? nodes32.get(position) : nodes64.get(position);
    }

    /** The instances of one class, in node order. */
    public long[] nodes(int ordinal) {
        long[] out = new long[Math.toIntExact(count(ordinal))];
        for (int i = 0; i < out.length; i++) {
            out[i] = node(start[ordinal] + i);
        }
        return out;
    }

    private static ClassInstances build(HeapDump dump, Progress progress) {
        HeapIndex index = DumpInternals.of(dump).index();
        DominatorTree tree = DumpInternals.of(dump).dominatorTree();
        int classes = index.classes().size();
        int javaLangClass = -1;
        for (ClassInfo c : index.classes()) {
            if (c.name().equals("java.lang.Class")) {
                javaLangClass = c.ordinal();
            }
        }
        int classKey = classes;
        int jlc = javaLangClass;
        long n = index.nodeCount();
        int chunks = (int) Math.max(1, Math.min(4L * Runtime.getRuntime().availableProcessors(), n >> 16));
        long per = (n + chunks - 1) / chunks;
        long[][] counts = new long[chunks][];
        long[][] sums = new long[chunks][];
        // Pass 1: per chunk, instances and shallow bytes per class.
        IntStream.range(0, chunks).parallel().forEach(c -> {
            long[] cnt = new long[classes + 1];
            long[] sum = new long[classes + 1];
            for (long v = c * per, end = Math.min(n, v + per); v < end; v++) {
                if ((v & 0xFFFF) == 0) {
                    progress.checkCancelled();
                }
                int o = run(index, tree, jlc, classKey, v);
                if (o < 0) {
                    continue;
                }
                cnt[o]++;
                sum[o] += index.shallowSize(v);
            }
            counts[c] = cnt;
            sums[c] = sum;
        });
        long[] start = new long[classes + 2];
        long[] shallow = new long[classes + 1];
        long[][] cursor = new long[chunks][classes + 1];
        long pos = 0;
        for (int o = 0; o <= classes; o++) {
            start[o] = pos;
            for (int c = 0; c < chunks; c++) {
                cursor[c][o] = pos;
                pos += counts[c][o];
                shallow[o] += sums[c][o];
            }
        }
        start[classes + 1] = pos;
        Arena arena = Arena.ofAuto(); // freed with this index, when the dump's cache lets go of it
        IntArray n32 = n <= Integer.MAX_VALUE ? IntArray.allocate(arena, pos) : null;
        LongArray n64 = n32 == null ? LongArray.allocate(arena, pos) : null;
        // Pass 2: each chunk fills its own slice of every class's run, so each run stays in node order.
        IntStream.range(0, chunks).parallel().forEach(c -> {
            long[] at = cursor[c];
            for (long v = c * per, end = Math.min(n, v + per); v < end; v++) {
                if ((v & 0xFFFF) == 0) {
                    progress.checkCancelled();
                }
                int o = run(index, tree, jlc, classKey, v);
                if (o < 0) {
                    continue;
                }
                if (n32 != null) {
                    n32.set(at[o]++, (int) v);
                } else {
                    n64.set(at[o]++, v);
                }
            }
        });
        return new ClassInstances(start, shallow, n32, n64);
    }

    /**
     * The run a node is listed in: its class's, except class objects, which share one run of
     * their own rather than mixing with instances of java.lang.Class; -1 when unreachable.
     */
    private static int run(HeapIndex index, DominatorTree tree, int javaLangClass, int classKey, long v) {
        if (!tree.isReachable(v)) {
            return -1;
        }
        int o = index.classOrdinal(v);
        return o == javaLangClass && index.isClassObject(v) ? classKey : o;
    }
}
