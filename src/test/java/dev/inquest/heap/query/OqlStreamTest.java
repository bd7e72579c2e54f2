package dev.inquest.heap.query;

import static org.assertj.core.api.Assertions.assertThat;

import dev.inquest.heap.model.HeapDump;
import dev.inquest.heap.model.OpenOptions;
import dev.inquest.progress.Progress;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Streamed query results (issue 19): rows reach the consumer as each chunk of the scan is done,
 * before the scan ends, and {@link OqlQuery#stream} keeps none of them.
 */
@Tag("slow")
class OqlStreamTest {
    static final String ALL = "SELECT * FROM INSTANCEOF java.lang.Object o";
    private static HeapDump dump;

    @BeforeAll
    static void open() throws Exception {
        dump = HeapDump.open(OqlDump.path(), OpenOptions.DEFAULT.withIndexFile(false), Progress.NONE);
    }

    @AfterAll
    static void close() {
        dump.close();
    }

    @Test
    void streamedRowsAreTheRunsRowsButNotKept() throws Exception {
        OqlQuery q = OqlQuery.parse(ALL);
        List<Long> kept = q.run(dump, -1, null, Progress.NONE).rows().stream().map(OqlRow::node).toList();
        List<Long> streamed = new ArrayList<>();
        OqlResult r = q.stream(dump, -1, row -> streamed.add(row.node()), Progress.NONE);
        assertThat(kept.size()).isGreaterThan(2 * OqlEngine.CHUNK);
        assertThat(r.rows()).isEmpty();
        assertThat(r.count()).isEqualTo(kept.size());
        assertThat(r.more()).isFalse();
        assertThat(streamed).isEqualTo(kept);

        OqlResult limited = q.stream(dump, 10, row -> { }, Progress.NONE);
        assertThat(limited.count()).isEqualTo(10);
        assertThat(limited.more()).isTrue();
    }

    @Test
    void theFirstRowArrivesBeforeTheScanEnds() throws Exception {
        List<String> events = new ArrayList<>();
        long[] total = {-1};
        long[] doneAtFirstRow = {-1};
        long[] done = {0};
        Progress watch = new Progress() {
            @Override
            public void phase(String name, long t, Unit unit) {
                total[0] = t;
            }

            @Override
            public void progress(long d) {
                synchronized (events) {
                    done[0] = d;
                    events.add("progress " + d);
                }
            }

            @Override
            public boolean isCancelled() {
                return false;
            }
        };
        OqlResult r = OqlQuery.parse(ALL).stream(dump, -1, row -> {
            synchronized (events) {
                if (doneAtFirstRow[0] < 0) {
                    doneAtFirstRow[0] = done[0];
                    events.add("first row");
                }
            }
        }, watch);
        assertThat(r.count()).isPositive();
        assertThat(total[0]).isGreaterThan(2L * OqlEngine.CHUNK);
        // The first chunk's rows go out when that chunk is done, while most of the scan is still ahead.
        assertThat(doneAtFirstRow[0]).isPositive().isLessThan(total[0]);
        assertThat(events.indexOf("first row")).isLessThan(events.indexOf("progress " + total[0]));
    }

    @Test
    void aSlowWorkerIsWaitedForNotDropped() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(Runtime.getRuntime().availableProcessors() > 1, "needs a second worker");
        OqlQuery q = OqlQuery.parse(ALL);
        long all = q.run(dump, -1, null, Progress.NONE).rows().size();
        Thread caller = Thread.currentThread();
        // The other workers take 1.5 s a chunk (a busy machine): longer than the caller waits between checks.
        Progress slow = new Progress() {
            @Override
            public void phase(String name, long total, Unit unit) {
            }

            @Override
            public void progress(long done) {
            }

            @Override
            public boolean isCancelled() {
                if (Thread.currentThread() != caller && Thread.currentThread().getName().equals("inquest-query")) {
                    try {
                        Thread.sleep(1_500);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
                return false;
            }
        };
        long[] streamed = {0};
        OqlResult r = q.stream(dump, -1, row -> streamed[0]++, slow);
        assertThat(r.count()).isEqualTo(all);
        assertThat(streamed[0]).isEqualTo(all);
        assertThat(r.more()).isFalse();
    }
}
