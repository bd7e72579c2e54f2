package dev.inquest.heap.query;

import dev.inquest.heap.index.ClassInfo;
import dev.inquest.heap.index.DumpInternals;
import dev.inquest.heap.model.Grouping;
import dev.inquest.heap.model.HeapDump;
import dev.inquest.heap.model.HistogramRow;
import dev.inquest.progress.Progress;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Baseline against a later dump of the same process. Addresses differ between dumps, so objects
 * are matched by class (the histograms, linear in the objects) and dominators by their dominator
 * path (a bounded walk of each dominator tree: only nodes that retain at least 0.1 % of the
 * smaller heap, at most {@link #MAX_DEPTH} levels deep).
 */
public final class HeapComparison {
    public static final int MAX_DEPTH = 8;
    /**
     * Rows sort by {@link #growth}, then retained, shallow and count deltas: the first row is what grew most.
     */
    public static final Comparator<ClassDelta> GROWTH = Comparator.comparingLong(HeapComparison::growth).reversed()
            .thenComparing(Comparator.comparingLong(ClassDelta::retainedDelta).reversed())
            .thenComparing(Comparator.comparingLong(ClassDelta::shallowDelta).reversed())
            .thenComparing(Comparator.comparingLong(ClassDelta::countDelta).reversed())
            .thenComparing(ClassDelta::name);

    private HeapComparison() {
    }

    /**
     * How much a class grew: the retained growth of its instances when their number changed, else
     * only their own shallow growth. Holders whose count did not change (the class loader, the one
     * list) would otherwise outrank what they hold; the dominator rows name them instead.
     */
    public static long growth(ClassDelta d) {
        return d.countDelta() != 0 ? d.retainedDelta() : d.shallowDelta();
    }

    /** The full comparison: classes, packages, dominators, new and gone classes. */
    public static Comparison compare(HeapDump before, HeapDump after, Progress progress) {
        return compare(before, after, true, progress);
    }

    /**
     * As {@link #compare(HeapDump, HeapDump, Progress)}; without {@code packages} the per-package rows
     * are left empty, which saves the two package histograms (a walk of each dominator tree).
     */
    public static Comparison compare(HeapDump before, HeapDump after, boolean packages, Progress progress) {
        return compare(before, after, packages,
                floor(DumpInternals.of(before).dominatorTree().reachableShallowSum(), DumpInternals.of(after).dominatorTree().reachableShallowSum()),
                progress);
    }

    /** As {@link #compare(HeapDump, HeapDump, boolean, Progress)} with the walks' floor given (tests: a large dump's floor on a small one). */
    static Comparison compare(HeapDump before, HeapDump after, boolean packages, long floor, Progress progress) {
        progress.phase("Comparing dumps", -1, Progress.Unit.ITEMS);
        Set<String> loadedBefore = loaded(before);
        Set<String> loadedAfter = loaded(after);
        // The histograms (a walk of each dominator tree, cached per dump) and the dominator paths of
        // the two dumps are independent: computed side by side.
        List<Runnable> work = new ArrayList<>(List.of(() -> before.histogram(Grouping.CLASS), () -> after.histogram(Grouping.CLASS)));
        if (packages) {
            work.add(() -> before.histogram(Grouping.PACKAGE));
            work.add(() -> after.histogram(Grouping.PACKAGE));
        }
        List<Map<List<String>, long[]>> paths = new ArrayList<>(List.of(Map.of(), Map.of()));
        work.add(() -> paths.set(0, dominatorPaths(before, floor, progress)));
        work.add(() -> paths.set(1, dominatorPaths(after, floor, progress)));
        work.parallelStream().forEach(Runnable::run);
        progress.checkCancelled();
        List<ClassDelta> classes = deltas(before.histogram(Grouping.CLASS), after.histogram(Grouping.CLASS), loadedBefore);
        List<ClassDelta> packageRows = packages
                ? deltas(before.histogram(Grouping.PACKAGE), after.histogram(Grouping.PACKAGE), null) : List.of();
        Map<List<String>, long[]> domBefore = paths.get(0);
        Map<List<String>, long[]> domAfter = paths.get(1);
        List<DominatorDelta> dominators = new ArrayList<>();
        Set<List<String>> keys = new HashSet<>(domAfter.keySet());
        keys.addAll(domBefore.keySet());
        for (List<String> k : keys) {
            long[] b = domBefore.getOrDefault(k, new long[2]);
            long[] a = domAfter.getOrDefault(k, new long[2]);
            if (a[1] > b[1]) {
                dominators.add(new DominatorDelta(k, b[0], a[0], b[1], a[1]));
            }
        }
        dominators = exact(before, after, mostSpecific(dominators), progress);
        dominators.sort(Comparator.comparingLong(DominatorDelta::retainedDelta).reversed()
                .thenComparingInt(d -> d.path().size()).thenComparing(d -> String.join(" > ", d.path())));
        TreeSet<String> fresh = new TreeSet<>(loadedAfter);
        fresh.removeAll(loadedBefore);
        TreeSet<String> gone = new TreeSet<>(loadedBefore);
        gone.removeAll(loadedAfter);
        return new Comparison(DumpInternals.of(before).dominatorTree().reachableShallowSum(), DumpInternals.of(after).dominatorTree().reachableShallowSum(),
                DumpInternals.of(before).dominatorTree().reachableCount(), DumpInternals.of(after).dominatorTree().reachableCount(), classes, packageRows,
                dominators, List.copyOf(fresh), List.copyOf(gone));
    }

    /**
     * Keeps the dominators that explain growth most specifically: a path is dropped when one of its
     * children accounts for at least 90 % of its growth, except that a collection's backing array
     * (a {@code []} child of a {@code java.util} class) never stands in for the collection, and is
     * itself dropped when the collection is kept.
     */
    static List<DominatorDelta> mostSpecific(List<DominatorDelta> all) {
        Map<List<String>, DominatorDelta> byPath = new HashMap<>();
        for (DominatorDelta d : all) {
            byPath.put(d.path(), d);
        }
        Set<List<String>> explained = new HashSet<>();
        for (DominatorDelta c : all) {
            if (c.path().size() < 2) {
                continue;
            }
            List<String> parentPath = c.path().subList(0, c.path().size() - 1);
            DominatorDelta p = byPath.get(parentPath);
            if (p == null || c.retainedDelta() < 0.9 * p.retainedDelta()) {
                continue;
            }
            if (backingArray(c, p)) {
                explained.add(c.path());
                continue;
            }
            explained.add(p.path());
            // Through a backing array the collection itself is explained: ArrayList > Object[] > X.
            if (p.path().size() >= 2) {
                DominatorDelta gp = byPath.get(p.path().subList(0, p.path().size() - 1));
                if (gp != null && backingArray(p, gp) && c.retainedDelta() >= 0.9 * gp.retainedDelta()) {
                    explained.add(gp.path());
                }
            }
        }
        List<DominatorDelta> out = new ArrayList<>();
        for (DominatorDelta d : all) {
            if (!explained.contains(d.path())) {
                out.add(d);
            }
        }
        return out;
    }

    /**
     * The chosen paths' figures counted in full. The floor only chooses which paths to report: with
     * it, a holder that retained less than 0.1 % of the baseline read "before 0" although the
     * baseline had it (one map of 1 MB in a 3 GB baseline, 1 GB later), and a path's many small
     * objects were left out of its count on both sides. A second walk of each dump, along the
     * chosen paths' prefixes only and without the floor, counts every object with each path; a
     * path whose full figures show no growth is dropped.
     */
    static List<DominatorDelta> exact(HeapDump before, HeapDump after, List<DominatorDelta> chosen, Progress progress) {
        if (chosen.isEmpty()) {
            return chosen;
        }
        Set<List<String>> wanted = new HashSet<>();
        Set<List<String>> prefixes = new HashSet<>();
        for (DominatorDelta d : chosen) {
            wanted.add(d.path());
            for (int i = 1; i <= d.path().size(); i++) {
                prefixes.add(d.path().subList(0, i));
            }
        }
        List<Map<List<String>, long[]>> sums = List.of(new HashMap<>(), new HashMap<>());
        List<HeapDump> dumps = List.of(before, after);
        java.util.stream.IntStream.range(0, 2).parallel().forEach(i -> walk(dumps.get(i), 0, progress, (path, node) -> {
            if (!prefixes.contains(path)) {
                return false;
            }
            if (wanted.contains(path)) {
                long[] agg = sums.get(i).computeIfAbsent(path, k -> new long[2]);
                agg[0]++;
                agg[1] += dumps.get(i).retained(node);
            }
            return true;
        }));
        progress.checkCancelled();
        List<DominatorDelta> out = new ArrayList<>(chosen.size());
        for (DominatorDelta d : chosen) {
            long[] b = sums.get(0).getOrDefault(d.path(), new long[2]);
            long[] a = sums.get(1).getOrDefault(d.path(), new long[2]);
            if (a[1] > b[1]) {
                out.add(new DominatorDelta(d.path(), b[0], a[0], b[1], a[1]));
            }
        }
        return out;
    }

    private static boolean backingArray(DominatorDelta child, DominatorDelta parent) {
        return child.className().endsWith("[]") && parent.className().startsWith("java.util.");
    }

    private static Set<String> loaded(HeapDump d) {
        Set<String> out = new HashSet<>();
        for (ClassInfo c : DumpInternals.of(d).index().classes()) {
            out.add(c.name());
        }
        return out;
    }

    private static List<ClassDelta> deltas(List<HistogramRow> before, List<HistogramRow> after, Set<String> loadedBefore) {
        Map<String, HistogramRow> b = new HashMap<>();
        for (HistogramRow r : before) {
            b.put(r.name(), r);
        }
        List<ClassDelta> out = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (HistogramRow a : after) {
            HistogramRow x = b.get(a.name());
            seen.add(a.name());
            boolean isNew = loadedBefore != null && !loadedBefore.contains(a.name());
            out.add(x == null ? new ClassDelta(a.name(), isNew, 0, a.count(), 0, a.shallow(), 0, a.retained())
                    : new ClassDelta(a.name(), isNew, x.count(), a.count(), x.shallow(), a.shallow(), x.retained(), a.retained()));
        }
        for (HistogramRow x : before) {
            if (!seen.contains(x.name())) {
                out.add(new ClassDelta(x.name(), false, x.count(), 0, x.shallow(), 0, x.retained(), 0));
            }
        }
        out.sort(GROWTH);
        return List.copyOf(out);
    }

    /** The walks' floor: dominators retaining less than 0.1 % of the smaller heap are not followed. */
    private static long floor(long usedBefore, long usedAfter) {
        return Math.max(1, Math.min(usedBefore, usedAfter) / 1000);
    }

    /**
     * The comparison's dominator paths, in its order (largest growth first), each with its largest
     * object in {@code after}: the comparison's own walk (same floor, same depth limit), descending
     * only along prefixes of the paths that grew.
     */
    public static List<GrowthPath> growthPaths(HeapDump after, Comparison c, Progress progress) {
        Set<List<String>> wanted = new HashSet<>();
        Set<List<String>> prefixes = new HashSet<>();
        for (DominatorDelta d : c.dominators()) {
            wanted.add(d.path());
            for (int i = 1; i <= d.path().size(); i++) {
                prefixes.add(d.path().subList(0, i));
            }
        }
        Map<List<String>, Long> largest = new HashMap<>();
        if (!wanted.isEmpty()) {
            walk(after, floor(c.usedBefore(), c.usedAfter()), progress, (path, node) -> {
                if (!prefixes.contains(path)) {
                    return false;
                }
                if (wanted.contains(path)) {
                    largest.merge(path, node, (a, b) -> after.retained(b) > after.retained(a) ? b : a);
                }
                return true;
            });
        }
        List<GrowthPath> out = new ArrayList<>(c.dominators().size());
        for (DominatorDelta d : c.dominators()) {
            long node = largest.getOrDefault(d.path(), -1L);
            out.add(new GrowthPath(d, node, node < 0 ? -1 : after.address(node)));
        }
        return List.copyOf(out);
    }

    /** Dominator path (class names from the top level down) to {objects, retained sum}, for nodes over the floor. */
    static Map<List<String>, long[]> dominatorPaths(HeapDump d, long floor, Progress progress) {
        Map<List<String>, long[]> out = new LinkedHashMap<>();
        walk(d, floor, progress, (path, node) -> {
            long[] agg = out.computeIfAbsent(path, k -> new long[2]);
            agg[0]++;
            agg[1] += d.retained(node);
            return true;
        });
        return out;
    }

    /** What a walk of the dominator paths does at each node; true to descend into its children. */
    private interface PathVisitor {
        boolean visit(List<String> path, long node);
    }

    /**
     * The one walk of the dominator tree both the comparison and its growth paths make: depth
     * first, children largest first, down to {@link #MAX_DEPTH} levels, through the nodes that
     * retain at least {@code floor} bytes. Each node is visited with its dominator path.
     */
    private static void walk(HeapDump d, long floor, Progress progress, PathVisitor visitor) {
        List<long[]> stack = new ArrayList<>(); // {node, depth}
        Map<Long, List<String>> pathOf = new HashMap<>();
        pathOf.put(HeapDump.VIRTUAL_ROOT, List.of());
        stack.add(new long[] {HeapDump.VIRTUAL_ROOT, 0});
        long steps = 0;
        while (!stack.isEmpty()) {
            long[] top = stack.removeLast();
            long v = top[0];
            List<String> path = pathOf.remove(v);
            if (top[1] >= MAX_DEPTH) {
                continue;
            }
            long n = d.dominatedCount(v);
            for (long i = 0; i < n; i++) {
                long c = d.dominated(v, i);
                if (d.retained(c) < floor) {
                    break; // children are sorted by retained size, largest first
                }
                List<String> cp = new ArrayList<>(path.size() + 1);
                cp.addAll(path);
                cp.add(d.className(c));
                List<String> key = List.copyOf(cp);
                if (!visitor.visit(key, c)) {
                    continue;
                }
                pathOf.put(c, key);
                stack.add(new long[] {c, top[1] + 1});
                if ((++steps & 0xFFF) == 0) {
                    progress.checkCancelled();
                }
            }
        }
    }
}
