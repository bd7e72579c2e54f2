package dev.inquest.jfr.read.rules;

import dev.inquest.jfr.read.FrameNames;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import jdk.jfr.consumer.EventStream;
import jdk.jfr.consumer.RecordedClass;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordedThread;

/**
 * Allocation by class, thread and site (the stack's top frame), from allocation samples, and the
 * TLAB events' bytes inside and outside TLABs.
 *
 * <p>The hot path allocates nothing per event: the JDK's parser hands the same class, thread and
 * stack-trace objects for the same constant, so sums are kept by identity and named once per
 * distinct object when the groups merge.
 */
final class AllocationProbe implements Probe<AllocationProbe> {
    static final String IN_NEW_TLAB = "jdk.ObjectAllocationInNewTLAB";
    static final String OUTSIDE_TLAB = "jdk.ObjectAllocationOutsideTLAB";
    // The TLAB events can be millions (15 million in the 240 MB benchmark recording): only their
    // sizes' totals are wanted, summed on the raw bytes while the chunks are filtered.
    static final Kind<AllocationProbe> KIND = new Kind<>("allocation", Set.of("jdk.ObjectAllocationSample",
            "jdk.ThreadAllocationStatistics", "jdk.BooleanFlag", "jdk.ActiveRecording", "jdk.GCHeapSummary",
            "jdk.GCHeapConfiguration"),
            Map.of(IN_NEW_TLAB, "tlabSize", OUTSIDE_TLAB, "allocationSize"), AllocationProbe::new);

    private final IdentityHashMap<RecordedClass, long[]> byClassId = new IdentityHashMap<>();
    private final IdentityHashMap<RecordedThread, long[]> byThreadId = new IdentityHashMap<>();
    private final IdentityHashMap<RecordedStackTrace, long[]> byStackId = new IdentityHashMap<>();
    /** Bytes of byte[] and char[] by stack, for string deduplication. */
    private final IdentityHashMap<RecordedStackTrace, long[]> stringArraysByStackId = new IdentityHashMap<>();
    private final IdentityHashMap<RecordedClass, Boolean> stringArrayClass = new IdentityHashMap<>();

    final Map<String, Long> byClass = new HashMap<>();
    final Map<String, Long> byThread = new HashMap<>();
    final Map<String, Long> bySite = new HashMap<>();
    long sampledBytes;
    long samples;
    long stringArrayBytes;
    long stringArrayBytesFromStrings;
    long tlabBytes;
    long tlabEvents;
    long outsideBytes;
    long outsideEvents;
    /** Per thread id: the first and last cumulative allocated bytes of jdk.ThreadAllocationStatistics. */
    final Map<Long, long[]> threadTotals = new HashMap<>();
    Boolean stringDeduplication;
    /**
     * Written by async-profiler (its jdk.ActiveRecording is named so): its allocation events are
     * samples carrying estimated weights, not every TLAB or object.
     */
    boolean asyncProfiler;
    /** The largest heap used after a GC, and the maximum heap: how full the heap runs (string deduplication). */
    long maxUsedAfterGc = -1;
    long maxHeap = -1;

    @Override
    public void subscribe(EventStream s, Runnable tick) {
        s.onEvent("jdk.ObjectAllocationSample", e -> {
            tick.run();
            long w = e.getLong("weight");
            samples++;
            sampledBytes += w;
            RecordedClass c = e.getClass("objectClass");
            if (c != null) {
                byClassId.computeIfAbsent(c, k -> new long[1])[0] += w;
            }
            RecordedThread t = e.getThread();
            if (t != null) {
                byThreadId.computeIfAbsent(t, k -> new long[1])[0] += w;
            }
            RecordedStackTrace st = e.getStackTrace();
            if (st != null) {
                byStackId.computeIfAbsent(st, k -> new long[1])[0] += w;
                if (c != null && stringArrayClass.computeIfAbsent(c, AllocationProbe::isStringArray)) {
                    stringArrayBytes += w;
                    stringArraysByStackId.computeIfAbsent(st, k -> new long[1])[0] += w;
                }
            }
        });
        s.onEvent("jdk.ThreadAllocationStatistics", e -> {
            tick.run();
            RecordedThread t = e.getThread("thread");
            if (t == null) {
                return;
            }
            long id = t.getId();
            long v = e.getLong("allocated");
            long time = e.getStartTime().toEpochMilli();
            long[] a = threadTotals.get(id);
            if (a == null) {
                threadTotals.put(id, new long[] {time, v, time, v});
            } else {
                // Ties on the millisecond: the smaller first, the larger last (the count only grows),
                // so the groups agree whatever order they merge in.
                if (time < a[0] || time == a[0] && v < a[1]) {
                    a[0] = time;
                    a[1] = v;
                }
                if (time > a[2] || time == a[2] && v > a[3]) {
                    a[2] = time;
                    a[3] = v;
                }
            }
        });
        s.onEvent("jdk.GCHeapSummary", e -> {
            tick.run();
            if ("After GC".equals(e.getString("when"))) {
                maxUsedAfterGc = Math.max(maxUsedAfterGc, e.getLong("heapUsed"));
            }
        });
        s.onEvent("jdk.GCHeapConfiguration", e -> {
            tick.run();
            maxHeap = Math.max(maxHeap, e.getLong("maxSize"));
        });
        s.onEvent("jdk.ActiveRecording", e -> {
            tick.run();
            String name = e.getString("name");
            asyncProfiler |= name != null && name.startsWith("async-profiler");
        });
        s.onEvent("jdk.BooleanFlag", e -> {
            tick.run();
            // The first chunk's value, as the merge takes it (a flag is the same in every chunk of one JVM).
            if (stringDeduplication == null && "UseStringDeduplication".equals(e.getString("name"))) {
                stringDeduplication = e.getBoolean("value");
            }
        });
    }

