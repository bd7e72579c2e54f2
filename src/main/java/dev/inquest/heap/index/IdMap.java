package dev.inquest.heap.index;

import dev.inquest.heap.store.LongArray;
import java.lang.foreign.Arena;

/**
 * Object id to dense node index over the sorted id array. A directory of bucket starts (one
 * bucket per ~2 objects, by address) narrows each lookup to a couple of candidates, so edge
 * extraction does not pay a 24-step binary search per reference.
 */
public final class IdMap {
    /** The sorted ids, by node: an array while building, the dump's own records once indexed. */
    @FunctionalInterface
    public interface Ids {
        long id(long node);
    }

    private final Ids ids;
    private final long n;
    private final long min;
    private final int shift;
    private final LongArray directory;
    private final dev.inquest.heap.store.IntArray directory32;
    private final long buckets;

    public IdMap(Arena arena, LongArray sortedIds, long n) {
        this(arena, sortedIds, n, n >= 1 << 20 ? Runtime.getRuntime().availableProcessors() : 1);
    }

    /** The map over {@code sortedIds}, its directory filled in {@code threads} parts side by side (1: the caller alone). */
    IdMap(Arena arena, LongArray sortedIds, long n, int threads) {
        this.ids = sortedIds::get;
        this.n = n;
        if (n == 0) {
            min = 0;
            shift = 0;
            buckets = 0;
            directory = LongArray.allocate(arena, 1);
            directory32 = null;
            return;
        }
        min = sortedIds.get(0);
        int s = shift(sortedIds::get, n);
        shift = s;
        buckets = ((sortedIds.get(n - 1) - min) >>> s) + 1;
        // Int bucket starts while node indices fit: half the memory of the directory.
        boolean compact = n < Integer.MAX_VALUE;
        directory = compact ? null : LongArray.allocate(arena, buckets + 1);
        directory32 = compact ? dev.inquest.heap.store.IntArray.allocate(arena, buckets + 1) : null;
        // Each bucket starts at the first id in it or after it. Ranges of ids fill disjoint runs
        // of buckets (those whose start lies in the range), so they can run side by side.
        Thread other = Thread.ofPlatform().unstarted(() -> { });
        boolean shared = sortedIds.segment().isAccessibleBy(other) && directorySegment().isAccessibleBy(other);
        int parts = shared ? (int) Math.max(1, Math.min(threads, n)) : 1; // a confined arena stays on its thread
        java.util.stream.IntStream.range(0, parts).parallel().forEach(part -> {
            long from = n * part / parts;
            long to = n * (part + 1) / parts;
            long bucket = from == 0 ? -1 : (sortedIds.get(from - 1) - min) >>> s;
            for (long i = from; i < to; i++) {
                long bk = (sortedIds.get(i) - min) >>> s;
                for (; bucket < bk; bucket++) {
                    setStart(bucket + 1, i);
                }
            }
            if (to == n) {
                for (; bucket < buckets; bucket++) {
                    setStart(bucket + 1, n);
                }
            }
        });
    }

    private void setStart(long bucket, long node) {
        if (directory32 != null) {
            directory32.set(bucket, (int) node);
        } else {
            directory.set(bucket, node);
        }
    }

    private IdMap(Ids ids, long n, int shift, long buckets, LongArray directory,
                  dev.inquest.heap.store.IntArray directory32) {
        this.ids = ids;
        this.n = n;
        this.min = n == 0 ? 0 : ids.id(0);
        this.shift = shift;
        this.buckets = buckets;
        this.directory = directory;
        this.directory32 = directory32;
    }

    /** This map over a copy of its ids (the same values elsewhere, such as the index file being written). */
    IdMap over(Ids sameIds) {
        return new IdMap(sameIds, n, shift, buckets, directory, directory32);
    }

    /** Buckets of about two objects each over the id span. */
    private static int shift(Ids sortedIds, long n) {
        long span = sortedIds.id(n - 1) - sortedIds.id(0);
        long target = Math.max(1, n / 2);
        int s = 0;
        while ((span >>> s) > target) {
            s++;
        }
        return s;
    }

    /**
     * The map over {@code sortedIds} with a directory saved by {@link #directorySegment} (an index
     * file's), or null when the directory does not fit those ids. Rebuilding it means reading
     * every id, a third of a reopen's time.
     */
    public static IdMap wrap(Ids sortedIds, long n, java.lang.foreign.MemorySegment saved) {
        if (n == 0) {
            return saved.byteSize() == 8 ? new IdMap(sortedIds, 0, 0, 0, LongArray.wrap(saved), null) : null;
        }
        int s = shift(sortedIds, n);
        long buckets = ((sortedIds.id(n - 1) - sortedIds.id(0)) >>> s) + 1;
        boolean compact = n < Integer.MAX_VALUE;
        if (saved.byteSize() != (buckets + 1) * (compact ? 4 : 8)) {
            return null;
        }
        return compact ? new IdMap(sortedIds, n, s, buckets, null, dev.inquest.heap.store.IntArray.wrap(saved))
                : new IdMap(sortedIds, n, s, buckets, LongArray.wrap(saved), null);
    }

    /** The bucket directory's memory, for the index file. */
    public java.lang.foreign.MemorySegment directorySegment() {
        return directory32 != null ? directory32.segment() : directory.segment();
    }

    /**
     * The node of {@code id}, or -1 when no object has it. Written without a branch on "found":
     * the edge pass calls this for every reference, nearly all found, and a branch the JIT never
     * saw taken traps and recompiles that pass's code the first time a dangling one comes.
     */
    public long index(long id) {
        if (n == 0) {
            return -1;
        }
        // An id outside the span searches the first or last bucket and is not found there.
        long b = Math.min(Math.max(id - min, 0) >>> shift, buckets - 1);
        long lo;
        long hi;
        if (directory32 != null) {
            lo = directory32.get(b);
            hi = directory32.get(b + 1);
        } else {
            lo = directory.get(b);
            hi = directory.get(b + 1);
        }
        // The first of the bucket's ids not below id (or the bucket's end).
        while (lo < hi) {
            long mid = (lo + hi) >>> 1;
            if (ids.id(mid) < id) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        // Past a bucket's end lies the next bucket's first id (or the last id), which is not id.
        long at = Math.min(lo, n - 1);
        long differs = ids.id(at) ^ id;
        return at | ((differs | -differs) >> 63);
    }

    public long id(long node) {
        return ids.id(node);
    }
}
