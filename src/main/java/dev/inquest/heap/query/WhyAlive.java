package dev.inquest.heap.query;

import dev.inquest.heap.graph.ShortestPaths;
import dev.inquest.heap.index.ClassInfo;
import dev.inquest.heap.model.HeapDump;
import dev.inquest.progress.Progress;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * "Why is this alive" for a whole class: the shortest strong path of every instance to a GC root
 * (weak/soft/phantom referents excluded), merged into one tree from the roots down, with sibling
 * objects of the same class reached through the same field grouped into one row, so 5,000
 * listeners in one array read as one line "[] in Object[] : 5,000 objects". One breadth-first
 * search from the roots (MAT's merged paths), then linear in the paths' total length.
 */
public final class WhyAlive {
    /**
     * One row of the grouped tree. {@code field}: how the parent row's objects reference these
     * ({@code []} for array slots, null at the top); {@code objects}: instances of the queried class
     * whose path runs through this row, {@code objectsShallow} their shallow sizes; {@code nodes}:
     * how many distinct objects the row groups; {@code rootKinds}: for the top rows, why they are roots.
     */
    public record Group(String className, String field, long nodes, long objects, long objectsShallow, String rootKinds,
            long exampleAddress, List<Group> children) {
    }

    /** The answer: rows from the GC roots down; {@code unreached}: instances with no strong path. */
    public record Result(String className, long instances, long withPath, long unreached, List<Group> roots) {
    }

    private WhyAlive() {
    }

    public static Result forClass(HeapDump dump, String className, Progress progress) {
        LongList members = new LongList();
        boolean[] wanted = new boolean[dump.index().classes().size()];
        for (ClassInfo c : dump.index().classes()) {
            wanted[c.ordinal()] = c.name().equals(className);
        }
        long n = dump.index().nodeCount();
        for (long v = 0; v < n; v++) {
            if (wanted[dump.index().classOrdinal(v)] && !dump.index().isClassObject(v) && dump.isReachable(v)) {
                members.add(v);
            }
            if ((v & 0xFFFF) == 0) {
                progress.checkCancelled();
            }
        }
        return forObjects(dump, className, members.toArray(), progress);
    }

    public static Result forObjects(HeapDump dump, String label, long[] nodes, Progress progress) {
        ShortestPaths sp = new ShortestPaths(dump.index(), dump.inboundEdges(progress), dump.strongReferences());
        ShortestPaths.MergedPaths merged = sp.merged(nodes, progress);
        ObjectReader r = new ObjectReader(dump);
        // Paths through linked structures can be thousands of objects long; the grouping recurses
        // once per level, so it runs on a thread with a deep stack rather than the caller's.
        List<List<Group>> box = new ArrayList<>();
        RuntimeException[] failure = new RuntimeException[1];
        Thread t = new Thread(null, () -> {
            try {
                box.add(group(dump, r, -1, merged.roots(), true));
            } catch (RuntimeException e) {
                failure[0] = e;
            }
        }, "why-alive", 1L << 30);
        t.start();
        try {
            t.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new java.util.concurrent.CancellationException("interrupted");
        }
        if (failure[0] != null) {
            throw failure[0];
        }
        List<Group> roots = box.getFirst();
        return new Result(label, nodes.length, merged.paths(), merged.unreached(), roots);
    }

    /** Groups sibling path nodes by (class, field from the parent), recursively; linear in the tree. */
    private static List<Group> group(HeapDump dump, ObjectReader r, long parent, List<ShortestPaths.PathNode> nodes, boolean top) {
        Map<String, List<ShortestPaths.PathNode>> byKey = new LinkedHashMap<>();
        Map<String, String> fieldOf = new LinkedHashMap<>();
        Map<Long, String> fields = parent < 0 ? Map.of() : fieldNames(r, parent);
        for (ShortestPaths.PathNode p : nodes) {
            String field = parent < 0 ? null : fields.getOrDefault(p.node(), "<local>");
            String key = dump.className(p.node()) + "\u0000" + field;
            byKey.computeIfAbsent(key, k -> new ArrayList<>()).add(p);
            fieldOf.put(key, field);
        }
        List<Group> out = new ArrayList<>();
        for (Map.Entry<String, List<ShortestPaths.PathNode>> e : byKey.entrySet()) {
            List<ShortestPaths.PathNode> members = e.getValue();
            long objects = 0;
            long shallow = 0;
            List<Group> children = new ArrayList<>();
            for (ShortestPaths.PathNode m : members) {
                objects += m.objects();
                shallow += m.objectsShallow();
            }
            if (members.size() == 1) {
                ShortestPaths.PathNode only = members.getFirst();
                children = only.children() == null || only.children().isEmpty() ? List.of()
                        : group(dump, r, only.node(), only.children(), false);
            } else {
                List<Group> merged = new ArrayList<>();
                for (ShortestPaths.PathNode m : members) {
                    if (m.children() != null && !m.children().isEmpty()) {
                        merged.addAll(group(dump, r, m.node(), m.children(), false));
                    }
                }
                children = mergeGroups(merged);
            }
            ShortestPaths.PathNode first = members.getFirst();
            out.add(new Group(dump.className(first.node()), fieldOf.get(e.getKey()), members.size(), objects, shallow,
                    top ? dump.rootKinds(first.node()) : null, dump.address(first.node()), children));
        }
        out.sort(Comparator.comparingLong(Group::objects).reversed().thenComparing(Group::className));
        return List.copyOf(out);
    }

    /** Merges rows with the same class and field (from different parents of one grouped row). */
    private static List<Group> mergeGroups(List<Group> groups) {
        Map<String, List<Group>> byKey = new LinkedHashMap<>();
        for (Group g : groups) {
            byKey.computeIfAbsent(g.className() + "\u0000" + g.field(), k -> new ArrayList<>()).add(g);
        }
        List<Group> out = new ArrayList<>();
        for (List<Group> same : byKey.values()) {
            if (same.size() == 1) {
                out.add(same.getFirst());
                continue;
            }
            long nodes = 0;
            long objects = 0;
            long shallow = 0;
            List<Group> kids = new ArrayList<>();
            for (Group g : same) {
                nodes += g.nodes();
                objects += g.objects();
                shallow += g.objectsShallow();
                kids.addAll(g.children());
            }
            Group f = same.getFirst();
            out.add(new Group(f.className(), f.field(), nodes, objects, shallow, f.rootKinds(), f.exampleAddress(),
                    mergeGroups(kids)));
        }
        out.sort(Comparator.comparingLong(Group::objects).reversed().thenComparing(Group::className));
        return out;
    }

    /** Field names of a node's references, target to name; array slots read "[]" so siblings group. */
    private static Map<Long, String> fieldNames(ObjectReader r, long node) {
        Map<Long, String> out = new java.util.HashMap<>();
        r.forEachRef(node, (field, target) -> out.putIfAbsent(target, field == null ? "[]" : field));
        if (r.index().isClassObject(node)) {
            for (dev.inquest.heap.model.ObjectRef ref : r.dump().outbound(node)) {
                out.putIfAbsent(ref.node(), ref.field());
            }
        }
        return out;
    }
}
