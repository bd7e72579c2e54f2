package dev.inquest.jfr.events;

import static org.assertj.core.api.Assertions.assertThat;

import dev.inquest.jfr.AllocRecording;
import dev.inquest.jfr.Recording;
import dev.inquest.progress.Progress;
import dev.inquest.testing.Corpus;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The event browser's engine on the allocation workload's recording (a child JVM: threads
 * "alloc-eighty" allocating long[126], "alloc-twenty" int[252]), against the JDK's own reader.
 */
class EventBrowserTest {
    static final String SAMPLE = "jdk.ObjectAllocationSample";
    static Path file;
    /** Every allocation sample as the JDK's RecordingFile reads it: the independent oracle. */
    static List<RecordedEvent> samples;

    @BeforeAll
    static void record() throws Exception {
        file = AllocRecording.get().file();
        samples = new ArrayList<>();
        for (RecordedEvent e : RecordingFile.readAllEvents(file)) {
            if (e.getEventType().getName().equals(SAMPLE)) {
                samples.add(e);
            }
        }
        assertThat(samples).hasSizeGreaterThan(100);
    }

    @Test
    void everyTypeIsListedWithTheJdkCountAndItsLabel() throws Exception {
        Map<String, Long> jdk = AllocRecording.jdkSummaryCounts(file);
        try (Recording r = Recording.open(file, Progress.NONE)) {
            List<EventTypeInfo> types = r.eventTypes(Progress.NONE);
            Map<String, Long> nonZero = new java.util.TreeMap<>(jdk);
            nonZero.values().removeIf(v -> v == 0);
            // The JDK tool lists its records of metadata and constant pools too: they are not events.
            nonZero.keySet().removeAll(List.of("jdk.Metadata", "jdk.Checkpoint"));
            assertThat(types).extracting(EventTypeInfo::name).containsExactlyInAnyOrderElementsOf(nonZero.keySet());
            for (EventTypeInfo t : types) {
                assertThat(t.count()).as(t.name()).isEqualTo(jdk.get(t.name()));
            }
            EventTypeInfo sample = types.stream().filter(t -> t.name().equals(SAMPLE)).findFirst().orElseThrow();
            assertThat(sample.label()).isEqualTo("Object Allocation Sample");
            assertThat(sample.category()).contains("Java Application");
            assertThat(types.getFirst().count()).isGreaterThanOrEqualTo(types.getLast().count());
        }
    }

