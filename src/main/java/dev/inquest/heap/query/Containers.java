package dev.inquest.heap.query;

import dev.inquest.heap.index.ClassInfo;
import dev.inquest.heap.store.LongList;
import dev.inquest.progress.Progress;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Recognises the common JDK collections (and object arrays) by walking an object's class
 * hierarchy, and finds their elements by following each collection's own structure: from the
 * container through its backing field (table, elementData, head, root...), through the
 * collection's internal node classes and arrays, to the objects held in the value-carrying
 * fields (value, val, item; key for sets). Keys of maps, locks and reference queues are not
 * elements. Linear in the size of the container's structure.
 */
final class Containers {
    /** How to reach the elements of one collection type. */
    record Shape(String type, ContainerKind kind, String start, Set<String> elementFields, String backing, String sizeField) {
    }

    private static final Set<String> VALUE = Set.of("value", "val");
    private static final Set<String> ITEM = Set.of("item");
    private static final Set<String> KEY = Set.of("key");
    private static final Set<String> SLOTS = Set.of();

    /** Most specific first: subclasses of these are recognised as them. */
    private static final List<Shape> SHAPES = List.of(
            new Shape("java.util.LinkedHashMap", ContainerKind.MAP, "table", VALUE, null, "size"),
            new Shape("java.util.HashMap", ContainerKind.MAP, "table", VALUE, null, "size"),
            new Shape("java.util.concurrent.ConcurrentHashMap", ContainerKind.MAP, "table", VALUE, null, null),
            new Shape("java.util.TreeMap", ContainerKind.MAP, "root", VALUE, null, "size"),
            new Shape("java.util.WeakHashMap", ContainerKind.MAP, "table", VALUE, null, "size"),
            new Shape("java.util.Hashtable", ContainerKind.MAP, "table", VALUE, null, "count"),
            new Shape("java.util.concurrent.ConcurrentSkipListMap", ContainerKind.MAP, "head", VALUE, null, null),
            new Shape("java.util.LinkedHashSet", ContainerKind.SET, "map", KEY, "java.util.HashMap", null),
            new Shape("java.util.HashSet", ContainerKind.SET, "map", KEY, "java.util.HashMap", null),
            new Shape("java.util.TreeSet", ContainerKind.SET, "m", KEY, "java.util.TreeMap", null),
            new Shape("java.util.concurrent.CopyOnWriteArraySet", ContainerKind.SET, "al", SLOTS,
                    "java.util.concurrent.CopyOnWriteArrayList", null),
            new Shape("java.util.ArrayList", ContainerKind.LIST, "elementData", SLOTS, null, "size"),
            new Shape("java.util.Vector", ContainerKind.LIST, "elementData", SLOTS, null, "elementCount"),
            new Shape("java.util.concurrent.CopyOnWriteArrayList", ContainerKind.LIST, "array", SLOTS, null, null),
            new Shape("java.util.LinkedList", ContainerKind.LIST, "first", ITEM, null, "size"),
            new Shape("java.util.ArrayDeque", ContainerKind.QUEUE, "elements", SLOTS, null, null),
            new Shape("java.util.PriorityQueue", ContainerKind.QUEUE, "queue", SLOTS, null, "size"),
            new Shape("java.util.concurrent.PriorityBlockingQueue", ContainerKind.QUEUE, "queue", SLOTS, null, "size"),
            new Shape("java.util.concurrent.ArrayBlockingQueue", ContainerKind.QUEUE, "items", SLOTS, null, "count"),
            new Shape("java.util.concurrent.LinkedBlockingQueue", ContainerKind.QUEUE, "head", ITEM, null, null),
            new Shape("java.util.concurrent.LinkedBlockingDeque", ContainerKind.QUEUE, "first", ITEM, null, "count"),
            new Shape("java.util.concurrent.ConcurrentLinkedQueue", ContainerKind.QUEUE, "head", ITEM, null, null),
            new Shape("java.util.concurrent.ConcurrentLinkedDeque", ContainerKind.QUEUE, "head", ITEM, null, null));

    /** Outer classes whose nested classes ({@code Outer$Node}...) are structure, not content. */
    private static final Set<String> STRUCTURE_OWNERS = Set.of("java.util.HashMap", "java.util.LinkedHashMap",
            "java.util.concurrent.ConcurrentHashMap", "java.util.TreeMap", "java.util.WeakHashMap", "java.util.Hashtable",
            "java.util.concurrent.ConcurrentSkipListMap", "java.util.LinkedList", "java.util.concurrent.LinkedBlockingQueue",
            "java.util.concurrent.LinkedBlockingDeque", "java.util.concurrent.ConcurrentLinkedQueue",
            "java.util.concurrent.ConcurrentLinkedDeque");

