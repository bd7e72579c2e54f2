package dev.inquest.heap.index;

import static org.assertj.core.api.Assertions.assertThat;

import dev.inquest.heap.store.LongArray;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import org.junit.jupiter.api.Test;

/** Record offsets stored as a base per 64 nodes and 4-byte distances, with exceptions kept exactly. */
class OffsetColumnTest {
    @Test
    void packedOffsetsReadBackExactlyWithTheirExceptions() throws Exception {
        int n = 1000;
        try (Arena arena = Arena.ofConfined()) {
            LongArray built = LongArray.allocate(arena, n);
            long at = 1_000_000;
            for (int i = 0; i < n; i++) {
                at += 24 + (i % 7) * 8;
                built.set(i, at);
            }
            built.set(3, -1);              // MAT's pseudo class loader
            built.set(200, -2 - 17);       // a class without a CLASS_DUMP
            built.set(130, 9L << 30);      // a far-apart region of a dump over 2 GB, inside a block
            built.set(999, 5L << 32);      // and in the last, partial block
            MemorySegment file = arena.allocate(4L * n, 8);
            MemorySegment buffer = arena.allocate(4L * 256, 8); // pieces of 256 nodes
            OffsetColumn.Packing p = OffsetColumn.pack(built, buffer,
                    (first, distances, count) -> MemorySegment.copy(distances, 0, file, 4 * first, 4L * count));
            assertThat(p.exceptions().nodes()).containsExactly(3, 130, 200, 999);
            OffsetColumn stored = OffsetColumn.stored(file, MemorySegment.ofArray(p.storedBases()),
                    MemorySegment.ofArray(p.exceptions().stored()), n);
            assertThat(stored).isNotNull();
            for (int i = 0; i < n; i++) {
                assertThat(stored.get(i)).as("node %d", i).isEqualTo(built.get(i));
            }
            assertThat(OffsetColumn.stored(file, MemorySegment.ofArray(p.storedBases()),
                    MemorySegment.ofArray(new byte[8]), n)).as("a torn exception table").isNull();
            assertThat(OffsetColumn.stored(file.asSlice(4), MemorySegment.ofArray(p.storedBases()),
                    MemorySegment.ofArray(p.exceptions().stored()), n)).as("distances of the wrong length").isNull();
        }
    }

    @Test
    void longColumnsPackAcrossGroupsAndPieces() throws Exception {
        int n = 20_000; // several groups of the packing loop per piece, and several pieces
        try (Arena arena = Arena.ofConfined()) {
            LongArray built = LongArray.allocate(arena, n);
            long at = 3L << 30;
            for (int i = 0; i < n; i++) {
                at += 16 + (i % 5) * 8;
                built.set(i, at);
            }
            built.set(0, -1);
            built.set(4095, -2 - 3);
            built.set(4096, 1L << 40);
            built.set(n - 1, -2 - 4);
            MemorySegment file = arena.allocate(4L * n, 8);
            MemorySegment buffer = arena.allocate(4L * 8192, 8);
            OffsetColumn.Packing p = OffsetColumn.pack(built, buffer,
                    (first, distances, count) -> MemorySegment.copy(distances, 0, file, 4 * first, 4L * count));
            assertThat(p.exceptions().nodes()).containsExactly(0, 4095, 4096, n - 1);
            OffsetColumn stored = OffsetColumn.stored(file, MemorySegment.ofArray(p.storedBases()),
                    MemorySegment.ofArray(p.exceptions().stored()), n);
            long firstWrong = -1;
            for (int i = 0; i < n && firstWrong < 0; i++) {
                if (stored.get(i) != built.get(i)) {
                    firstWrong = i;
                }
            }
            assertThat(firstWrong).isEqualTo(-1);
        }
    }
}
