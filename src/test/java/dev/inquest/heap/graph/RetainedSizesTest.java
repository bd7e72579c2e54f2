package dev.inquest.heap.graph;

import static org.assertj.core.api.Assertions.assertThat;

import dev.inquest.heap.store.LongArray;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import org.junit.jupiter.api.Test;

/** Retained sizes stored in 4 bytes, with the ones of 4 GB and more in an overflow table. */
class RetainedSizesTest {
    @Test
    void sizesOfFourGigabytesAndMoreSurviveTheNarrowForm() {
        long[] values = {0, 16, 0xfffffffeL, 0xffffffffL, 5L << 30, 123_456_789L, 1L << 40, 24};
        try (Arena arena = Arena.ofConfined()) {
            LongArray wide = LongArray.allocate(arena, values.length);
            for (int i = 0; i < values.length; i++) {
                wide.set(i, values[i]);
            }
            RetainedSizes computed = RetainedSizes.of(wide);
            MemorySegment narrow = arena.allocate(4L * values.length);
            dev.inquest.heap.store.LongList pairs = new dev.inquest.heap.store.LongList();
            computed.storeNarrow(0, 5, narrow, pairs);
            computed.storeNarrow(5, 3, narrow.asSlice(20), pairs);
            byte[] overflow = dev.inquest.heap.store.SparseLongs.of(pairs).stored();
            assertThat(overflow).hasSize(3 * 16); // 0xffffffff itself is the marker, so it overflows too
            RetainedSizes stored = RetainedSizes.wrap(narrow, MemorySegment.ofArray(overflow));
            assertThat(stored).isNotNull();
            assertThat(stored.length()).isEqualTo(values.length);
            for (int i = 0; i < values.length; i++) {
                assertThat(stored.get(i)).as("node %d", i).isEqualTo(values[i]);
            }
            // A damaged table (out of order) is refused, so the index is rebuilt rather than trusted.
            MemorySegment bad = MemorySegment.ofArray(overflow.clone());
            long first = bad.getAtIndex(ValueLayout.JAVA_LONG_UNALIGNED, 0);
            bad.setAtIndex(ValueLayout.JAVA_LONG_UNALIGNED, 0, bad.getAtIndex(ValueLayout.JAVA_LONG_UNALIGNED, 2));
            bad.setAtIndex(ValueLayout.JAVA_LONG_UNALIGNED, 2, first);
            assertThat(RetainedSizes.wrap(narrow, bad)).isNull();
            assertThat(RetainedSizes.wrap(narrow, MemorySegment.ofArray(new byte[15]))).isNull();
        }
    }

    @Test
    void longRangesPackAcrossGroupsWithTheirOverflowsInNodeOrder() {
        int n = 10_000; // more than one group of the packing loop
        try (Arena arena = Arena.ofConfined()) {
            LongArray wide = LongArray.allocate(arena, n);
            for (int i = 0; i < n; i++) {
                wide.set(i, i % 4099 == 7 ? (long) i << 32 : 24L * i);
            }
            MemorySegment narrow = arena.allocate(4L * n);
            dev.inquest.heap.store.LongList pairs = new dev.inquest.heap.store.LongList();
            RetainedSizes.of(wide).storeNarrow(0, n, narrow, pairs);
            assertThat(pairs.size()).isEqualTo(2 * 3); // nodes 7, 4106 and 8205
            RetainedSizes stored = RetainedSizes.wrap(narrow, MemorySegment.ofArray(dev.inquest.heap.store.SparseLongs.of(pairs).stored()));
            long firstWrong = -1;
            for (int i = 0; i < n && firstWrong < 0; i++) {
                if (stored.get(i) != wide.get(i)) {
                    firstWrong = i;
                }
            }
            assertThat(firstWrong).isEqualTo(-1);
        }
    }
}
