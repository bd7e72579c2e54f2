package dev.inquest.heap.index;

/**
 * How the edge pass splits the nodes into tasks, and in which order the workers take them.
 *
 * <p>Each chunk of nodes is split into a small head and its rest, and the last few nodes of all
 * (the synthetic classes, whose ids come after every object's) form one more head. All heads are
 * read first, in an order that spreads every prefix of them over the whole dump (bit-reversed
 * indices), then the rests in address order. Why: the JIT compiles the per-node code from the
 * profile of its first few thousand calls and drops every branch those calls never took. Read in
 * address order, those calls saw only the first region of the heap; each kind of record met later
 * (an object array, a class, a synthetic node) then cost a deoptimisation and another C2
 * compilation of the pass's hottest method (seven of them on the benchmark dump, on a second core
 * the pass needed). The order changes nothing else: each task's edges go to its own node range.
 */
record EdgeTasks(long[] starts, int[] order) {

    /** Tasks over nodes {@code 0 .. n-1} in chunks of {@code chunk} nodes with heads of {@code head}. */
    static EdgeTasks of(long n, int chunk, int head) {
        return of(n, chunk, head, true);
    }

    /**
     * As above; {@code headsFirst} false takes the same tasks in address order. Under a memory
     * limit the heads cost more than the compilations they save: each one faults a readahead
     * window of the dump (8 MB on the benchmark machine) that is evicted before its chunk's rest
     * is read, and the capped pass read the dump 2.7 times over.
     */
    static EdgeTasks of(long n, int chunk, int head, boolean headsFirst) {
        if (head <= 0 || chunk <= head) {
            throw new IllegalArgumentException("head " + head + " must be positive and below the chunk " + chunk);
        }
        dev.inquest.heap.store.LongList bounds = new dev.inquest.heap.store.LongList();
        dev.inquest.heap.store.LongList headStarts = new dev.inquest.heap.store.LongList();
        for (long c = 0; c < n; c += chunk) {
            long end = Math.min(n, c + chunk);
            bounds.add(c);
            headStarts.add(c);
            if (c + head < end) {
                bounds.add(c + head);
            }
        }
        long lastHeadEnd = n == 0 ? 0 : Math.min(n, (n - 1) / chunk * chunk + head);
        if (n - head > lastHeadEnd) {
            bounds.add(n - head);
            headStarts.add(n - head);
        }
        bounds.add(n);
        int tasks = (int) bounds.size() - 1;
        long[] starts = new long[tasks + 1];
        for (int i = 0; i <= tasks; i++) {
            starts[i] = bounds.get(i);
        }
        boolean[] isHead = new boolean[tasks];
        int h = 0;
        for (int t = 0; t < tasks && h < headStarts.size(); t++) {
            if (starts[t] == headStarts.get(h)) {
                isHead[t] = true;
                h++;
            }
        }
        int[] heads = new int[h];
        int[] rest = new int[tasks - h];
        for (int t = 0, i = 0, j = 0; t < tasks; t++) {
            if (isHead[t]) {
                heads[i++] = t;
            } else {
                rest[j++] = t;
            }
        }
        int[] order = new int[tasks];
        if (!headsFirst) {
            for (int t = 0; t < tasks; t++) {
                order[t] = t;
            }
            return new EdgeTasks(starts, order);
        }
        int at = 0;
        int bits = h <= 1 ? 0 : 32 - Integer.numberOfLeadingZeros(h - 1);
        for (int i = 0; i < (1 << bits); i++) {
            int r = bits == 0 ? i : Integer.reverse(i) >>> (32 - bits);
            if (r < h) {
                order[at++] = heads[r];
            }
        }
        for (int t : rest) {
            order[at++] = t;
        }
        return new EdgeTasks(starts, order);
    }

    int count() {
        return order.length;
    }

    /** The {@code t}-th task to take, as an index into {@link #starts}. */
    int order(int t) {
        return order[t];
    }
}
