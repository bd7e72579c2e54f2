package dev.inquest.jfr;

import static org.assertj.core.api.Assertions.assertThat;

import dev.inquest.jfr.heap.HeapTimeline;
import dev.inquest.jfr.nativemem.NativeMemory;
import dev.inquest.jfr.rules.RuleEvidence;
import dev.inquest.jfr.rules.RuleResult;
import dev.inquest.jfr.stack.EventKind;
import dev.inquest.jfr.stack.StackTree;
import dev.inquest.jfr.stack.StackTreeQuery;
import dev.inquest.progress.Progress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Issue 20: the same recording gives the same rules (and the series and times they rest on) on one
 * thread and on two, whichever chunks each worker happens to take. The reversed chunk order (a test
 * hook of the chunk reader) makes the worst case happen every time: a worker's group led by the
 * recording's last chunk, whose clock differs from the first chunk's by some nanoseconds.
 */
@Tag("slow")
class ReadDeterminismTest {
    private static final String THREADS = "inquest.jfr.threads";
    private static final String ORDER = "inquest.jfr.chunkOrder";

    /** What one read of the recording gives: every field compared, doubles exactly (records' equals). */
    private record Reading(List<RuleResult> rules, NativeMemory nativeMemory, HeapTimeline heap, StackTree allocations) {
    }

    private static Reading read(Path file, String threads, String order) throws Exception {
        String oldThreads = System.getProperty(THREADS);
        String oldOrder = System.getProperty(ORDER);
        System.setProperty(THREADS, threads);
        System.setProperty(ORDER, order);
        try {
            // A fresh Recording each time: nothing cached from an earlier read.
            try (Recording r = Recording.open(file, Progress.NONE)) {
                List<RuleResult> rules = r.rules(Progress.NONE).results();
                NativeMemory nm = r.nativeMemory(Progress.NONE);
                HeapTimeline heap = r.heapTimeline(Progress.NONE);
                StackTree alloc = r.stacks(StackTreeQuery.of(EventKind.ALLOC), Progress.NONE);
                return new Reading(rules, nm, heap, alloc);
            }
        } finally {
            restore(THREADS, oldThreads);
            restore(ORDER, oldOrder);
        }
    }

    private static void restore(String key, String value) {
        if (value == null) {
            System.clearProperty(key);
        } else {
            System.setProperty(key, value);
        }
    }

    @Test
    void oneAndTwoThreadsInEitherChunkOrderGiveTheSameRulesSeriesAndTimes() throws Exception {
        Path file = AllocRecording.get().file();
        try (Recording r = Recording.open(file, Progress.NONE)) {
            assertThat(r.summary(Progress.NONE).chunks()).as("a multi-chunk recording").isGreaterThanOrEqualTo(3);
        }
        Reading reference = read(file, "1", "forward");
        // The reading is worth comparing: the rules rest on timed series and time ranges.
        List<RuleEvidence> evidence = new ArrayList<>();
        reference.rules().forEach(res -> evidence.addAll(res.evidence()));
        assertThat(evidence).anyMatch(e -> e instanceof RuleEvidence.Series s && s.points().size() > 1);
        assertThat(evidence).anyMatch(e -> e instanceof RuleEvidence.TimeRange);
        assertThat(reference.heap().heap()).hasSizeGreaterThan(1);
        assertThat(reference.rules()).anyMatch(res -> !res.figures().isEmpty());

        List<String> ways = List.of("1 reversed", "2 forward", "2 reversed", "2 forward", "2 reversed");
        for (String way : ways) {
            String[] w = way.split(" ");
            Reading other = read(file, w[0], w[1]);
            assertThat(other.rules()).as("rules, %s thread(s), %s", w[0], w[1]).isEqualTo(reference.rules());
            assertThat(other.nativeMemory()).as("native memory, %s", way).isEqualTo(reference.nativeMemory());
            assertThat(other.heap()).as("heap timeline, %s", way).isEqualTo(reference.heap());
            assertThat(other.allocations().root()).as("allocation tree, %s", way)
                    .usingRecursiveComparison().isEqualTo(reference.allocations().root());
        }
    }
}
