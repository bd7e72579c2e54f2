package dev.inquest.heap.query;

import java.util.Arrays;

/** A growable list of longs, without boxing. */
final class LongList {
    private long[] items = new long[16];
    private int size;

    void add(long v) {
        if (size == items.length) {
            items = Arrays.copyOf(items, size * 2);
        }
        items[size++] = v;
    }

    int size() {
        return size;
    }

    long get(int i) {
        return items[i];
    }

    long[] toArray() {
        return Arrays.copyOf(items, size);
    }

    /** The values sorted, each once. */
    long[] distinct() {
        long[] a = toArray();
        Arrays.sort(a);
        int n = 0;
        for (int i = 0; i < a.length; i++) {
            if (i == 0 || a[i] != a[i - 1]) {
                a[n++] = a[i];
            }
        }
        return Arrays.copyOf(a, n);
    }
}
