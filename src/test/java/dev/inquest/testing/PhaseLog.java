package dev.inquest.testing;

import dev.inquest.progress.Progress;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A {@link Progress} for tests: notes the phases started, and cancels once a named one starts. */
public final class PhaseLog implements Progress {
    private final List<String> phases = new CopyOnWriteArrayList<>();
    private final String cancelAt;
    private volatile boolean cancelled;

    private PhaseLog(String cancelAt) {
        this.cancelAt = cancelAt;
    }

    /** Notes phases, never cancels. */
    public static PhaseLog watching() {
        return new PhaseLog(null);
    }

    /** Notes phases and asks to stop as soon as {@code phase} starts. */
    public static PhaseLog cancellingIn(String phase) {
        return new PhaseLog(phase);
    }

    public List<String> phases() {
        return List.copyOf(phases);
    }

    @Override
    public void phase(String name, long total, Unit unit) {
        phases.add(name);
        // A phase may carry a note after its name ("Dominators (on disk, ...)").
        cancelled |= cancelAt != null && (name.equals(cancelAt) || name.startsWith(cancelAt + " ("));
    }

    @Override
    public void progress(long done) {
    }

    @Override
    public boolean isCancelled() {
        return cancelled;
    }
}