    private static boolean isStringArray(RecordedClass c) {
        String n = c.getName();
        return "[B".equals(n) || "[C".equals(n) || "byte[]".equals(n) || "char[]".equals(n);
    }

    /** Names the group's sums in its worker: each distinct stack's frames are read there, in parallel. */
    @Override
    public void done() {
        name();
    }

    /** Names what was kept by identity; called once per group before merging (a no-op once named). */
    private void name() {
        byClassId.forEach((c, v) -> byClass.merge(FrameNames.className(c.getName()), v[0], Long::sum));
        byThreadId.forEach((t, v) -> byThread.merge(threadName(t), v[0], Long::sum));
        byStackId.forEach((st, v) -> bySite.merge(top(st), v[0], Long::sum));
        stringArraysByStackId.forEach((st, v) -> {
            if (fromString(st)) {
                stringArrayBytesFromStrings += v[0];
            }
        });
        byClassId.clear();
        byThreadId.clear();
        byStackId.clear();
        stringArraysByStackId.clear();
    }

    private static String threadName(RecordedThread t) {
        String n = t.getJavaName() != null ? t.getJavaName() : t.getOSName();
        return n == null ? "<unknown>" : n;
    }

    private static String top(RecordedStackTrace st) {
        List<RecordedFrame> frames = st.getFrames();
        return frames.isEmpty() ? "<no stack trace>" : FrameNames.method(frames.getFirst().getMethod());
    }

    /** Whether the array was allocated for a string: a frame of java.lang.String or its builders near the top. */
    private static boolean fromString(RecordedStackTrace st) {
        List<RecordedFrame> frames = st.getFrames();
        for (int i = 0; i < Math.min(4, frames.size()); i++) {
            String m = FrameNames.method(frames.get(i).getMethod());
            if (m.startsWith("java.lang.String") || m.startsWith("java.lang.AbstractStringBuilder")) {
                return true;
            }
        }
        return false;
    }

    @Override
    public void merge(AllocationProbe o) {
        name();
        o.name();
        o.byClass.forEach((k, v) -> byClass.merge(k, v, Long::sum));
        o.byThread.forEach((k, v) -> byThread.merge(k, v, Long::sum));
        o.bySite.forEach((k, v) -> bySite.merge(k, v, Long::sum));
        sampledBytes += o.sampledBytes;
        samples += o.samples;
        stringArrayBytes += o.stringArrayBytes;
        stringArrayBytesFromStrings += o.stringArrayBytesFromStrings;
        o.threadTotals.forEach((id, b) -> threadTotals.merge(id, b, (a, c) -> {
            long[] r = a.clone();
            if (c[0] < r[0] || c[0] == r[0] && c[1] < r[1]) {
                r[0] = c[0];
                r[1] = c[1];
            }
            if (c[2] > r[2] || c[2] == r[2] && c[3] > r[3]) {
                r[2] = c[2];
                r[3] = c[3];
            }
            return r;
        }));
        asyncProfiler |= o.asyncProfiler;
        maxUsedAfterGc = Math.max(maxUsedAfterGc, o.maxUsedAfterGc);
        maxHeap = Math.max(maxHeap, o.maxHeap);
        if (stringDeduplication == null) {
            stringDeduplication = o.stringDeduplication;
        }
    }

    @Override
    public void summed(Map<String, Long> sums, Map<String, Long> counts) {
        tlabBytes = sums.getOrDefault(IN_NEW_TLAB, 0L);
        outsideBytes = sums.getOrDefault(OUTSIDE_TLAB, 0L);
        tlabEvents = counts.getOrDefault(IN_NEW_TLAB, 0L);
        outsideEvents = counts.getOrDefault(OUTSIDE_TLAB, 0L);
    }

    /** Names the sums of a probe no other was merged into. */
    @Override
    public void finish() {
        name();
    }

    /** Bytes the threads allocated by jdk.ThreadAllocationStatistics (last minus first per thread), or -1. */
    long threadStatisticsBytes() {
        long sum = 0;
        boolean any = false;
        for (long[] a : threadTotals.values()) {
            if (a[2] > a[0]) {
                sum += a[3] - a[1];
                any = true;
            }
        }
        return any ? sum : -1;
    }
}
