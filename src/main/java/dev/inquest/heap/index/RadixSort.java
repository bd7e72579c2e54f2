package dev.inquest.heap.index;

import dev.inquest.heap.store.BigLongList;
import dev.inquest.heap.store.LongArray;
import dev.inquest.heap.store.Spill;
import java.lang.foreign.Arena;
import java.util.List;

/**
 * Sorts object ids (with their record offsets riding along), long-indexed throughout, reading
 * straight from the scan's chunked columns so the unsorted data is never copied first.
 *
 * <p>HotSpot writes each heap region in address order, so a dump is usually a few hundred
 * ascending runs: then one k-way merge of the runs (a heap of run heads) writes the result in a
 * single sequential pass. When the order is scattered (many short runs), an LSD radix sort over
 * only the bits where ids differ takes over.
 */
final class RadixSort {
    /** The most ascending runs merged rather than radix-sorted (a heap of run heads each step). */
    private static final int MAX_RUNS = 1 << 16;

    private RadixSort() {
    }

    /** Sorted columns; {@code arena} owns them (the caller closes it with the index). */
    record Sorted(Arena arena, LongArray keys, LongArray values) {
    }

    static Sorted sort(List<BigLongList> keyParts, List<BigLongList> valueParts, long n, Spill spill) {
        return sort(keyParts, valueParts, n, spill, Runtime.getRuntime().availableProcessors() > 1);
    }

    /** One part's keys as the first pass sees them: their range and their ascending runs. */
    private record PartRuns(long min, long max, long first, long last, boolean ascending, long runs,
                            dev.inquest.heap.store.LongList runStarts) {
        static PartRuns of(BigLongList part) {
            long min = Long.MAX_VALUE;
            long max = Long.MIN_VALUE;
            boolean ascending = true;
            long runs = 0;
            dev.inquest.heap.store.LongList starts = new dev.inquest.heap.store.LongList();
            long runPrev = Long.MAX_VALUE;
            long size = part.size();
            for (long i = 0; i < size; i++) {
                long k = part.get(i);
                min = Math.min(min, k);
                max = Math.max(max, k);
                if (k < runPrev) {
                    ascending &= i == 0;
                    if (++runs <= MAX_RUNS) {
                        starts.add(i);
                    }
                }
                runPrev = k;
            }
            return new PartRuns(min, max, size == 0 ? 0 : part.get(0), size == 0 ? 0 : part.get(size - 1), ascending,
                    runs, starts);
        }
    }

