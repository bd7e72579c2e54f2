package dev.inquest.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Writes small HPROF 1.0.2 files for tests, crafted or damaged on purpose: classes with fields
 * and a superclass id (any id, a cycle too), instances with reference field values, object and
 * primitive arrays, roots, and empty dump records. Heap sub-records go into one open
 * HEAP_DUMP_SEGMENT until a top-level record or {@link #endDump()} closes it; every method that
 * writes a record returns the byte offset where that record starts, for assertions on messages.
 *
 * <pre>
 * HprofBuilder h = new HprofBuilder(8);
 * long a = h.loadClass("x.A"), b = h.loadClass("x.B");
 * h.classDump(a, b, HprofBuilder.ref("next"));
 * h.classDump(b, a);                     // A extends B extends A
 * long o = h.id();
 * h.instance(o, a, 0);
 * h.rootUnknown(o);
 * h.endDump();
 * Path p = h.write(dir.resolve("cycle.hprof"));
 * </pre>
 */
public final class HprofBuilder {
    public static final int T_OBJECT = 2;
    public static final int T_BOOLEAN = 4;
    public static final int T_CHAR = 5;
    public static final int T_FLOAT = 6;
    public static final int T_DOUBLE = 7;
    public static final int T_BYTE = 8;
    public static final int T_SHORT = 9;
    public static final int T_INT = 10;
    public static final int T_LONG = 11;

    /** An instance field: its name and basic type ({@code T_*}). */
    public record Field(String name, int type) {
    }

    public static Field ref(String name) {
        return new Field(name, T_OBJECT);
    }

    public static Field field(String name, int type) {
        return new Field(name, type);
    }

    private final int idSize;
    private byte[] buf = new byte[1 << 12];
    private int size;
    private long nextId = 0x1000;
    private int serial = 1;
    /** Where the open HEAP_DUMP_SEGMENT's header starts, or -1. */
    private int segment = -1;

    public HprofBuilder(int idSize) {
        if (idSize != 4 && idSize != 8) {
            throw new IllegalArgumentException("id size " + idSize);
        }
        this.idSize = idSize;
        bytes("JAVA PROFILE 1.0.2\0".getBytes(StandardCharsets.ISO_8859_1));
        u4(idSize);
        u8(1_700_000_000_000L);
    }

    /** A fresh object id (distinct, 16-byte aligned as a heap address would be). */
    public long id() {
        long v = nextId;
        nextId += 16;
        return v;
    }

    /** The number of bytes written so far: the offset the next record starts at. */
    public long offset() {
        return size;
    }

    // ---- top-level records -----------------------------------------------------------------

    /** A STRING record; returns its id. */
    public long string(String s) {
        long sid = id();
        byte[] utf = s.getBytes(StandardCharsets.UTF_8);
        topLevel(0x01, idSize + utf.length);
        id(sid);
        bytes(utf);
        return sid;
    }

    /** A STRING and a LOAD_CLASS record for a class named {@code javaName} ("x.A"); returns the new class id. */
    public long loadClass(String javaName) {
        long classId = id();
        loadClass(classId, javaName);
        return classId;
    }

    /** As {@link #loadClass(String)} with a chosen class id; returns the LOAD_CLASS record's offset. */
    public long loadClass(long classId, String javaName) {
        long name = string(javaName.replace('.', '/'));
        long at = topLevel(0x02, 8 + 2L * idSize);
        u4(serial++);
        id(classId);
        u4(1);
        id(name);
        return at;
    }

    /** An empty HEAP_DUMP_SEGMENT record (header only); returns its offset. */
    public long emptySegment() {
        return topLevel(0x1C, 0);
    }

    /** An empty HEAP_DUMP record; returns its offset. */
    public long emptyHeapDump() {
        return topLevel(0x0C, 0);
    }

    /** Closes the open segment and writes HEAP_DUMP_END; returns that record's offset. */
    public long endDump() {
        return topLevel(0x2C, 0);
    }

    /** Any top-level record header with a declared body length (the body is the caller's to write). */
    public long topLevel(int tag, long length) {
        closeSegment();
        int at = size;
        u1(tag);
        u4(0);
        u4((int) length);
        return at;
    }

    // ---- heap sub-records (into the open segment) ------------------------------------------

    /** A CLASS_DUMP with no statics and these instance fields; instance size is the fields' bytes. */
    public long classDump(long classId, long superId, Field... fields) {
        int bytes = 0;
        for (Field f : fields) {
            bytes += typeSize(f.type());
        }
        return classDump(classId, superId, bytes, fields);
    }

    /** A CLASS_DUMP with a declared instance size; returns the sub-record's offset. */
    public long classDump(long classId, long superId, int instanceSize, Field... fields) {
        long[] names = new long[fields.length];
        for (int i = 0; i < fields.length; i++) {
            names[i] = string(fields[i].name());
        }
        int at = sub(0x20);
        id(classId);
        u4(1);
        id(superId);
        id(0); // loader
        id(0); // signers
        id(0); // protection domain
        id(0);
        id(0);
        u4(instanceSize);
        u2(0); // constant pool
        u2(0); // statics
        u2(fields.length);
        for (int i = 0; i < fields.length; i++) {
            id(names[i]);
            u1(fields[i].type());
        }
        return at;
    }

    /** An INSTANCE_DUMP whose fields are all references (or ids) with these values, in order. */
    public long instance(long objId, long classId, long... refs) {
        byte[] data = new byte[refs.length * idSize];
        for (int i = 0; i < refs.length; i++) {
            putId(data, i * idSize, refs[i]);
        }
        return instanceData(objId, classId, data);
    }

    /** An INSTANCE_DUMP with raw field bytes; returns the sub-record's offset. */
    public long instanceData(long objId, long classId, byte[] data) {
        int at = sub(0x21);
        id(objId);
        u4(1);
        id(classId);
        u4(data.length);
        bytes(data);
        return at;
    }

    public long objectArray(long objId, long arrayClassId, long... elements) {
        int at = sub(0x22);
        id(objId);
        u4(1);
        u4(elements.length);
        id(arrayClassId);
        for (long e : elements) {
            id(e);
        }
        return at;
    }

    /** A zero-filled primitive array of {@code type} ({@code T_*}). */
    public long primitiveArray(long objId, int type, int length) {
        int at = sub(0x23);
        id(objId);
        u4(1);
        u4(length);
        u1(type);
        bytes(new byte[length * typeSize(type)]);
        return at;
    }

    public long rootUnknown(long objId) {
        int at = sub(0xFF);
        id(objId);
        return at;
    }

    public long rootStickyClass(long classId) {
        int at = sub(0x05);
        id(classId);
        return at;
    }

    public long rootJniGlobal(long objId) {
        int at = sub(0x01);
        id(objId);
        id(id());
        return at;
    }

    // ---- output ----------------------------------------------------------------------------

    public byte[] bytes() {
        closeSegment();
        return Arrays.copyOf(buf, size);
    }

    public Path write(Path file) throws IOException {
        Files.write(file, bytes());
        return file;
    }

    // ---- encoding --------------------------------------------------------------------------

    private int typeSize(int type) {
        return switch (type) {
            case T_OBJECT -> idSize;
            case T_BOOLEAN, T_BYTE -> 1;
            case T_CHAR, T_SHORT -> 2;
            case T_FLOAT, T_INT -> 4;
            case T_DOUBLE, T_LONG -> 8;
            default -> throw new IllegalArgumentException("type " + type);
        };
    }

    private int sub(int tag) {
        if (segment < 0) {
            segment = size;
            u1(0x1C);
            u4(0);
            u4(0);
        }
        int at = size;
        u1(tag);
        return at;
    }

    private void closeSegment() {
        if (segment >= 0) {
            int len = size - segment - 9;
            for (int k = 0; k < 4; k++) {
                buf[segment + 5 + k] = (byte) (len >>> (24 - 8 * k));
            }
            segment = -1;
        }
    }

    private void putId(byte[] a, int at, long v) {
        for (int k = 0; k < idSize; k++) {
            a[at + k] = (byte) (v >>> (8 * (idSize - 1 - k)));
        }
    }

    private void ensure(int n) {
        if (size + n > buf.length) {
            buf = Arrays.copyOf(buf, Math.max(buf.length * 2, size + n));
        }
    }

    private void bytes(byte[] b) {
        ensure(b.length);
        System.arraycopy(b, 0, buf, size, b.length);
        size += b.length;
    }

    private void u1(int v) {
        ensure(1);
        buf[size++] = (byte) v;
    }

    private void u2(int v) {
        u1(v >>> 8);
        u1(v);
    }

    private void u4(int v) {
        u2(v >>> 16);
        u2(v);
    }

    private void u8(long v) {
        u4((int) (v >>> 32));
        u4((int) v);
    }

    private void id(long v) {
        if (idSize == 4) {
            u4((int) v);
        } else {
            u8(v);
        }
    }
}