    private final ObjectReader reader;
    private final Shape[] shapeOf;
    private final boolean[] structural;
    private final boolean[] shapeKnown;

    public Containers(ObjectReader reader) {
        this.reader = reader;
        int n = reader.index().classes().size();
        this.shapeOf = new Shape[n];
        this.shapeKnown = new boolean[n];
        this.structural = new boolean[n];
        for (ClassInfo c : reader.index().classes()) {
            String name = c.name();
            int dollar = name.indexOf('$');
            String outer = dollar < 0 ? name : name.substring(0, dollar);
            String elem = name.endsWith("[]") ? name.substring(0, name.length() - 2) : null;
            int ed = elem == null ? -1 : elem.indexOf('$');
            structural[c.ordinal()] = dollar > 0 && !name.endsWith("[]") && STRUCTURE_OWNERS.contains(outer)
                    || elem != null && ed > 0 && STRUCTURE_OWNERS.contains(elem.substring(0, ed));
        }
    }

    private Shape shape(ClassInfo c) {
        if (!shapeKnown[c.ordinal()]) {
            Shape found = null;
            for (Shape s : SHAPES) {
                if (reader.isA(c, s.type())) {
                    found = s;
                    break;
                }
            }
            shapeOf[c.ordinal()] = found;
            shapeKnown[c.ordinal()] = true;
        }
        return shapeOf[c.ordinal()];
    }

    /** Whether the node is a collection this class knows, or an object array. */
    public boolean isContainer(long node) {
        return kind(node) != null;
    }

    /** The container kind, or null when the node is not a recognised container. */
    public ContainerKind kind(long node) {
        ClassInfo c = reader.index().classOf(node);
        if (c.name().equals("java.lang.Class") && reader.index().isClassObject(node)) {
            return null;
        }
        if (c.kind() == ClassInfo.Kind.OBJECT_ARRAY) {
            return ContainerKind.ARRAY;
        }
        Shape s = shape(c);
        if (s == null) {
            return null;
        }
        if (s.kind() == ContainerKind.MAP && cacheLike(node, c)) {
            return ContainerKind.CACHE;
        }
        return s.kind();
    }

    /** A map is cache-like when its class says so, or it is a LinkedHashMap in access order (an LRU in the making). */
    private boolean cacheLike(long node, ClassInfo c) {
        String simple = c.name().substring(c.name().lastIndexOf('.') + 1);
        if (simple.toLowerCase(java.util.Locale.ROOT).contains("cache")) {
            return true;
        }
        return reader.isA(c, "java.util.LinkedHashMap") && reader.primitive(node, "accessOrder", 0) != 0;
    }

    /**
     * Objects that are part of a collection's implementation (HashMap$Node, ConcurrentLinkedDeque$Node,
     * HashMap$Node[]...) rather than something it holds. Object arrays are handled by the caller,
     * since whether an {@code Object[]} is structure depends on who holds it.
     */
    public boolean isStructure(long node) {
        // Class objects are indexed as java.lang.Class, never structural: no map lookup per reference.
        return structural[reader.index().classOrdinal(node)];
    }

    /** Whether instances of the class (by ordinal) are collection structure, such as HashMap$Node or HashMap$Node[]. */
    public boolean structureClass(int ordinal) {
        return structural[ordinal];
    }

    /** Visits every element of a container (see {@link ContainerInfo#elementCount}). */
    public interface ElementVisitor {
        void element(long node);
    }

    /** Walks the container's structure and reports each element; returns the number of elements. */
    public long elements(long container, ElementVisitor visitor, Progress progress) {
        ClassInfo c = reader.index().classOf(container);
        if (c.name().equals("java.lang.Class") && reader.index().isClassObject(container)) {
            return 0;
        }
        if (c.kind() == ClassInfo.Kind.OBJECT_ARRAY) {
            long[] n = {0};
            reader.forEachRef(container, (f, t) -> {
                n[0]++;
                visitor.element(t);
            });
            return n[0];
        }
        Shape s = shape(c);
        if (s == null) {
            return 0;
        }
        long start = reader.ref(container, s.start());
        if (start < 0) {
            return 0;
        }
        if (s.backing() != null) {
            // A set is a map (or list) underneath: walk that, collecting what the set calls its elements.
            Shape b = shape(reader.index().classOf(start));
            if (b == null) {
                return 0;
            }
            long inner = reader.ref(start, b.start());
            return inner < 0 ? 0 : walk(inner, s.elementFields(), visitor, progress);
        }
        return walk(start, s.elementFields(), visitor, progress);
    }

