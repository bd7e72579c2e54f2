package dev.inquest.link;

import dev.inquest.format.Units;
import dev.inquest.heap.model.Grouping;
import dev.inquest.heap.model.HeapDump;
import dev.inquest.heap.model.HistogramRow;
import dev.inquest.heap.model.PathResult;
import dev.inquest.heap.model.PathStep;
import dev.inquest.format.Markdown;
import dev.inquest.investigation.model.Evidence;
import dev.inquest.investigation.model.EvidenceKind;
import dev.inquest.investigation.model.EvidenceView;
import dev.inquest.investigation.model.Locator;
import dev.inquest.progress.Progress;
import java.util.ArrayList;
import java.util.List;

/**
 * Evidence drafted from a heap dump, figures read from the engine (never from a table's text): an
 * object's shallow and retained size, its share of the used heap and its shortest strong path to
 * a GC root; a class's instance count, shallow and retained size. Whatever pins a heap object or
 * class (a row's menu, Ctrl+P, a suspect card, a chain match) drafts through here. Both read the
 * dump: run them off the FX thread.
 */
public final class HeapEvidence {
    private HeapEvidence() {
    }

    /**
     * A class of the dump, as a histogram row.
     *
     * @param artifact  the case's artifact id for the dump, or its absolute path
     * @param usedHeap  the dump's used heap, the share's denominator
     */
    public static Evidence ofClass(HeapDump dump, String artifact, String className, long usedHeap) {
        long used = Math.max(1, usedHeap);
        HistogramRow h = dump.histogram(Grouping.CLASS).stream().filter(r -> r.name().equals(className)).findFirst().orElse(null);
        Evidence.Builder b = Evidence.builder(EvidenceKind.HISTOGRAM_ROW).summary(h == null ? Markdown.code(className)
                : Units.count(h.count()) + " instances of " + Markdown.code(h.name()) + " retain "
                + Units.bytes(h.retained()) + " (" + Units.percent((double) h.retained() / used) + " of the used heap)");
        if (h != null) {
            b.count("instances", h.count()).bytes("shallow", h.shallow()).bytes("retained", h.retained())
                    .percent("of used heap", 100.0 * h.retained() / used);
        }
        return b.source(artifact, EvidenceView.HEAP_CLASS, new Locator.HeapClass(className)).build();
    }

    /**
     * An object of the dump, as a dominator row with its shortest strong path to a GC root.
     *
     * @param artifact the case's artifact id for the dump, or its absolute path
     * @param usedHeap the dump's used heap, the share's denominator
     */
    public static Evidence ofObject(HeapDump dump, String artifact, long node, long usedHeap, Progress progress) {
        long used = Math.max(1, usedHeap);
        PathResult paths = dump.pathsToRoots(node, 1, true, progress);
        String cls = dump.className(node);
        long retained = dump.retained(node);
        long address = dump.address(node);
        return Evidence.builder(EvidenceKind.DOMINATOR_ROW)
                .summary(Markdown.code(cls) + " at " + Locator.HeapObject.hex(address) + " retains " + Units.bytes(retained)
                        + " (" + Units.percent((double) retained / used) + " of the used heap)")
                .bytes("retained", retained).bytes("shallow", dump.shallow(node))
                .percent("of used heap", 100.0 * retained / used)
                .path(paths.paths().isEmpty() ? List.of() : pathLines(paths.paths().getFirst()))
                .source(artifact, EvidenceView.HEAP_OBJECT, new Locator.HeapObject(address, cls))
                .build();
    }

    /**
     * Rows of a query's result, the query as the source's locator (its provenance, which the
     * export shows as a code block). Each row is one line of its cells' text, {@code |} between
     * them, under a line of the column names; rows holding text read from the heap (a string's
     * characters) are values, withheld by exports unless asked. Reads nothing from the dump.
     *
     * @param artifact the case's artifact id for the dump, or its absolute path
     * @param rows     the rows pinned (the first of the result, or the selected ones)
     * @param total    how many rows the result shows; {@code more} when the result was cut
     */
    public static Evidence ofQuery(String artifact, String query, List<String> columns,
            List<dev.inquest.heap.query.OqlRow> rows, long total, boolean more) {
        List<String> lines = new ArrayList<>();
        lines.add(String.join(" | ", columns));
        boolean heapText = false;
        for (dev.inquest.heap.query.OqlRow r : rows) {
            List<String> cells = new ArrayList<>();
            for (int i = 0; i < r.values().size(); i++) {
                Object v = r.values().get(i);
                heapText |= dev.inquest.heap.query.OqlCells.heapText(v);
                cells.add(dev.inquest.heap.query.OqlCells.text(i < columns.size() ? columns.get(i) : "", v).replace('\n', ' '));
            }
            lines.add(String.join(" | ", cells));
        }
        String flat = query.strip().replaceAll("\\s+", " ");
        String shown = rows.size() == total && !more ? Units.count(total) + (total == 1 ? " row" : " rows")
                : Units.count(rows.size()) + " of " + Units.count(total) + (more ? "+" : "") + " rows";
        Evidence.Builder b = Evidence.builder(EvidenceKind.QUERY_RESULT)
                .summary("Query " + Markdown.code(flat.length() > 120 ? flat.substring(0, 117) + "..." : flat) + ": " + shown)
                .count("rows", rows.size());
        if (heapText) {
            lines.forEach(b::value);
        } else {
            b.path(lines);
        }
        return b.source(artifact, EvidenceView.HEAP_QUERY, new Locator.HeapQuery(query)).build();
    }

    /** A path to a GC root as evidence lines: {@code HashMap$Node .value [JNI global]}. */
    static List<String> pathLines(List<PathStep> steps) {
        List<String> path = new ArrayList<>();
        for (PathStep s : steps) {
            path.add(s.className() + (s.field() == null ? "" : " ." + s.field())
                    + (s.rootKinds() == null || s.rootKinds().isBlank() ? "" : " [" + s.rootKinds() + "]"));
        }
        return path;
    }
}