    @Test
    void aTypedTableHoldsEveryEventWithFormattedFields() throws Exception {
        try (Recording r = Recording.open(file, Progress.NONE);
             EventTable t = r.events(EventQuery.of(SAMPLE), Progress.NONE)) {
            assertThat(t.columns()).extracting(EventColumn::name)
                    .startsWith("startTime", "eventThread").contains("objectClass", "weight")
                    .doesNotContain("stackTrace");
            assertThat(column(t, "startTime").kind()).isEqualTo(FieldKind.TIMESTAMP);
            assertThat(column(t, "weight").kind()).isEqualTo(FieldKind.BYTES);
            assertThat(column(t, "objectClass").kind()).isEqualTo(FieldKind.CLASS);
            assertThat(column(t, "eventThread").kind()).isEqualTo(FieldKind.THREAD);
            assertThat(t.size(Progress.NONE)).isEqualTo(samples.size());
            assertThat(t.sizeKnown()).isTrue();
            assertThat(t.partial()).isFalse();

            List<EventRow> all = t.rows(0, samples.size() + 10, Progress.NONE);
            assertThat(all).hasSize(samples.size());
            // The same events as the JDK reads (in the order the chunks hold them), field by field,
            // times to the nanosecond: each chunk's copy carries the first chunk's clock, as the JDK's
            // one pass over the whole file converts (issue 20).
            int start = index(t, "startTime"), thread = index(t, "eventThread"), cls = index(t, "objectClass"),
                    weight = index(t, "weight");
            List<String> expected = samples.stream().map(e -> e.getThread().getJavaName() + " "
                    + dev.inquest.jfr.read.FrameNames.className(e.getClass("objectClass").getName()) + " "
                    + e.getLong("weight") + " " + e.getStartTime()).sorted().toList();
            List<String> got = all.stream().map(row -> row.values().get(thread) + " " + row.values().get(cls) + " "
                    + row.values().get(weight) + " " + row.values().get(start)).sorted().toList();
            assertThat(got).containsExactlyElementsOf(expected);
            // Each chunk's events run forward in time (the JDK reads them as each thread's buffer was flushed).
            for (int i = 1; i < all.size(); i++) {
                if (all.get(i).chunk() == all.get(i - 1).chunk()) {
                    Instant was = (Instant) all.get(i - 1).values().get(start), is = (Instant) all.get(i).values().get(start);
                    assertThat(is).as("row %d", i).isAfterOrEqualTo(was);
                }
            }
            assertThat(all).extracting(EventRow::chunk).isSorted();
            assertThat(all).extracting(EventRow::index).containsExactlyElementsOf(
                    java.util.stream.LongStream.range(0, all.size()).boxed().toList());
            EventRow first = all.getFirst();
            long w = (Long) first.values().get(weight);
            assertThat(column(t, "weight").format(w)).isEqualTo(dev.inquest.format.Units.bytes(w));
            assertThat(column(t, "startTime").format(first.values().get(start))).matches("\\d\\d:\\d\\d:\\d\\d\\.\\d{3}");
            EventRow eighty = all.stream().filter(row -> "alloc-eighty".equals(row.values().get(thread))).findFirst()
                    .orElseThrow();
            assertThat(column(t, "objectClass").format(eighty.values().get(cls))).isEqualTo("long[]");
        }
    }


    @Test
    void pagesAreTheSameEventsReadInPiecesForwardAndBack() throws Exception {
        try (Recording r = Recording.open(file, Progress.NONE);
             EventTable t = r.events(EventQuery.of(SAMPLE), Progress.NONE)) {
            List<EventRow> whole = t.rows(0, samples.size(), Progress.NONE);
            List<EventRow> paged = new ArrayList<>();
            for (long from = 0; from < whole.size(); from += 37) {
                paged.addAll(t.rows(from, 37, Progress.NONE));
            }
            assertThat(paged).isEqualTo(whole);
            // Back to the middle after the end (the cursor restarts the chunk).
            int mid = whole.size() / 2;
            assertThat(t.rows(mid, 5, Progress.NONE)).isEqualTo(whole.subList(mid, mid + 5));
            assertThat(t.rows(whole.size() - 2, 10, Progress.NONE)).hasSize(2);
            assertThat(t.rows(whole.size() + 5, 10, Progress.NONE)).isEmpty();
        }
    }