    /** Breadth-first through structure nodes; non-structure targets of element fields or array slots are elements. */
    private long walk(long start, Set<String> elementFields, ElementVisitor visitor, Progress progress) {
        NodeSet seen = new NodeSet(reader.index().nodeCount());
        LongList todo = new LongList();
        seen.add(start);
        todo.add(start);
        long count = 0;
        long steps = 0;
        while (!todo.isEmpty()) {
            long x = todo.removeLast();
            boolean array = reader.index().classOf(x).kind() == ClassInfo.Kind.OBJECT_ARRAY;
            long[] found = {0};
            reader.forEachRef(x, (field, t) -> {
                if (isStructure(t)) {
                    if (seen.add(t)) {
                        todo.add(t);
                    }
                } else if (array || field != null && elementFields.contains(field)) {
                    found[0]++;
                    visitor.element(t);
                }
            });
            count += found[0];
            if ((++steps & 0xFFF) == 0) {
                progress.checkCancelled();
            }
        }
        return count;
    }

    /** The class name an element counts under: its class, or java.lang.Class for class objects. */
    String elementName(long node) {
        return reader.index().isClassObject(node) ? "java.lang.Class" : reader.index().classOf(node).name();
    }

    private String elementName(long node, String[] byOrdinal) {
        int o = reader.index().classOrdinal(node);
        if (byOrdinal[o] == null) {
            byOrdinal[o] = reader.index().classInfo(o).name();
        }
        // Class objects are indexed as instances of java.lang.Class; only those pay for the lookup.
        return byOrdinal[o].equals("java.lang.Class") && reader.index().isClassObject(node) ? "java.lang.Class" : byOrdinal[o];
    }

    private long lastContainer = -1;
    private long[] lastElements;

    /**
     * The elements of a container as node indices, in structure order (an object held twice is
     * listed twice). The last answer is kept: the suspect search asks for it twice (class, duplication).
     */
    public long[] elementNodes(long container, Progress progress) {
        if (container != lastContainer) {
            LongList out = new LongList();
            elements(container, out::add, progress);
            lastElements = out.toArray();
            lastContainer = container;
        }
        return lastElements;
    }

    private String lastMembersClass;
    private long[] lastMembers;
    /** The element list {@link #lastMembers} was taken from: two containers of one element class must not share an answer. */
    private long[] lastMembersOf;

    /**
     * The distinct elements of a container whose class name is {@code className}, sorted. The last
     * answer is kept: the suspect search needs it for the retained size and for the duplication.
     */
    public long[] members(long container, String className, Progress progress) {
        long[] elements = elementNodes(container, progress);
        if (lastMembers == null || lastMembersOf != elements || !className.equals(lastMembersClass)) {
            String[] nameByOrdinal = new String[reader.index().classes().size()];
            LongList members = new LongList();
            for (long t : elements) {
                if (elementName(t, nameByOrdinal).equals(className)) {
                    members.add(t);
                }
            }
            lastMembers = members.distinct(reader.index().nodeCount());
            lastMembersClass = className;
            lastMembersOf = elements;
        }
        return lastMembers;
    }

    /** Describes a container: kind, element count and the dominant element class. */
    public ContainerInfo describe(long container, Progress progress) {
        ContainerKind kind = kind(container);
        if (kind == null) {
            return null;
        }
        ClassInfo c = reader.index().classOf(container);
        long[] elements = elementNodes(container, progress);
        long count = elements.length;
        // By class name, not class object: a class loader leak holds one Plugin class per loader.
        Map<String, long[]> byClass = new HashMap<>();
        String[] nameByOrdinal = new String[reader.index().classes().size()];
        for (long t : elements) {
            String name = elementName(t, nameByOrdinal);
            byClass.computeIfAbsent(name, k -> new long[1])[0]++;
        }
        String elementClass = null;
        long bestCount = 0;
        for (Map.Entry<String, long[]> e : byClass.entrySet()) {
            if (e.getValue()[0] > bestCount || e.getValue()[0] == bestCount && e.getKey().compareTo(elementClass) < 0) {
                elementClass = e.getKey();
                bestCount = e.getValue()[0];
            }
        }
        long elementRetained = 0;
        if (bestCount > 0) {
            elementRetained = reader.retainedOfSet(members(container, elementClass, progress), progress);
        }
        Shape s = c.kind() == ClassInfo.Kind.OBJECT_ARRAY ? null : shape(c);
        long size = -1;
        if (s != null && s.sizeField() != null) {
            size = reader.primitive(container, s.sizeField(), -1);
        }
        String type = s == null ? c.name() : s.type();
        return new ContainerInfo(container, reader.index().address(container), reader.className(container), kind, type,
                count, elementClass, bestCount, elementRetained, size);
    }
}