    /** {@code parallel} reads the parts' runs side by side (tests compare both ways). */
    static Sorted sort(List<BigLongList> keyParts, List<BigLongList> valueParts, long n, Spill spill, boolean parallel) {
        // Each part on its own (its first key starts a run), then in order: the same figures as
        // one pass over the parts, in about half the time on two cores.
        PartRuns[] partRuns = new PartRuns[keyParts.size()];
        java.util.stream.IntStream parts = java.util.stream.IntStream.range(0, keyParts.size());
        (parallel ? parts.parallel() : parts).forEach(p -> partRuns[p] = PartRuns.of(keyParts.get(p)));
        long min = Long.MAX_VALUE;
        long max = Long.MIN_VALUE;
        boolean sorted = true;
        long prev = Long.MIN_VALUE;
        long runs = 0;
        // Where each ascending run starts (part, index), noted while there are few enough to merge.
        dev.inquest.heap.store.LongList runStarts = new dev.inquest.heap.store.LongList();
        for (int p = 0; p < partRuns.length; p++) {
            PartRuns r = partRuns[p];
            if (keyParts.get(p).size() == 0) {
                continue;
            }
            min = Math.min(min, r.min());
            max = Math.max(max, r.max());
            sorted &= r.ascending() && r.first() >= prev;
            prev = r.last();
            for (long i = 0; i < r.runStarts().size() && runs + i < MAX_RUNS; i++) {
                runStarts.add(p);
                runStarts.add(r.runStarts().get(i));
            }
            runs += r.runs();
        }
        if (!sorted && runs <= MAX_RUNS && runs <= n / 64) {
            return merge(keyParts, valueParts, n, runStarts, spill);
        }
        Arena a = spill.shared();
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
        Arena b = spill.shared();
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

    /** K-way merge of the ascending runs (split at part boundaries); stable: earlier runs win ties. */
    private static Sorted merge(List<BigLongList> keyParts, List<BigLongList> valueParts, long n,
                                dev.inquest.heap.store.LongList runStarts, Spill spill) {
        int runs = (int) (runStarts.size() / 2);
        BigLongList[] runKeys = new BigLongList[runs];
        BigLongList[] runValues = new BigLongList[runs];
        long[] pos = new long[runs];
        long[] end = new long[runs];
        int r = 0;
        for (; r < runs; r++) {
            int p = (int) runStarts.get(2L * r);
            runKeys[r] = keyParts.get(p);
            runValues[r] = valueParts.get(p);
            pos[r] = runStarts.get(2L * r + 1);
            boolean lastOfPart = r + 1 == runs || runStarts.get(2L * r + 2) != p;
            end[r] = lastOfPart ? runKeys[r].size() : runStarts.get(2L * r + 3);
        }
        // Split the key space at sampled quantiles so each core merges its own slice of every run.
        int slices = (int) Math.max(1, Math.min(Runtime.getRuntime().availableProcessors(), Math.min(8, n / (1 << 20))));
        long[] pivots = pivots(runKeys, pos, end, r, slices); // slice i holds keys in [pivots[i], pivots[i+1])
        long[][] lo = new long[slices + 1][r];
        long[] outStart = new long[slices + 1];
        for (int sl = 0; sl <= slices; sl++) {
            long total = 0;
            for (int i = 0; i < r; i++) {
                lo[sl][i] = sl == 0 ? pos[i] : sl == slices ? end[i] : lowerBound(runKeys[i], pos[i], end[i], pivots[sl]);
                total += lo[sl][i] - pos[i];
            }
            outStart[sl] = total;
        }
        Arena a = spill.shared();
        LongArray keys = LongArray.allocate(a, n);
        LongArray values = LongArray.allocate(a, n);
        final int runCount = r;
        java.util.stream.IntStream.range(0, slices).parallel().forEach(sl ->
                mergeSlice(runKeys, runValues, lo[sl], lo[sl + 1], runCount, keys, values, outStart[sl]));
        return new Sorted(a, keys, values);
    }

    /** Slice boundaries: {@code slices - 1} keys at even quantiles of a sample, -inf and +inf around them. */
    private static long[] pivots(BigLongList[] runKeys, long[] pos, long[] end, int runs, int slices) {
        long[] out = new long[slices + 1];
        out[0] = Long.MIN_VALUE;
        out[slices] = Long.MAX_VALUE;
        if (slices == 1) {
            return out;
        }
        int perRun = Math.max(1, 4096 / runs);
        long[] sample = new long[runs * perRun];
        int k = 0;
        for (int i = 0; i < runs; i++) {
            long len = end[i] - pos[i];
            for (int j = 0; j < perRun; j++) {
                sample[k++] = runKeys[i].get(pos[i] + len * j / perRun);
            }
        }
        java.util.Arrays.sort(sample, 0, k);
        for (int sl = 1; sl < slices; sl++) {
            out[sl] = sample[(int) ((long) k * sl / slices)];
        }
        return out;
    }

    /** First index in {@code [from, to)} whose key is at least {@code key} (the run is ascending). */
    private static long lowerBound(BigLongList run, long from, long to, long key) {
        long lo = from;
        long hi = to;
        while (lo < hi) {
            long mid = (lo + hi) >>> 1;
            if (run.get(mid) < key) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    private static void mergeSlice(BigLongList[] runKeys, BigLongList[] runValues, long[] from, long[] to, int runs,
                                   LongArray keys, LongArray values, long at) {
        long[] pos = from.clone();
        long[] head = new long[runs];
        int[] heap = new int[runs];
        int heapSize = 0;
        for (int i = 0; i < runs; i++) {
            if (pos[i] < to[i]) {
                head[i] = runKeys[i].get(pos[i]);
                heap[heapSize++] = i;
            }
        }
        for (int i = heapSize / 2 - 1; i >= 0; i--) {
            siftDown(heap, heapSize, i, head);
        }
        while (heapSize > 0) {
            int top = heap[0];
            // The runs are long stretches of addresses (a heap region each), rarely interleaved
            // key by key: copy from the top run for as long as it stays below the runner-up, one
            // of the root's children in a binary heap, before touching the heap again.
            int next = -1;
            if (heapSize > 1) {
                next = heap[1];
                if (heapSize > 2 && before(heap[2], next, head)) {
                    next = heap[2];
                }
            }
            BigLongList rk = runKeys[top];
            long p = pos[top];
            long e = to[top];
            long k = head[top];
            // The stretch ends at the first key the runner-up goes before: found by reading the
            // keys alone, then keys and values copied in bulk (a third of the accesses one by one).
            long q = next < 0 ? e : p + 1;
            if (next >= 0) {
                long limit = head[next];
                boolean topWinsTies = top < next;
                for (; q < e; q++) {
                    k = rk.get(q);
                    if (k > limit || (k == limit && !topWinsTies)) {
                        break;
                    }
                }
            }
            rk.copyTo(p, q - p, keys.segment(), 8 * at);
            runValues[top].copyTo(p, q - p, values.segment(), 8 * at);
            at += q - p;
            pos[top] = q;
            if (q < e) {
                head[top] = k;
            } else {
                heap[0] = heap[--heapSize];
            }
            siftDown(heap, heapSize, 0, head);
        }
    }

    /** Heap order: the smaller head, the earlier run on ties (the merge is stable). */
    private static boolean before(int a, int b, long[] head) {
        return head[a] < head[b] || (head[a] == head[b] && a < b);
    }

    private static void siftDown(int[] heap, int size, int i, long[] head) {
        int x = heap[i];
        while (true) {
            int c = 2 * i + 1;
            if (c >= size) {
                break;
            }
            int y = heap[c];
            if (c + 1 < size) {
                int z = heap[c + 1];
                if (head[z] < head[y] || (head[z] == head[y] && z < y)) {
                    c++;
                    y = z;
                }
            }
            if (head[y] < head[x] || (head[y] == head[x] && y < x)) {
                heap[i] = y;
                i = c;
            } else {
                break;
            }
        }
        heap[i] = x;
    }
}
