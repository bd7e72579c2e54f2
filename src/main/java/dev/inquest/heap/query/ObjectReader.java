package dev.inquest.heap.query;

import dev.inquest.heap.graph.DominatorTree;
import dev.inquest.heap.graph.Reachability;
import dev.inquest.heap.hprof.HprofBytes;
import dev.inquest.heap.hprof.RecordLayout;
import dev.inquest.heap.hprof.Tags;
import dev.inquest.heap.index.ClassInfo;
import dev.inquest.heap.index.DumpInternals;
import dev.inquest.heap.index.HeapIndex;
import dev.inquest.heap.model.HeapDump;
import dev.inquest.progress.Progress;
import java.util.Arrays;

/**
 * Fast field access for queries that touch many objects: field names are resolved once per
 * class (not per object, as {@link HeapDump#fields} does), values are read straight from the
 * dump's bytes. Reference reads return node indices (-1 for null or a missing object).
 */
final class ObjectReader {
    /** Receives one reference of an object: the field name (or null for an array slot) and the target node. */
    @FunctionalInterface
    public interface RefVisitor {
        void visit(String field, long target);
    }

    private final HeapDump dump;
    private final HeapIndex index;
    private final HprofBytes bytes;
    private final int id;
    private final String[][] refNames;
    private final String[][] fieldNames;

    public ObjectReader(HeapDump dump) {
        this.dump = dump;
        this.index = DumpInternals.of(dump).index();
        this.bytes = index.file().bytes();
        this.id = index.idSize();
        this.refNames = new String[index.classes().size()][];
        this.fieldNames = new String[index.classes().size()][];
    }

    public HeapDump dump() {
        return dump;
    }

    public HeapIndex index() {
        return index;
    }

    /**
     * The exact retained size of a set of objects (the shallow size of what freeing them all would
     * free), members that share a structure counting it once: not the sum of the members'
     * retained sizes, which misses what only several members together keep alive.
     */
    public synchronized long retainedOfSet(long[] nodes, Progress progress) {
        // The suspects ask twice for one set (the container's elements, then their duplication): one search does.
        if (Arrays.equals(lastSet, nodes)) {
            return lastSetRetained;
        }
        // A figure inside a larger computation: its phases would replace the caller's, so only cancelling passes.
        Progress quiet = Progress.cancelledWith(progress);
        long retained = Reachability.retainedSet(index(), tree(), nodes, null, quiet).shallowSize();
        lastSet = nodes.clone();
        lastSetRetained = retained;
        return retained;
    }

    private long[] lastSet;
    private long lastSetRetained;

    public DominatorTree tree() {
        return DumpInternals.of(dump).dominatorTree();
    }

    private String[] refNames(ClassInfo c) {
        String[] n = refNames[c.ordinal()];
        if (n == null) {
            n = new String[c.refNameIds().length];
            for (int i = 0; i < n.length; i++) {
                String s = index.file().string(c.refNameIds()[i]);
                n[i] = s == null ? "?" : s;
            }
            refNames[c.ordinal()] = n;
        }
        return n;
    }

    String[] fieldNames(ClassInfo c) {
        String[] n = fieldNames[c.ordinal()];
        if (n == null) {
            n = new String[c.fieldNameIds().length];
            for (int i = 0; i < n.length; i++) {
                String s = index.file().string(c.fieldNameIds()[i]);
                n[i] = s == null ? "?" : s;
            }
            fieldNames[c.ordinal()] = n;
        }
        return n;
    }

    /** The record tag of a node (INSTANCE_DUMP, OBJ_ARRAY_DUMP, ...), or -1 for synthetic nodes. */
    public int tag(long node) {
        long off = index.recordOffset(node);
        return off < 0 ? -1 : bytes.u1(off);
    }

    /** Visits every non-null reference field (instances) or slot (object arrays) that names an object in the dump. */
    public void forEachRef(long node, RefVisitor visitor) {
        long off = index.recordOffset(node);
        if (off < 0) {
            return;
        }
        int tag = bytes.u1(off);
        if (tag == Tags.INSTANCE_DUMP) {
            ClassInfo c = index.classOf(node);
            long len = bytes.u4unsigned(RecordLayout.instanceLengthAt(off, id));
            long data = RecordLayout.instanceFieldsAt(off, id);
            String[] names = refNames(c);
            int[] offs = c.refOffsets();
            for (int i = 0; i < offs.length; i++) {
                if (offs[i] + id <= len) {
                    long a = bytes.id(data + offs[i], id);
                    if (a != 0) {
                        long t = index.node(a);
                        if (t >= 0) {
                            visitor.visit(names[i], t);
                        }
                    }
                }
            }
        } else if (tag == Tags.OBJ_ARRAY_DUMP) {
            long len = bytes.u4unsigned(RecordLayout.arrayLengthAt(off, id));
            long data = RecordLayout.objArrayElementsAt(off, id);
            for (long i = 0; i < len; i++) {
                long a = bytes.id(data + i * id, id);
                if (a != 0) {
                    long t = index.node(a);
                    if (t >= 0) {
                        visitor.visit(null, t);
                    }
                }
            }
        }
    }