    /**
     * Issue 20: a page anywhere (a jump into the middle of a chunk, past a mark of its copy, back
     * before it, a chunk's first and last event) is the same events as paging there from the start,
     * once the summary has counted each chunk (as the window's open does) so that the jump goes
     * straight to its chunk.
     */
    @Test
    void aJumpToAnyPageIsTheEventsReadInOrderUpToIt() throws Exception {
        List<EventRow> sequential = new ArrayList<>();
        try (Recording r = Recording.open(file, Progress.NONE);
             EventTable t = r.events(EventQuery.of(SAMPLE), Progress.NONE)) {
            for (long from = 0; ; from += 200) {
                List<EventRow> page = t.rows(from, 200, Progress.NONE);
                if (page.isEmpty()) {
                    break;
                }
                sequential.addAll(page);
            }
        }
        assertThat(sequential).hasSize(samples.size());
        // The chunks' first rows; the chunk with the most events must hold several marks for the jumps to cross.
        Map<Integer, Integer> firstOfChunk = new java.util.TreeMap<>();
        Map<Integer, Integer> perChunk = new java.util.TreeMap<>();
        for (EventRow row : sequential) {
            firstOfChunk.putIfAbsent(row.chunk(), (int) row.index());
            perChunk.merge(row.chunk(), 1, Integer::sum);
        }
        assertThat(perChunk).hasSizeGreaterThan(2);
        int big = perChunk.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
        int mark = dev.inquest.jfr.load.ChunkCopy.MARK;
        assertThat(perChunk.get(big)).as("events in the largest chunk").isGreaterThan(3 * mark);
        int base = firstOfChunk.get(big);
        int n = perChunk.get(big);
        List<Integer> jumps = List.of(base + n / 2, base + 2 * mark - 1, base + 2 * mark, base + 3 * mark + 7, base + mark + 1,
                base, base + n - 1, sequential.size() / 2, sequential.size() - 3,
                firstOfChunk.values().stream().skip(perChunk.size() - 1).findFirst().orElseThrow());
        try (Recording r = Recording.open(file, Progress.NONE)) {
            r.summary(Progress.NONE);
            // One table for all the jumps (forward, back, across chunks), and a fresh one per jump.
            try (EventTable shared = r.events(EventQuery.of(SAMPLE), Progress.NONE)) {
                for (int at : jumps) {
                    List<EventRow> expected = sequential.subList(at, Math.min(sequential.size(), at + 50));
                    assertThat(shared.rows(at, 50, Progress.NONE)).as("page at %d", at).isEqualTo(expected);
                    try (EventTable fresh = r.events(EventQuery.of(SAMPLE), Progress.NONE)) {
                        assertThat(fresh.rows(at, 50, Progress.NONE)).as("fresh page at %d", at).isEqualTo(expected);
                        EventRow first = fresh.rows(at, 1, Progress.NONE).getFirst();
                        assertThat(fresh.stack(first, Progress.NONE)).isEqualTo(shared.stack(expected.getFirst(), Progress.NONE));
                    }
                }
            }
        }
    }

    @Test
    void theStackOfAnEventIsItsAllocatingMethod() throws Exception {
        try (Recording r = Recording.open(file, Progress.NONE);
             EventTable t = r.events(EventQuery.of(SAMPLE).withThread("alloc-twenty"), Progress.NONE)) {
            List<EventRow> rows = t.rows(0, 3, Progress.NONE);
            assertThat(rows).hasSize(3).allMatch(EventRow::hasStack);
            EventStack s = t.stack(rows.get(2), Progress.NONE);
            assertThat(s.frames()).isNotEmpty();
            assertThat(s.frames()).anyMatch(f -> f.startsWith("JfrAllocWorkload.allocateTwenty"));
            assertThat(s.frames()).noneMatch(f -> f.contains("allocateEighty"));
        }
    }

    @Test
    void threadTextAndRangeFiltersKeepExactlyTheMatchingEvents() throws Exception {
        long twenty = samples.stream().filter(e -> e.getThread().getJavaName().equals("alloc-twenty")).count();
        long ints = samples.stream().filter(e -> e.getClass("objectClass").getName().equals("[I")).count();
        Instant first = samples.stream().map(RecordedEvent::getStartTime).min(Instant::compareTo).orElseThrow();
        Instant last = samples.stream().map(RecordedEvent::getStartTime).max(Instant::compareTo).orElseThrow();
        Instant mid = first.plus(Duration.between(first, last).dividedBy(2));
        long early = samples.stream().filter(e -> e.getStartTime().isBefore(mid)).count();
        assertThat(twenty).isPositive().isLessThan(samples.size());
        assertThat(early).isPositive().isLessThan(samples.size());
        try (Recording r = Recording.open(file, Progress.NONE)) {
            try (EventTable t = r.events(EventQuery.of(SAMPLE).withThread("TWENTY"), Progress.NONE)) {
                assertThat(t.size(Progress.NONE)).isEqualTo(twenty);
                int thread = index(t, "eventThread");
                assertThat(t.rows(0, (int) twenty, Progress.NONE)).hasSize((int) twenty)
                        .allMatch(row -> row.values().get(thread).equals("alloc-twenty"));
            }
            try (EventTable t = r.events(EventQuery.of(SAMPLE).withText("int[]"), Progress.NONE)) {
                assertThat(t.size(Progress.NONE)).isEqualTo(ints);
                int cls = index(t, "objectClass");
                assertThat(t.rows(0, 1000, Progress.NONE)).allMatch(row -> row.values().get(cls).equals("int[]"));
            }
            try (EventTable t = r.events(EventQuery.of(SAMPLE).withRange(null, mid), Progress.NONE)) {
                assertThat(t.size(Progress.NONE)).isEqualTo(early);
            }
            try (EventTable t = r.events(EventQuery.of(SAMPLE).withRange(mid, null).withThread("alloc-twenty"),
                    Progress.NONE)) {
                long lateTwenty = samples.stream().filter(e -> !e.getStartTime().isBefore(mid)
                        && e.getThread().getJavaName().equals("alloc-twenty")).count();
                assertThat(t.size(Progress.NONE)).isEqualTo(lateTwenty);
            }
        }
    }

