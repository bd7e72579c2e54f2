package dev.inquest.heap.store;

import java.util.Arrays;

/**
 * Open-addressing {@code long -> long} map without boxing: HPROF names everything by id
 * (strings, classes, frames), and a dump holds millions of them. Reads are safe from many
 * threads once writing has finished.
 */
public final class LongLongMap {
    private static final long FREE = 0;

    private long[] keys;
    private long[] values;
    private int size;
    private boolean hasZero;
    private long zeroValue;
    private final long missing;

    public LongLongMap(int expected, long missing) {
        int cap = Integer.highestOneBit(Math.max(4, expected * 2 - 1)) << 1;
        keys = new long[cap];
        values = new long[cap];
        this.missing = missing;
    }

    private static int mix(long k) {
        long h = k * 0x9E3779B97F4A7C15L;
        return (int) (h ^ (h >>> 29) ^ (h >>> 41));
    }

    public long get(long key) {
        if (key == FREE) {
            return hasZero ? zeroValue : missing;
        }
        long[] ks = keys;
        int mask = ks.length - 1;
        int i = mix(key) & mask;
        while (true) {
            long k = ks[i];
            if (k == key) {
                return values[i];
            }
            if (k == FREE) {
                return missing;
            }
            i = (i + 1) & mask;
        }
    }

    public boolean containsKey(long key) {
        if (key == FREE) {
            return hasZero;
        }
        long[] ks = keys;
        int mask = ks.length - 1;
        int i = mix(key) & mask;
        while (true) {
            long k = ks[i];
            if (k == key) {
                return true;
            }
            if (k == FREE) {
                return false;
            }
            i = (i + 1) & mask;
        }
    }

    public void put(long key, long value) {
        if (key == FREE) {
            if (!hasZero) {
                size++;
            }
            hasZero = true;
            zeroValue = value;
            return;
        }
        if ((size + 1) * 2 > keys.length) {
            grow();
        }
        int mask = keys.length - 1;
        int i = mix(key) & mask;
        while (true) {
            long k = keys[i];
            if (k == key) {
                values[i] = value;
                return;
            }
            if (k == FREE) {
                keys[i] = key;
                values[i] = value;
                size++;
                return;
            }
            i = (i + 1) & mask;
        }
    }

    /** Puts only when absent; returns the value now stored. */
    public long putIfAbsent(long key, long value) {
        long old = get(key);
        if (old != missing || containsKey(key)) {
            return old;
        }
        put(key, value);
        return value;
    }

    private void grow() {
        long[] oldKeys = keys;
        long[] oldValues = values;
        keys = new long[oldKeys.length * 2];
        values = new long[oldKeys.length * 2];
        int zero = hasZero ? 1 : 0;
        size = zero;
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldKeys[i] != FREE) {
                put(oldKeys[i], oldValues[i]);
            }
        }
    }

    public int size() {
        return size;
    }

    /** Keys in no particular order. */
    public long[] keys() {
        long[] out = new long[size];
        int n = 0;
        if (hasZero) {
            out[n++] = 0;
        }
        for (long k : keys) {
            if (k != FREE) {
                out[n++] = k;
            }
        }
        return Arrays.copyOf(out, n);
    }
}
