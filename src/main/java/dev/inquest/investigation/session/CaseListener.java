package dev.inquest.investigation.session;

import dev.inquest.investigation.model.Case;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Told about changes to a {@link CaseSession}. Plain interface, no UI toolkit: the window adapts
 * it to its own properties. Called on the thread that made the change.
 */
public interface CaseListener {
    /** The case changed: an edit, an undo or redo ({@code label} says which), or a reload. */
    void changed(Case before, Case after, String label);

    /** The case reached the disk. */
    default void saved(Path file) {
    }

    /**
     * Autosave failed; the edit is kept in memory. A {@link dev.inquest.investigation.store.ConflictException}
     * means someone else changed the file: call {@link CaseSession#keepMine()} or
     * {@link CaseSession#takeTheirs()}.
     */
    default void saveFailed(IOException problem) {
    }
}
