package dev.inquest.investigation.store;

import dev.inquest.investigation.model.Case;
import java.io.IOException;
import java.nio.file.Path;

/**
 * The case file changed on disk since we read it (another window, another process, git pull).
 * We refuse to overwrite it silently; both versions are here so the user can choose.
 */
public final class ConflictException extends IOException {
    private final transient Path file;
    private final transient Case ours;
    private final transient Case theirs;

    public ConflictException(Path file, Case ours, Case theirs) {
        super(file + ": changed on disk by someone else since it was opened; not overwritten"
                + (theirs == null ? " (the file on disk is no longer readable)" : ""));
        this.file = file;
        this.ours = ours;
        this.theirs = theirs;
    }

    public Path file() {
        return file;
    }

    /** The version we tried to save. */
    public Case ours() {
        return ours;
    }

    /** The version now on disk, or null when it is gone or does not parse. */
    public Case theirs() {
        return theirs;
    }
}
