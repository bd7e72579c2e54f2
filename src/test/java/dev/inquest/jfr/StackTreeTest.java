package dev.inquest.jfr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.inquest.jfr.diff.DiffBuilder;
import dev.inquest.jfr.diff.DiffNode;
import dev.inquest.jfr.diff.DiffTree;
import dev.inquest.jfr.load.JfrSource;
import dev.inquest.jfr.stack.AllocSource;
import dev.inquest.jfr.stack.EventKind;
import dev.inquest.jfr.stack.FrameType;
import dev.inquest.jfr.stack.StackNode;
import dev.inquest.jfr.stack.StackTree;
import dev.inquest.jfr.stack.StackTreeQuery;
import dev.inquest.jfr.read.StackTreeReader;
import dev.inquest.jfr.stack.Weight;
import dev.inquest.progress.Progress;
import dev.inquest.testing.Corpus;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;
import org.junit.jupiter.api.Test;

class StackTreeTest {

    static StackTree tree(Path file, StackTreeQuery q) throws Exception {
        try (JfrSource s = JfrSource.open(file, Progress.NONE)) {
            return StackTreeReader.read(s, q, Progress.NONE);
        }
    }

    /** The slow, obviously-correct way: every event through the JDK's RecordingFile. */
    static long[] sumAndCount(Path file, Set<String> types, String weightField) throws Exception {
        long sum = 0;
        long count = 0;
        for (RecordedEvent e : RecordingFile.readAllEvents(file)) {
            String t = e.getEventType().getName();
            if (types.contains(t)) {
                count++;
                sum += weightField == null ? 1
                        : e.hasField(weightField) ? e.getLong(weightField) : e.getLong("allocationSize");
            }
        }
        return new long[] {sum, count};
    }

    @Test
    void allocationWeightSitsWhereTheWorkloadAllocated() throws Exception {
        AllocRecording rec = AllocRecording.get();
        StackTree t = tree(rec.file(), StackTreeQuery.of(EventKind.ALLOC));
        assertThat(t.weight()).isEqualTo(Weight.BYTES);
        assertThat(t.eventTypes()).containsExactly("jdk.ObjectAllocationSample");
        long eighty = t.totalOf("JfrAllocWorkload.allocateEighty");
        long twenty = t.totalOf("JfrAllocWorkload.allocateTwenty");
        // Sample weights add up to the bytes a thread allocated since its previous sample, so per
        // site sums track HotSpot's own per-thread counters; the tail after each thread's last
        // sample is lost: allow 5 % (seen: < 0.5 %).
        assertThat((double) eighty).isCloseTo(rec.bytesEighty(), within(rec.bytesEighty() * 0.05));
        assertThat((double) twenty).isCloseTo(rec.bytesTwenty(), within(rec.bytesTwenty() * 0.05));
        assertThat((double) eighty / (eighty + twenty)).isCloseTo(0.80, within(0.02));
        // The allocated class is the leaf under the allocating method.
        List<StackNode> leaves = new ArrayList<>();
        collectLeavesUnder(t.root(), "JfrAllocWorkload.allocateEighty", false, leaves);
        assertThat(leaves).isNotEmpty().allSatisfy(n -> {
            assertThat(n.name()).isEqualTo("long[]");
            assertThat(n.type()).isEqualTo(FrameType.CLASS);
            assertThat(n.self()).isEqualTo(n.total());
        });
    }

    private static void collectLeavesUnder(StackNode n, String frame, boolean under, List<StackNode> out) {
        boolean u = under || n.name().equals(frame);
        if (u && n.children().isEmpty()) {
            out.add(n);
        }
        for (StackNode c : n.children()) {
            collectLeavesUnder(c, frame, u, out);
        }
    }

    @Test
    void threadFilterKeepsOneThreadsAllocations() throws Exception {
        AllocRecording rec = AllocRecording.get();
        StackTree t = tree(rec.file(), StackTreeQuery.of(EventKind.ALLOC).withThread("alloc-twenty"));
        assertThat((double) t.total()).isCloseTo(rec.bytesTwenty(), within(rec.bytesTwenty() * 0.05));
        assertThat(t.totalOf("JfrAllocWorkload.allocateEighty")).isZero();
        assertThat(t.totalOf("JfrAllocWorkload.allocateTwenty")).isEqualTo(t.total());
    }

    @Test
    void treeTotalEqualsTheSumOfEventWeights() throws Exception {
        Path file = AllocRecording.get().file();
        long[] expected = sumAndCount(file, Set.of("jdk.ObjectAllocationSample"), "weight");
        StackTree bytes = tree(file, StackTreeQuery.of(EventKind.ALLOC));
        assertThat(bytes.total()).isEqualTo(expected[0]);
        assertThat(bytes.events()).isEqualTo(expected[1]);
        assertThat(tree(file, StackTreeQuery.of(EventKind.ALLOC).withWeight(Weight.COUNT)).total()).isEqualTo(expected[1]);
        assertSelfPlusChildrenIsTotal(bytes.root());
    }

