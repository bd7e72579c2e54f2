package dev.inquest.heap.store;

import java.util.Arrays;

/** A growable on-heap {@code int} list: a worker's edge buffer before it is copied into place. */
public final class IntList {
    private int[] a = new int[1024];
    private int size;

    public void add(int v) {
        if (size == a.length) {
            a = Arrays.copyOf(a, a.length * 2);
        }
        a[size++] = v;
    }

    public int size() {
        return size;
    }

    public void copyTo(IntArray dst, long at) {
        java.lang.foreign.MemorySegment.copy(a, 0, dst.segment(), java.lang.foreign.ValueLayout.JAVA_INT_UNALIGNED,
                at * Integer.BYTES, size);
    }
}
