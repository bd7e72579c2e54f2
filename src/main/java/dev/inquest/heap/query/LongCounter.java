package dev.inquest.heap.query;

import java.util.Arrays;

/**
 * Open-addressing map from a 64-bit key to a count, a byte total and the first node seen:
 * millions of distinct keys without a boxed object per entry.
 */
final class LongCounter {
    private long[] keys;
    private boolean[] used;
    private long[] counts;
    private long[] bytes;
    private long[] first;
    private int size;

    LongCounter(int expected) {
        int cap = Integer.highestOneBit(Math.max(16, expected * 2 - 1)) << 1;
        alloc(cap);
    }

    private void alloc(int cap) {
        keys = new long[cap];
        used = new boolean[cap];
        counts = new long[cap];
        bytes = new long[cap];
        first = new long[cap];
    }

    void add(long key, long byteCount, long node) {
        if (size * 2 >= keys.length) {
            grow();
        }
        int mask = keys.length - 1;
        int i = (int) (key ^ (key >>> 29)) & mask;
        while (used[i] && keys[i] != key) {
            i = (i + 1) & mask;
        }
        if (!used[i]) {
            used[i] = true;
            keys[i] = key;
            first[i] = node;
            size++;
        }
        counts[i]++;
        bytes[i] += byteCount;
    }

    private void grow() {
        long[] k = keys;
        boolean[] u = used;
        long[] c = counts;
        long[] b = bytes;
        long[] f = first;
        alloc(keys.length * 2);
        int mask = keys.length - 1;
        for (int j = 0; j < k.length; j++) {
            if (u[j]) {
                int i = (int) (k[j] ^ (k[j] >>> 29)) & mask;
                while (used[i]) {
                    i = (i + 1) & mask;
                }
                used[i] = true;
                keys[i] = k[j];
                counts[i] = c[j];
                bytes[i] = b[j];
                first[i] = f[j];
            }
        }
    }

    interface Visitor {
        void entry(long key, long count, long bytes, long firstNode);
    }

    void forEach(Visitor v) {
        for (int i = 0; i < keys.length; i++) {
            if (used[i]) {
                v.entry(keys[i], counts[i], bytes[i], first[i]);
            }
        }
    }

    int size() {
        return size;
    }

    @Override
    public String toString() {
        return "LongCounter" + Arrays.toString(new int[] {size});
    }
}
