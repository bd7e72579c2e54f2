package dev.inquest.ui.heap;

import dev.inquest.heap.graph.DominatorTree;
import dev.inquest.heap.model.HeapDump;
import dev.inquest.heap.query.Comparison;
import dev.inquest.heap.query.DominatorDelta;
import dev.inquest.heap.query.HeapComparison;
import dev.inquest.progress.Progress;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The rows of the growth view: the comparison's dominator-path deltas, each with one object of
 * the later dump to inspect. A path stands for every object that shares it, so the row's object
 * is the largest of them (what "Inspect" and "Paths to GC roots" act on). No JavaFX here.
 */
public final class GrowthRows {

    /**
     * One dominator path that grew.
     *
     * @param node the largest object with this path in the later dump, or -1 when there is none
     *             (the path no longer exists there)
     */
    public record Row(DominatorDelta delta, long node) {
        public String className() {
            return delta.className();
        }

        /** The dominators above this one, top first; empty for a top-level dominator. */
        public List<String> holders() {
            return delta.path().subList(0, delta.path().size() - 1);
        }
    }

    private GrowthRows() {
    }

    /** Rows in the engine's order (largest growth first), with their objects in {@code after}. */
    public static List<Row> rows(HeapDump after, Comparison comparison, Progress progress) {
        Map<List<String>, Long> largest = largestByPath(after, comparison, progress);
        List<Row> out = new ArrayList<>(comparison.dominators().size());
        for (DominatorDelta d : comparison.dominators()) {
            out.add(new Row(d, largest.getOrDefault(d.path(), -1L)));
        }
        return List.copyOf(out);
    }

    /**
     * For each path of the comparison, its largest object in {@code after}: the engine's walk
     * (children largest first, the same 0.1 % floor and depth limit, see {@link HeapComparison}),
     * descending only along prefixes of the wanted paths.
     */
    static Map<List<String>, Long> largestByPath(HeapDump after, Comparison c, Progress progress) {
        Set<List<String>> wanted = new HashSet<>();
        Set<List<String>> prefixes = new HashSet<>();
        for (DominatorDelta d : c.dominators()) {
            wanted.add(d.path());
            for (int i = 1; i <= d.path().size(); i++) {
                prefixes.add(d.path().subList(0, i));
            }
        }
        Map<List<String>, Long> out = new HashMap<>();
        if (wanted.isEmpty()) {
            return out;
        }
        long floor = Math.max(1, Math.min(c.usedBefore(), c.usedAfter()) / 1000);
        DominatorTree t = after.dominatorTree();
        List<Object[]> stack = new ArrayList<>(); // {node, path}
        stack.add(new Object[] {DominatorTree.VIRTUAL_ROOT, List.<String>of()});
        long steps = 0;
        while (!stack.isEmpty()) {
            Object[] top = stack.removeLast();
            long v = (long) top[0];
            @SuppressWarnings("unchecked")
            List<String> path = (List<String>) top[1];
            if (path.size() >= HeapComparison.MAX_DEPTH) {
                continue;
            }
            for (long i = 0, n = t.childCount(v); i < n; i++) {
                long child = t.child(v, i);
                if (t.retained(child) < floor) {
                    break; // children come largest first
                }
                List<String> cp = new ArrayList<>(path);
                cp.add(after.className(child));
                if (!prefixes.contains(cp)) {
                    continue;
                }
                List<String> key = List.copyOf(cp);
                if (wanted.contains(key)) {
                    out.merge(key, child, (a, b) -> t.retained(b) > t.retained(a) ? b : a);
                }
                stack.add(new Object[] {child, key});
                if ((++steps & 0xFFF) == 0) {
                    progress.checkCancelled();
                }
            }
        }
        return out;
    }
}
