package dev.inquest.heap.index;

import static org.assertj.core.api.Assertions.assertThat;

import dev.inquest.heap.store.LongArray;
import java.lang.foreign.Arena;
import java.util.Random;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** Object id to node: every present id found, every absent one -1, whichever way the directory was filled. */
class IdMapTest {
    @Test
    void presentIdsAreFoundAndAbsentOnesAreNot() {
        Random r = new Random(16);
        TreeSet<Long> set = new TreeSet<>();
        long at = 0x7_0000_0000L;
        while (set.size() < 50_000) {
            // Mostly close together, sometimes a wide gap: buckets with several ids, and empty ones.
            at += r.nextInt(20) < 19 ? 8 * (1 + r.nextInt(6)) : 8L * r.nextInt(1 << 20);
            set.add(at);
        }
        long[] sorted = set.stream().mapToLong(Long::longValue).toArray();
        int n = sorted.length;
        try (Arena arena = Arena.ofShared()) { // shared: the directory is filled from several threads
            LongArray ids = LongArray.allocate(arena, n);
            for (int i = 0; i < n; i++) {
                ids.set(i, sorted[i]);
            }
            IdMap alone = new IdMap(arena, ids, n, 1);
            IdMap split = new IdMap(arena, ids, n, 3);
            assertThat(split.directorySegment().mismatch(alone.directorySegment())).as("the directories").isEqualTo(-1);
            for (int i = 0; i < n; i++) {
                assertThat(alone.index(sorted[i])).isEqualTo(i);
                assertThat(split.index(sorted[i])).isEqualTo(i);
                if (i + 1 < n && sorted[i + 1] - sorted[i] > 1) {
                    assertThat(alone.index(sorted[i] + 1)).as("between %d and %d", sorted[i], sorted[i + 1]).isEqualTo(-1);
                }
            }
            for (long absent : new long[] {0, sorted[0] - 8, sorted[0] - 1, sorted[n - 1] + 1, sorted[n - 1] + 8,
                Long.MAX_VALUE, Long.MIN_VALUE, -8}) {
                assertThat(alone.index(absent)).as("id %d", absent).isEqualTo(-1);
            }
        }
    }

    @Test
    void oneIdAndNoIds() {
        try (Arena arena = Arena.ofShared()) { // shared: the directory is filled from several threads
            LongArray one = LongArray.allocate(arena, 1);
            one.set(0, 4096);
            IdMap map = new IdMap(arena, one, 1, 2);
            assertThat(map.index(4096)).isZero();
            assertThat(map.index(4088)).isEqualTo(-1);
            assertThat(map.index(4104)).isEqualTo(-1);
            IdMap empty = new IdMap(arena, LongArray.allocate(arena, 1), 0, 2);
            assertThat(empty.index(4096)).isEqualTo(-1);
        }
    }
}
