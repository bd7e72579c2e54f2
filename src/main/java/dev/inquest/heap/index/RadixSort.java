package dev.inquest.heap.index;

import dev.inquest.heap.store.LongArray;
import java.lang.foreign.Arena;

/**
 * Sorts object ids (with their record offsets riding along) by LSD radix over only the bits
 * where ids differ: heap addresses span a few GB, so two or three passes over 16-bit digits
 * sort tens of millions of ids in well under a second, with long indices throughout.
 */
final class RadixSort {
    private RadixSort() {
    }

    static boolean isSorted(LongArray keys, long n) {
        for (long i = 1; i < n; i++) {
            if (keys.get(i - 1) > keys.get(i)) {
                return false;
            }
        }
        return true;
    }

    /** Sorts {@code keys[0..n)} ascending (signed), permuting {@code values} the same way; stable. */
    static void sort(LongArray keys, LongArray values, long n) {
        if (n < 2 || isSorted(keys, n)) {
            return;
        }
        long min = Long.MAX_VALUE;
        long max = Long.MIN_VALUE;
        for (long i = 0; i < n; i++) {
            long k = keys.get(i);
            min = Math.min(min, k);
            max = Math.max(max, k);
        }
        long span = max - min;
        int bits = span < 0 ? 64 : 64 - Long.numberOfLeadingZeros(span);
        int passes = Math.max(1, (bits + 15) / 16);
        int digit = (bits + passes - 1) / passes;
        int buckets = 1 << digit;
        long mask = buckets - 1;
        try (Arena arena = Arena.ofConfined()) {
            LongArray k2 = LongArray.allocate(arena, n);
            LongArray v2 = LongArray.allocate(arena, n);
            LongArray srcK = keys;
            LongArray srcV = values;
            LongArray dstK = k2;
            LongArray dstV = v2;
            long[] count = new long[buckets + 1];
            for (int pass = 0; pass < passes; pass++) {
                int shift = pass * digit;
                java.util.Arrays.fill(count, 0);
                for (long i = 0; i < n; i++) {
                    count[(int) (((srcK.get(i) - min) >>> shift) & mask) + 1]++;
                }
                for (int b = 0; b < buckets; b++) {
                    count[b + 1] += count[b];
                }
                for (long i = 0; i < n; i++) {
                    long k = srcK.get(i);
                    int b = (int) (((k - min) >>> shift) & mask);
                    long at = count[b]++;
                    dstK.set(at, k);
                    dstV.set(at, srcV.get(i));
                }
                LongArray t = srcK;
                srcK = dstK;
                dstK = t;
                t = srcV;
                srcV = dstV;
                dstV = t;
            }
            if (srcK != keys) {
                keys.segment().copyFrom(srcK.segment().asSlice(0, n * 8));
                values.segment().copyFrom(srcV.segment().asSlice(0, n * 8));
            }
        }
    }
}
