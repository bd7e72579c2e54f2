package dev.inquest.heap.index;

import dev.inquest.heap.store.IntArray;
import dev.inquest.heap.store.LongArray;
import dev.inquest.heap.store.LongList;
import dev.inquest.heap.store.SparseLongs;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/**
 * Each node's record offset in the dump. Built as 8 bytes a node; stored as a base per block of
 * 64 nodes and a 4-byte distance from it per node: nodes are in address order and HotSpot writes
 * each region in address order, so a block's records lie within a few kilobytes of each other.
 * The exceptions (synthetic nodes, whose offsets are negative markers, and a block that straddles
 * two far-apart regions of a file over 2 GB) are kept in a table sorted by node.
 */
final class OffsetColumn {
    static final int BLOCK_SHIFT = 6;
    /** The stored distance that means "see the exceptions". */
    static final int EXCEPTION = Integer.MIN_VALUE;

    private final LongArray wide;
    private final long[] bases;
    private final IntArray distances;
    private final SparseLongs exceptions;

    private OffsetColumn(LongArray wide, long[] bases, IntArray distances, SparseLongs exceptions) {
        this.wide = wide;
        this.bases = bases;
        this.distances = distances;
        this.exceptions = exceptions;
    }

    /** Offsets as built, 8 bytes each. */
    static OffsetColumn of(LongArray offsets) {
        return new OffsetColumn(offsets, null, null, null);
    }

    long get(long node) {
        if (wide != null) {
            return wide.get(node);
        }
        int d = distances.get(node);
        if (d != EXCEPTION) {
            return bases[(int) (node >>> BLOCK_SHIFT)] + d;
        }
        return exceptions.get(node);
    }

    /** The built column (for the writer), or null once stored. */
    LongArray built() {
        return wide;
    }

    /** What {@link #pack} leaves beside the distances it writes. */
    record Packing(long[] bases, SparseLongs exceptions) {
        /** The bases as stored: 8 bytes each. */
        byte[] storedBases() {
            MemorySegment s = MemorySegment.ofArray(new byte[bases.length * 8]);
            for (int i = 0; i < bases.length; i++) {
                s.setAtIndex(ValueLayout.JAVA_LONG_UNALIGNED, i, bases[i]);
            }
            return s.toArray(ValueLayout.JAVA_BYTE);
        }
    }

    /** Receives the stored distances, a piece at a time (the writer puts them in the file). */
    interface PieceSink {
        void accept(long firstNode, MemorySegment distances, int count) throws java.io.IOException;
    }

    /**
     * Packs the built offsets: the distances go to {@code sink} in pieces of {@code buffer}'s
     * size (a multiple of the block), the bases and exceptions come back.
     */
    static Packing pack(LongArray offsets, MemorySegment buffer, PieceSink sink) throws java.io.IOException {
        long n = offsets.length();
        int block = 1 << BLOCK_SHIFT;
        int piece = (int) (buffer.byteSize() / 4) / block * block;
        long[] bases = new long[(int) ((n + block - 1) >>> BLOCK_SHIFT)];
        LongList exceptions = new LongList();
        MemorySegment src = offsets.segment();
        // Through Java arrays a group of blocks at a time: plain array loops, which the JIT
        // compiles once (the same loops over the native column were compiled seven times in one
        // open, after failed speculations, on the core the dominators run on).
        int group = 64 * block;
        long[] built = new long[group];
        int[] distances = new int[group];
        for (long from = 0; from < n; from += piece) {
            int count = (int) Math.min(piece, n - from);
            for (int g = 0; g < count; g += group) {
                int m = Math.min(group, count - g);
                MemorySegment.copy(src, ValueLayout.JAVA_LONG_UNALIGNED, 8 * (from + g), built, 0, m);
                for (int b = 0; b < m; b += block) {
                    long first = from + g + b;
                    bases[(int) (first >>> BLOCK_SHIFT)] = packBlock(built, b, Math.min(block, m - b), distances, first,
                            exceptions);
                }
                MemorySegment.copy(distances, 0, buffer, ValueLayout.JAVA_INT_UNALIGNED, 4L * g, m);
            }
            sink.accept(from, buffer, count);
        }
        return new Packing(bases, SparseLongs.of(exceptions));
    }

    /**
     * One block of {@code built[at .. at+count-1]} (nodes from {@code firstNode}): its base, and
     * its distances into {@code distances} at the same places. Branch-free but for blocks with
     * exceptions (the first, for the pseudo class loader, and the last, for the synthetic
     * classes): a branch first taken after the JIT compiled the loop costs a recompilation.
     */
    private static long packBlock(long[] built, int at, int count, int[] distances, long firstNode,
            LongList exceptions) {
        long base = Long.MAX_VALUE;
        for (int i = at; i < at + count; i++) {
            long off = built[i];
            long negative = off >> 63;
            base = Math.min(base, (off & ~negative) | (Long.MAX_VALUE & negative)); // negative offsets count as +inf
        }
        base = base == Long.MAX_VALUE ? 0 : base;
        long anyException = 0;
        for (int i = at; i < at + count; i++) {
            long off = built[i];
            long d = off - base;
            long exception = (off >> 63) | ((Integer.MAX_VALUE - 1 - d) >> 63); // off < 0 or d >= 2^31-1: all ones
            distances[i] = (int) ((d & ~exception) | (EXCEPTION & exception));
            anyException |= exception;
        }
        if (anyException != 0) {
            for (int i = at; i < at + count; i++) {
                long off = built[i];
                if (off < 0 || off - base >= Integer.MAX_VALUE) {
                    exceptions.add(firstNode + (i - at));
                    exceptions.add(off);
                }
            }
        }
        return base;
    }

    /** Offsets as stored; null when the parts disagree (a damaged file). */
    static OffsetColumn stored(MemorySegment distances, MemorySegment bases, MemorySegment exceptions, long n) {
        long blocks = (n + (1 << BLOCK_SHIFT) - 1) >>> BLOCK_SHIFT;
        SparseLongs table = SparseLongs.read(exceptions);
        if (distances.byteSize() != 4 * n || bases.byteSize() != 8 * blocks || table == null
                || blocks > Integer.MAX_VALUE - 8) {
            return null;
        }
        return packed(bases.toArray(ValueLayout.JAVA_LONG_UNALIGNED), IntArray.wrap(distances), table);
    }

    static OffsetColumn packed(long[] bases, IntArray distances, SparseLongs exceptions) {
        return new OffsetColumn(null, bases, distances, exceptions);
    }
}
