package dev.inquest.ui.heap;

import dev.inquest.heap.model.HeapDump;
import dev.inquest.heap.model.HeapSummary;
import dev.inquest.heap.query.Suspect;
import dev.inquest.ui.task.TaskRunner;
import java.nio.file.Path;
import java.util.function.Consumer;
import javafx.scene.Node;

/**
 * What a heap view may call: the dump and its summary, the row menu, jumps to the other views of
 * the same dump, the baseline, background work and errors. A view gets this, never the document
 * or the window, so the view packages depend on this package and on nothing beside it.
 */
public interface HeapContext {
    HeapDump dump();

    Path file();

    /** Computed once when the dump opened; views read their totals from it. */
    HeapSummary summary();

    /** The context menu every heap row offers. */
    RowActions actions();

    /** Opens the object in the inspector beside the current view. */
    void inspect(long node);

    /** Shows the dominator tree narrowed to the instances of one class. */
    void showClassInDominators(String className);

    /** Shows why the instances of a class are alive (the "Why alive" view: merged paths, the collections holding them). */
    void whyAlive(String className);

    /** Asks for an earlier dump of the same application (the open ones first, in a menu below {@code anchor}) and compares with it. */
    void chooseBaseline(Node anchor);

    /** Compares with another dump (see {@link HeapDocument#compareWith}). */
    void compareWith(Path baselineFile);

    /** Called (FX thread) whenever a baseline has been compared; at once if there is one already. */
    void onBaseline(Consumer<Baseline> listener);

    /**
     * Runs engine work for the dump off the FX thread through the window's task runner; the
     * result is dropped if the tab closed meanwhile. Failures other than a cancel show as an error.
     */
    <T> TaskRunner.Handle run(String title, TaskRunner.Work<T> work, Consumer<? super T> onSuccess);

    /** As {@link #run(String, TaskRunner.Work, Consumer)} with the failure handled by the view. */
    <T> TaskRunner.Handle run(String title, TaskRunner.Work<T> work, Consumer<? super T> onSuccess,
            Consumer<Throwable> onFailure);

    /** Shows a failure as the window shows errors. */
    void showError(String title, Throwable failure);

    /** What other features add to a leak suspect's card (a recording's allocation sites), or null. */
    Node suspectPanel(Suspect suspect);

    /** Shows what {@code nodes} keep alive together (their retained set) in the retained set's window; {@code what} names them. */
    void retainedSet(long[] nodes, String what);

    /** Whether a query result can be pinned (a case is open to receive it). */
    boolean canPinQuery();

    /** Pins rows of a query's result as evidence whose provenance is the query. */
    void pinQuery(String query, java.util.List<String> columns, java.util.List<dev.inquest.heap.query.OqlRow> rows,
            long total, boolean more);

    /** The queries run in this case's documents, newest first (this session's without a case). */
    java.util.List<String> queryHistory();

    /** Records a query that ran (FX thread). */
    void queryRan(String query);
}
