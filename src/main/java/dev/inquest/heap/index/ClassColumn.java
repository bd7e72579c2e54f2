package dev.inquest.heap.index;

import dev.inquest.heap.store.NativeMemory;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/**
 * Each node's class ordinal: 2 bytes while the dump has fewer than 65,536 classes (nearly all
 * do), 4 beyond. The width is chosen before the column is filled (the classes are known by then)
 * and read back from the stored size, so neither building nor reopening converts anything.
 */
final class ClassColumn {
    static final int NARROW_LIMIT = 0xffff;

    private final MemorySegment segment;
    private final boolean narrow;

    private ClassColumn(MemorySegment segment, boolean narrow) {
        this.segment = segment;
        this.narrow = narrow;
    }

    /** A zeroed column of {@code n} nodes for a dump of {@code classes} classes. */
    static ClassColumn allocate(Arena arena, long n, int classes) {
        boolean narrow = classes <= NARROW_LIMIT;
        long bytes = n * (narrow ? 2 : 4);
        return new ClassColumn(NativeMemory.allocate(arena, Math.max(1, bytes)).asSlice(0, bytes), narrow);
    }

    /** A stored column of {@code n} nodes: its width follows from its size; null when it fits neither. */
    static ClassColumn wrap(MemorySegment segment, long n) {
        if (segment.byteSize() == 2 * n) {
            return new ClassColumn(segment, true);
        }
        return segment.byteSize() == 4 * n ? new ClassColumn(segment, false) : null;
    }

    int get(long node) {
        return narrow ? segment.getAtIndex(ValueLayout.JAVA_SHORT_UNALIGNED, node) & 0xffff
                : segment.getAtIndex(ValueLayout.JAVA_INT_UNALIGNED, node);
    }

    void set(long node, int ordinal) {
        if (narrow) {
            segment.setAtIndex(ValueLayout.JAVA_SHORT_UNALIGNED, node, (short) ordinal);
        } else {
            segment.setAtIndex(ValueLayout.JAVA_INT_UNALIGNED, node, ordinal);
        }
    }

    MemorySegment segment() {
        return segment;
    }
}
