package dev.inquest.heap.hprof;

/**
 * A CLASS_DUMP sub-record, decoded: enough to lay out instances (instance field types in
 * declaration order) and to give the class object its edges and size (static fields).
 * {@code staticValueOffsets} are file offsets of each static value, read on demand.
 */
public record ClassDump(long id, long offset, long superId, long loaderId, int declaredInstanceSize,
        long[] staticNameIds, byte[] staticTypes, long[] staticValueOffsets,
        long[] fieldNameIds, byte[] fieldTypes) {
}
