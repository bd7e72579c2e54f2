package dev.inquest.heap.store;

import java.util.Arrays;
import java.util.NoSuchElementException;

/**
 * The growable list (and stack) of {@code long}s on the Java heap, without boxing. Small lists
 * stay small (one array doubling from 16 elements), and past {@value #CHUNK} elements it grows by
 * whole chunks, so appending never copies more than one chunk and the length is a {@code long}.
 * For the per-object columns of a scan (tens of millions of entries) use {@link BigLongList},
 * which lives off the Java heap.
 */
public final class LongList {
    private static final int SHIFT = 20;
    private static final int CHUNK = 1 << SHIFT;
    private static final int MASK = CHUNK - 1;

    private long[][] chunks = {new long[16]};
    /** Chunks in use; the last of them is {@link #last}. */
    private int used = 1;
    private long[] last = chunks[0];
    /** Elements in {@link #last}. */
    private int pos;
    /** Elements in the chunks before {@link #last}. */
    private long base;

    public void add(long v) {
        if (pos == last.length) {
            grow();
        }
        last[pos++] = v;
    }

    private void grow() {
        if (last.length < CHUNK) {
            // Only the first chunk is ever smaller than a chunk: double it.
            last = chunks[0] = Arrays.copyOf(last, Math.min(CHUNK, last.length * 2));
            return;
        }
        if (used == chunks.length) {
            chunks = Arrays.copyOf(chunks, used * 2);
        }
        if (chunks[used] == null) {
            chunks[used] = new long[CHUNK];
        }
        last = chunks[used++];
        base += CHUNK;
        pos = 0;
    }

    /** Removes and returns the last element (the top, when the list serves as a stack). */
    public long removeLast() {
        if (pos == 0) {
            if (base == 0) {
                throw new NoSuchElementException();
            }
            // Step back to the previous, full chunk; the emptied one is kept for the next add.
            last = chunks[--used - 1];
            base -= CHUNK;
            pos = CHUNK;
        }
        return last[--pos];
    }

    public long get(long i) {
        return chunks[(int) (i >>> SHIFT)][(int) (i & MASK)];
    }

    public void set(long i, long v) {
        chunks[(int) (i >>> SHIFT)][(int) (i & MASK)] = v;
    }

    public long size() {
        return base + pos;
    }

    public boolean isEmpty() {
        return pos == 0 && base == 0;
    }

    /** The elements in order, in one array (at most {@code Integer.MAX_VALUE - 8} of them). */
    public long[] toArray() {
        long n = size();
        if (n > Integer.MAX_VALUE - 8) {
            throw new IllegalStateException("too many elements for one array: " + n);
        }
        long[] out = new long[(int) n];
        int at = 0;
        for (int c = 0; c < used; c++) {
            int len = c == used - 1 ? pos : CHUNK;
            System.arraycopy(chunks[c], 0, out, at, len);
            at += len;
        }
        return out;
    }

    /** The values sorted, each once. */
    public long[] distinct() {
        long[] a = toArray();
        Arrays.sort(a);
        int n = 0;
        for (int i = 0; i < a.length; i++) {
            if (i == 0 || a[i] != a[i - 1]) {
                a[n++] = a[i];
            }
        }
        return Arrays.copyOf(a, n);
    }

    /**
     * The values sorted, each once, for values in [0, universe): through a bitmap when the list is
     * long enough that scanning one bit per possible value beats sorting (millions of elements).
     */
    public long[] distinct(long universe) {
        long size = size();
        if (size * 64 < universe) {
            return distinct();
        }
        long[] words = new long[(int) ((universe + 63) >>> 6)];
        int n = 0;
        for (long i = 0; i < size; i++) {
            long v = get(i);
            int w = (int) (v >>> 6);
            long bit = 1L << (v & 63);
            if ((words[w] & bit) == 0) {
                words[w] |= bit;
                n++;
            }
        }
        long[] out = new long[n];
        int k = 0;
        for (int w = 0; w < words.length && k < n; w++) {
            long bits = words[w];
            while (bits != 0) {
                out[k++] = ((long) w << 6) + Long.numberOfTrailingZeros(bits);
                bits &= bits - 1;
            }
        }
        return out;
    }

    /** Copies into {@code dst} starting at {@code at}. */
    public void copyTo(LongArray dst, long at) {
        long size = size();
        for (long i = 0; i < size; i++) {
            dst.set(at + i, get(i));
        }
    }

    public void copyTo(IntArray dst, long at) {
        long size = size();
        for (long i = 0; i < size; i++) {
            dst.set(at + i, (int) get(i));
        }
    }
}
