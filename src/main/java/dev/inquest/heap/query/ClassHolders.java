package dev.inquest.heap.query;

import dev.inquest.heap.graph.DominatorTree;
import dev.inquest.heap.index.ClassInfo;
import dev.inquest.heap.index.DumpInternals;
import dev.inquest.heap.index.HeapIndex;
import dev.inquest.heap.model.HeapDump;
import dev.inquest.progress.Progress;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which dominators hold the instances of one class: the instances are grouped by the top-level
 * dominator above them, and each group names its holder, the lowest object that dominates every
 * instance of the group (the array inside the map, the list's element array...), with the
 * dominators from that holder up to the top level. Answers "who keeps these alive" for a class in
 * one walk up the dominator tree per instance.
 */
public final class ClassHolders {
    /** Dominators listed above a holder at most (the rest of a deep chain adds little). */
    static final int ABOVE = 8;

    /**
     * One group of instances.
     *
     * @param holder    the lowest dominator of all instances of the group that is not one of them
     *                  (the instance itself when it is alone and a top-level dominator)
     * @param above     the holder's dominators, nearest first, up to the top level (at most {@value #ABOVE})
     * @param top       the top-level dominator of the group
     * @param instances reachable instances of the class under it
     * @param retained  what those instances retain together (instances inside other instances counted once)
     */
    public record Holder(ObjectBrief holder, List<ObjectBrief> above, ObjectBrief top, long instances, long retained) {
    }

    /**
     * @param instances all reachable instances of the class
     * @param retained  their retained size as a set (as the histogram computes it)
     * @param holders   largest retained first, at most the limit asked for
     * @param groups    how many top-level dominators hold instances
     * @param heldIn    the collections the instances sit in, most
     *                  instances first, at most the limit asked for ({@link Holdings}, issue 19): one
     *                  top-level dominator can hold several collections of them
     */
    public record Result(String className, long instances, long retained, List<Holder> holders, int groups,
            List<Holdings.Holding> heldIn) {
        public Result {
            heldIn = heldIn == null ? List.of() : List.copyOf(heldIn);
        }
    }

    private ClassHolders() {
    }

    public static Result of(HeapDump dump, String className, int limit, Progress progress) {
        progress.phase("Dominators holding " + className, -1, Progress.Unit.ITEMS);
        HeapIndex index = DumpInternals.of(dump).index();
        DominatorTree tree = DumpInternals.of(dump).dominatorTree();
        Set<Integer> ordinals = new HashSet<>();
        for (ClassInfo c : index.classes()) {
            if (c.name().equals(className)) {
                ordinals.add(c.ordinal());
            }
        }
        Map<Long, Group> groups = new HashMap<>();
        long instances = 0;
        long retained = 0;
        long[] chain = new long[64];
        dev.inquest.heap.store.LongList all = new dev.inquest.heap.store.LongList();
        long n = ordinals.isEmpty() ? 0 : index.nodeCount();
        for (long v = 0; v < n; v++) {
            if ((v & 0xFFFF) == 0) {
                progress.checkCancelled();
            }
            if (!ordinals.contains(index.classOrdinal(v)) || !tree.isReachable(v) || index.isClassObject(v)) {
                continue;
            }
            instances++;
            all.add(v);
            int len = 0;
            boolean nested = false;
            for (long d = v; d >= 0; d = tree.idom(d)) {
                if (len == chain.length) {
                    chain = Arrays.copyOf(chain, len * 2);
                }
                chain[len++] = d;
                nested |= d != v && ordinals.contains(index.classOrdinal(d)) && !index.isClassObject(d);
            }
            long top = chain[len - 1];
            Group g = groups.computeIfAbsent(top, k -> new Group());
            g.instances++;
            if (!nested) {
                g.retained += tree.retained(v);
                retained += tree.retained(v);
            }
            g.common(chain, len);
        }
        List<Map.Entry<Long, Group>> sorted = new ArrayList<>(groups.entrySet());
        sorted.sort(Comparator.comparingLong((Map.Entry<Long, Group> e) -> e.getValue().retained).reversed()
                .thenComparing(Comparator.comparingLong((Map.Entry<Long, Group> e) -> e.getValue().instances).reversed())
                .thenComparingLong(Map.Entry::getKey));
        List<Holder> out = new ArrayList<>();
        for (Map.Entry<Long, Group> e : sorted.subList(0, Math.min(limit, sorted.size()))) {
            Group g = e.getValue();
            long holder = g.prefix[g.prefixLength - 1];
            // The lowest common dominator is an instance itself when the group is one instance (or one
            // instance holds the rest): name what holds it, unless it is held by a GC root directly.
            if (ordinals.contains(index.classOrdinal(holder)) && !index.isClassObject(holder) && tree.idom(holder) >= 0) {
                holder = tree.idom(holder);
            }
            List<ObjectBrief> above = new ArrayList<>();
            for (long d = tree.idom(holder); d >= 0 && above.size() < ABOVE; d = tree.idom(d)) {
                above.add(brief(dump, d));
            }
            out.add(new Holder(brief(dump, holder), List.copyOf(above), brief(dump, e.getKey()), g.instances, g.retained));
        }
        List<Holdings.Holding> heldIn = Holdings.of(dump).holders(all.toArray(), limit, progress);
        return new Result(className, instances, retained, List.copyOf(out), groups.size(), heldIn);
    }

    static ObjectBrief brief(HeapDump dump, long node) {
        return new ObjectBrief(node, dump.address(node), dump.className(node), dump.shallow(node), dump.retained(node));
    }

    /** Instances under one top-level dominator; {@code prefix} is their common dominator chain, top first. */
    private static final class Group {
        long instances;
        long retained;
        long[] prefix;
        int prefixLength;

        /** Narrows the common chain to what this instance's chain (instance first, top last) shares. */
        void common(long[] chain, int len) {
            if (prefix == null) {
                prefix = new long[len];
                for (int i = 0; i < len; i++) {
                    prefix[i] = chain[len - 1 - i];
                }
                prefixLength = len;
                return;
            }
            int k = 0;
            while (k < prefixLength && k < len && prefix[k] == chain[len - 1 - k]) {
                k++;
            }
            prefixLength = k;
        }
    }
}
