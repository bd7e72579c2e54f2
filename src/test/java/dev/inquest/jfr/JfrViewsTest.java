package dev.inquest.jfr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.inquest.jfr.alloc.AllocationTables;
import dev.inquest.jfr.read.AllocationTablesReader;
import dev.inquest.jfr.heap.HeapTimeline;
import dev.inquest.jfr.read.HeapTimelineReader;
import dev.inquest.jfr.load.JfrSource;
import dev.inquest.jfr.read.OldObjectReader;
import dev.inquest.jfr.oldobj.OldObjectReport;
import dev.inquest.jfr.stack.EventKind;
import dev.inquest.jfr.stack.StackTree;
import dev.inquest.jfr.stack.StackTreeQuery;
import dev.inquest.jfr.read.StackTreeReader;
import dev.inquest.progress.Progress;
import dev.inquest.testing.Corpus;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class JfrViewsTest {

    @Test
    void heapTimelineShowsTheLiveSetGrowingAcrossForcedGcs() throws Exception {
        HeapTimeline h;
        try (JfrSource s = JfrSource.open(AllocRecording.get().file(), Progress.NONE)) {
            h = HeapTimelineReader.read(s, Progress.NONE);
        }
        List<HeapTimeline.Collection> forced = h.collections().stream()
                .filter(c -> c.cause().equals("System.gc()")).toList();
        assertThat(forced).hasSize(4);
        // Each forced GC follows retain(2000): 2,000 Retained (16 B) each holding a byte[2048]
        // (2,064 B) = 4.16 MB more live data, plus the ArrayList growing.
        for (int i = 1; i < forced.size(); i++) {
            long grew = forced.get(i).heapAfter() - forced.get(i - 1).heapAfter();
            assertThat(grew).isBetween(3_900_000L, 5_500_000L);
        }
        assertThat(forced).allSatisfy(c -> {
            assertThat(c.heapBefore()).isPositive();
            assertThat(c.sumOfPauses()).isPositive();
        });
        assertThat(h.heap()).allSatisfy(s -> assertThat(s.committed()).isGreaterThanOrEqualTo(s.used()));
        assertThat(h.metaspace()).isNotEmpty();
        assertThat(h.trend().bytesPerMinute()).isPositive();
        assertThat(h.trend().collections()).isEqualTo(h.collections().size());
        // Well under a minute of GCs: the slope is reported with its caveat.
        assertThat(h.trend().caveat()).contains("span only");
        assertThat(h.trend().rateStated()).isFalse();
        assertThat(dev.inquest.link.RecordingEvidence.rate(h.trend())).startsWith("recording too short for a trend (").doesNotContain("/ min");
    }

    @Test
    void trendWithTooFewGcsSaysSo() throws Exception {
        HeapTimeline h;
        try (JfrSource s = JfrSource.open(Corpus.file("jfr/hs_err_jdk-16.jfr"), Progress.NONE)) {
            h = HeapTimelineReader.read(s, Progress.NONE);
        }
        assertThat(h.collections()).isEmpty();
        assertThat(h.trend().caveat()).contains("too few GCs (0)");
    }

    @Test
    void allocationTablesAttributeBytesToClassFrameAndThread() throws Exception {
        AllocRecording rec = AllocRecording.get();
        AllocationTables t;
        StackTree tree;
        try (JfrSource s = JfrSource.open(rec.file(), Progress.NONE)) {
            tree = StackTreeReader.read(s, StackTreeQuery.of(EventKind.ALLOC), Progress.NONE);
            t = AllocationTablesReader.read(s, tree, Progress.NONE);
        }
        assertThat(t.byClass().stream().mapToLong(AllocationTables.Row::bytes).sum()).isEqualTo(tree.total());
        assertThat(t.byTopFrame().stream().mapToLong(AllocationTables.Row::bytes).sum()).isEqualTo(tree.total());
        assertThat(t.byClass().getFirst().key()).isEqualTo("long[]");
        assertThat((double) row(t.byTopFrame(), "JfrAllocWorkload.allocateEighty"))
                .isCloseTo(rec.bytesEighty(), within(rec.bytesEighty() * 0.05));
        assertThat((double) row(t.byTopFrame(), "JfrAllocWorkload.allocateTwenty"))
                .isCloseTo(rec.bytesTwenty(), within(rec.bytesTwenty() * 0.05));
        // The JVM's per-thread counters include everything the thread allocated, so they are at
        // least what the workload measured inside its loop, and not much more.
        AllocationTables.ThreadRow eighty = t.byThread().stream().filter(r -> r.thread().equals("alloc-eighty")).findFirst().orElseThrow();
        assertThat(eighty.allocatedSinceStart()).isBetween(rec.bytesEighty(), rec.bytesEighty() + (1 << 20));
        AllocationTables.ThreadRow twenty = t.byThread().stream().filter(r -> r.thread().equals("alloc-twenty")).findFirst().orElseThrow();
        assertThat(twenty.allocatedSinceStart()).isBetween(rec.bytesTwenty(), rec.bytesTwenty() + (1 << 20));
    }

    private static long row(List<AllocationTables.Row> rows, String key) {
        return rows.stream().filter(r -> r.key().equals(key)).mapToLong(AllocationTables.Row::bytes).sum();
    }

    @Test
    void oldObjectSamplesCarryTheAllocationSiteAndTheChainToTheRoot() throws Exception {
        OldObjectReport r;
        try (JfrSource s = JfrSource.open(AllocRecording.get().file(), Progress.NONE)) {
            r = OldObjectReader.read(s, Progress.NONE);
        }
        assertThat(r.chainsMissing()).isFalse();
        assertThat(r.hint()).isNull();
        // The retained objects are 2,000 x 4 Retained + byte[2048] pairs: the sampler picks
        // some of the payloads, allocated in Retained.<init> called from retain().
        List<OldObjectReport.Sample> payloads = r.samples().stream()
                .filter(s -> s.type().equals("byte[]") && !s.allocationStack().isEmpty()
                        && s.allocationStack().getFirst().equals("JfrAllocWorkload$Retained.<init>"))
                .toList();
        assertThat(payloads).isNotEmpty().allSatisfy(s -> {
            assertThat(s.size()).isEqualTo(2064);
            assertThat(s.arrayElements()).isEqualTo(2048);
            assertThat(s.allocationStack()).contains("JfrAllocWorkload.retain");
            assertThat(s.age()).isPositive();
            assertThat(s.chain()).extracting(OldObjectReport.Step::via).contains("payload", "elementData", "RETAINED");
            assertThat(s.chain()).extracting(OldObjectReport.Step::type).contains("JfrAllocWorkload$Retained", "java.util.ArrayList");
        });
        OldObjectReport.Group site = r.bySite().stream().filter(g -> g.key().equals("JfrAllocWorkload$Retained.<init>"))
                .findFirst().orElseThrow();
        assertThat(site.count()).isEqualTo(payloads.size());
        assertThat(site.totalSize()).isEqualTo(2064L * payloads.size());
        assertThat(r.byType().stream().mapToInt(OldObjectReport.Group::count).sum()).isEqualTo(r.samples().size());
    }

    @Test
    void recordingsWithoutChainsGetTheHint() throws Exception {
        Path f = Corpus.file("jfr/hotmethods.jfr");
        OldObjectReport r;
        try (JfrSource s = JfrSource.open(f, Progress.NONE)) {
            r = OldObjectReader.read(s, Progress.NONE);
        }
        // Recorded with JDK 11's default cutoff: 5 samples (4 LinkedList$Node from linkLast, 1 byte[]), no chains.
        assertThat(r.samples()).hasSize(5);
        assertThat(r.chainsMissing()).isTrue();
        assertThat(r.hint()).contains("path-to-gc-roots=true");
        assertThat(r.byType().getFirst()).isEqualTo(new OldObjectReport.Group("java.util.LinkedList$Node", 4, 0));
        assertThat(r.bySite().getFirst().key()).isEqualTo("java.util.LinkedList.linkLast");
    }
}
