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

    /**
     * The values sorted, each once, for values in [0, universe): through a bitmap when the list is
     * long enough that scanning one bit per possible value beats sorting (millions of elements).
     */
    long[] distinct(long universe) {
        if ((long) size * 64 < universe) {
            return distinct();
        }
        NodeSet seen = new NodeSet(universe);
        int n = 0;
        for (int i = 0; i < size; i++) {
            if (seen.add(items[i])) {
                n++;
            }
        }
        long[] out = new long[n];
        int k = 0;
        for (long v = 0; k < n; v++) {
            if (seen.contains(v)) {
                out[k++] = v;
            }
        }
        return out;
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
