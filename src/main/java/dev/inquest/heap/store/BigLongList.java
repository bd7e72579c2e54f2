package dev.inquest.heap.store;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.Arrays;

/**
 * An append-only off-heap list of longs in 8 MB chunks, for the per-object columns a scan
 * collects (tens of millions of entries): no Java-heap pressure, no copy on growth, freed at
 * once by {@link #close()}. What sets it apart from {@link LongList}, the on-heap list for
 * everything else: its memory is native (lazily committed anonymous mappings, see
 * {@link NativeMemory}), so a heap sized for the window need not hold a dump's ids, and it must
 * be closed.
 */
public final class BigLongList implements AutoCloseable {
    private static final int SHIFT = 20;
    private static final long CHUNK = 1L << SHIFT;
    private static final long MASK = CHUNK - 1;
    private static final ValueLayout.OfLong L = ValueLayout.JAVA_LONG_UNALIGNED;

    private final Arena arena;
    private MemorySegment[] chunks = new MemorySegment[8];
    private MemorySegment current;
    private long size;

    public BigLongList() {
        this(Spill.NONE);
    }

    /** A list whose chunks go to {@code spill}'s files when it is active. */
    public BigLongList(Spill spill) {
        this.arena = spill.shared();
    }

    public void add(long v) {
        long pos = size & MASK;
        if (pos == 0) {
            nextChunk();
        }
        current.setAtIndex(L, pos, v);
        size++;
    }

    /** Starts the chunk the next value goes to (the size is at a chunk's start). */
    private void nextChunk() {
        int c = (int) (size >>> SHIFT);
        if (c == chunks.length) {
            chunks = Arrays.copyOf(chunks, c * 2);
        }
        current = chunks[c] = NativeMemory.allocate(arena, CHUNK * Long.BYTES);
    }

    public long get(long i) {
        return chunks[(int) (i >>> SHIFT)].getAtIndex(L, i & MASK);
    }

    public long size() {
        return size;
    }

    /** Appends {@code values[0 .. count-1]}. */
    public void addAll(long[] values, int count) {
        int done = 0;
        while (done < count) {
            long pos = size & MASK;
            if (pos == 0) {
                nextChunk();
            }
            int n = (int) Math.min(count - done, CHUNK - pos);
            MemorySegment.copy(values, done, current, L, pos * Long.BYTES, n);
            size += n;
            done += n;
        }
    }

    /** Copies entries {@code from .. from+count-1} to {@code dst} at byte {@code dstOffset}. */
    public void copyTo(long from, long count, MemorySegment dst, long dstOffset) {
        while (count > 0) {
            long pos = from & MASK;
            long n = Math.min(count, CHUNK - pos);
            MemorySegment.copy(chunks[(int) (from >>> SHIFT)], pos * Long.BYTES, dst, dstOffset, n * Long.BYTES);
            from += n;
            dstOffset += n * Long.BYTES;
            count -= n;
        }
    }

    /** Appends all of {@code other} (which stays usable). */
    public void addAll(BigLongList other) {
        for (long i = 0; i < other.size; i++) {
            add(other.get(i));
        }
    }

    @Override
    public void close() {
        chunks = new MemorySegment[0];
        current = null;
        size = 0;
        arena.close();
    }
}
