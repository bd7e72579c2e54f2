package dev.inquest.jfr.read.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.inquest.jfr.nativemem.NativeMemory;
import dev.inquest.jfr.read.NativeMemoryReader;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Issue 20: groups of chunks merge in an order that varies with the threads; events at the same
 * instant (two chunks' samples, two code heaps) must come out in one order whichever group came first.
 */
class ProbeMergeOrderTest {
    private static final Instant T = Instant.parse("2026-12-05T10:00:00Z");

    private static GcProbe gc(long used, long gcId, long pause) {
        GcProbe p = new GcProbe();
        p.heapAfter.add(new GcProbe.AfterGc(T, used));
        p.metaspaceAfter.add(new GcProbe.AfterGc(T, used / 2));
        p.gcs.add(new GcProbe.Gc(gcId, T, "G1New", "G1 Evacuation Pause", pause, pause));
        p.stalls.add(new GcProbe.Stall(T, pause, "worker-" + gcId));
        return p;
    }

    private static GcProbe merged(GcProbe first, GcProbe second) {
        GcProbe all = new GcProbe();
        all.merge(first);
        all.merge(second);
        all.finish();
        return all;
    }

    @Test
    void gcSeriesAtTheSameInstantSortTheSameWhicheverGroupMergesFirst() {
        GcProbe ab = merged(gc(300, 7, 2_000), gc(100, 3, 1_000));
        GcProbe ba = merged(gc(100, 3, 1_000), gc(300, 7, 2_000));
        assertThat(ab.heapAfter).extracting(GcProbe.AfterGc::used).containsExactly(100L, 300L);
        assertThat(ba.heapAfter).isEqualTo(ab.heapAfter);
        assertThat(ab.metaspaceAfter).extracting(GcProbe.AfterGc::used).containsExactly(50L, 150L);
        assertThat(ba.metaspaceAfter).isEqualTo(ab.metaspaceAfter);
        assertThat(ab.gcs).extracting(GcProbe.Gc::gcId).containsExactly(3L, 7L);
        assertThat(ba.gcs).isEqualTo(ab.gcs);
        assertThat(ab.stalls).extracting(GcProbe.Stall::nanos).containsExactly(1_000L, 2_000L);
        assertThat(ba.stalls).isEqualTo(ab.stalls);
    }

    @Test
    void codeHeapsPhysicalMemoryAndFinalizersAtOneInstantAgreeInEitherOrder() {
        MiscProbe a = new MiscProbe();
        a.codeHeaps.add(new MiscProbe.CodeHeap(T, "CodeHeap 'profiled nmethods'", 100, 10));
        a.physical.add(new MiscProbe.Physical(T, 1000, 600));
        a.finalizers.put("com.example.Res", new MiscProbe.Finalizable("com.example.Res", "file:/app.jar", 5, 2, T));
        MiscProbe b = new MiscProbe();
        b.codeHeaps.add(new MiscProbe.CodeHeap(T, "CodeHeap 'non-nmethods'", 100, 50));
        b.physical.add(new MiscProbe.Physical(T, 1000, 400));
        b.finalizers.put("com.example.Res", new MiscProbe.Finalizable("com.example.Res", "file:/app.jar", 7, 4, T));

        MiscProbe ab = new MiscProbe();
        ab.merge(a);
        ab.merge(b);
        ab.finish();
        MiscProbe ba = new MiscProbe();
        ba.merge(b);
        ba.merge(a);
        ba.finish();
        assertThat(ab.codeHeaps).extracting(MiscProbe.CodeHeap::blobType)
                .containsExactly("CodeHeap 'non-nmethods'", "CodeHeap 'profiled nmethods'");
        assertThat(ba.codeHeaps).isEqualTo(ab.codeHeaps);
        assertThat(ab.physical).extracting(MiscProbe.Physical::used).containsExactly(400L, 600L);
        assertThat(ba.physical).isEqualTo(ab.physical);
        // Two copies of one class's figures at the same instant: the one further along (more finalizers run).
        assertThat(ab.finalizers.get("com.example.Res").run()).isEqualTo(4);
        assertThat(ba.finalizers).isEqualTo(ab.finalizers);
    }

    @Test
    void classLoadingSamplesAtOneInstantAgreeInEitherOrder() {
        ClassProbe a = new ClassProbe();
        a.samples.add(new ClassProbe.Loaded(T, 900, 10));
        ClassProbe b = new ClassProbe();
        b.samples.add(new ClassProbe.Loaded(T, 800, 10));
        ClassProbe ab = new ClassProbe();
        ab.merge(a);
        ab.merge(b);
        ab.finish();
        ClassProbe ba = new ClassProbe();
        ba.merge(b);
        ba.merge(a);
        ba.finish();
        assertThat(ab.samples).extracting(ClassProbe.Loaded::loaded).containsExactly(800L, 900L);
        assertThat(ba.samples).isEqualTo(ab.samples);
    }

    @Test
    void threadAllocationTotalsOnTheSameMillisecondAgreeInEitherOrder() {
        AllocationProbe a = new AllocationProbe();
        a.threadTotals.put(1L, new long[] {5, 300, 9, 700});
        AllocationProbe b = new AllocationProbe();
        b.threadTotals.put(1L, new long[] {5, 200, 9, 800});
        AllocationProbe ab = new AllocationProbe();
        ab.merge(a);
        ab.merge(b);
        AllocationProbe ba = new AllocationProbe();
        ba.merge(b);
        ba.merge(a);
        // The smaller count first, the larger last: the count only grows.
        assertThat(ab.threadTotals.get(1L)).containsExactly(5, 200, 9, 800);
        assertThat(ba.threadTotals.get(1L)).containsExactly(5, 200, 9, 800);
        assertThat(ab.threadStatisticsBytes()).isEqualTo(600);
    }

    @Test
    void nativeSeriesPointsAtOneInstantAgreeInEitherOrder() {
        NativeMemoryReader.Part a = new NativeMemoryReader.Part();
        a.point(NativeMemory.Kind.RSS, T, 500);
        a.point(NativeMemory.Kind.RSS, T.plusSeconds(1), 520);
        a.point(NativeMemory.Kind.HEAP_COMMITTED, T, 300);
        NativeMemoryReader.Part b = new NativeMemoryReader.Part();
        b.point(NativeMemory.Kind.RSS, T, 400);
        b.point(NativeMemory.Kind.HEAP_COMMITTED, T, 200);
        NativeMemory ab = NativeMemoryReader.build(List.of(a, b), Duration.ofSeconds(2));
        NativeMemory ba = NativeMemoryReader.build(List.of(b, a), Duration.ofSeconds(2));
        assertThat(ba).isEqualTo(ab);
        NativeMemory.Series rss = ab.series().stream().filter(s -> s.kind() == NativeMemory.Kind.RSS).findFirst().orElseThrow();
        assertThat(rss.points()).extracting(NativeMemory.Point::value).containsExactly(400L, 500L, 520L);
    }
}
