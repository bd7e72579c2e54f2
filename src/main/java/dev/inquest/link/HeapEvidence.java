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