    /**
     * The first reference field of an instance that holds {@code address}, or null. Compares raw
     * ids, so no id-to-node lookup per field (as {@link #forEachRef} needs).
     */
    public String fieldTo(long node, long address) {
        long off = index.recordOffset(node);
        if (off < 0 || address == 0 || bytes.u1(off) != Tags.INSTANCE_DUMP) {
            return null;
        }
        ClassInfo c = index.classOf(node);
        long len = bytes.u4unsigned(RecordLayout.instanceLengthAt(off, id));
        long data = RecordLayout.instanceFieldsAt(off, id);
        int[] offs = c.refOffsets();
        for (int i = 0; i < offs.length; i++) {
            if (offs[i] + id <= len && bytes.id(data + offs[i], id) == address) {
                return refNames(c)[i];
            }
        }
        return null;
    }

    /** The object a reference field of an instance points at, or -1 (null, missing, no such field). */
    public long ref(long node, String field) {
        long off = index.recordOffset(node);
        if (off < 0 || bytes.u1(off) != Tags.INSTANCE_DUMP) {
            return -1;
        }
        ClassInfo c = index.classOf(node);
        String[] names = refNames(c);
        long len = bytes.u4unsigned(RecordLayout.instanceLengthAt(off, id));
        for (int i = 0; i < names.length; i++) {
            if (names[i].equals(field) && c.refOffsets()[i] + id <= len) {
                long a = bytes.id(RecordLayout.instanceFieldsAt(off, id) + c.refOffsets()[i], id);
                return a == 0 ? -1 : index.node(a);
            }
        }
        return -1;
    }

    /**
     * Byte offset of a field inside an instance's data, or -1: resolve once, then read many
     * objects with {@link #refAt} / {@link #intAt} without comparing names per object.
     */
    public int fieldOffset(ClassInfo c, String field) {
        String[] names = fieldNames(c);
        for (int i = 0; i < names.length; i++) {
            if (names[i].equals(field)) {
                return c.fieldOffsets()[i];
            }
        }
        return -1;
    }

    /** The object a reference field at {@code offset} (from {@link #fieldOffset}) points at, or -1. */
    public long refAt(long node, int offset) {
        long off = index.recordOffset(node);
        if (offset < 0 || off < 0 || bytes.u1(off) != Tags.INSTANCE_DUMP || offset + id > bytes.u4unsigned(RecordLayout.instanceLengthAt(off, id))) {
            return -1;
        }
        long a = bytes.id(RecordLayout.instanceFieldsAt(off, id) + offset, id);
        return a == 0 ? -1 : index.node(a);
    }

    /** A one-byte field at {@code offset} (a String's coder), or {@code absent}. */
    public int byteAt(long node, int offset, int absent) {
        long off = index.recordOffset(node);
        if (offset < 0 || off < 0 || bytes.u1(off) != Tags.INSTANCE_DUMP || offset + 1 > bytes.u4unsigned(RecordLayout.instanceLengthAt(off, id))) {
            return absent;
        }
        return bytes.u1(RecordLayout.instanceFieldsAt(off, id) + offset);
    }

    /**
     * The raw bits of a primitive field at {@code offset} of type {@code type} (a {@code Tags.T_*}
     * code; floats and doubles as their bit patterns), or {@code absent} when the node is not an
     * instance or its record is too short: for queries that read one field of many objects.
     */
    public long bitsAt(long node, int offset, int type, long absent) {
        long off = index.recordOffset(node);
        int size = Tags.size(type, id);
        if (size < 0 || offset < 0 || off < 0 || bytes.u1(off) != Tags.INSTANCE_DUMP || offset + size > bytes.u4unsigned(RecordLayout.instanceLengthAt(off, id))) {
            return absent;
        }
        long at = RecordLayout.instanceFieldsAt(off, id) + offset;
        return switch (size) {
            case 1 -> (byte) bytes.u1(at);
            case 2 -> type == Tags.T_CHAR ? bytes.u2(at) : (short) bytes.u2(at);
            case 4 -> bytes.u4(at);
            default -> bytes.u8(at);
        };
    }

    /** Index of a field in the class's field arrays ({@code fieldTypes}, {@code fieldOffsets}), or -1; the first of that name. */
    public int fieldIndex(ClassInfo c, String field) {
        String[] names = fieldNames(c);
        for (int i = 0; i < names.length; i++) {
            if (names[i].equals(field)) {
                return i;
            }
        }
        return -1;
    }

    /** Whether instances of the class have a field of that name (any type). */
    public boolean hasField(ClassInfo c, String field) {
        for (String n : fieldNames(c)) {
            if (n.equals(field)) {
                return true;
            }
        }
        return false;
    }

