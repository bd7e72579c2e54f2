package dev.inquest.heap.query;

import static org.assertj.core.api.Assertions.assertThat;

import dev.inquest.heap.model.HeapDump;
import dev.inquest.progress.Progress;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Two dumps of one process: Store.items grows from 5,000 to 8,000 Item, Store.stable keeps 1,000 Thing. */
@Tag("slow")
class HeapComparisonTest {
    static HeapDump before;
    static HeapDump after;
    static Comparison cmp;

    @BeforeAll
    static void compare() throws Exception {
        before = LeakDumps.open("grow-1");
        after = LeakDumps.open("grow-2");
        cmp = HeapComparison.compare(before, after, Progress.NONE);
    }

    @AfterAll
    static void close() {
        before.close();
        after.close();
    }

    static ClassDelta row(String name) {
        return cmp.classes().stream().filter(r -> r.name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void growingClassHasTheExactDelta() {
        ClassDelta item = row("LeakPatterns$Item");
        assertThat(item.countBefore()).isEqualTo(5_000);
        assertThat(item.countAfter()).isEqualTo(8_000);
        assertThat(item.countDelta()).isEqualTo(3_000);
        // Item: 12-byte header + int + reference = 24 bytes; it alone holds a byte[100] of 120 bytes.
        assertThat(item.shallowDelta()).isEqualTo(3_000L * 24);
        assertThat(item.retainedDelta()).isEqualTo(3_000L * (24 + 120));
        assertThat(item.isNew()).isFalse();
    }

    @Test
    void stableClassDoesNotMove() {
        ClassDelta thing = row("LeakPatterns$Thing");
        assertThat(thing.countBefore()).isEqualTo(1_000);
        assertThat(thing.countDelta()).isZero();
        assertThat(thing.shallowDelta()).isZero();
        assertThat(thing.retainedDelta()).isZero();
    }

    @Test
    void rankedByGrowth() {
        // The growing application class ranks above every class that did not grow.
        int itemRank = cmp.classes().indexOf(row("LeakPatterns$Item"));
        assertThat(cmp.classes().subList(0, itemRank)).allSatisfy(r -> assertThat(r.retainedDelta()).isGreaterThanOrEqualTo(
                row("LeakPatterns$Item").retainedDelta()));
        assertThat(cmp.classes()).isSortedAccordingTo(HeapComparison.GROWTH);
        ClassDelta pkg = cmp.packages().stream().filter(r -> r.name().equals("<default package>")).findFirst().orElseThrow();
        assertThat(pkg.countDelta()).isGreaterThanOrEqualTo(3_000);
    }

    @Test
    void theGrowingDominatorIsNamedByItsPath() {
        DominatorDelta store = cmp.dominators().stream()
                .filter(d -> d.className().equals("class LeakPatterns$Store")).findFirst().orElseThrow();
        // The list grew by 3,000 Item with their payloads, plus a bigger backing array.
        assertThat(store.retainedDelta()).isGreaterThanOrEqualTo(3_000L * (24 + 120));
        DominatorDelta list = cmp.dominators().stream()
                .filter(d -> d.path().size() > 1 && d.path().get(d.path().size() - 2).equals("class LeakPatterns$Store")
                        && d.className().equals("java.util.ArrayList")).findFirst().orElseThrow();
        assertThat(list.retainedDelta()).isEqualTo(store.retainedDelta());
    }

    @Test
    void newClassesAreListed() throws Exception {
        // The workload writes the queue dump before it first touches the cache classes.
        try (HeapDump queue = LeakDumps.open("queue"); HeapDump cache = LeakDumps.open("cache")) {
            Comparison c = HeapComparison.compare(queue, cache, Progress.NONE);
            assertThat(c.newClasses()).contains("LeakPatterns$Report", "LeakPatterns$ReportCache", "LeakPatterns$Reports")
                    .doesNotContain("LeakPatterns$OutboundEvent");
            ClassDelta report = c.classes().stream().filter(r -> r.name().equals("LeakPatterns$Report")).findFirst().orElseThrow();
            assertThat(report.isNew()).isTrue();
            assertThat(report.countBefore()).isZero();
            assertThat(report.countDelta()).isEqualTo(10_000);
            ClassDelta event = c.classes().stream().filter(r -> r.name().equals("LeakPatterns$OutboundEvent")).findFirst().orElseThrow();
            assertThat(event.countDelta()).isEqualTo(-20_000);
        }
        assertThat(cmp.newClasses()).doesNotContain("LeakPatterns$Item", "LeakPatterns$Thing");
    }
}
