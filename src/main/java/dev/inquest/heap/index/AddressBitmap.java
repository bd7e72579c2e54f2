package dev.inquest.heap.index;

import dev.inquest.heap.store.IntArray;
import dev.inquest.heap.store.LongArray;
import dev.inquest.heap.store.NativeMemory;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.stream.IntStream;

/**
 * Object id to node for the edge pass, without reading the id column: one bit for each address
 * an object could start at (the ids' span at their common power-of-two alignment) and, per block
 * of 512 bits (one cache line), how many ids come before the block. A node is the block's count
 * plus the set bits before its own.
 *
 * <p>Why: {@link IdMap} reads its directory and then the sorted ids at random, 8 bytes an object
 * (120 MB for 15M objects). When the memory budget is short those columns are spill files, and the
 * kernel evicts their pages for the dump's and the new columns'; every reference then faults, and
 * each fault on a mapped file reads a whole readahead window (8 MB on the benchmark machine): the
 * capped edge pass read 6 GB for a 1.1 GB dump. This structure is a bit per 8 bytes of heap (16 MB
 * for that dump, in anonymous memory, which the kernel does not evict without swap), so the pass's
 * only random reads stay in memory and everything else it reads or writes is sequential. Only
 * spilled builds use it: in memory the IdMap is as fast and the bitmap would add to the peak.
 *
 * <p>Exact: every id in the span is the base plus a multiple of the alignment, so an absent bit
 * or a misaligned id is an absent object. Ids outside the span (a few leading outliers such as
 * the pseudo class loader's 0, or references to no object) go to the {@link IdMap}.
 */
final class AddressBitmap {
    /** Bits per block: eight words, one cache line, so the count inside a block costs no miss. */
    static final int BLOCK_BITS = 512;
    /** The bitmap may take at most this many bits a node (4 bytes); sparser heaps keep the IdMap. */
    static final long MAX_BITS_PER_NODE = 32;
    /** Leading ids that may lie outside the bitmap's span (id 0 of MAT's pseudo loader, say). */
    static final int MAX_OUTLIERS = 16;

    private final long base;
    private final long first;
    private final int shift;
    private final long alignMask;
    /** The largest id offset from {@link #base} in the span. */
    private final long spanBytes;
    private final MemorySegment words;
    private final IntArray ranks;
    private final IdMap fallback;

    private AddressBitmap(long base, long first, int shift, long spanBytes, MemorySegment words, IntArray ranks,
            IdMap fallback) {
        this.base = base;
        this.first = first;
        this.shift = shift;
        this.alignMask = (1L << shift) - 1;
        this.spanBytes = spanBytes;
        this.words = words;
        this.ranks = ranks;
        this.fallback = fallback;
    }

    /**
     * The bitmap over the sorted {@code ids} (nodes {@code 0 .. n-1}) in {@code arena}, filled in
     * {@code threads} parts side by side, or null when the ids are too sparse for it (more than
     * {@value #MAX_BITS_PER_NODE} bits a node) or too many for int counts.
     */
    static AddressBitmap of(Arena arena, LongArray ids, long n, IdMap fallback, int threads) {
        if (n == 0 || n >= Integer.MAX_VALUE) {
            return null;
        }
        int head = (int) Math.min(n - 1, MAX_OUTLIERS);
        // The OR of consecutive differences: its lowest set bit is the largest power of two
        // dividing every id's distance from any other (from the head on, then widened below).
        int parts = (int) Math.max(1, Math.min(threads, n / (1 << 16)));
        long tail = IntStream.range(0, parts).parallel().mapToLong(part -> {
            long from = Math.max(head + 1, n * part / parts);
            long to = n * (part + 1) / parts;
            long or = 0;
            for (long i = from; i < to; i++) {
                or |= ids.get(i) - ids.get(i - 1);
            }
            return or;
        }).reduce(0, (a, b) -> a | b);
        long last = ids.get(n - 1);
        for (int f = 0; f <= head; f++) {
            // The widest span first: leading outliers are skipped only when they must be.
            long or = tail;
            for (int i = f + 1; i <= head; i++) {
                or |= ids.get(i) - ids.get(i - 1);
            }
            int s = or == 0 ? 3 : Long.numberOfTrailingZeros(or);
            long span = last - ids.get(f);
            if (span < 0) {
                continue; // the ids cross the sign: no single span
            }
            long bits = (span >>> s) + 1;
            if (bits <= MAX_BITS_PER_NODE * n) {
                return build(arena, ids, n, f, s, span, bits, fallback, parts);
            }
        }
        return null;
    }

    private static AddressBitmap build(Arena arena, LongArray ids, long n, int first, int shift, long span, long bits,
            IdMap fallback, int parts) {
        long blocks = (bits + BLOCK_BITS - 1) / BLOCK_BITS;
        MemorySegment words = NativeMemory.allocate(arena, blocks * (BLOCK_BITS / 8));
        IntArray ranks = IntArray.allocate(arena, blocks);
        long base = ids.get(first);
        // Parts own disjoint runs of blocks (and so of words): they fill side by side.
        IntStream.range(0, parts).parallel().forEach(part -> {
            long bFrom = blocks * part / parts;
            long bTo = blocks * (part + 1) / parts;
            long i = firstAtOrAfter(ids, first, n, base, shift, bFrom);
            long end = firstAtOrAfter(ids, first, n, base, shift, bTo);
            long block = bFrom;
            ranks.set(block, (int) (i - first));
            for (; i < end; i++) {
                long slot = (ids.get(i) - base) >>> shift;
                long bk = slot / BLOCK_BITS;
                while (block < bk) {
                    ranks.set(++block, (int) (i - first));
                }
                long w = slot >>> 6;
                words.setAtIndex(ValueLayout.JAVA_LONG, w, words.getAtIndex(ValueLayout.JAVA_LONG, w) | 1L << slot);
            }
            while (block + 1 < bTo) {
                ranks.set(++block, (int) (end - first));
            }
        });
        return new AddressBitmap(base, first, shift, span, words, ranks, fallback);
    }

    /** The first node from {@code first} on whose slot is in block {@code block} or later. */
    private static long firstAtOrAfter(LongArray ids, long first, long n, long base, int shift, long block) {
        long lo = first;
        long hi = n;
        while (lo < hi) {
            long mid = (lo + hi) >>> 1;
            if (((ids.get(mid) - base) >>> shift) / BLOCK_BITS < block) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /** The bitmap's and counts' bytes (for the trace). */
    long bytes() {
        return words.byteSize() + ranks.length() * Integer.BYTES;
    }

    /**
     * The node of {@code id}, or -1 when no object has it. Inside the span without a branch on
     * "found" (see {@link IdMap#index}); outside it, the IdMap answers (rare: outliers and
     * references to no object).
     */
    long index(long id) {
        long d = id - base;
        if (Long.compareUnsigned(d, spanBytes) > 0) {
            return fallback.index(id);
        }
        long slot = d >>> shift;
        long w = slot >>> 6;
        long word = words.getAtIndex(ValueLayout.JAVA_LONG, w);
        long count = ranks.get(slot / BLOCK_BITS);
        for (long k = w & ~7L; k < w; k++) {
            count += Long.bitCount(words.getAtIndex(ValueLayout.JAVA_LONG, k));
        }
        count += Long.bitCount(word & ((1L << slot) - 1));
        // 1 when the bit is set and the id is aligned (then d & alignMask is 0 and 0 - 1 < 0).
        long ok = (word >>> slot) & 1 & (((d & alignMask) - 1) >>> 63);
        return (first + count) | (ok - 1);
    }
}