    /**
     * A primitive field (boolean, byte, char, short, int, long) of an instance as a long, or
     * {@code absent} when the node is not an instance or has no such primitive field.
     */
    public long primitive(long node, String field, long absent) {
        long off = index.recordOffset(node);
        if (off < 0 || bytes.u1(off) != Tags.INSTANCE_DUMP) {
            return absent;
        }
        ClassInfo c = index.classOf(node);
        String[] names = fieldNames(c);
        long len = bytes.u4unsigned(RecordLayout.instanceLengthAt(off, id));
        long data = RecordLayout.instanceFieldsAt(off, id);
        for (int i = 0; i < names.length; i++) {
            if (!names[i].equals(field)) {
                continue;
            }
            int t = c.fieldTypes()[i];
            long at = data + c.fieldOffsets()[i];
            if (t == Tags.T_OBJECT || c.fieldOffsets()[i] + Tags.size(t, id) > len) {
                continue;
            }
            return switch (t) {
                case Tags.T_BOOLEAN, Tags.T_BYTE -> (byte) bytes.u1(at);
                case Tags.T_CHAR -> bytes.u2(at);
                case Tags.T_SHORT -> (short) bytes.u2(at);
                case Tags.T_INT -> bytes.u4(at);
                case Tags.T_LONG -> bytes.u8(at);
                default -> absent;
            };
        }
        return absent;
    }

    /** Length of an object or primitive array, -1 for other nodes. */
    public long arrayLength(long node) {
        long off = index.recordOffset(node);
        if (off < 0) {
            return -1;
        }
        int tag = bytes.u1(off);
        if (tag == Tags.OBJ_ARRAY_DUMP || tag == Tags.PRIM_ARRAY_DUMP) {
            return bytes.u4unsigned(RecordLayout.arrayLengthAt(off, id));
        }
        return -1;
    }

    /** Number of non-null slots of an object array, -1 for other nodes. */
    public long nonNullSlots(long node) {
        long off = index.recordOffset(node);
        if (off < 0 || bytes.u1(off) != Tags.OBJ_ARRAY_DUMP) {
            return -1;
        }
        long len = bytes.u4unsigned(RecordLayout.arrayLengthAt(off, id));
        long data = RecordLayout.objArrayElementsAt(off, id);
        long n = 0;
        for (long i = 0; i < len; i++) {
            if (bytes.id(data + i * id, id) != 0) {
                n++;
            }
        }
        return n;
    }

    /**
     * 64-bit hash of a primitive array's contents, with its element type folded in; used to find
     * equal strings without materialising them.
     */
    public long contentHash(long node) {
        long off = index.recordOffset(node);
        if (off < 0 || bytes.u1(off) != Tags.PRIM_ARRAY_DUMP) {
            return 0;
        }
        long len = bytes.u4unsigned(RecordLayout.arrayLengthAt(off, id));
        int type = bytes.u1(RecordLayout.primArrayTypeAt(off, id));
        long n = len * Tags.size(type, id);
        long data = RecordLayout.primArrayDataAt(off, id);
        long h = 0x9E3779B97F4A7C15L ^ (type * 31L + n);
        long i = 0;
        for (; i + 8 <= n; i += 8) {
            h = mix(h ^ bytes.u8(data + i));
        }
        for (; i < n; i++) {
            h = mix(h ^ bytes.u1(data + i));
        }
        return mix(h);
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 33)) * 0xff51afd7ed558ccdL;
        z = (z ^ (z >>> 33)) * 0xc4ceb9fe1a85ec53L;
        return z ^ (z >>> 33);
    }

    /** The class itself, then its superclasses, as long as the chain is sane. */
    public boolean isA(ClassInfo c, String name) {
        int guard = 0;
        for (ClassInfo k = c; k != null && guard++ <= index.classes().size(); k = k.superOrdinal() < 0 ? null : index.classInfo(k.superOrdinal())) {
            if (k.name().equals(name)) {
                return true;
            }
            if (k.superOrdinal() == k.ordinal()) {
                break;
            }
        }
        return false;
    }

    /** The class name for people: class objects read "class NAME", as MAT shows them. */
    public String className(long node) {
        return dump.className(node);
    }

    /**
     * Whether the node belongs to the Java runtime rather than the application: instances of
     * JDK classes, class objects of JDK classes, the pseudo system class loader. Arrays count
     * by their element type, so {@code Object[]} is JDK-owned and {@code Order[]} is not.
     */
    public boolean jdkOwned(long node) {
        ClassInfo described = index.classDescribedBy(node);
        String name = described != null ? described.name() : index.classOf(node).name();
        if (index.recordOffset(node) == HeapIndex.PSEUDO_LOADER) {
            return true;
        }
        return isJdkClassName(name);
    }

    public static boolean isJdkClassName(String name) {
        String n = name;
        while (n.endsWith("[]")) {
            n = n.substring(0, n.length() - 2);
        }
        if (!n.contains(".")) {
            // Primitive arrays and default-package classes: primitives belong to nobody in particular.
            return n.equals("byte") || n.equals("char") || n.equals("int") || n.equals("long") || n.equals("short")
                    || n.equals("boolean") || n.equals("float") || n.equals("double");
        }
        return n.startsWith("java.") || n.startsWith("javax.") || n.startsWith("jdk.") || n.startsWith("sun.")
                || n.startsWith("com.sun.");
    }
}
