package dev.inquest.heap.query;

/**
 * Open-addressing map from a 64-bit key to a count, a byte total and the first (lowest) node
 * seen: millions of distinct keys without a boxed object per entry. The four values of an entry
 * sit side by side in one array, so an insert costs one cache miss, not one per column.
 */
final class LongCounter {
    private static final int STRIDE = 4; // key, count (0 = free slot), bytes, first node

    private long[] slots;
    private int size;

    LongCounter(int expected) {
        int cap = Integer.highestOneBit(Math.max(16, expected * 2 - 1)) << 1;
        slots = new long[cap * STRIDE];
    }

    void add(long key, long byteCount, long node) {
        add(key, 1, byteCount, node);
    }

    /** Adds {@code count} occurrences at once (merging counters); the first node is the lowest one seen. */
    void add(long key, long count, long byteCount, long node) {
        if ((size + 1) * 2L * STRIDE > slots.length) {
            grow();
        }
        long[] s = slots;
        int mask = s.length / STRIDE - 1;
        int i = (int) (key ^ (key >>> 29)) & mask;
        while (s[i * STRIDE + 1] != 0 && s[i * STRIDE] != key) {
            i = (i + 1) & mask;
        }
        int at = i * STRIDE;
        if (s[at + 1] == 0) {
            s[at] = key;
            s[at + 3] = node;
            size++;
        } else if (node < s[at + 3]) {
            s[at + 3] = node;
        }
        s[at + 1] += count;
        s[at + 2] += byteCount;
    }

    /** Adds every entry of another counter (as if its occurrences had been added here). */
    void addAll(LongCounter other) {
        long[] o = other.slots;
        for (int at = 0; at < o.length; at += STRIDE) {
            if (o[at + 1] != 0) {
                add(o[at], o[at + 1], o[at + 2], o[at + 3]);
            }
        }
    }

    private void grow() {
        long[] old = slots;
        slots = new long[old.length * 2];
        int mask = slots.length / STRIDE - 1;
        for (int at = 0; at < old.length; at += STRIDE) {
            if (old[at + 1] != 0) {
                int i = (int) (old[at] ^ (old[at] >>> 29)) & mask;
                while (slots[i * STRIDE + 1] != 0) {
                    i = (i + 1) & mask;
                }
                System.arraycopy(old, at, slots, i * STRIDE, STRIDE);
            }
        }
    }

    interface Visitor {
        void entry(long key, long count, long bytes, long firstNode);
    }

    void forEach(Visitor v) {
        for (int at = 0; at < slots.length; at += STRIDE) {
            if (slots[at + 1] != 0) {
                v.entry(slots[at], slots[at + 1], slots[at + 2], slots[at + 3]);
            }
        }
    }

    int size() {
        return size;
    }

    @Override
    public String toString() {
        return "LongCounter[" + size + "]";
    }
}
