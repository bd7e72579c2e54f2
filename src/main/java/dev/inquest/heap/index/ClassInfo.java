package dev.inquest.heap.index;

import dev.inquest.heap.hprof.ClassDump;

/**
 * A class as the index knows it: a dense ordinal, its node, its name, and the precomputed
 * instance layout (byte offsets of reference fields inside INSTANCE_DUMP data, own class first
 * then up the superclass chain, as HotSpot packs them) so edge extraction is a table walk.
 *
 * @param dump null for synthetic classes (placeholders for missing ones, primitive array classes)
 */
public record ClassInfo(int ordinal, long id, String name, Kind kind, int elementType, ClassDump dump,
        int superOrdinal, long loaderId, long instanceShallow, long staticShallow,
        int[] refOffsets, long[] refNameIds, int[] fieldOffsets, long[] fieldNameIds, byte[] fieldTypes, int fieldBytes) {

    public enum Kind { INSTANCE, OBJECT_ARRAY, PRIMITIVE_ARRAY }

    public boolean isArray() {
        return kind != Kind.INSTANCE;
    }

    public boolean synthetic() {
        return dump == null;
    }

    /** Package of the class (array classes count under their element's package), "" for the default package. */
    public String packageName() {
        String n = name;
        while (n.endsWith("[]")) {
            n = n.substring(0, n.length() - 2);
        }
        int dot = n.lastIndexOf('.');
        return dot < 0 ? "" : n.substring(0, dot);
    }
}
