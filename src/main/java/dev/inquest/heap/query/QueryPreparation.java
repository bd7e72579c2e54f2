package dev.inquest.heap.query;

import dev.inquest.heap.index.DumpInternals;
import dev.inquest.heap.model.HeapDump;
import dev.inquest.progress.Progress;

/**
 * The per-dump structures the queries share, made ready ahead of the first question: the window
 * runs this in the background once a dump is shown, so the analyst's first "why is this alive"
 * or inbound-reference lookup does not pay seconds for them. Each structure is mapped from the
 * {@link dev.inquest.heap.index.DerivedStore} when an earlier open kept it, so after the first
 * open of a dump this costs milliseconds.
 */
public final class QueryPreparation {
    private QueryPreparation() {
    }

    /** Builds or maps, in the order the queries most often need them: the instance index, the path tree, the inbound index. */
    public static void prepare(HeapDump dump, Progress progress) {
        progress.phase("Preparing queries: instance index", -1, Progress.Unit.ITEMS);
        ClassInstances.of(dump, progress);
        progress.phase("Preparing queries: shortest paths", -1, Progress.Unit.ITEMS);
        WhyAlive.StrongParents.of(dump, progress);
        DumpInternals.of(dump).inboundEdges(progress);
    }
}
