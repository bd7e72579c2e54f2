package dev.inquest.heap.query;

import static org.assertj.core.api.Assertions.assertThat;

import dev.inquest.demo.DemoResult;
import dev.inquest.heap.model.Grouping;
import dev.inquest.heap.model.HeapDump;
import dev.inquest.heap.model.HistogramRow;
import dev.inquest.heap.model.OpenOptions;
import dev.inquest.progress.Progress;
import dev.inquest.testing.DemoFiles;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The comparison on the demo's two dumps (the service's receipts grow from 2,000 to 12,000 in one
 * map): its "before" figures are the baseline's own, for classes as the baseline's histogram
 * counts them and for dominator paths as a full walk of the baseline's dominator tree counts them,
 * also when the map retained less than the walks' floor in the baseline (the growth view's
 * "Before 0" on a large dump, issue 18).
 */
class HeapComparisonDemoTest {
    private static HeapDump before;
    private static HeapDump after;

    @BeforeAll
    static void open() throws Exception {
        DemoResult demo = DemoFiles.get();
        before = HeapDump.open(demo.baseline(), OpenOptions.DEFAULT, Progress.NONE);
        after = HeapDump.open(demo.after(), OpenOptions.DEFAULT, Progress.NONE);
    }

    @AfterAll
    static void close() {
        before.close();
        after.close();
    }

    @Test
    void classCountsBeforeAreTheBaselineHistogramsCounts() {
        Comparison c = HeapComparison.compare(before, after, Progress.NONE);
        Map<String, HistogramRow> baseline = before.histogram(Grouping.CLASS).stream()
                .collect(Collectors.toMap(HistogramRow::name, r -> r));
        assertThat(c.classes()).hasSizeGreaterThan(100);
        for (ClassDelta d : c.classes()) {
            HistogramRow b = baseline.get(d.name());
            assertThat(d.countBefore()).as(d.name()).isEqualTo(b == null ? 0 : b.count());
            assertThat(d.retainedBefore()).as(d.name()).isEqualTo(b == null ? 0 : b.retained());
        }
        ClassDelta receipts = c.classes().stream().filter(d -> d.name().endsWith("LeakyService$Receipt")).findFirst().orElseThrow();
        assertThat(receipts.countBefore()).isEqualTo(2_000);
        assertThat(receipts.countAfter()).isEqualTo(12_000);
    }

    @Test
    void dominatorFiguresAreEveryObjectWithThePathInEachDump() {
        Comparison c = HeapComparison.compare(before, after, Progress.NONE);
        assertThat(c.dominators()).isNotEmpty();
        Map<List<String>, long[]> all0 = allPaths(before);
        Map<List<String>, long[]> all1 = allPaths(after);
        for (DominatorDelta d : c.dominators()) {
            assertThat(new long[] {d.countBefore(), d.retainedBefore()}).as("before %s", d.path())
                    .containsExactly(all0.getOrDefault(d.path(), new long[2]));
            assertThat(new long[] {d.countAfter(), d.retainedAfter()}).as("after %s", d.path())
                    .containsExactly(all1.getOrDefault(d.path(), new long[2]));
        }
    }

    @Test
    void aHolderUnderTheFloorInTheBaselineKeepsItsBaselineFigures() {
        // The leaking map retains about 1.2 MB before and 7.4 MB after; a floor between the two
        // (what 0.1 % of a 2 GB heap is) used to cut it from the baseline's walk: "before 0".
        Comparison full = HeapComparison.compare(before, after, Progress.NONE);
        DominatorDelta map = full.dominators().stream().filter(d -> d.className().equals("java.util.HashMap")).findFirst().orElseThrow();
        assertThat(map.path().getFirst()).endsWith("LeakyService");
        assertThat(map.countBefore()).isEqualTo(1);
        long floor = (map.retainedBefore() + map.retainedAfter()) / 2;
        Comparison big = HeapComparison.compare(before, after, false, floor, Progress.NONE);
        DominatorDelta cut = big.dominators().stream().filter(d -> d.path().equals(map.path())).findFirst().orElseThrow();
        assertThat(cut.countBefore()).isEqualTo(1);
        assertThat(cut.retainedBefore()).isEqualTo(map.retainedBefore()).isPositive();
        assertThat(cut.retainedAfter()).isEqualTo(map.retainedAfter());
    }

    /** Every reachable object's dominator path (to {@link HeapComparison#MAX_DEPTH}) with its objects and retained sum. */
    private static Map<List<String>, long[]> allPaths(HeapDump d) {
        Map<List<String>, long[]> out = new HashMap<>();
        ArrayDeque<Object[]> todo = new ArrayDeque<>();
        todo.push(new Object[] {HeapDump.VIRTUAL_ROOT, List.<String>of()});
        while (!todo.isEmpty()) {
            Object[] top = todo.pop();
            long v = (Long) top[0];
            @SuppressWarnings("unchecked")
            List<String> path = (List<String>) top[1];
            if (path.size() >= HeapComparison.MAX_DEPTH) {
                continue;
            }
            for (long i = 0, n = d.dominatedCount(v); i < n; i++) {
                long ch = d.dominated(v, i);
                List<String> p = new ArrayList<>(path);
                p.add(d.className(ch));
                long[] agg = out.computeIfAbsent(List.copyOf(p), k -> new long[2]);
                agg[0]++;
                agg[1] += d.retained(ch);
                todo.push(new Object[] {ch, List.copyOf(p)});
            }
        }
        return out;
    }
}
