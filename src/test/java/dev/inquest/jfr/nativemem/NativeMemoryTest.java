package dev.inquest.jfr.nativemem;

import static org.assertj.core.api.Assertions.assertThat;

import dev.inquest.input.BadInputException;
import dev.inquest.jfr.NativeRecordings;
import dev.inquest.jfr.Recording;
import dev.inquest.jfr.nativemem.NativeMemory.Kind;
import dev.inquest.jfr.nativemem.NativeMemory.Series;
import dev.inquest.progress.Progress;
import dev.inquest.testing.Corpus;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Memory beyond the heap, on recordings a child JVM wrote: one whose direct buffers and native
 * memory grow while the heap stays flat (NMT on), one where nothing grows (NMT off).
 */
@Tag("slow")
class NativeMemoryTest {
    private static final long MB = 1 << 20;

    private static NativeMemory read(Path file) throws Exception {
        try (Recording r = Recording.open(file, Progress.NONE)) {
            return r.nativeMemory(Progress.NONE);
        }
    }

    @Test
    void aFlatHeapWithGrowingNativeMemoryShowsTheGapGrowing() throws Exception {
        NativeRecordings rec = NativeRecordings.growing();
        NativeMemory m = read(rec.file());
        long kept = rec.direct() + rec.arena();
        assertThat(rec.direct()).isEqualTo(NativeRecordings.STEPS * 4 * MB);

        // Every series is there: NMT was on.
        for (Series s : m.series()) {
            assertThat(s.recorded()).as(s.label()).isTrue();
        }
        // The heap is fixed and the workload keeps nothing on it.
        assertThat(m.of(Kind.HEAP_COMMITTED).stats().min()).isEqualTo(32 * MB);
        assertThat(m.of(Kind.HEAP_COMMITTED).stats().max()).isEqualTo(32 * MB);
        assertThat(Math.abs(m.of(Kind.HEAP_AFTER_GC).stats().growth())).isLessThan(4 * MB);
        assertThat(m.heapMax()).isEqualTo(32 * MB);

        // Direct buffers: every one kept alive is counted by the JDK's statistics.
        NativeMemory.Stats direct = m.of(Kind.DIRECT_BUFFERS).stats();
        assertThat(direct.last()).isGreaterThanOrEqualTo(rec.direct());
        assertThat(direct.growth()).isGreaterThanOrEqualTo(rec.direct() - 8 * MB);
        assertThat(m.of(Kind.DIRECT_BUFFER_COUNT).stats().growth()).isGreaterThanOrEqualTo(rec.steps() - 2);
        assertThat(m.directLimit()).isEqualTo(1024 * MB);

        // NMT: both kinds of memory are malloc'ed through Unsafe, which NMT files under "Other".
        Series other = m.nmt("Other").orElseThrow();
        assertThat(other.stats().last()).isGreaterThanOrEqualTo(kept);
        assertThat(other.stats().growth()).isGreaterThanOrEqualTo(kept - 16 * MB);
        // The total holds the heap and "Other" at least; other categories shrink as start-up arenas are freed.
        assertThat(m.of(Kind.NMT_TOTAL).stats().last()).isGreaterThanOrEqualTo(kept + 32 * MB);
        assertThat(m.of(Kind.NMT_TOTAL).stats().growth()).isGreaterThan(kept / 2);
        assertThat(m.nmtCategories()).extracting(Series::category).contains("Java Heap", "Thread", "Class", "Code");
        // Largest first: "Other" (160 MB) outgrows the 32 MB heap.
        assertThat(m.nmtCategories().getFirst().category()).isEqualTo("Other");

        // The gap: memory was zeroed or filled, so resident; the heap did not move, so the gap grew with it.
        NativeMemory.Gap gap = m.gap();
        assertThat(gap).isNotNull();
        assertThat(gap.growth()).isGreaterThan(kept * 6 / 10);
        assertThat(gap.fittedGrowth()).isGreaterThan(kept * 6 / 10);
        assertThat(gap.rssGrowth()).isGreaterThan(kept * 6 / 10);
        assertThat(gap.heapAfterGcGrowth()).isEqualTo(m.of(Kind.HEAP_AFTER_GC).stats().growth());
        assertThat(gap.perMinute()).isGreaterThan(0);
        // Seconds of recording: no per-minute rate stated, and the caveat says why.
        assertThat(gap.rateStated()).isFalse();
        // The heap is pre-touched: all of it is resident, so the gap never goes below zero.
        assertThat(gap.heapNotResident()).isFalse();
        assertThat(gap.min()).isPositive();
        assertThat(gap.caveat()).startsWith("the samples span only");
        assertThat(gap.recordingLength()).isGreaterThanOrEqualTo(gap.span()).isEqualTo(m.length());
        assertThat(m.headline()).startsWith("Outside the heap (resident set minus committed heap): ").doesNotContain("/ min");
        // One point per resident-set sample, each the JDK's own figure minus the committed heap.
        List<RecordedEvent> rss = RecordingFile.readAllEvents(rec.file()).stream()
                .filter(e -> e.getEventType().getName().equals("jdk.ResidentSetSize")).toList();
        assertThat(m.of(Kind.GAP).points()).hasSize(rss.size());
        assertThat(m.of(Kind.RSS).stats().max()).isEqualTo(rss.stream().mapToLong(e -> e.getLong("size")).max().orElseThrow());
        assertThat(m.of(Kind.GAP).stats().max()).isEqualTo(m.of(Kind.RSS).stats().max() - 32 * MB);
    }

