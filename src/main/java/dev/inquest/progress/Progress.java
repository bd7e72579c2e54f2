package dev.inquest.progress;

import java.util.concurrent.CancellationException;

/**
 * The one way long work talks to whoever waits for it: the window's status bar and the command
 * line's stderr meter both implement this, so engines never know which one is watching.
 *
 * <p>Work is split into named phases ("Indexing objects", "Dominators"). Each phase announces how
 * many units it has; when the unit is {@link Unit#BYTES} the watcher can show throughput.
 * Engines call {@link #checkCancelled()} at a granularity of milliseconds, not per object.
 */
public interface Progress {

    enum Unit { BYTES, ITEMS }

    /** Starts a phase. {@code total} may be {@code -1} when the amount of work is not known. */
    void phase(String name, long total, Unit unit);

    /** Reports {@code done} units of the current phase finished so far (absolute, not a delta). */
    void progress(long done);

    /** Whether the user asked to stop. */
    boolean isCancelled();

    /** Throws {@link CancellationException} if the user asked to stop. */
    default void checkCancelled() {
        if (isCancelled()) {
            throw new CancellationException("cancelled");
        }
    }

    /** For callers that do not watch: tests, nested work whose parent reports for it. */
    Progress NONE = new Progress() {
        @Override
        public void phase(String name, long total, Unit unit) {
        }

        @Override
        public void progress(long done) {
        }

        @Override
        public boolean isCancelled() {
            return false;
        }
    };

    /**
     * {@code progress} with {@code note} after every phase's name: what the watcher should know
     * about how the work is done ("on disk, over the 1.4 GB memory budget"), shown where the phase is.
     */
    static Progress noting(Progress progress, String note) {
        return renaming(progress, name -> name + " (" + note + ")");
    }

    /** {@code progress} with every phase's name passed through {@code rename} first (which may also note it). */
    static Progress renaming(Progress progress, java.util.function.UnaryOperator<String> rename) {
        return new Progress() {
            @Override
            public void phase(String name, long total, Unit unit) {
                progress.phase(rename.apply(name), total, unit);
            }

            @Override
            public void progress(long done) {
                progress.progress(done);
            }

            @Override
            public boolean isCancelled() {
                return progress.isCancelled();
            }
        };
    }

    /**
     * Only {@code progress}'s cancellation: for work inside a larger one whose phases would replace
     * the caller's (a figure computed within a query, the engines' steps within the demo's few).
     */
    static Progress cancelledWith(Progress progress) {
        return new Progress() {
            @Override
            public void phase(String name, long total, Unit unit) {
            }

            @Override
            public void progress(long done) {
            }

            @Override
            public boolean isCancelled() {
                return progress.isCancelled();
            }
        };
    }
}
