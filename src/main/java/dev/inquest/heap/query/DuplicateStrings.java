package dev.inquest.heap.query;

import dev.inquest.heap.index.DumpInternals;
import dev.inquest.heap.index.HeapIndex;
import dev.inquest.heap.graph.DominatorTree;
import dev.inquest.heap.index.ClassInfo;
import dev.inquest.heap.model.HeapDump;
import dev.inquest.progress.Progress;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Duplicate strings: reachable {@code java.lang.String} objects grouped by the contents of their
 * backing array (a 64-bit content hash, so no text is materialised during the scan), largest
 * waste first. Only the Strings are visited (from the per-dump {@link ClassInstances} index), read
 * and hashed in parallel slices, then counted in hash partitions in parallel; the top rows come
 * from bounded heaps rather than a sort of every duplicated value: O(strings + string bytes).
 */
public final class DuplicateStrings {
    private DuplicateStrings() {
    }

    public static List<DuplicateString> find(HeapDump dump, int limit, boolean includeValues, Progress progress) {
        DominatorTree tree = DumpInternals.of(dump).dominatorTree();
        HeapIndex index = DumpInternals.of(dump).index();
        ClassInstances instances = ClassInstances.of(dump, progress);
        ObjectReader r0 = new ObjectReader(dump);
        List<Integer> strings = new ArrayList<>(); // ordinals of java.lang.String (one per loader, in practice one)
        int valueAt = -1;
        int coderAt = -1;
        for (ClassInfo c : index.classes()) {
            if (c.name().equals("java.lang.String")) {
                if (strings.isEmpty()) {
                    // The first String class's field offsets stand for all.
                    valueAt = r0.fieldOffset(c, "value");
                    coderAt = r0.fieldOffset(c, "coder");
                }
                strings.add(c.ordinal());
            }
        }
        int valueField = valueAt;
        int coderField = coderAt;
        long total = 0;
        for (int s : strings) {
            total += instances.count(s);
        }
        progress.phase("Duplicate strings", total, Progress.Unit.ITEMS);
        // Reading and hashing each string (the cost: its record, its array's bytes) runs in parallel over
        // slices of the instance index; counting the keys is then one sequential pass in node order.
        List<long[]> slices = new ArrayList<>(); // {from, to} positions in the instance index, {first result slot}
        long slot = 0;
        for (int s : strings) {
            long from = instances.begin(s);
            long to = instances.end(s);
            long step = Math.max(1 << 14, (to - from) / (4L * Runtime.getRuntime().availableProcessors()) + 1);
            for (long a = from; a < to; a += step) {
                long b = Math.min(to, a + step);
                slices.add(new long[] {a, b, slot});
                slot += b - a;
            }
        }
        int found = Math.toIntExact(slot);
        long[] keys = new long[found];
        long[] sizes = new long[found]; // bytes of the copy, -1 = no value array
        java.util.stream.IntStream.range(0, slices.size()).parallel().forEach(k -> {
            ObjectReader r = new ObjectReader(dump);
            long[] slice = slices.get(k);
            int out = (int) slice[2];
            for (long i = slice[0]; i < slice[1]; i++, out++) {
                if ((i & 0xFFF) == 0) {
                    progress.checkCancelled();
                }
                long v = instances.node(i);
                long value = r.refAt(v, valueField);
                if (value < 0) {
                    sizes[out] = -1;
                    continue;
                }
                long coder = coderField < 0 ? 0 : r.byteAt(v, coderField, 0);
                keys[out] = r.contentHash(value) * 31 + coder;
                // The array counts for this copy only when no other string shares it.
                sizes[out] = index.shallowSize(v) + (tree.idom(value) == v ? index.shallowSize(value) : 0);
            }
        });
        progress.checkCancelled();
        // Counting: the keys are split by hash into disjoint partitions, each counted by one task
        // scanning the results in node order, so the first node of each key is the lowest, as before.
        long[] nodes = new long[found];
        for (long[] slice : slices) {
            int out = (int) slice[2];
            for (long i = slice[0]; i < slice[1]; i++, out++) {
                nodes[out] = instances.node(i);
            }
        }
        int parts = Math.max(1, Integer.highestOneBit(2 * Runtime.getRuntime().availableProcessors()));
        int shift = 64 - Integer.numberOfTrailingZeros(parts);
        // Top rows by wasted bytes, then example node (lowest first): a bounded heap per partition, not a sort of all.
        Comparator<DuplicateString> order = Comparator.comparingLong(DuplicateString::wastedBytes).reversed()
                .thenComparingLong(DuplicateString::example);
        List<List<DuplicateString>> tops = java.util.stream.IntStream.range(0, parts).parallel().mapToObj(part -> {
            LongCounter counter = new LongCounter(Math.max(16, found / parts / 2));
            for (int i = 0; i < found; i++) {
                if (sizes[i] >= 0 && (parts == 1 || (int) (mixed(keys[i]) >>> shift) == part)) {
                    counter.add(keys[i], sizes[i], nodes[i]);
                }
                if ((i & 0xFFFF) == 0) {
                    progress.checkCancelled();
                }
            }
            java.util.PriorityQueue<DuplicateString> best = new java.util.PriorityQueue<>(order.reversed());
            counter.forEach((key, count, bytes, first) -> {
                if (count > 1) {
                    long one = bytes / count;
                    DuplicateString row = new DuplicateString(null, false, 0, count, bytes - one, bytes, first, first);
                    if (best.size() < limit) {
                        best.add(row);
                    } else if (limit > 0 && order.compare(row, best.peek()) < 0) {
                        best.poll();
                        best.add(row);
                    }
                }
            });
            return List.copyOf(best);
        }).toList();
        List<DuplicateString> rows = new ArrayList<>();
        tops.forEach(rows::addAll);
        rows.sort(order);
        List<DuplicateString> out = new ArrayList<>();
        for (DuplicateString d : rows.subList(0, Math.min(limit, rows.size()))) {
            String text = dump.stringValue(d.example(), Integer.MAX_VALUE);
            long length = text == null ? 0 : text.length();
            String shown = text == null ? null : includeValues ? (text.length() > 200 ? text.substring(0, 200) + "..." : text)
                    : "<redacted: " + length + " chars>";
            out.add(new DuplicateString(shown, !includeValues, length, d.count(), d.wastedBytes(), d.totalBytes(), d.example(),
                    dump.address(d.example())));
        }
        return List.copyOf(out);
    }

    /** Spreads a content key's bits, so the top bits choose a partition evenly. */
    private static long mixed(long key) {
        long z = key * 0x9E3779B97F4A7C15L;
        return z ^ (z >>> 32);
    }
}