    private static void assertSelfPlusChildrenIsTotal(StackNode n) {
        long sum = n.self();
        for (StackNode c : n.children()) {
            sum += c.total();
            assertSelfPlusChildrenIsTotal(c);
        }
        assertThat(sum).as(n.name()).isEqualTo(n.total());
    }

    @Test
    void rawChunkFilterChangesNothingButSpeed() throws Exception {
        Path file = AllocRecording.get().file();
        for (EventKind kind : EventKind.values()) {
            StackTree filtered = tree(file, StackTreeQuery.of(kind).withAllocSource(AllocSource.ALL));
            StackTree plain;
            System.setProperty("inquest.jfr.nofilter", "true");
            try {
                plain = tree(file, StackTreeQuery.of(kind).withAllocSource(AllocSource.ALL));
            } finally {
                System.clearProperty("inquest.jfr.nofilter");
            }
            assertThat(filtered.root()).as(kind.name()).isEqualTo(plain.root());
            assertThat(filtered.events()).isEqualTo(plain.events());
        }
    }

    @Test
    void tlabEventsWeighWhenThereAreNoSamples() throws Exception {
        Path file = Corpus.file("jfr/example.jfr");
        long[] expected = sumAndCount(file, Set.of("jdk.ObjectAllocationInNewTLAB", "jdk.ObjectAllocationOutsideTLAB"), "tlabSize");
        StackTree t = tree(file, StackTreeQuery.of(EventKind.ALLOC));
        assertThat(t.events()).isEqualTo(290);
        assertThat(t.total()).isEqualTo(expected[0]);
        assertThat(t.eventTypes()).containsExactlyInAnyOrder("jdk.ObjectAllocationInNewTLAB", "jdk.ObjectAllocationOutsideTLAB");
    }

    @Test
    void allSourcesAddBothFamilies() throws Exception {
        Path file = AllocRecording.get().file();
        StackTree samples = tree(file, StackTreeQuery.of(EventKind.ALLOC).withAllocSource(AllocSource.SAMPLES));
        StackTree tlab = tree(file, StackTreeQuery.of(EventKind.ALLOC).withAllocSource(AllocSource.TLAB));
        StackTree all = tree(file, StackTreeQuery.of(EventKind.ALLOC).withAllocSource(AllocSource.ALL));
        assertThat(all.total()).isEqualTo(samples.total() + tlab.total());
    }

    @Test
    void corpusAllocationSamplesAreCounted() throws Exception {
        StackTree t = tree(Corpus.file("jfr/object-allocations.jfr"), StackTreeQuery.of(EventKind.ALLOC).withWeight(Weight.COUNT));
        assertThat(t.total()).isEqualTo(20_959);
    }

    @Test
    void hotmethodsCpuTreeHasThePublishedSamplesAndStacks() throws Exception {
        StackTree t = tree(Corpus.file("jfr/hotmethods.jfr"), StackTreeQuery.of(EventKind.CPU));
        assertThat(t.total()).isEqualTo(24_526);
        Set<String> methodStacks = new HashSet<>();
        collectPaths(t.root(), "", methodStacks);
        // The corpus README's 15 distinct method-level stacks count jdk.ExecutionSample and
        // jdk.NativeMethodSample together (checked with RecordingFile: 13 + 2); the CPU tree is
        // built from execution samples only, as JMC's method profiling is.
        assertThat(methodStacks).hasSize(13);
    }

    private static void collectPaths(StackNode n, String prefix, Set<String> out) {
        String p = prefix + ";" + n.name();
        if (n.self() > 0) {
            out.add(p);
        }
        for (StackNode c : n.children()) {
            collectPaths(c, p, out);
        }
    }

    @Test
    void asyncProfilerCpuSamplesAreCounted() throws Exception {
        StackTree t = tree(Corpus.file("jfr/async-profiler.jfr.gz"), StackTreeQuery.of(EventKind.CPU));
        assertThat(t.total()).isEqualTo(199_661);
    }

    @Test
    void lockTreeWeighsMonitorEnterAndParkByBlockedTime() throws Exception {
        Path file = Corpus.file("jfr/example.jfr");
        StackTree count = tree(file, StackTreeQuery.of(EventKind.LOCK).withWeight(Weight.COUNT));
        long[] expected = sumAndCount(file, Set.of("jdk.JavaMonitorEnter", "jdk.ThreadPark"), null);
        assertThat(count.total()).isEqualTo(expected[1]).isGreaterThanOrEqualTo(13);
        StackTree nanos = tree(file, StackTreeQuery.of(EventKind.LOCK));
        assertThat(nanos.weight()).isEqualTo(Weight.NANOS);
        assertThat(nanos.total()).isPositive();
    }

