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
}
