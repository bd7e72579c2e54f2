package dev.inquest.heap.query;

import dev.inquest.format.Units;
import dev.inquest.heap.graph.DominatorTree;
import dev.inquest.heap.graph.Reachability;
import dev.inquest.heap.index.ClassInfo;
import dev.inquest.heap.index.DumpInternals;
import dev.inquest.heap.index.HeapIndex;
import dev.inquest.heap.model.HeapDump;
import dev.inquest.heap.store.LongList;
import dev.inquest.progress.Progress;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The retained set of a selection (several objects, or every instance of a class), as MAT's
 * "Show Retained Set" gives it: the objects that would be freed if every member were freed, that
 * is the objects the roots reach only through members. It is more than the union of what each
 * member dominates when members share a structure (two holders of one cache: each alone retains
 * little, both together retain the cache), so it is not summed from the dominator tree
 * ({@link DominatorTree#retainedSizeOfSet} gives only that lower bound) but found by one
 * breadth-first search that does not enter the members ({@link Reachability#retainedSet}): within
 * the subtree of the members' lowest common dominator when they have one, else from the roots;
 * linear in what it walks, no recursion, cancellable, with progress.
 */
public final class RetainedSet {
    /**
     * The answer. {@code members}: the selection's reachable objects (unreachable ones retain
     * nothing); {@code objects} and {@code shallow}: the retained set's size, the members
     * included; {@code histogram}: the set by class (class objects under {@code java.lang.Class}),
     * largest shallow size first; {@code partial}: the dump is cut short, so the figures cover its readable part.
     */
    public record Result(String label, long members, long objects, long shallow, List<Inspection.ClassCount> histogram,
            boolean partial) {
        public Result {
            histogram = List.copyOf(histogram);
        }

        /**
         * The answer in words, for both faces: "Retained set of Holder (2 objects): 197 KB in 6
         * objects of 3 classes."
         */
        public String sentence() {
            return "Retained set of " + label + " (" + Units.count(members) + (members == 1 ? " object" : " objects") + "): "
                    + Units.bytes(shallow) + " in " + Units.count(objects) + (objects == 1 ? " object" : " objects") + " of "
                    + Units.count(histogram.size()) + (histogram.size() == 1 ? " class." : " classes.")
                    + (partial ? " Partial: the dump is cut short, so this covers its readable part." : "");
        }
    }

    private RetainedSet() {
    }

    /** Whether the dump has a class of this name (with or without instances). */
    public static boolean hasClass(HeapDump dump, String className) {
        for (ClassInfo c : DumpInternals.of(dump).index().classes()) {
            if (c.name().equals(className)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The retained set of every reachable instance of the classes named {@code className} (every
     * class of that name, as the histogram merges them), and with {@code instanceOf} of their
     * subclasses too. Class objects are not members: MAT's class row stands for its instances.
     */
    public static Result forClass(HeapDump dump, String className, boolean instanceOf, Progress progress) {
        HeapIndex index = DumpInternals.of(dump).index();
        ClassInstances instances = ClassInstances.of(dump, progress);
        LongList members = new LongList();
        int classes = index.classes().size();
        for (ClassInfo c : index.classes()) {
            if (matches(index, c, className, instanceOf, classes) && instances.count(c.ordinal()) > 0) {
                for (long i = instances.begin(c.ordinal()), end = instances.end(c.ordinal()); i < end; i++) {
                    members.add(instances.node(i));
                }
            }
        }
        progress.checkCancelled();
        return forObjects(dump, instanceOf ? className + " and its subclasses" : className, members.toArray(), progress);
    }

    /** Whether {@code c} is named {@code name}, or with {@code instanceOf} has a superclass so named (the chain walked, cycles stopped). */
    private static boolean matches(HeapIndex index, ClassInfo c, String name, boolean instanceOf, int classes) {
        int steps = 0;
        for (ClassInfo k = c; k != null && steps++ <= classes; k = k.superOrdinal() < 0 || k.superOrdinal() == k.ordinal()
                ? null : index.classInfo(k.superOrdinal())) {
            if (k.name().equals(name)) {
                return true;
            }
            if (!instanceOf) {
                return false;
            }
        }
        return false;
    }

    /** The retained set of the objects {@code nodes} (duplicates and unreachable ones change nothing). */
    public static Result forObjects(HeapDump dump, String label, long[] nodes, Progress progress) {
        DumpInternals.Parts parts = DumpInternals.of(dump);
        HeapIndex index = parts.index();
        DominatorTree tree = parts.dominatorTree();
        long members = Arrays.stream(nodes).filter(tree::isReachable).distinct().count();
        int classes = index.classes().size();
        int javaLangClass = -1;
        for (ClassInfo c : index.classes()) {
            if (c.name().equals("java.lang.Class")) {
                javaLangClass = c.ordinal();
            }
        }
        // Per class ordinal, plus one slot for class objects: arrays, not a map, for a set of millions.
        long[] count = new long[classes + 1];
        long[] shallow = new long[classes + 1];
        int jlc = javaLangClass;
        Reachability.RetainedSet size = Reachability.retainedSet(index, tree, nodes,
                v -> ObjectInspector.countNode(index, v, jlc, classes, count, shallow), progress);
        Map<String, long[]> byName = new HashMap<>();
        for (int k = 0; k <= classes; k++) {
            if (count[k] > 0) {
                long[] a = byName.computeIfAbsent(k == classes ? "java.lang.Class" : index.classInfo(k).name(), x -> new long[2]);
                a[0] += count[k];
                a[1] += shallow[k];
            }
        }
        List<Inspection.ClassCount> rows = new ArrayList<>();
        byName.forEach((k, a) -> rows.add(new Inspection.ClassCount(k, a[0], a[1])));
        rows.sort(Comparator.comparingLong(Inspection.ClassCount::shallow).reversed().thenComparing(Inspection.ClassCount::className));
        return new Result(label, members, size.objects(), size.shallowSize(), rows, dump.truncated());
    }
}
