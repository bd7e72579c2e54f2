package dev.inquest.jfr.read.rules;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import jdk.jfr.consumer.EventStream;
import jdk.jfr.consumer.RecordedClass;

/** The code cache, finalizer statistics and physical memory: few events each, one probe. */
final class MiscProbe implements Probe<MiscProbe> {
    static final Kind<MiscProbe> KIND = new Kind<>("misc", Set.of("jdk.CodeCacheStatistics", "jdk.CodeCacheFull",
            "jdk.FinalizerStatistics", "jdk.PhysicalMemory"), MiscProbe::new);

    /** A code heap's state: the share of it still unallocated. */
    record CodeHeap(Instant time, String blobType, long reserved, long unallocated) {
        double usedShare() {
            return reserved <= 0 ? 0 : 1 - (double) unallocated / reserved;
        }
    }

    /** Finalizer figures of one class, the latest seen. */
    record Finalizable(String className, String codeSource, long objects, long run, Instant time) {
    }

    /** jdk.PhysicalMemory. */
    record Physical(Instant time, long total, long used) {
    }

    private static final Comparator<Finalizable> LATEST = Comparator.comparing(Finalizable::time)
            .thenComparingLong(Finalizable::run).thenComparingLong(Finalizable::objects)
            .thenComparing(Finalizable::codeSource, GcProbe.NULLS_FIRST);

    final List<CodeHeap> codeHeaps = new ArrayList<>();
    long codeCacheFull;
    final Map<String, Finalizable> finalizers = new HashMap<>();
    boolean finalizerStatistics;
    final List<Physical> physical = new ArrayList<>();

    @Override
    public void subscribe(EventStream s, Runnable tick) {
        s.onEvent("jdk.CodeCacheStatistics", e -> {
            tick.run();
            codeHeaps.add(new CodeHeap(e.getStartTime(), e.getString("codeBlobType"),
                    e.getLong("reservedTopAddress") - e.getLong("startAddress"), e.getLong("unallocatedCapacity")));
        });
        s.onEvent("jdk.CodeCacheFull", e -> {
            tick.run();
            codeCacheFull++;
        });
        s.onEvent("jdk.FinalizerStatistics", e -> {
            tick.run();
            finalizerStatistics = true;
            RecordedClass c = e.getClass("finalizableClass");
            if (c != null) {
                Finalizable f = new Finalizable(dev.inquest.jfr.read.FrameNames.className(c.getName()),
                        e.getString("codeSource"), e.getLong("objects"), e.getLong("totalFinalizersRun"), e.getStartTime());
                finalizers.merge(f.className(), f, MiscProbe::later);
            }
        });
        s.onEvent("jdk.PhysicalMemory", e -> {
            tick.run();
            physical.add(new Physical(e.getStartTime(), e.getLong("totalSize"), e.getLong("usedSize")));
        });
    }

    private static Finalizable later(Finalizable a, Finalizable b) {
        // At the same instant (two chunks' copies of one sample), the larger figures: either merge order agrees.
        return LATEST.compare(b, a) > 0 ? b : a;
    }

    @Override
    public void merge(MiscProbe o) {
        codeHeaps.addAll(o.codeHeaps);
        codeCacheFull += o.codeCacheFull;
        o.finalizers.forEach((k, v) -> finalizers.merge(k, v, MiscProbe::later));
        finalizerStatistics |= o.finalizerStatistics;
        physical.addAll(o.physical);
    }

    @Override
    public void finish() {
        // Total orders: events at the same instant must not keep the order the groups merged in.
        codeHeaps.sort(Comparator.comparing(CodeHeap::time).thenComparing(CodeHeap::blobType, GcProbe.NULLS_FIRST)
                .thenComparingLong(CodeHeap::reserved).thenComparingLong(CodeHeap::unallocated));
        physical.sort(Comparator.comparing(Physical::time).thenComparingLong(Physical::total)
                .thenComparingLong(Physical::used));
    }
}