    @Test
    void aPlainWorkloadHasFlatSeriesAndNoNmt() throws Exception {
        NativeRecordings rec = NativeRecordings.flat();
        NativeMemory m = read(rec.file());
        for (Kind k : List.of(Kind.RSS, Kind.HEAP_COMMITTED, Kind.HEAP_AFTER_GC, Kind.METASPACE, Kind.CODE_CACHE,
                Kind.DIRECT_BUFFERS, Kind.GAP)) {
            assertThat(m.of(k).recorded()).as(k.label()).isTrue();
            assertThat(m.of(k).stats().points()).as(k.label()).isGreaterThanOrEqualTo(2);
        }
        // Without -XX:NativeMemoryTracking: absent with the reason, not a line of zeros.
        assertThat(m.nmtRecorded()).isFalse();
        assertThat(m.nmtCategories()).isEmpty();
        for (Kind k : List.of(Kind.NMT_TOTAL, Kind.NMT_CATEGORY)) {
            Series s = m.of(k);
            assertThat(s.recorded()).isFalse();
            assertThat(s.points()).isEmpty();
            assertThat(s.stats()).isNull();
            assertThat(s.absence()).contains("-XX:NativeMemoryTracking=summary");
        }
        assertThat(m.of(Kind.DIRECT_BUFFERS).stats().max()).isLessThan(MB);
        assertThat(m.of(Kind.DIRECT_BUFFERS).stats().growth()).isZero();
        assertThat(m.of(Kind.HEAP_COMMITTED).stats().growth()).isZero();
        // Flat: the gap moves by a few MB (class loading, JIT), far from the 160 MB the growing run keeps.
        assertThat(Math.abs(m.gap().growth())).isLessThan(16 * MB);
        assertThat(m.gap().max() - m.gap().min()).isLessThan(32 * MB);
        assertThat(m.of(Kind.CODE_CACHE).stats().min()).isGreaterThan(0);
        assertThat(m.of(Kind.METASPACE).stats().min()).isGreaterThan(MB);
    }

    /** Every corpus recording the JDK can read gives an answer; what it lacks is absent, never an error. */
    @ParameterizedTest
    @ValueSource(strings = {"hotmethods.jfr", "object-allocations.jfr", "example.jfr", "async-profiler.jfr.gz",
        "hs_err_jdk-16.jfr"})
    void corpusRecordingsOpen(String name) throws Exception {
        Path file = Corpus.file("jfr/" + name);
        NativeMemory m = read(file);
        assertThat(m.series()).extracting(Series::kind).contains(Kind.values());
        for (Series s : m.series()) {
            assertThat(s.recorded() ? s.stats() != null && !s.points().isEmpty() : s.absence() != null).as(s.label()).isTrue();
        }
        assertThat(m.length()).isGreaterThanOrEqualTo(Duration.ZERO);
        assertThat(m.headline()).isNotBlank();
        if (name.startsWith("hs_err")) {
            // Metadata only: nothing recorded, and no gap.
            assertThat(m.series()).noneMatch(Series::recorded);
            assertThat(m.gap()).isNull();
        }
        if (name.equals("hotmethods.jfr")) {
            // JDK 11 wrote it: no resident set size (JDK 21+), so no gap, and the headline says why.
            assertThat(m.of(Kind.RSS).recorded()).isFalse();
            assertThat(m.headline()).contains("resident set size was not recorded");
        }
    }

    @Test
    void unreadableCorpusRecordingsFailAtOpenNotHere() {
        Path file = Corpus.file("jfr/transitions_R28.2.jfr");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> read(file)).isInstanceOf(BadInputException.class);
    }
}
