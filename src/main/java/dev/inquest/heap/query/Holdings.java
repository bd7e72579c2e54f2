package dev.inquest.heap.query;

import dev.inquest.heap.graph.DominatorTree;
import dev.inquest.heap.model.HeapDump;
import dev.inquest.heap.model.PathStep;
import dev.inquest.progress.Progress;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * "Who holds these objects", split by the collection each sits in (issue 19): every object goes
 * to the nearest collection above it on the dominator tree (its own structure, the table, the
 * nodes, the backing array, counted as the collection); an object with no collection within
 * {@value #UP} dominators above it is not counted under any (the dominator view names those); each
 * holder is named by its field on the shortest strong path from a GC root, as the leak suspects
 * name theirs. So 135,000 wrappers under one class's statics read "ResponseLog.served holds
 * 100,000; AssetManager.assets holds 35,000", not "class Seeds holds 135,000". The leak suspects,
 * {@code heap why}, {@code heap holders} and the window's "Held by" pane share this one rule.
 */
public final class Holdings {
    /** Dominators looked at above an object for a collection; none within them, the object is not counted under a holder. */
    static final int UP = 32;

    /**
     * One holder.
     *
     * @param holder    "Class.field" of the holder on its shortest strong path from a GC root, or
     *                  null when it is a GC root itself
     * @param container the holding collection
     * @param kind      the collection's kind
     * @param objects   how many of the objects asked about it holds
     */
    public record Holding(String holder, ObjectBrief container, ContainerKind kind, long objects) {
        /** The holder field, else the collection's class. */
        public String label() {
            return holder != null ? holder : LeakSuspects.simple(container.className());
        }
    }

    private final HeapDump dump;
    private final ObjectReader reader;
    private final Containers containers;
    private final DominatorTree tree;
    /** Where climbing from a collection or an array ended: every element of a list climbs from its one backing array. */
    private final Map<Long, Long> climbed = new HashMap<>();

    Holdings(HeapDump dump, ObjectReader reader, Containers containers) {
        this.dump = dump;
        this.reader = reader;
        this.containers = containers;
        this.tree = reader.tree();
    }

    public static Holdings of(HeapDump dump) {
        ObjectReader r = new ObjectReader(dump);
        return new Holdings(dump, r, new Containers(r));
    }

    /** The holders of {@code nodes}, most objects first, at most {@code limit} of them (the rest are not named). */
    public List<Holding> holders(long[] nodes, int limit, Progress progress) {
        Map<Long, long[]> count = new HashMap<>();
        for (int i = 0; i < nodes.length; i++) {
            if ((i & 0xFFFF) == 0) {
                progress.checkCancelled();
            }
            long v = nodes[i];
            if (!tree.isReachable(v) || tree.idom(v) < 0) {
                continue;
            }
            long h = holderOf(v);
            if (h >= 0) {
                count.computeIfAbsent(h, k -> new long[1])[0]++;
            }
        }
        List<Map.Entry<Long, long[]>> sorted = new ArrayList<>(count.entrySet());
        sorted.sort(Comparator.comparingLong((Map.Entry<Long, long[]> e) -> e.getValue()[0]).reversed()
                .thenComparingLong(Map.Entry::getKey));
        List<Holding> out = new ArrayList<>();
        for (Map.Entry<Long, long[]> e : sorted.subList(0, Math.min(limit, sorted.size()))) {
            long h = e.getKey();
            out.add(new Holding(holderName(h, progress), ObjectBrief.of(reader, h), containers.kind(h), e.getValue()[0]));
        }
        return List.copyOf(out);
    }

    /**
     * The nearest collection dominating {@code v} (climbed to the collection its structure belongs
     * to), or -1 when none is within {@value #UP} dominators: the links of a chain are held each by
     * the one before, and naming each of two million as a holder would say nothing.
     */
    long holderOf(long v) {
        long x = tree.idom(v);
        long found = -1;
        for (int i = 0; i < UP && x >= 0; i++, x = tree.idom(x)) {
            if (containers.isContainer(x) || containers.isStructure(x)) {
                found = x;
                break;
            }
        }
        if (found < 0) {
            return -1;
        }
        List<Long> remember = new ArrayList<>(2);
        while (true) {
            Long known = climbed.get(found);
            if (known != null) {
                found = known;
                break;
            }
            if (containers.isContainer(found)) {
                remember.add(found);
            }
            long p = tree.idom(found);
            if (p < 0 || !(containers.isContainer(p) || containers.isStructure(p)) || !partOf(p, found)) {
                break;
            }
            found = p;
        }
        for (long r : remember) {
            climbed.put(r, found);
        }
        return found;
    }

    /** Whether {@code x}, dominated by {@code prev}, is part of prev's implementation (when prev is a container or its structure). */
    boolean partOf(long prev, long x) {
        if (containers.isStructure(x)) {
            return true;
        }
        boolean prevIsCollection = containers.isStructure(prev)
                || containers.isContainer(prev) && containers.kind(prev) != ContainerKind.ARRAY;
        if (!prevIsCollection) {
            return false;
        }
        if (!reader.index().isClassObject(x)
                && reader.index().classOf(x).kind() == dev.inquest.heap.index.ClassInfo.Kind.OBJECT_ARRAY) {
            return true; // ArrayList.elementData, ArrayDeque.elements ...
        }
        // A set's backing map or list.
        return containers.kind(prev) == ContainerKind.SET && containers.isContainer(x);
    }

    /**
     * The shortest strong path from a GC root to {@code node}, node first (empty when it has none),
     * up the tree of shortest strong paths that "why alive" keeps (built once per dump and stored
     * beside the index): a search from the object up its inbound references would need the
     * inbound index, which is not kept beside a big dump and cost every {@code heap why} and
     * {@code heap suspects} process a second to rebuild. Among several shortest paths it is the
     * breadth-first search's, as in the merged paths.
     */
    List<PathStep> path(long node, Progress progress) {
        WhyAlive.StrongParents tree = WhyAlive.StrongParents.of(dump, progress);
        if (!tree.reached(node)) {
            return List.of();
        }
        List<PathStep> steps = new ArrayList<>();
        long previous = -1;
        long n = reader.index().nodeCount();
        // Bounded by the node count: a damaged column cannot make it loop.
        for (long x = node, guard = 0; guard <= n; guard++) {
            long p = tree.parentOf(x);
            String field = null;
            if (previous >= 0) {
                field = dump.fieldName(x, previous);
                if (field == null) {
                    field = "<local>";
                }
            }
            boolean root = p < 0; // every object on the path is reached: -1 is a root
            steps.add(new PathStep(x, dump.address(x), dump.className(x), field, root ? dump.rootKinds(x) : null));
            if (root) {
                break;
            }
            previous = x;
            x = p;
        }
        return List.copyOf(steps);
    }

    /** "Class.field" through which {@code node} is held on its shortest strong path, or null when it is a root. */
    String holderName(long node, Progress progress) {
        return holderName(path(node, progress));
    }

    static String holderName(List<PathStep> path) {
        if (path.size() > 1) {
            return LeakSuspects.simple(LeakSuspects.stripClass(path.get(1).className())) + "." + path.get(1).field();
        }
        return null;
    }
}