    @Test
    void aTypeTheRecordingLacksIsAnEmptyTable() throws Exception {
        try (Recording r = Recording.open(file, Progress.NONE);
             EventTable t = r.events(EventQuery.of("jdk.NoSuchEvent"), Progress.NONE)) {
            assertThat(t.columns()).isEmpty();
            assertThat(t.size(Progress.NONE)).isZero();
            assertThat(t.rows(0, 10, Progress.NONE)).isEmpty();
        }
    }

    @Test
    void theFirstPageReadsOnlyTheChunksItNeeds() throws Exception {
        try (Recording r = Recording.open(file, Progress.NONE);
             EventTable t = r.events(EventQuery.of(SAMPLE), Progress.NONE)) {
            assertThat(t.rows(0, 10, Progress.NONE)).hasSize(10);
            // The workload rotates chunks: the samples of later chunks are not counted yet.
            assertThat(t.sizeKnown()).isFalse();
            assertThat(t.sizeSoFar()).isPositive().isLessThan(samples.size());
        }
        // Once the summary has counted every chunk (as the window's open does), the size is its count,
        // and the last page is read without the chunks before it being counted first.
        try (Recording r = Recording.open(file, Progress.NONE)) {
            r.summary(Progress.NONE);
            try (EventTable t = r.events(EventQuery.of(SAMPLE), Progress.NONE)) {
                assertThat(t.size(Progress.NONE)).isEqualTo(samples.size());
                assertThat(t.sizeKnown()).isFalse();
                List<EventRow> last = t.rows(samples.size() - 1, 5, Progress.NONE);
                assertThat(last).hasSize(1);
                assertThat(last.getFirst().index()).isEqualTo(samples.size() - 1);
            }
        }
    }

    @Test
    void corpusRecordingsOpenInTheBrowser() throws Exception {
        Path example = Corpus.file("jfr/example.jfr");
        try (Recording r = Recording.open(example, Progress.NONE)) {
            List<EventTypeInfo> types = r.eventTypes(Progress.NONE);
            assertThat(types).isNotEmpty();
            EventTypeInfo enter = types.stream().filter(t -> t.name().equals("jdk.JavaMonitorEnter")).findFirst()
                    .orElseThrow();
            assertThat(enter.count()).isEqualTo(13); // as the JDK's jfr summary counts them
            try (EventTable t = r.events(EventQuery.of(enter.name()), Progress.NONE)) {
                assertThat(t.size(Progress.NONE)).isEqualTo(13);
                assertThat(column(t, "duration").kind()).isEqualTo(FieldKind.DURATION);
                assertThat(column(t, "monitorClass").kind()).isEqualTo(FieldKind.CLASS);
                assertThat(column(t, "address").kind()).isEqualTo(FieldKind.ADDRESS);
                List<EventRow> rows = t.rows(0, 5, Progress.NONE);
                assertThat(rows).isNotEmpty();
                assertThat(t.stack(rows.getFirst(), Progress.NONE).frames()).isNotEmpty();
            }
        }
    }

    private static EventColumn column(EventTable t, String name) {
        return t.columns().stream().filter(c -> c.name().equals(name)).findFirst().orElseThrow();
    }

    private static int index(EventTable t, String name) {
        return t.columns().indexOf(column(t, name));
    }
}
