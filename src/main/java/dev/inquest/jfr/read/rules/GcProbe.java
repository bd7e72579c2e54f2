package dev.inquest.jfr.read.rules;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import jdk.jfr.consumer.EventStream;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedObject;

/** Collections, heap and metaspace after each GC, the collector and its limits, stalls. */
final class GcProbe implements Probe<GcProbe> {
    static final Kind<GcProbe> KIND = new Kind<>("gc", Set.of("jdk.GarbageCollection", "jdk.GCHeapSummary",
            "jdk.MetaspaceSummary", "jdk.GCConfiguration", "jdk.GCHeapConfiguration", "jdk.ZAllocationStall",
            "jdk.EvacuationFailed", "jdk.MetaspaceOOM"), GcProbe::new);

    /** jdk.GarbageCollection. */
    record Gc(long gcId, Instant start, String name, String cause, long sumOfPausesNanos, long longestPauseNanos) {
    }

    /** An after-GC sample: heap used or metaspace used. */
    record AfterGc(Instant time, long used) {
    }

    /** A ZGC allocation stall. */
    record Stall(Instant start, long nanos, String thread) {
    }

    static final Comparator<String> NULLS_FIRST = Comparator.nullsFirst(Comparator.naturalOrder());
    static final Comparator<AfterGc> AFTER_GC_ORDER = Comparator.comparing(AfterGc::time).thenComparingLong(AfterGc::used);

    final List<Gc> gcs = new ArrayList<>();
    final List<AfterGc> heapAfter = new ArrayList<>();
    final List<AfterGc> metaspaceAfter = new ArrayList<>();
    final List<Stall> stalls = new ArrayList<>();
    long evacuationFailures;
    long metaspaceOoms;
    long maxHeap = -1;
    String youngCollector;
    String oldCollector;
    boolean explicitGcConcurrent;
    boolean explicitGcDisabled;
    private boolean configured;

    @Override
    public void subscribe(EventStream s, Runnable tick) {
        s.onEvent("jdk.GarbageCollection", e -> {
            tick.run();
            gcs.add(new Gc(e.getLong("gcId"), e.getStartTime(), e.getString("name"), e.getString("cause"),
                    nanos(e, "sumOfPauses"), nanos(e, "longestPause")));
        });
        s.onEvent("jdk.GCHeapSummary", e -> {
            tick.run();
            if (after(e)) {
                heapAfter.add(new AfterGc(e.getStartTime(), e.getLong("heapUsed")));
            }
        });
        s.onEvent("jdk.MetaspaceSummary", e -> {
            tick.run();
            RecordedObject m = e.getValue("metaspace");
            if (after(e) && m != null) {
                metaspaceAfter.add(new AfterGc(e.getStartTime(), m.getLong("used")));
            }
        });
        s.onEvent("jdk.GCConfiguration", e -> {
            tick.run();
            // The first chunk's configuration (as the summary takes it): groups merge in chunk order,
            // so the last one seen would depend on which chunks a group took.
            if (configured) {
                return;
            }
            configured = true;
            youngCollector = e.getString("youngCollector");
            oldCollector = e.getString("oldCollector");
            explicitGcConcurrent = e.hasField("isExplicitGCConcurrent") && e.getBoolean("isExplicitGCConcurrent");
            explicitGcDisabled = e.hasField("isExplicitGCDisabled") && e.getBoolean("isExplicitGCDisabled");
        });
        s.onEvent("jdk.GCHeapConfiguration", e -> {
            tick.run();
            maxHeap = e.getLong("maxSize");
        });
        s.onEvent("jdk.ZAllocationStall", e -> {
            tick.run();
            stalls.add(new Stall(e.getStartTime(), e.getDuration().toNanos(),
                    e.getThread() == null ? "<unknown>" : String.valueOf(e.getThread().getJavaName())));
        });
        s.onEvent("jdk.EvacuationFailed", e -> {
            tick.run();
            evacuationFailures++;
        });
        s.onEvent("jdk.MetaspaceOOM", e -> {
            tick.run();
            metaspaceOoms++;
        });
    }

    private static long nanos(RecordedEvent e, String field) {
        return e.hasField(field) && e.getDuration(field) != null ? e.getDuration(field).toNanos() : 0;
    }

    private static boolean after(RecordedEvent e) {
        return "After GC".equals(e.getString("when"));
    }

    @Override
    public void merge(GcProbe o) {
        gcs.addAll(o.gcs);
        heapAfter.addAll(o.heapAfter);
        metaspaceAfter.addAll(o.metaspaceAfter);
        stalls.addAll(o.stalls);
        evacuationFailures += o.evacuationFailures;
        metaspaceOoms += o.metaspaceOoms;
        maxHeap = Math.max(maxHeap, o.maxHeap);
        if (!configured && o.configured) {
            configured = true;
            youngCollector = o.youngCollector;
            oldCollector = o.oldCollector;
            explicitGcConcurrent = o.explicitGcConcurrent;
            explicitGcDisabled = o.explicitGcDisabled;
        }
    }

    /** Sorts what the groups gathered in no particular order. */
    @Override
    public void finish() {
        // Total orders: events at the same instant must not keep the order the groups merged in.
        gcs.sort(Comparator.comparing(Gc::start).thenComparingLong(Gc::gcId).thenComparingLong(Gc::sumOfPausesNanos)
                .thenComparingLong(Gc::longestPauseNanos).thenComparing(Gc::name, NULLS_FIRST)
                .thenComparing(Gc::cause, NULLS_FIRST));
        heapAfter.sort(AFTER_GC_ORDER);
        metaspaceAfter.sort(AFTER_GC_ORDER);
        stalls.sort(Comparator.comparing(Stall::start).thenComparingLong(Stall::nanos).thenComparing(Stall::thread));
    }

    /** The collector in words: "G1", "Parallel", "Serial", "ZGC", "Shenandoah", or what the recording says. */
    String collector() {
        if (oldCollector == null) {
            return null;
        }
        return switch (oldCollector) {
            case "G1Old", "G1Full" -> "G1";
            case "ParallelOld", "PSMarkSweep" -> "Parallel";
            case "SerialOld" -> "Serial";
            case "ConcurrentMarkSweep" -> "CMS";
            case "Z", "ZMajor", "ZOld" -> "ZGC";
            case "Shenandoah" -> "Shenandoah";
            default -> oldCollector;
        };
    }
}
