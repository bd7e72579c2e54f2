package dev.inquest.heap.index;

import static org.assertj.core.api.Assertions.assertThat;

import dev.inquest.heap.store.LongArray;
import java.lang.foreign.Arena;
import java.util.Random;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** The edge pass's id to node bitmap answers exactly as the IdMap does, for present and absent ids alike. */
class AddressBitmapTest {
    /** Ids as a heap has them: mostly close, some wide gaps, a leading 0 (MAT's pseudo loader) and a synthetic tail. */
    private static long[] heapLike(long seed, int count, int align) {
        Random r = new Random(seed);
        TreeSet<Long> set = new TreeSet<>();
        set.add(0L);
        long at = 0x6_8000_0000L;
        while (set.size() < count) {
            at += r.nextInt(1000) > 0 ? (long) align * (2 + r.nextInt(12)) : (long) align * r.nextInt(1 << 12);
            set.add(at);
        }
        for (int i = 1; i <= 5; i++) {
            set.add(at + 8L * i); // synthetic classes: the last id plus 8, 16, ...
        }
        return set.stream().mapToLong(Long::longValue).toArray();
    }

    private static LongArray column(Arena arena, long[] sorted) {
        LongArray ids = LongArray.allocate(arena, sorted.length);
        for (int i = 0; i < sorted.length; i++) {
            ids.set(i, sorted[i]);
        }
        return ids;
    }

    @Test
    void everyIdAnswersAsTheIdMapDoes() {
        for (int align : new int[] {8, 4}) {
            long[] sorted = heapLike(16 + align, 200_000, align);
            int n = sorted.length;
            try (Arena arena = Arena.ofShared()) {
                LongArray ids = column(arena, sorted);
                IdMap map = new IdMap(arena, ids, n, 1);
                AddressBitmap alone = AddressBitmap.of(arena, ids, n, map, 1);
                AddressBitmap split = AddressBitmap.of(arena, ids, n, map, 3);
                assertThat(alone).as("align %d: dense enough for a bitmap", align).isNotNull();
                assertThat(split).isNotNull();
                for (int i = 0; i < n; i++) {
                    assertThat(alone.index(sorted[i])).as("align %d, id %x", align, sorted[i]).isEqualTo(i);
                    assertThat(split.index(sorted[i])).as("align %d, id %x (3 parts)", align, sorted[i]).isEqualTo(i);
                    if (i + 1 < n) {
                        // Every address between two ids, aligned or not, is no object.
                        for (long gap = sorted[i] + 1; gap < sorted[i + 1] && gap < sorted[i] + 3 * align; gap++) {
                            assertThat(alone.index(gap)).as("align %d, id %x", align, gap).isEqualTo(-1);
                        }
                    }
                }
                for (long absent : new long[] {1, 8, sorted[1] - align, sorted[1] - 1, sorted[n - 1] + 1,
                    sorted[n - 1] + align, Long.MAX_VALUE, Long.MIN_VALUE, -8}) {
                    assertThat(alone.index(absent)).as("align %d, absent id %x", align, absent).isEqualTo(-1);
                    assertThat(split.index(absent)).isEqualTo(-1);
                }
                assertThat(alone.index(0)).as("the leading outlier, through the IdMap").isZero();
                // The bitmap is about a bit per aligned address of the span, far less than the 8 bytes an id of the column.
                long span = sorted[n - 1] - sorted[1];
                assertThat(alone.bytes()).isLessThan(span / align / 8 * 2 + 4096).isLessThan(n * 8L / 4);
            }
        }
    }

    @Test
    void tooSparseIdsKeepTheIdMap() {
        try (Arena arena = Arena.ofShared()) {
            long[] sorted = new long[1000];
            for (int i = 0; i < sorted.length; i++) {
                sorted[i] = 0x7_0000_0000L + (long) i * 8200; // aligned to 8, one object every 8 KB: 1025 bits a node
            }
            LongArray ids = column(arena, sorted);
            IdMap map = new IdMap(arena, ids, sorted.length, 1);
            assertThat(AddressBitmap.of(arena, ids, sorted.length, map, 1)).isNull();
            // Too many leading outliers to skip: no bitmap either.
            long[] spread = new long[100];
            for (int i = 0; i < spread.length; i++) {
                spread[i] = i < 40 ? (long) i << 30 : 0x40_0000_0000L + i * 8L;
            }
            LongArray spreadIds = column(arena, spread);
            assertThat(AddressBitmap.of(arena, spreadIds, spread.length, new IdMap(arena, spreadIds, spread.length, 1), 1))
                    .isNull();
        }
    }

    @Test
    void oneIdAndNoIds() {
        try (Arena arena = Arena.ofShared()) {
            LongArray one = LongArray.allocate(arena, 1);
            one.set(0, 4096);
            AddressBitmap map = AddressBitmap.of(arena, one, 1, new IdMap(arena, one, 1, 1), 2);
            assertThat(map.index(4096)).isZero();
            assertThat(map.index(4088)).isEqualTo(-1);
            assertThat(map.index(4104)).isEqualTo(-1);
            assertThat(AddressBitmap.of(arena, LongArray.allocate(arena, 1), 0, null, 2)).isNull();
        }
    }
}
