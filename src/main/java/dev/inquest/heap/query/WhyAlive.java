package dev.inquest.heap.query;

import dev.inquest.heap.graph.EdgeFilter;
import dev.inquest.heap.index.DumpInternals;
import dev.inquest.heap.index.HeapIndex;
import dev.inquest.heap.store.IntArray;
import dev.inquest.heap.store.LongArray;
import dev.inquest.heap.store.LongList;
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
 * the roots (MAT's merged paths) per open dump, kept; then each question is linear in its path nodes.
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
        // The generated equals, hashCode and toString recurse into children: a path two million
        // objects deep (a linked list) would overflow the stack in an assertion or a log line.
        // Same meaning (equal rows, equal subtrees), walked on an explicit stack.

        public Group {
            children = children == null ? List.of() : children;
        }

        @Override
        public boolean equals(Object o) {
            if (!(o instanceof Group other)) {
                return false;
            }
            java.util.ArrayDeque<Group[]> todo = new java.util.ArrayDeque<>();
            todo.push(new Group[] {this, other});
            while (!todo.isEmpty()) {
                Group[] pair = todo.pop();
                Group a = pair[0];
                Group b = pair[1];
                if (a == b) {
                    continue;
                }
                if (!a.sameRow(b) || a.children.size() != b.children.size()) {
                    return false;
                }
                for (int i = 0; i < a.children.size(); i++) {
                    todo.push(new Group[] {a.children.get(i), b.children.get(i)});
                }
            }
            return true;
        }

        @Override
        public int hashCode() {
            // Pre-order over rows and their child counts: equal trees, equal hashes.
            int h = 1;
            java.util.ArrayDeque<Group> todo = new java.util.ArrayDeque<>();
            todo.push(this);
            while (!todo.isEmpty()) {
                Group g = todo.pop();
                h = 31 * h + java.util.Objects.hash(g.className, g.field, g.nodes, g.objects, g.objectsShallow,
                        g.rootKinds, g.exampleAddress, g.children.size());
                for (int i = g.children.size() - 1; i >= 0; i--) {
                    todo.push(g.children.get(i));
                }
            }
            return h;
        }

        /** This row only; the children are counted, not shown. */
        @Override
        public String toString() {
            return "Group[className=" + className + ", field=" + field + ", nodes=" + nodes + ", objects=" + objects
                    + ", objectsShallow=" + objectsShallow + ", rootKinds=" + rootKinds + ", exampleAddress=0x"
                    + Long.toHexString(exampleAddress) + ", children=" + children.size() + "]";
        }

        private boolean sameRow(Group b) {
            return nodes == b.nodes && objects == b.objects && objectsShallow == b.objectsShallow
                    && exampleAddress == b.exampleAddress && java.util.Objects.equals(className, b.className)
                    && java.util.Objects.equals(field, b.field) && java.util.Objects.equals(rootKinds, b.rootKinds);
        }
    }

    /**
     * The answer: rows from the GC roots down; {@code unreached}: instances with no strong path;
     * {@code holders}: the collections the objects sit in, most objects
     * first, at most {@value #HOLDERS} ({@link Holdings}, issue 19: "who holds these" split by holder).
     */
    public record Result(String className, long instances, long withPath, long unreached, List<Group> roots,
            List<Holdings.Holding> holders) {
        public Result {
            holders = holders == null ? List.of() : List.copyOf(holders);
        }

        /** An answer without holders. */
        public Result(String className, long instances, long withPath, long unreached, List<Group> roots) {
            this(className, instances, withPath, unreached, roots, List.of());
        }
    }

    /** Holders a result names at most. */
    public static final int HOLDERS = 10;

    private WhyAlive() {
    }

    /**
     * A column of node numbers (values up to nodeCount + 1): 4 bytes per entry while they fit in
     * an unsigned int (every dump short of 4 billion objects), 8 beyond. Halves what the search
     * allocates, zero-fills and pulls through the cache.
     */
    private static final class NodeColumn {
        private final IntArray narrow;
        private final LongArray wide;

        NodeColumn(Arena arena, long n) {
            boolean fits = fits(n);
            this.narrow = fits ? IntArray.allocate(arena, n) : null;
            this.wide = fits ? null : LongArray.allocate(arena, n);
        }

        private NodeColumn(IntArray narrow, LongArray wide) {
            this.narrow = narrow;
            this.wide = wide;
        }

        static boolean fits(long n) {
            return n + 2 <= 0xFFFF_FFFFL;
        }

        /** A column of {@code n} entries stored by {@link #segment()}, or null when the segment is not one. */
        static NodeColumn wrap(java.lang.foreign.MemorySegment s, long n) {
            boolean fits = fits(n);
            if (s.byteSize() != n * (fits ? Integer.BYTES : Long.BYTES)) {
                return null;
            }
            return fits ? new NodeColumn(IntArray.wrap(s), null) : new NodeColumn(null, LongArray.wrap(s));
        }

        java.lang.foreign.MemorySegment segment() {
            return narrow != null ? narrow.segment() : wide.segment();
        }

        long get(long i) {
            return narrow != null ? Integer.toUnsignedLong(narrow.get(i)) : wide.get(i);
        }

        void set(long i, long v) {
            if (narrow != null) {
                narrow.set(i, (int) v);
            } else {
                wide.set(i, v);
            }
        }
    }

    /**
     * One breadth-first search from all GC roots over strong references (weak/soft/phantom
     * referents excluded) gives every reachable object its parent on a shortest path: MAT's merged
     * paths. The search does not depend on the class asked about, so it runs once per open dump
     * and every "why alive" question after the first only walks up from its own instances.
     * 4 bytes per object (8 past 4 billion), off-heap, kept with the dump.
     */
    static final class StrongParents {
        /** 0 = not reached, 1 = a root, p + 2 = reached from p. */
        final NodeColumn parent;

        private StrongParents(NodeColumn parent) {
            this.parent = parent;
        }

        /** Whether a strong path from a GC root reaches {@code node} (for {@link OffHeap} and {@link Holdings}). */
        boolean reached(long node) {
            return parent.get(node) != 0;
        }

        /** The object before {@code node} on its shortest strong path, or -1 for a root or an object not reached. */
        long parentOf(long node) {
            long p = parent.get(node);
            return p >= 2 ? p - 2 : -1;
        }

        static StrongParents of(HeapDump dump, Progress progress) {
            return dump.derived(StrongParents.class, d -> DumpInternals.of(d).derivedStore().loadOrBuild(STORED, 1, s -> {
                NodeColumn stored = NodeColumn.wrap(s.getFirst(), DumpInternals.of(d).index().nodeCount());
                return stored == null ? null : new StrongParents(stored);
            }, () -> build(d, progress), built -> List.of(built.parent.segment())));
        }

        private static final String STORED = "strong-parents";

        private static StrongParents build(HeapDump dump, Progress progress) {
            HeapIndex g = DumpInternals.of(dump).index();
            long n = g.nodeCount();
            EdgeFilter filter = DumpInternals.of(dump).strongReferences();
            NodeColumn parent = new NodeColumn(Arena.ofAuto(), n); // shared: later questions may come from other threads
            NodeSet weak = weakReferences(dump, progress);
            try (Arena scratch = Arena.ofConfined()) {
                NodeColumn queue = new NodeColumn(scratch, n);
                // A bitmap answers "seen?" for every edge from cache; the parent column is written once per node.
                NodeSet seen = new NodeSet(n);
                long head = 0;
                long tail = 0;
                for (long i = 0, rc = g.rootCount(); i < rc; i++) {
                    long r = g.root(i);
                    if (seen.add(r)) {
                        parent.set(r, 1);
                        queue.set(tail++, r);
                    }
                }
                while (head < tail) {
                    long x = queue.get(head++);
                    // Only weak/soft/phantom references have an edge the filter refuses: ask it for those alone
                    // (a bitmap of them, rather than reading each node's class).
                    boolean filtered = weak.contains(x);
                    for (long e = g.edgeStart(x), end = g.edgeEnd(x); e < end; e++) {
                        long t = g.edgeTarget(e);
                        if (!seen.contains(t) && (!filtered || filter.follow(x, t))) {
                            seen.add(t);
                            parent.set(t, x + 2);
                            queue.set(tail++, t);
                        }
                    }
                    if ((head & 0xFFFF) == 0) {
                        progress.checkCancelled();
                    }
                }
            }
            return new StrongParents(parent);
        }

        /** The weak, soft and phantom references: the only objects with an edge the strong filter refuses. */
        private static NodeSet weakReferences(HeapDump dump, Progress progress) {
            ObjectReader reader = new ObjectReader(dump);
            ClassInstances instances = ClassInstances.of(dump, progress);
            NodeSet weak = new NodeSet(DumpInternals.of(dump).index().nodeCount());
            for (ClassInfo c : DumpInternals.of(dump).index().classes()) {
                if (reader.isA(c, "java.lang.ref.WeakReference") || reader.isA(c, "java.lang.ref.SoftReference")
                        || reader.isA(c, "java.lang.ref.PhantomReference")) {
                    for (long i = instances.begin(c.ordinal()), end = instances.end(c.ordinal()); i < end; i++) {
                        weak.add(instances.node(i));
                    }
                }
            }
            return weak;
        }
    }

    /** Open addressing from (int, int, int) to a non-negative int: one entry per distinct group, no boxing per path node. */
    private static final class IntTripleMap {
        private int[] keys = new int[3 * 64];
        private int[] values = filled(64);
        private int size;

        private static int[] filled(int n) {
            int[] a = new int[n];
            java.util.Arrays.fill(a, -1);
            return a;
        }

        private static int slot(int a, int b, int c, int mask) {
            long h = (a * 0x9E3779B97F4A7C15L) ^ (b * 0xC2B2AE3D27D4EB4FL) ^ (c * 0x165667B19E3779F9L);
            return (int) (h ^ (h >>> 31)) & mask;
        }

        int get(int a, int b, int c) {
            int mask = values.length - 1;
            for (int i = slot(a, b, c, mask); values[i] >= 0; i = (i + 1) & mask) {
                if (keys[3 * i] == a && keys[3 * i + 1] == b && keys[3 * i + 2] == c) {
                    return values[i];
                }
            }
            return -1;
        }

        void put(int a, int b, int c, int value) {
            if (2 * (size + 1) > values.length) {
                int[] oldKeys = keys;
                int[] oldValues = values;
                keys = new int[oldKeys.length * 2];
                values = filled(oldValues.length * 2);
                size = 0;
                for (int i = 0; i < oldValues.length; i++) {
                    if (oldValues[i] >= 0) {
                        put(oldKeys[3 * i], oldKeys[3 * i + 1], oldKeys[3 * i + 2], oldValues[i]);
                    }
                }
            }
            int mask = values.length - 1;
            int i = slot(a, b, c, mask);
            while (values[i] >= 0) {
                i = (i + 1) & mask;
            }
            keys[3 * i] = a;
            keys[3 * i + 1] = b;
            keys[3 * i + 2] = c;
            values[i] = value;
            size++;
        }
    }

    public static Result forClass(HeapDump dump, String className, Progress progress) {
        // The per-dump instance index lists each class's reachable instances (class objects apart).
        ClassInstances instances = ClassInstances.of(dump, progress);
        long[] members = new long[0];
        int runs = 0;
        for (ClassInfo c : DumpInternals.of(dump).index().classes()) {
            if (c.name().equals(className) && instances.count(c.ordinal()) > 0) {
                long[] more = instances.nodes(c.ordinal());
                long[] all = java.util.Arrays.copyOf(members, members.length + more.length);
                System.arraycopy(more, 0, all, members.length, more.length);
                members = all;
                runs++;
            }
        }
        if (runs > 1) {
            java.util.Arrays.sort(members); // node order, as when the objects were scanned one by one
        }
        progress.checkCancelled();
        return forObjects(dump, className, members, progress);
    }

    public static Result forObjects(HeapDump dump, String label, long[] nodes, Progress progress) {
        StrongParents.of(dump, progress); // built once per dump, with this query's progress and cancellation
        Result merged;
        try (Arena arena = Arena.ofConfined()) {
            merged = new Grouper(dump, arena).run(label, nodes, progress);
        }
        List<Holdings.Holding> holders = Holdings.of(dump).holders(nodes, HOLDERS, progress);
        return new Result(merged.className(), merged.instances(), merged.withPath(), merged.unreached(), merged.roots(),
                holders);
    }

    /**
     * The shortest-path tree of the dump ({@link StrongParents}) gives every object a parent
     * on a shortest path (MAT's merged paths); then each path node gets a group id, interned from
     * (parent's group, class, field from the parent), walking up from each member only until a
     * node whose group is known. Arrays indexed by node, one map entry per distinct group: linear
     * in the objects searched plus the path nodes, without an object per path node.
     */
    private static final class Grouper {
        private final HeapDump dump;
        private final ObjectReader reader;
        private final NodeColumn parent; // the dump's shortest-path tree, see StrongParents
        private final IntArray groupOf; // 0 = not yet, g + 1 = in group g
        private final List<long[]> groups = new ArrayList<>(); // {parentGroup, node count, objects, shallow, example}
        private final List<String> groupClass = new ArrayList<>();
        private final List<String> groupField = new ArrayList<>();
        private final IntTripleMap groupIds = new IntTripleMap();
        private final Map<String, Integer> nameIds = new HashMap<>();
        private final List<String> names = new ArrayList<>();
        private final int[] nameOfOrdinal;
        private final Map<String, Integer> fieldIds = new HashMap<>();
        private final List<String> fields = new ArrayList<>(java.util.Collections.singletonList(null));
        private final int javaLangClass;
        private final long pseudoLoader;
        private final Map<Long, Map<Long, String>> classObjectFields = new HashMap<>();
        private final Arena arena;

        Grouper(HeapDump dump, Arena arena) {
            this.dump = dump;
            this.arena = arena;
            this.reader = new ObjectReader(dump);
            long n = DumpInternals.of(dump).index().nodeCount();
            this.parent = StrongParents.of(dump, Progress.NONE).parent;
            this.groupOf = IntArray.allocate(arena, n);
            this.nameOfOrdinal = new int[DumpInternals.of(dump).index().classes().size()];
            java.util.Arrays.fill(nameOfOrdinal, -1);
            int jlc = -1;
            for (ClassInfo c : DumpInternals.of(dump).index().classes()) {
                if (c.name().equals("java.lang.Class")) {
                    jlc = c.ordinal();
                }
            }
            this.javaLangClass = jlc;
            this.pseudoLoader = DumpInternals.of(dump).index().node(0);
        }

        Result run(String label, long[] members, Progress progress) {
            HeapIndex g = DumpInternals.of(dump).index();
            long n = g.nodeCount();
            NodeSet wanted = new NodeSet(n);
            long distinct = 0;
            for (long x : members) {
                if (wanted.add(x)) {
                    distinct++;
                }
            }
            NodeSet counted = new NodeSet(n);
            long withPath = 0;
            LongList up = new LongList();
            long steps = 0;
            for (long x : members) {
                if (parent.get(x) == 0 || !counted.add(x)) {
                    continue;
                }
                withPath++;
                // Up to the first node whose group is known (or a root), then assign groups down again.
                long y = x;
                while (groupOf.get(y) == 0) {
                    up.add(y);
                    long p = parent.get(y);
                    if (p == 1) {
                        break;
                    }
                    y = p - 2;
                }
                while (!up.isEmpty()) {
                    long v = up.removeLast();
                    long p = parent.get(v);
                    int pg = p == 1 ? -1 : groupOf.get(p - 2) - 1;
                    int field = p == 1 ? 0 : fieldId(field(p - 2, v));
                    int id = intern(pg, nameId(v), field, v);
                    groups.get(id)[1]++;
                    groupOf.set(v, id + 1);
                }
                // Counted on the member's own group only; the sums run up the tree once, below.
                long[] own = groups.get(groupOf.get(x) - 1);
                own[2]++;
                own[3] += g.shallowSize(x);
                if ((++steps & 0xFFF) == 0) {
                    progress.checkCancelled();
                }
            }
            // A group is interned after its parent group, so in descending id order every child
            // has its total before it is added to its parent: one pass instead of a walk to the
            // root per member (3M Strings x path depth on a big dump).
            for (int k = groups.size() - 1; k >= 0; k--) {
                long[] a = groups.get(k);
                if (a[0] >= 0) {
                    long[] above = groups.get((int) a[0]);
                    above[2] += a[2];
                    above[3] += a[3];
                }
            }
            return new Result(label, members.length, withPath, distinct - withPath, tree());
        }

        private int intern(int parentGroup, int nameId, int fieldId, long example) {
            int id = groupIds.get(parentGroup, nameId, fieldId);
            if (id < 0) {
                id = groups.size();
                groups.add(new long[] {parentGroup, 0, 0, 0, example});
                groupClass.add(names.get(nameId));
                groupField.add(fields.get(fieldId));
                groupIds.put(parentGroup, nameId, fieldId, id);
            }
            return id;
        }

        /** The class name a path node is grouped by ("class X" for class objects), as a small integer. */
        private int nameId(long v) {
            int o = reader.index().classOrdinal(v);
            if (o == javaLangClass || v == pseudoLoader) {
                return nameIds.computeIfAbsent(dump.className(v), this::newName);
            }
            int id = nameOfOrdinal[o];
            if (id < 0) {
                id = nameIds.computeIfAbsent(dump.className(v), this::newName);
                nameOfOrdinal[o] = id;
            }
            return id;
        }

        private int newName(String name) {
            names.add(name);
            return names.size() - 1;
        }

        /** Field names as small integers; 0 is "no field" (a root). */
        private int fieldId(String field) {
            return fieldIds.computeIfAbsent(field, f -> {
                fields.add(f);
                return fields.size() - 1;
            });
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
            String found = reader.fieldTo(from, reader.index().address(to));
            return found != null ? found : "<local>"; // a thread's local variable
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
