package dev.inquest.heap.hprof;

/**
 * Where the fields of a heap-dump sub-record sit, from the offset of its tag byte and the dump's
 * identifier size: the one place that spells out the HPROF layouts (engine-internal). Static,
 * allocation-free arithmetic, inlined by the JIT, so the scan and the edge pass can call it once
 * per object.
 *
 * <pre>
 * INSTANCE_DUMP    tag | id object | u4 stack serial | id class        | u4 length | field bytes
 * OBJ_ARRAY_DUMP   tag | id object | u4 stack serial | u4 length       | id class  | id elements
 * PRIM_ARRAY_DUMP  tag | id object | u4 stack serial | u4 length       | u1 type   | elements
 * CLASS_DUMP       tag | id class  | u4 stack serial | id super | id loader | id signers | id domain
 *                  | id reserved | id reserved | u4 instance size | u2 constant pool ...
 * </pre>
 */
public final class RecordLayout {
    private RecordLayout() {
    }

    /** The object's (or class's) own id: the same place in every object sub-record. */
    public static long objectIdAt(long record) {
        return record + 1;
    }

    /** The id of an instance's class. */
    public static long instanceClassIdAt(long record, int id) {
        return record + 1 + id + 4;
    }

    /** The u4 byte length of an instance's field values. */
    public static long instanceLengthAt(long record, int id) {
        return record + 1 + 2L * id + 4;
    }

    /** The first byte of an instance's field values (its class's field offsets count from here). */
    public static long instanceFieldsAt(long record, int id) {
        return record + 1 + 2L * id + 8;
    }

    /** The u4 element count of an object or primitive array. */
    public static long arrayLengthAt(long record, int id) {
        return record + 1 + id + 4;
    }

    /** The id of an object array's class. */
    public static long objArrayClassIdAt(long record, int id) {
        return record + 1 + id + 8;
    }

    /** The first element (an id) of an object array. */
    public static long objArrayElementsAt(long record, int id) {
        return record + 1 + 2L * id + 8;
    }

    /** The u1 element type ({@code Tags.T_*}) of a primitive array. */
    public static long primArrayTypeAt(long record, int id) {
        return record + 1 + id + 8;
    }

    /** The first element of a primitive array. */
    public static long primArrayDataAt(long record, int id) {
        return record + 1 + id + 9;
    }

    /** The id of a class's superclass. */
    public static long classSuperIdAt(long record, int id) {
        return record + 1 + id + 4;
    }

    /** The id of a class's loader. */
    public static long classLoaderIdAt(long record, int id) {
        return record + 1 + 2L * id + 4;
    }

    /** The u4 instance size a class declares. */
    public static long classInstanceSizeAt(long record, int id) {
        return record + 1 + 7L * id + 4;
    }

    /** The u2 constant pool count, after the fixed part of a class record. */
    public static long classConstantPoolAt(long record, int id) {
        return record + 1 + 7L * id + 8;
    }
}
