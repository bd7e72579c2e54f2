package dev.inquest.ui;

import dev.inquest.ui.heap.HeapDocument.Section;
import dev.inquest.ui.heap.HeapViewSet;
import dev.inquest.ui.heap.whyalive.WhyAliveView;
import dev.inquest.ui.heap.HeapViews;
import dev.inquest.ui.heap.compare.GrowthView;
import dev.inquest.ui.heap.dominators.DominatorView;
import dev.inquest.ui.heap.histogram.HistogramView;
import dev.inquest.ui.heap.inspector.InspectorView;
import dev.inquest.ui.heap.overview.OverviewView;
import dev.inquest.ui.heap.paths.PathsView;
import dev.inquest.ui.heap.query.QueryView;
import dev.inquest.ui.heap.tables.ClassLoadersView;
import dev.inquest.ui.heap.tables.CollectionsView;
import dev.inquest.ui.heap.tables.DuplicateObjectsView;
import dev.inquest.ui.heap.tables.DuplicateStringsView;
import dev.inquest.ui.heap.tables.ThreadsView;
import dev.inquest.ui.jfr.JfrViews;
import dev.inquest.ui.capture.Captures;
import dev.inquest.ui.link.CrossLinks;
import dev.inquest.ui.notebook.Notebook;
import dev.inquest.ui.shell.MainWindow;
import java.util.Map;

/**
 * The composition root: the only place that names every view package. It fills the heap
 * document's view set and installs the notebook, the recordings, the heap dumps and the links
 * between them into a window; the packages it wires never import each other.
 */
public final class Views {
    private Views() {
    }

    /** What {@link #installAll} put into a window, for the callers that drive it (training, tests). */
    public record Installed(Notebook notebook, JfrViews recordings, HeapViews heap, Captures captures) {
    }

    /** Everything a window shows. The notebook first: the others register their evidence reopeners with it. */
    public static Installed installAll(MainWindow window) {
        Notebook notebook = Notebook.install(window);
        JfrViews recordings = JfrViews.install(window);
        HeapViews heap = heap(window);
        CrossLinks.install(window, heap, recordings);
        Captures captures = Captures.install(window);
        // A baseline pair's second dump opens compared with the first, on its Growth view.
        captures.setComparer((after, baseline) -> heap.open(after, doc -> {
            doc.compareWith(baseline);
            doc.show(dev.inquest.ui.heap.HeapDocument.Section.GROWTH);
        }));
        return new Installed(notebook, recordings, heap, captures);
    }

    /** The heap dump views alone, without links to recordings. */
    public static HeapViews heap(MainWindow window) {
        return HeapViews.install(window, heapViews());
    }

    /** The heap document's views, by navigation entry, and the inspector and paths beside them. */
    public static HeapViewSet heapViews() {
        return new HeapViewSet(Map.ofEntries(
                Map.entry(Section.OVERVIEW, OverviewView::new),
                Map.entry(Section.DOMINATORS, DominatorView::new),
                Map.entry(Section.HISTOGRAM, HistogramView::new),
                Map.entry(Section.GROWTH, GrowthView::new),
                Map.entry(Section.THREADS, ThreadsView::new),
                Map.entry(Section.STRINGS, DuplicateStringsView::new),
                Map.entry(Section.DUPLICATES, DuplicateObjectsView::new),
                Map.entry(Section.LOADERS, ClassLoadersView::new),
                Map.entry(Section.COLLECTIONS, CollectionsView::new),
                Map.entry(Section.WHY_ALIVE, WhyAliveView::new),
                Map.entry(Section.QUERY, QueryView::new)),
                InspectorView::new, PathsView::new);
    }
}
