package dev.inquest.heap.store;

/**
 * A growable list of longs in fixed-size chunks: appending never copies what is already there
 * and the length is a {@code long}, so a scan can collect billions of ids.
 */
public final class LongList {
    private static final int SHIFT = 20;
    private static final int CHUNK = 1 << SHIFT;
    private static final int MASK = CHUNK - 1;

    private long[][] chunks = new long[4][];
    private long size;

    public void add(long v) {
        int c = (int) (size >>> SHIFT);
        if (c == chunks.length) {
            chunks = java.util.Arrays.copyOf(chunks, c * 2);
        }
        long[] chunk = chunks[c];
        if (chunk == null) {
            chunk = chunks[c] = new long[CHUNK];
        }
        chunk[(int) (size & MASK)] = v;
        size++;
    }

    public long get(long i) {
        return chunks[(int) (i >>> SHIFT)][(int) (i & MASK)];
    }

    public void set(long i, long v) {
        chunks[(int) (i >>> SHIFT)][(int) (i & MASK)] = v;
    }

    public long size() {
        return size;
    }

    /** Copies into {@code dst} starting at {@code at}. */
    public void copyTo(LongArray dst, long at) {
        for (long i = 0; i < size; i++) {
            dst.set(at + i, get(i));
        }
    }

    public void copyTo(IntArray dst, long at) {
        for (long i = 0; i < size; i++) {
            dst.set(at + i, (int) get(i));
        }
    }
}
