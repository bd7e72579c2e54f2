package dev.inquest.heap.query;

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
 * waste first. One pass over the objects plus one read of each string's array: O(objects + string bytes).
 */
public final class DuplicateStrings {
    private DuplicateStrings() {
    }

    public static List<DuplicateString> find(HeapDump dump, int limit, boolean includeValues, Progress progress) {
        ObjectReader r = new ObjectReader(dump);
        DominatorTree tree = dump.dominatorTree();
        boolean[] isString = new boolean[dump.index().classes().size()];
        int valueAt = -1;
        int coderAt = -1;
        for (ClassInfo c : dump.index().classes()) {
            isString[c.ordinal()] = c.name().equals("java.lang.String");
            if (isString[c.ordinal()] && valueAt < 0) {
                valueAt = r.fieldOffset(c, "value");
                coderAt = r.fieldOffset(c, "coder");
            }
        }
        long n = dump.index().nodeCount();
        progress.phase("Duplicate strings", n, Progress.Unit.ITEMS);
        LongCounter counter = new LongCounter(1 << 16);
        for (long v = 0; v < n; v++) {
            if ((v & 0xFFFF) == 0) {
                progress.checkCancelled();
                progress.progress(v);
            }
            if (!isString[dump.index().classOrdinal(v)] || !tree.isReachable(v)) {
                continue;
            }
            long value = r.refAt(v, valueAt);
            if (value < 0) {
                continue;
            }
            long coder = coderAt < 0 ? 0 : r.byteAt(v, coderAt, 0);
            long key = r.contentHash(value) * 31 + coder;
            // The array counts for this copy only when no other string shares it.
            long bytes = dump.index().shallowSize(v) + (tree.idom(value) == v ? dump.index().shallowSize(value) : 0);
            counter.add(key, bytes, v);
        }
        List<DuplicateString> rows = new ArrayList<>();
        counter.forEach((key, count, bytes, first) -> {
            if (count > 1) {
                long one = bytes / count;
                rows.add(new DuplicateString(null, false, 0, count, bytes - one, bytes, first, dump.address(first)));
            }
        });
        rows.sort(Comparator.comparingLong(DuplicateString::wastedBytes).reversed().thenComparingLong(DuplicateString::example));
        List<DuplicateString> out = new ArrayList<>();
        for (DuplicateString d : rows.subList(0, Math.min(limit, rows.size()))) {
            String text = dump.stringValue(d.example(), Integer.MAX_VALUE);
            long length = text == null ? 0 : text.length();
            String shown = text == null ? null : includeValues ? (text.length() > 200 ? text.substring(0, 200) + "..." : text)
                    : "<redacted: " + length + " chars>";
            out.add(new DuplicateString(shown, !includeValues, length, d.count(), d.wastedBytes(), d.totalBytes(), d.example(),
                    d.exampleAddress()));
        }
        return List.copyOf(out);
    }
}
