package dev.inquest.heap.query;

import dev.inquest.heap.index.DumpInternals;
import dev.inquest.heap.index.HeapIndex;
import dev.inquest.heap.index.ClassInfo;
import dev.inquest.heap.model.HeapDump;
import dev.inquest.progress.Progress;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Fill ratio and size buckets of the common array-backed JDK collections and of object arrays:
 * how many are empty, how full the rest are, and the bytes their unused slots cost. Only the
 * collections are visited (from the per-dump {@link ClassInstances} index); a collection costs two
 * or three field reads, an object array a scan of its slots.
 */
public final class CollectionFill {
    /** Bucket upper bounds (inclusive): 0, 1, 2-10, 11-100, 101-1,000, 1,001-10,000, more. */
    public static final long[] BUCKET_LIMITS = {0, 1, 10, 100, 1_000, 10_000, Long.MAX_VALUE};
    public static final List<String> BUCKET_LABELS = List.of("0", "1", "2-10", "11-100", "101-1,000", "1,001-10,000", "10,001+");

    /**
     * One collection class. {@code size}: elements (sum), {@code capacity}: slots of the backing
     * arrays (sum), {@code wastedBytes}: unused slots times the reference size, {@code buckets}:
     * instances per size bucket (see {@link #BUCKET_LABELS}); {@code largest*}: the biggest instance
     * ({@code largest} its node, {@code largestAddress} its address in the dump).
     */
    public record Row(String className, long instances, long empty, long size, long capacity, double fillRatio,
            long wastedBytes, long[] buckets, long largest, long largestSize, long largestCapacity, long largestAddress) {
    }

    private enum Shape { LIST, MAP, SET, DEQUE, PRIORITY, HASHTABLE, ARRAY }

    private CollectionFill() {
    }

    public static List<Row> compute(HeapDump dump, Progress progress) {
        ObjectReader r = new ObjectReader(dump);
        int classes = DumpInternals.of(dump).index().classes().size();
        Shape[] shapeOf = shapes(dump, r);
        Map<Integer, long[]> acc = new LinkedHashMap<>(); // ordinal -> instances, empty, size, capacity, largest node, largestSize, largestCap, buckets...
        int refSize = DumpInternals.of(dump).index().refSize();
        // The collections' own instances from the per-dump instance index, marked in a bitmap and then
        // visited in node order: one forward sweep over the dump's records (per-class runs would sweep
        // the file once per class, and this query reads every object array's slots).
        ClassInstances instances = ClassInstances.of(dump, progress);
        NodeSet wanted = new NodeSet(DumpInternals.of(dump).index().nodeCount());
        long total = 0;
        for (int o = 0; o < classes; o++) {
            if (shapeOf[o] != null) {
                for (long i = instances.begin(o), end = instances.end(o); i < end; i++) {
                    wanted.add(instances.node(i));
                }
                total += instances.count(o);
            }
        }
        progress.phase("Collection fill", total, Progress.Unit.ITEMS);
        long done = 0;
        HeapIndex index = DumpInternals.of(dump).index();
        for (long v = wanted.next(0); v >= 0; v = wanted.next(v + 1)) {
            if ((++done & 0xFFFF) == 0) {
                progress.checkCancelled();
                progress.progress(done);
            }
            int ord = index.classOrdinal(v);
            long[] measured = measure(r, shapeOf[ord], v);
            long size = measured[0];
            long cap = measured[1];
            long[] a = acc.computeIfAbsent(ord, k -> new long[7 + BUCKET_LIMITS.length]);
            a[0]++;
            if (size == 0) {
                a[1]++;
            }
            a[2] += size;
            a[3] += cap;
            if (a[0] == 1 || size > a[5]) {
                a[4] = v;
                a[5] = size;
                a[6] = cap;
            }
            for (int b = 0; b < BUCKET_LIMITS.length; b++) {
                if (size <= BUCKET_LIMITS[b]) {
                    a[7 + b]++;
                    break;
                }
            }
        }
        List<Row> rows = new ArrayList<>();
        acc.forEach((ord, a) -> {
            long[] buckets = java.util.Arrays.copyOfRange(a, 7, 7 + BUCKET_LIMITS.length);
            // A hash table's slots are not one per element (several may share a bucket), so waste never goes negative.
            long wasted = Math.max(0, a[3] - a[2]) * refSize;
            rows.add(new Row(DumpInternals.of(dump).index().classInfo(ord).name(), a[0], a[1], a[2], a[3], a[3] == 0 ? 0 : (double) a[2] / a[3],
                    wasted, buckets, a[4], a[5], a[6], dump.address(a[4])));
        });
        rows.sort(Comparator.comparingLong(Row::wastedBytes).reversed().thenComparing(Row::className));
        return List.copyOf(rows);
    }

