package dev.inquest.heap.index;

import dev.inquest.heap.store.BigLongList;
import dev.inquest.heap.store.LongArray;
import java.lang.foreign.Arena;
import java.util.List;

/**
 * Sorts object ids (with their record offsets riding along) by LSD radix over only the bits
 * where ids differ: heap addresses span a few GB, so two passes over 16-bit digits sort tens of
 * millions of ids in well under a second, long-indexed throughout. The first pass reads straight
 * from the scan's chunked columns, so the unsorted data is never copied first.
 */
final class RadixSort {
    private RadixSort() {
    }

    /** Sorted columns; {@code arena} owns them (the caller closes it with the index). */
    record Sorted(Arena arena, LongArray keys, LongArray values) {
    }

    static Sorted sort(List<BigLongList> keyParts, List<BigLongList> valueParts, long n) {
        long min = Long.MAX_VALUE;
        long max = Long.MIN_VALUE;
        boolean sorted = true;
        long prev = Long.MIN_VALUE;
        for (BigLongList part : keyParts) {
            for (long i = 0, size = part.size(); i < size; i++) {
                long k = part.get(i);
                min = Math.min(min, k);
                max = Math.max(max, k);
                sorted &= k >= prev;
                prev = k;
            }
        }
        Arena a = Arena.ofShared();
        LongArray ak = LongArray.allocate(a, n);
        LongArray av = LongArray.allocate(a, n);
        if (n == 0) {
            return new Sorted(a, ak, av);
        }
        long span = max - min;
        int bits = span < 0 ? 64 : 64 - Long.numberOfLeadingZeros(span);
        int passes = sorted ? 0 : Math.max(1, (bits + 15) / 16);
        if (passes == 0) {
            long at = 0;
            for (int p = 0; p < keyParts.size(); p++) {
                BigLongList kp = keyParts.get(p);
                BigLongList vp = valueParts.get(p);
                for (long i = 0, size = kp.size(); i < size; i++, at++) {
                    ak.set(at, kp.get(i));
                    av.set(at, vp.get(i));
                }
            }
            return new Sorted(a, ak, av);
        }
        int digit = (bits + passes - 1) / passes;
        int buckets = 1 << digit;
        long mask = buckets - 1;
        long[] count = new long[buckets + 1];
        // Pass 0: from the parts into A.
        for (BigLongList kp : keyParts) {
            for (long i = 0, size = kp.size(); i < size; i++) {
                count[(int) ((kp.get(i) - min) & mask) + 1]++;
            }
        }
        for (int bkt = 0; bkt < buckets; bkt++) {
            count[bkt + 1] += count[bkt];
        }
        for (int p = 0; p < keyParts.size(); p++) {
            BigLongList kp = keyParts.get(p);
            BigLongList vp = valueParts.get(p);
            for (long i = 0, size = kp.size(); i < size; i++) {
                long k = kp.get(i);
                long at = count[(int) ((k - min) & mask)]++;
                ak.set(at, k);
                av.set(at, vp.get(i));
            }
        }
        if (passes == 1) {
            return new Sorted(a, ak, av);
        }
        Arena b = Arena.ofShared();
        LongArray bk = LongArray.allocate(b, n);
        LongArray bv = LongArray.allocate(b, n);
        Arena srcArena = a;
        Arena dstArena = b;
        LongArray srcK = ak;
        LongArray srcV = av;
        LongArray dstK = bk;
        LongArray dstV = bv;
        for (int pass = 1; pass < passes; pass++) {
            int shift = pass * digit;
            java.util.Arrays.fill(count, 0);
            for (long i = 0; i < n; i++) {
                count[(int) (((srcK.get(i) - min) >>> shift) & mask) + 1]++;
            }
            for (int bkt = 0; bkt < buckets; bkt++) {
                count[bkt + 1] += count[bkt];
            }
            for (long i = 0; i < n; i++) {
                long k = srcK.get(i);
                long at = count[(int) (((k - min) >>> shift) & mask)]++;
                dstK.set(at, k);
                dstV.set(at, srcV.get(i));
            }
            Arena ta = srcArena;
            srcArena = dstArena;
            dstArena = ta;
            LongArray t = srcK;
            srcK = dstK;
            dstK = t;
            t = srcV;
            srcV = dstV;
            dstV = t;
        }
        dstArena.close();
        return new Sorted(srcArena, srcK, srcV);
    }
}
