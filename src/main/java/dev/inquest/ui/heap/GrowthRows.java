package dev.inquest.ui.heap;

import dev.inquest.heap.model.HeapDump;
import dev.inquest.heap.query.Comparison;
import dev.inquest.heap.query.DominatorDelta;
import dev.inquest.heap.query.GrowthPath;
import dev.inquest.heap.query.HeapComparison;
import dev.inquest.progress.Progress;
import java.util.List;

/**
 * The rows of the growth view: the engine's growth paths ({@link HeapComparison#growthPaths}),
 * each a dominator-path delta with one object of the later dump to inspect. No JavaFX here.
 */
public final class GrowthRows {

    /**
     * One dominator path that grew.
     *
     * @param node the largest object with this path in the later dump, or -1 when there is none
     *             (the path no longer exists there)
     */
    public record Row(DominatorDelta delta, long node) {
        public String className() {
            return delta.className();
        }

        /** The dominators above this one, top first; empty for a top-level dominator. */
        public List<String> holders() {
            return delta.path().subList(0, delta.path().size() - 1);
        }
    }

    private GrowthRows() {
    }

    /** Rows in the engine's order (largest growth first), with their objects in {@code after}. */
    public static List<Row> rows(HeapDump after, Comparison comparison, Progress progress) {
        return HeapComparison.growthPaths(after, comparison, progress).stream().map(GrowthRows::row).toList();
    }

    private static Row row(GrowthPath p) {
        return new Row(p.delta(), p.node());
    }
}