    @Test
    void reverseViewPutsAllocatedClassesFirstWithTheSameTotals() throws Exception {
        Path file = AllocRecording.get().file();
        StackTree forward = tree(file, StackTreeQuery.of(EventKind.ALLOC));
        StackTree reverse = tree(file, StackTreeQuery.of(EventKind.ALLOC).withReverse(true));
        assertThat(reverse.reversed()).isTrue();
        assertThat(reverse.total()).isEqualTo(forward.total());
        assertThat(reverse.root().children()).allSatisfy(c -> assertThat(c.type()).isEqualTo(FrameType.CLASS));
        assertThat(reverse.root().child("long[]").total()).isEqualTo(forward.totalOf("long[]"));
    }

    @Test
    void pruningDropsNodesBelowTheMinimumShare() throws Exception {
        StackTree t = tree(AllocRecording.get().file(), StackTreeQuery.of(EventKind.ALLOC).withMinShare(0.05));
        assertThat(t.total()).isPositive();
        assertAllAtLeast(t.root(), t.total() * 0.05);
    }

    private static void assertAllAtLeast(StackNode n, double min) {
        for (StackNode c : n.children()) {
            assertThat((double) c.total()).isGreaterThanOrEqualTo(min);
            assertAllAtLeast(c, min);
        }
    }

    @Test
    void includeAndExcludePartitionTheStacks() throws Exception {
        Path file = AllocRecording.get().file();
        StackTree all = tree(file, StackTreeQuery.of(EventKind.ALLOC));
        Pattern p = Pattern.compile("allocateTwenty");
        StackTree inc = tree(file, StackTreeQuery.of(EventKind.ALLOC).withInclude(p));
        StackTree exc = tree(file, StackTreeQuery.of(EventKind.ALLOC).withExclude(p));
        assertThat(inc.total()).isEqualTo(all.totalOf("JfrAllocWorkload.allocateTwenty")).isPositive();
        assertThat(inc.total() + exc.total()).isEqualTo(all.total());
        // The leaf class takes part in matching too.
        assertThat(tree(file, StackTreeQuery.of(EventKind.ALLOC).withInclude(Pattern.compile("^int\\[\\]$"))).total())
                .isEqualTo(all.totalOf("int[]"));
    }

    @Test
    void timeRangesPartitionTheEvents() throws Exception {
        Path file = AllocRecording.get().file();
        Instant start;
        Instant end;
        try (JfrSource s = JfrSource.open(file, Progress.NONE)) {
            start = s.start();
            end = s.end();
        }
        Instant mid = start.plus(java.time.Duration.between(start, end).dividedBy(2));
        StackTree all = tree(file, StackTreeQuery.of(EventKind.ALLOC));
        StackTree first = tree(file, StackTreeQuery.of(EventKind.ALLOC).withRange(null, mid));
        StackTree second = tree(file, StackTreeQuery.of(EventKind.ALLOC).withRange(mid, null));
        assertThat(first.total() + second.total()).isEqualTo(all.total());
        assertThat(first.events() + second.events()).isEqualTo(all.events());
    }

    @Test
    void differentialOfARecordingAgainstItselfIsAllZeros() throws Exception {
        StackTree t = tree(AllocRecording.get().file(), StackTreeQuery.of(EventKind.ALLOC));
        DiffTree d = DiffBuilder.diff(t, t);
        assertThat(d.baselineTotal()).isEqualTo(d.afterTotal()).isEqualTo(t.total());
        assertAllZero(d.root());
    }

    private static void assertAllZero(DiffNode n) {
        assertThat(n.delta()).as(n.name()).isZero();
        assertThat(n.baselineTotal()).isEqualTo(n.afterTotal());
        assertThat(n.baselineSelf()).isEqualTo(n.afterSelf());
        n.children().forEach(StackTreeTest::assertAllZero);
    }

    @Test
    void differentialBetweenThreadsShowsTheShift() throws Exception {
        Path file = AllocRecording.get().file();
        StackTree eighty = tree(file, StackTreeQuery.of(EventKind.ALLOC).withThread("alloc-eighty"));
        StackTree twenty = tree(file, StackTreeQuery.of(EventKind.ALLOC).withThread("alloc-twenty"));
        DiffTree d = DiffBuilder.diff(eighty, twenty);
        assertThat(d.root().baselineShare()).isEqualTo(1.0);
        assertThat(d.root().afterShare()).isEqualTo(1.0);
        double shrank = findShare(d.root(), "JfrAllocWorkload.allocateEighty");
        double grew = findShare(d.root(), "JfrAllocWorkload.allocateTwenty");
        assertThat(shrank).isCloseTo(-1.0, within(0.01));
        assertThat(grew).isCloseTo(1.0, within(0.01));
    }

    private static double findShare(DiffNode n, String name) {
        if (n.name().equals(name)) {
            return n.delta();
        }
        double sum = 0;
        for (DiffNode c : n.children()) {
            sum += findShare(c, name);
        }
        return sum;
    }
}