    /** The collection shape of each class (by ordinal), null for classes that are no collection. */
    private static Shape[] shapes(HeapDump dump, ObjectReader r) {
        Shape[] shapeOf = new Shape[DumpInternals.of(dump).index().classes().size()];
        Containers containers = new Containers(r);
        for (ClassInfo c : DumpInternals.of(dump).index().classes()) {
            // Node tables (HashMap$Node[]...) are counted with their map, not again as arrays.
            shapeOf[c.ordinal()] = c.kind() == ClassInfo.Kind.OBJECT_ARRAY
                    ? (containers.structureClass(c.ordinal()) ? null : Shape.ARRAY)
                    : r.isA(c, "java.util.ArrayList") || r.isA(c, "java.util.Vector") ? Shape.LIST
                    : r.isA(c, "java.util.HashMap") ? Shape.MAP
                    : r.isA(c, "java.util.HashSet") ? Shape.SET
                    : r.isA(c, "java.util.ArrayDeque") ? Shape.DEQUE
                    : r.isA(c, "java.util.PriorityQueue") ? Shape.PRIORITY
                    : r.isA(c, "java.util.Hashtable") ? Shape.HASHTABLE : null;
        }
        return shapeOf;
    }

    /** One collection's {elements, slots}: the same reading for the class rows and the instance rows. */
    private static long[] measure(ObjectReader r, Shape s, long v) {
        long size;
        long cap;
        switch (s) {
            case ARRAY -> {
                cap = r.arrayLength(v);
                size = r.nonNullSlots(v);
            }
            case LIST -> {
                size = Math.max(r.primitive(v, "size", -1), r.primitive(v, "elementCount", -1));
                cap = length(r, r.ref(v, "elementData"));
            }
            case MAP -> {
                size = r.primitive(v, "size", 0);
                cap = length(r, r.ref(v, "table"));
            }
            case SET -> {
                long map = r.ref(v, "map");
                size = map < 0 ? 0 : r.primitive(map, "size", 0);
                cap = map < 0 ? 0 : length(r, r.ref(map, "table"));
            }
            case DEQUE -> {
                long elements = r.ref(v, "elements");
                size = elements < 0 ? 0 : r.nonNullSlots(elements);
                cap = length(r, elements);
            }
            case PRIORITY -> {
                size = r.primitive(v, "size", 0);
                cap = length(r, r.ref(v, "queue"));
            }
            default -> {
                size = r.primitive(v, "count", 0);
                cap = length(r, r.ref(v, "table"));
            }
        }
        return new long[] {Math.max(0, size), cap};
    }

    /** Which collections of a class {@link #instances} lists first. */
    public enum Order {
        /** Most elements first. */
        BIGGEST,
        /** Most unused slots first (the empty ones with large tables lead). */
        EMPTIEST
    }

    /**
     * One collection: its node and address, elements, slots, fill ratio, and the bytes its unused
     * slots cost, as {@link Row} counts them for the whole class.
     */
    public record Instance(long node, long address, long size, long capacity, double fillRatio, long wastedBytes) {
    }

    /** The individual collections of a class as {@link #compute} measures them, in the order asked, at most {@code limit}. */
    public record Instances(String className, long total, List<Instance> rows) {
    }

    /**
     * The reachable collections of one class (all classes of that name), each measured as the
     * class row measures them, biggest or emptiest first: the class row's totals, one object at a
     * time, each to inspect. Empty for a class that is no collection.
     */
    public static Instances instances(HeapDump dump, String className, Order order, int limit, Progress progress) {
        ObjectReader r = new ObjectReader(dump);
        Shape[] shapeOf = shapes(dump, r);
        ClassInstances all = ClassInstances.of(dump, progress);
        int refSize = DumpInternals.of(dump).index().refSize();
        Comparator<Instance> by = order == Order.BIGGEST
                ? Comparator.comparingLong(Instance::size).reversed().thenComparing(Comparator.comparingLong(Instance::capacity).reversed())
                : Comparator.comparingLong(Instance::wastedBytes).reversed().thenComparingLong(Instance::size);
        by = by.thenComparingLong(Instance::node);
        // The best {@code limit} so far, worst on top: memory bounded by the limit, not the class's instances.
        java.util.PriorityQueue<Instance> kept = new java.util.PriorityQueue<>(by.reversed());
        long total = 0;
        for (ClassInfo c : DumpInternals.of(dump).index().classes()) {
            Shape s = shapeOf[c.ordinal()];
            if (s == null || !c.name().equals(className)) {
                continue;
            }
            progress.phase("Collections of " + className, all.count(c.ordinal()), Progress.Unit.ITEMS);
            for (long i = all.begin(c.ordinal()), end = all.end(c.ordinal()); i < end; i++) {
                if ((++total & 0xFFFF) == 0) {
                    progress.checkCancelled();
                    progress.progress(i - all.begin(c.ordinal()));
                }
                long v = all.node(i);
                long[] m = measure(r, s, v);
                Instance in = new Instance(v, dump.address(v), m[0], m[1], m[1] == 0 ? 0 : (double) m[0] / m[1],
                        Math.max(0, m[1] - m[0]) * refSize);
                kept.add(in);
                if (kept.size() > Math.max(0, limit)) {
                    kept.poll();
                }
            }
        }
        List<Instance> rows = new ArrayList<>(kept);
        rows.sort(by);
        return new Instances(className, total, List.copyOf(rows));
    }

    private static long length(ObjectReader r, long array) {
        return array < 0 ? 0 : Math.max(0, r.arrayLength(array));
    }
}
