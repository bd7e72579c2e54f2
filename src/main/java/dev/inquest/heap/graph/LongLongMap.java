package dev.inquest.heap.graph;

import dev.inquest.heap.store.LongArray;

import java.lang.foreign.Arena;

/**
 * Open-addressing map from non-negative long keys to long values, off-heap, sized by what a
 * search actually touches rather than by the whole graph. Old tables stay in the caller's arena
 * until it closes (at most as much again as the final table).
 */
final class LongLongMap {
    private final Arena arena;
    private LongArray keys;   // key + 1; 0 = empty
    private LongArray values;
    private long mask;
    private long size;

    LongLongMap(Arena arena, long expected) {
        this.arena = arena;
        long capacity = Long.highestOneBit(Math.max(16, expected * 2 - 1)) << 1;
        allocate(capacity);
    }

    private void allocate(long capacity) {
        keys = LongArray.allocate(arena, capacity);
        values = LongArray.allocate(arena, capacity);
        mask = capacity - 1;
    }

    private static long slot(long key, long mask) {
        long h = key * 0x9E3779B97F4A7C15L;
        return (h ^ (h >>> 29)) & mask;
    }

    boolean containsKey(long key) {
        return find(key) >= 0;
    }

    /** The value, or {@code missing} when absent. */
    long get(long key, long missing) {
        long s = find(key);
        return s < 0 ? missing : values.get(s);
    }

    private long find(long key) {
        for (long s = slot(key, mask); ; s = (s + 1) & mask) {
            long k = keys.get(s);
            if (k == 0) {
                return -1;
            }
            if (k == key + 1) {
                return s;
            }
        }
    }

    /** Adds the key unless present; returns whether it was added. */
    boolean putIfAbsent(long key, long value) {
        for (long s = slot(key, mask); ; s = (s + 1) & mask) {
            long k = keys.get(s);
            if (k == key + 1) {
                return false;
            }
            if (k == 0) {
                keys.set(s, key + 1);
                values.set(s, value);
                if (++size * 2 > mask) {
                    grow();
                }
                return true;
            }
        }
    }

    private void grow() {
        LongArray oldKeys = keys;
        LongArray oldValues = values;
        allocate((mask + 1) * 2);
        for (long s = 0; s < oldKeys.length(); s++) {
            long k = oldKeys.get(s);
            if (k != 0) {
                long t = slot(k - 1, mask);
                while (keys.get(t) != 0) {
                    t = (t + 1) & mask;
                }
                keys.set(t, k);
                values.set(t, oldValues.get(s));
            }
        }
    }

    long size() {
        return size;
    }
}
