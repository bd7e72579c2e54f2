package dev.inquest.heap.graph;


/**
 * In-place sort of a {@link IndexArray} range with a primitive comparator: no boxing and no
 * recursion (introsort: quicksort that always loops on the larger side, so its explicit stack
 * stays under 64 frames, falling back to heapsort when partitions degrade, and insertion sort
 * for short runs).
 */
final class LongSort {
    @FunctionalInterface
    interface Comparator {
        int compare(long a, long b);
    }

    private static final int INSERTION = 24;

    private LongSort() {
    }

    static void sort(IndexArray a, long from, long to, Comparator c) {
        long[] stackFrom = new long[128];
        long[] stackTo = new long[128];
        int[] stackDepth = new int[128];
        int sp = 0;
        int depthLimit = 2 * (64 - Long.numberOfLeadingZeros(Math.max(1, to - from)));
        long lo = from;
        long hi = to;
        int depth = depthLimit;
        while (true) {
            if (hi - lo <= INSERTION) {
                insertion(a, lo, hi, c);
            } else if (depth == 0) {
                heap(a, lo, hi, c);
            } else {
                depth--;
                long mid = lo + ((hi - lo) >>> 1);
                medianToLow(a, lo, mid, hi - 1, c);
                long pivot = a.get(lo);
                // Hoare partition around a.get(lo); keys are distinct under our comparators but equal keys are fine too.
                long i = lo;
                long j = hi;
                while (true) {
                    do {
                        i++;
                    } while (i < hi && c.compare(a.get(i), pivot) < 0);
                    do {
                        j--;
                    } while (c.compare(a.get(j), pivot) > 0);
                    if (i >= j) {
                        break;
                    }
                    swap(a, i, j);
                }
                swap(a, lo, j);
                // [lo, j) <= pivot, a[j] = pivot, (j, hi) >= pivot
                long leftLo = lo;
                long leftHi = j;
                long rightLo = j + 1;
                long rightHi = hi;
                if (leftHi - leftLo < rightHi - rightLo) {
                    stackFrom[sp] = rightLo;
                    stackTo[sp] = rightHi;
                    stackDepth[sp++] = depth;
                    lo = leftLo;
                    hi = leftHi;
                } else {
                    stackFrom[sp] = leftLo;
                    stackTo[sp] = leftHi;
                    stackDepth[sp++] = depth;
                    lo = rightLo;
                    hi = rightHi;
                }
                continue;
            }
            if (sp == 0) {
                return;
            }
            sp--;
            lo = stackFrom[sp];
            hi = stackTo[sp];
            depth = stackDepth[sp];
        }
    }

    private static void medianToLow(IndexArray a, long lo, long mid, long last, Comparator c) {
        // Sort a[mid], a[lo], a[last] so the median ends up at lo.
        if (c.compare(a.get(mid), a.get(lo)) > 0) {
            swap(a, mid, lo);
        }
        if (c.compare(a.get(lo), a.get(last)) > 0) {
            swap(a, lo, last);
            if (c.compare(a.get(mid), a.get(lo)) > 0) {
                swap(a, mid, lo);
            }
        }
    }

    private static void insertion(IndexArray a, long lo, long hi, Comparator c) {
        for (long i = lo + 1; i < hi; i++) {
            long x = a.get(i);
            long j = i - 1;
            while (j >= lo && c.compare(a.get(j), x) > 0) {
                a.set(j + 1, a.get(j));
                j--;
            }
            a.set(j + 1, x);
        }
    }

    private static void heap(IndexArray a, long lo, long hi, Comparator c) {
        long n = hi - lo;
        for (long i = n / 2 - 1; i >= 0; i--) {
            siftDown(a, lo, i, n, c);
        }
        for (long end = n - 1; end > 0; end--) {
            swap(a, lo, lo + end);
            siftDown(a, lo, 0, end, c);
        }
    }

    private static void siftDown(IndexArray a, long base, long i, long n, Comparator c) {
        while (true) {
            long child = 2 * i + 1;
            if (child >= n) {
                return;
            }
            if (child + 1 < n && c.compare(a.get(base + child + 1), a.get(base + child)) > 0) {
                child++;
            }
            if (c.compare(a.get(base + child), a.get(base + i)) <= 0) {
                return;
            }
            swap(a, base + i, base + child);
            i = child;
        }
    }

    private static void swap(IndexArray a, long i, long j) {
        long t = a.get(i);
        a.set(i, a.get(j));
        a.set(j, t);
    }
}
