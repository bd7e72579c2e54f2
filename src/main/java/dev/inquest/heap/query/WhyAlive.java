package dev.inquest.heap.query;

import dev.inquest.heap.graph.EdgeFilter;
import dev.inquest.heap.index.HeapIndex;
import dev.inquest.heap.store.IntArray;
import dev.inquest.heap.store.LongArray;
import java.lang.foreign.Arena;
import java.util.HashMap;
import dev.inquest.heap.index.ClassInfo;
import dev.inquest.heap.model.HeapDump;
import dev.inquest.progress.Progress;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * "Why is this alive" for a whole class: the shortest strong path of every instance to a GC root
 * (weak/soft/phantom referents excluded), merged into one tree from the roots down, with sibling
 * objects of the same class reached through the same field grouped into one row, so 5,000
 * listeners in one array read as one line "[] -> 5,000 x Widget". One breadth-first search from
 * the roots (MAT's merged paths), then linear in the path nodes.
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
        try (Arena arena = Arena.ofConfined()) {
            return new Grouper(dump, arena).run(label, nodes, progress);
        }
    }

    /**
     * One breadth-first search from all roots over strong references gives every object a parent
     * on a shortest path (MAT's merged paths); then each path node gets a group id, interned from
     * (parent's group, class, field from the parent), walking up from each member only until a
     * node whose group is known. Arrays indexed by node, one map entry per distinct group: linear
     * in the objects searched plus the path nodes, without an object per path node.
     */
    private static final class Grouper {
        private final HeapDump dump;
        private final ObjectReader reader;
        private final LongArray parent; // 0 = not reached, 1 = a root, p + 2 = reached from p
        private final IntArray groupOf; // 0 = not yet, g + 1 = in group g
        private final List<long[]> groups = new ArrayList<>(); // {parentGroup, node count, objects, shallow, example}
        private final List<String> groupClass = new ArrayList<>();
        private final List<String> groupField = new ArrayList<>();
        private final Map<String, Integer> groupIds = new HashMap<>();
        private final Map<Long, Map<Long, String>> classObjectFields = new HashMap<>();
        private final Arena arena;

        Grouper(HeapDump dump, Arena arena) {
            this.dump = dump;
            this.arena = arena;
            this.reader = new ObjectReader(dump);
            long n = dump.index().nodeCount();
            this.parent = LongArray.allocate(arena, n);
            this.groupOf = IntArray.allocate(arena, n);
        }

        Result run(String label, long[] members, Progress progress) {
            HeapIndex g = dump.index();
            EdgeFilter filter = dump.strongReferences();
            long n = g.nodeCount();
            NodeSet wanted = new NodeSet(n);
            long remaining = 0;
            for (long x : members) {
                if (wanted.add(x)) {
                    remaining++;
                }
            }
            long distinct = remaining;
            LongArray queue = LongArray.allocate(arena, n);
            long head = 0;
            long tail = 0;
            for (long i = 0, rc = g.rootCount(); i < rc; i++) {
                long r = g.root(i);
                if (parent.get(r) == 0) {
                    parent.set(r, 1);
                    queue.set(tail++, r);
                    if (wanted.contains(r)) {
                        remaining--;
                    }
                }
            }
            while (head < tail && remaining > 0) {
                long x = queue.get(head++);
                for (long e = g.edgeStart(x), end = g.edgeEnd(x); e < end; e++) {
                    long t = g.edgeTarget(e);
                    if (parent.get(t) == 0 && filter.follow(x, e, t)) {
                        parent.set(t, x + 2);
                        queue.set(tail++, t);
                        if (wanted.contains(t)) {
                            remaining--;
                        }
                    }
                }
                if ((head & 0xFFFF) == 0) {
                    progress.checkCancelled();
                }
            }
            NodeSet counted = new NodeSet(n);
            long withPath = 0;
            LongStack up = new LongStack();
            long steps = 0;
            for (long x : members) {
                if (parent.get(x) == 0 || !counted.add(x)) {
                    continue;
                }
                withPath++;
                // Up to the first node whose group is known (or a root), then assign groups down again.
                long y = x;
                while (groupOf.get(y) == 0) {
                    up.push(y);
                    long p = parent.get(y);
                    if (p == 1) {
                        break;
                    }
                    y = p - 2;
                }
                while (!up.isEmpty()) {
                    long v = up.pop();
                    long p = parent.get(v);
                    int pg = p == 1 ? -1 : groupOf.get(p - 2) - 1;
                    String field = p == 1 ? null : field(p - 2, v);
                    int id = intern(pg, dump.className(v), field, v);
                    groups.get(id)[1]++;
                    groupOf.set(v, id + 1);
                }
                long shallow = g.shallowSize(x);
                for (int k = groupOf.get(x) - 1; k >= 0; k = (int) groups.get(k)[0]) {
                    groups.get(k)[2]++;
                    groups.get(k)[3] += shallow;
                }
                if ((++steps & 0xFFF) == 0) {
                    progress.checkCancelled();
                }
            }
            return new Result(label, members.length, withPath, distinct - withPath, tree());
        }

        private int intern(int parentGroup, String className, String field, long example) {
            String key = parentGroup + "\u0000" + className + "\u0000" + field;
            Integer id = groupIds.get(key);
            if (id == null) {
                id = groups.size();
                groups.add(new long[] {parentGroup, 0, 0, 0, example});
                groupClass.add(className);
                groupField.add(field);
                groupIds.put(key, id);
            }
            return id;
        }

        /** How {@code from} references {@code to}: the field name, "[]" for an array slot, a static's name for a class. */
        private String field(long from, long to) {
            if (reader.index().isClassObject(from)) {
                Map<Long, String> names = classObjectFields.computeIfAbsent(from, k -> {
                    Map<Long, String> m = new HashMap<>();
                    for (dev.inquest.heap.model.ObjectRef ref : dump.outbound(k)) {
                        m.putIfAbsent(ref.node(), ref.field());
                    }
                    return m;
                });
                return names.getOrDefault(to, "<local>");
            }
            if (reader.index().classOf(from).kind() == ClassInfo.Kind.OBJECT_ARRAY) {
                return "[]";
            }
            String[] found = {null};
            reader.forEachRef(from, (f, t) -> {
                if (found[0] == null && t == to) {
                    found[0] = f;
                }
            });
            return found[0] != null ? found[0] : "<local>"; // a thread's local variable
        }

        private List<Group> tree() {
            Map<Integer, List<Integer>> children = new HashMap<>();
            for (int k = 0; k < groups.size(); k++) {
                children.computeIfAbsent((int) groups.get(k)[0], x -> new ArrayList<>()).add(k);
            }
            return build(-1, children);
        }

        private List<Group> build(int top, Map<Integer, List<Integer>> children) {
            // Iterative post-order: group chains through linked structures can be thousands deep.
            Map<Integer, List<Group>> built = new HashMap<>();
            List<int[]> stack = new ArrayList<>();
            stack.add(new int[] {top, 0});
            while (!stack.isEmpty()) {
                int[] frame = stack.getLast();
                List<Integer> kids = children.getOrDefault(frame[0], List.of());
                if (frame[1] < kids.size()) {
                    stack.add(new int[] {kids.get(frame[1]++), 0});
                    continue;
                }
                stack.removeLast();
                List<Group> done = new ArrayList<>(kids.size());
                for (int k : kids) {
                    long[] a = groups.get(k);
                    done.add(new Group(groupClass.get(k), groupField.get(k), a[1], a[2], a[3],
                            a[0] < 0 ? dump.rootKinds(a[4]) : null, dump.address(a[4]), built.getOrDefault(k, List.of())));
                    built.remove(k);
                }
                done.sort(Comparator.comparingLong(Group::objects).reversed().thenComparing(Group::className));
                built.put(frame[0], List.copyOf(done));
            }
            return built.getOrDefault(top, List.of());
        }
    }
}
