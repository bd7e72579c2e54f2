package dev.inquest.heap.query;

import static org.assertj.core.api.Assertions.assertThat;

import dev.inquest.heap.model.HeapDump;
import dev.inquest.progress.Progress;
import java.util.List;
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
        // Item grew by 3,000 objects and their payloads; holders whose count did not change rank below it.
        assertThat(cmp.classes().getFirst().name()).isEqualTo("LeakPatterns$Item");
        assertThat(cmp.classes()).isSortedAccordingTo(HeapComparison.GROWTH);
        ClassDelta pkg = cmp.packages().stream().filter(r -> r.name().equals("<default package>")).findFirst().orElseThrow();
        // Primitive arrays have no package either: 3,000 Item and their 3,000 byte[].
        assertThat(pkg.countDelta()).isEqualTo(6_000);
    }

    @Test
    void theGrowingDominatorIsNamedByItsPath() {
        DominatorDelta top = cmp.dominators().getFirst();
        assertThat(top.className()).isEqualTo("java.util.ArrayList");
        assertThat(top.path().get(top.path().size() - 2)).isEqualTo("class LeakPatterns$Store");
        // 3,000 Item with their payloads, plus the backing array grown from 6,246 to 9,369 slots
        // (ArrayList's growth by half from 10): 16-byte header + 4 bytes a slot, aligned to 8.
        long before = 10;
        while (before < 5_000) {
            before += before >> 1;
        }
        long after = before;
        while (after < 8_000) {
            after += after >> 1;
        }
        long arrayGrowth = align(16 + 4 * after) - align(16 + 4 * before);
        assertThat(top.retainedDelta()).isEqualTo(3_000L * (24 + 120) + arrayGrowth);
        // The holders above it (the class, the class loader) are explained by it and not repeated.
        assertThat(cmp.dominators()).noneMatch(d -> d.className().equals("class LeakPatterns$Store"));
        assertThat(cmp.dominators()).noneMatch(d -> d.path().size() == 1 && d.retainedDelta() == top.retainedDelta());
    }

    @Test
    void eachGrowthPathNamesTheLargestObjectOnItInTheLaterDump() {
        List<GrowthPath> paths = HeapComparison.growthPaths(after, cmp, Progress.NONE);
        assertThat(paths).extracting(GrowthPath::delta).containsExactlyElementsOf(cmp.dominators());
        // Store holds two lists (the growing items and the stable 1,000 Things): the row acts on the larger.
        GrowthPath top = paths.getFirst();
        assertThat(top.className()).isEqualTo("java.util.ArrayList");
        assertThat(top.holders().getLast()).isEqualTo("class LeakPatterns$Store");
        List<Long> up = after.dominators(top.node());
        long holder = up.getFirst();
        long largest = -1;
        for (long i = 0; i < after.dominatedCount(holder); i++) {
            long c = after.dominated(holder, i);
            if (after.className(c).equals("java.util.ArrayList") && (largest < 0 || after.retained(c) > after.retained(largest))) {
                largest = c;
            }
        }
        assertThat(top.node()).isEqualTo(largest);
        assertThat(top.address()).isEqualTo(after.address(largest));
        assertThat(after.retained(top.node())).isGreaterThan(8_000L * (24 + 120));
        for (GrowthPath p : paths) {
            assertThat(p.node()).as("object for %s", p.delta().path()).isNotNegative();
            assertThat(after.className(p.node())).isEqualTo(p.className());
            assertThat(after.retained(p.node())).isLessThanOrEqualTo(p.delta().retainedAfter());
            // The object's own dominator path is the row's path.
            List<String> path = new java.util.ArrayList<>();
            for (long d : after.dominators(p.node()).reversed()) {
                path.add(after.className(d));
            }
            path.add(after.className(p.node()));
            assertThat(path).isEqualTo(p.delta().path());
        }
    }

    private static long align(long n) {
        return (n + 7) & ~7L;
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
