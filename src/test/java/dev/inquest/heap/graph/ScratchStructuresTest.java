package dev.inquest.heap.graph;

import dev.inquest.heap.store.LongArray;
import org.junit.jupiter.api.Test;

import java.lang.foreign.Arena;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class ScratchStructuresTest {

    @Test
    void pairBufferKeepsOrderAcrossChunks() {
        for (boolean wide : new boolean[] {false, true}) {
            try (Arena arena = Arena.ofConfined()) {
                PairBuffer buffer = new PairBuffer(arena, wide, 3);
                for (long i = 0; i < 10; i++) {
                    buffer.add(i, wide ? (1L << 40) + i : 100 + i);
                }
                List<long[]> seen = new ArrayList<>();
                buffer.forEach((a, b) -> seen.add(new long[] {a, b}));
                assertThat(buffer.size()).isEqualTo(10);
                assertThat(seen).hasSize(10);
                for (int i = 0; i < 10; i++) {
                    assertThat(seen.get(i)).containsExactly(i, wide ? (1L << 40) + i : 100 + i);
                }
            }
        }
    }

    @Test
    void pairBufferAddsOnlyTheKeptPairsAcrossChunks() {
        for (boolean wide : new boolean[] {false, true}) {
            try (Arena arena = Arena.ofConfined()) {
                PairBuffer buffer = new PairBuffer(arena, wide, 3);
                List<long[]> expected = new ArrayList<>();
                for (long i = 0; i < 20; i++) {
                    long keep = i % 3 == 1 || i % 5 == 0 ? 0 : 1;
                    buffer.addIf(i, 100 + i, keep);
                    if (keep == 1) {
                        expected.add(new long[] {i, 100 + i});
                    }
                }
                List<long[]> seen = new ArrayList<>();
                buffer.forEach((a, b) -> seen.add(new long[] {a, b}));
                assertThat(buffer.size()).isEqualTo(expected.size()).isEqualTo(10);
                assertThat(seen).containsExactlyElementsOf(expected);
            }
        }
    }

    @Test
    void longLongMapMatchesHashMapThroughGrowth() {
        Random rnd = new Random(8);
        try (Arena arena = Arena.ofConfined()) {
            LongLongMap map = new LongLongMap(arena, 4);
            Map<Long, Long> expected = new HashMap<>();
            for (int i = 0; i < 20_000; i++) {
                long key = rnd.nextInt(30_000) + (rnd.nextBoolean() ? 0 : 5L << 33);
                long value = rnd.nextLong();
                boolean added = map.putIfAbsent(key, value);
                assertThat(added).isEqualTo(!expected.containsKey(key));
                expected.putIfAbsent(key, value);
            }
            assertThat(map.size()).isEqualTo(expected.size());
            expected.forEach((k, v) -> assertThat(map.get(k, -1)).isEqualTo(v));
            assertThat(map.containsKey(29_999L + (6L << 33))).isFalse();
        }
    }

    @Test
    void longQueueIsFifoThroughGrowthAndCompaction() {
        try (Arena arena = Arena.ofConfined()) {
            LongQueue queue = new LongQueue(arena, 4);
            long next = 0;
            long expect = 0;
            for (int round = 0; round < 200; round++) {
                for (int i = 0; i < 7; i++) {
                    queue.add(next++);
                }
                for (int i = 0; i < 5; i++) {
                    assertThat(queue.poll()).isEqualTo(expect++);
                }
            }
            while (!queue.isEmpty()) {
                assertThat(queue.poll()).isEqualTo(expect++);
            }
            assertThat(expect).isEqualTo(next);
        }
    }

    @Test
    void longSortOrdersLikeArraysSort() {
        Random rnd = new Random(4);
        try (Arena arena = Arena.ofConfined()) {
            for (int round = 0; round < 300; round++) {
                int n = rnd.nextInt(round < 250 ? 100 : 5000);
                long[] values = rnd.longs(n, 0, round % 3 == 0 ? 5 : 1_000_000).toArray(); // many equal keys too
                IndexArray a = IndexArray.allocate(arena, n + 2, true);
                for (int i = 0; i < n; i++) {
                    a.set(i + 1, values[i]);
                }
                a.set(0, Long.MIN_VALUE);
                a.set(n + 1, Long.MAX_VALUE);
                LongSort.sort(a, 1, n + 1, (x, y) -> Long.compare(y, x)); // descending
                Arrays.sort(values);
                for (int i = 0; i < n; i++) {
                    assertThat(a.get(i + 1)).isEqualTo(values[n - 1 - i]);
                }
                assertThat(a.get(0)).as("outside the range untouched").isEqualTo(Long.MIN_VALUE);
                assertThat(a.get(n + 1)).isEqualTo(Long.MAX_VALUE);
            }
        }
    }
}
