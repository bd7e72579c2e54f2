package dev.inquest.investigation.session;

import dev.inquest.investigation.model.Case;
import dev.inquest.investigation.store.CaseFile;
import dev.inquest.investigation.store.ConflictException;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;

/**
 * The one mutable thing around a case: the current value, undo/redo history, autosave and
 * listeners. Everything else is immutable records and pure {@link CaseEdit}s.
 *
 * <p>Every applied edit is saved at once (cases are a few kilobytes, an atomic save takes
 * milliseconds), so there is no "unsaved changes" state unless the save fails; then the edit stays
 * in memory, {@link #saveProblem()} says why, and the next edit or {@link #save()} retries.
 */
public final class CaseSession {
    private final CaseFile file;
    private Supplier<LocalDate> today;
    private final List<CaseListener> listeners = new CopyOnWriteArrayList<>();
    private final Deque<Step> undo = new ArrayDeque<>();
    private final Deque<Step> redo = new ArrayDeque<>();
    private final int historyLimit = 500;
    private Case current;
    private boolean dirty;
    private IOException saveProblem;

    private record Step(String label, Case before, Case after) {
    }

    private CaseSession(CaseFile file, Case value, Supplier<LocalDate> today) {
        this.file = file;
        this.current = value;
        this.today = today;
    }

    /** Opens a case file; check {@link #readOnly()} (broken, foreign or newer files). */
    public static CaseSession open(Path path) throws IOException {
        CaseFile cf = CaseFile.open(path);
        return new CaseSession(cf, cf.value(), LocalDate::now);
    }

    /** Creates a new case file (refuses to replace an existing one). */
    public static CaseSession create(Path path, Case value) throws IOException {
        return new CaseSession(CaseFile.create(path, value), value, LocalDate::now);
    }

    /** A session without a file, e.g. a case being imported before the user picks a place. */
    public static CaseSession inMemory(Case value) {
        return new CaseSession(null, value, LocalDate::now);
    }

    /** Uses another clock for the {@code updated} date (tests, replays). */
    public synchronized CaseSession useClock(Supplier<LocalDate> clock) {
        this.today = Objects.requireNonNull(clock);
        return this;
    }

    public Case current() {
        return current;
    }

    public Optional<Path> path() {
        return file == null ? Optional.empty() : Optional.of(file.path());
    }

    public boolean readOnly() {
        return file != null && file.readOnly();
    }

    /** Why the case is read-only (one line), or null. */
    public String readOnlyReason() {
        return file == null ? null : file.problem();
    }

    /** The last good autosave, offered when the file itself is broken. */
    public Optional<Case> backup() {
        return file == null ? Optional.empty() : file.backup();
    }

    /** Replaces a broken file with its last good autosave and makes the session writable. */
    public synchronized void restoreBackup() throws IOException {
        Case b = backup().orElseThrow(() -> new IOException(file.path() + ": no good autosave to restore"));
        file.overwrite(b);
        Case before = current;
        current = b;
        undo.clear();
        redo.clear();
        dirty = false;
        saveProblem = null;
        fire(before, b, "Restore last good autosave");
    }

    public void addListener(CaseListener l) {
        listeners.add(Objects.requireNonNull(l));
    }

    public void removeListener(CaseListener l) {
        listeners.remove(l);
    }

    /**
     * Applies an edit, records it for undo, stamps {@code updated} with today and autosaves.
     * An edit that changes nothing is not recorded.
     *
     * @throws IllegalStateException when the case is read-only
     */
    public synchronized Case apply(CaseEdit edit) {
        requireWritable();
        Case before = current;
        Case after = edit.applyTo(before);
        if (after.equals(before)) {
            return current;
        }
        LocalDate now = today.get();
        if (!Objects.equals(after.updated(), now)) {
            after = after.toBuilder().updated(now).build();
        }
        undo.push(new Step(edit.label(), before, after));
        while (undo.size() > historyLimit) {
            undo.removeLast();
        }
        redo.clear();
        move(before, after, edit.label());
        return current;
    }

    public synchronized boolean canUndo() {
        return !undo.isEmpty();
    }

    public synchronized boolean canRedo() {
        return !redo.isEmpty();
    }

    /** The label of the edit {@link #undo()} would revert, e.g. "Add finding". */
    public synchronized Optional<String> undoLabel() {
        return Optional.ofNullable(undo.peek()).map(Step::label);
    }

    public synchronized Optional<String> redoLabel() {
        return Optional.ofNullable(redo.peek()).map(Step::label);
    }

    public synchronized boolean undo() {
        requireWritable();
        Step s = undo.poll();
        if (s == null) {
            return false;
        }
        redo.push(s);
        move(current, s.before(), "Undo " + s.label());
        return true;
    }

    public synchronized boolean redo() {
        requireWritable();
        Step s = redo.poll();
        if (s == null) {
            return false;
        }
        undo.push(s);
        move(current, s.after(), "Redo " + s.label());
        return true;
    }

    /** True when the current value has not reached the disk (the last save failed). */
    public synchronized boolean dirty() {
        return dirty;
    }

    /** Why the last save failed; a {@link ConflictException} carries both versions. */
    public synchronized Optional<IOException> saveProblem() {
        return Optional.ofNullable(saveProblem);
    }

    /** Saves now (retries after a failure); returns false when it failed, see {@link #saveProblem()}. */
    public synchronized boolean save() {
        if (file == null || readOnly()) {
            return file == null;
        }
        try {
            file.save(current);
            dirty = false;
            saveProblem = null;
            for (CaseListener l : listeners) {
                l.saved(file.path());
            }
            return true;
        } catch (IOException e) {
            dirty = true;
            saveProblem = e;
            for (CaseListener l : listeners) {
                l.saveFailed(e);
            }
            return false;
        }
    }

    /** After a conflict: write our version over the other one. */
    public synchronized void keepMine() throws IOException {
        requireWritable();
        file.overwrite(current);
        dirty = false;
        saveProblem = null;
        for (CaseListener l : listeners) {
            l.saved(file.path());
        }
    }

    /** After a conflict: drop our unsaved version and take the one on disk. Undo history restarts. */
    public synchronized void takeTheirs() throws IOException {
        Case before = current;
        Case theirs = file.reload();
        current = theirs;
        undo.clear();
        redo.clear();
        dirty = false;
        saveProblem = null;
        fire(before, theirs, "Reload from disk");
    }

    private void move(Case before, Case after, String label) {
        current = after;
        dirty = true;
        save();
        fire(before, after, label);
    }

    private void fire(Case before, Case after, String label) {
        for (CaseListener l : listeners) {
            l.changed(before, after, label);
        }
    }

    private void requireWritable() {
        if (readOnly()) {
            throw new IllegalStateException(readOnlyReason());
        }
        if (current == null) {
            throw new IllegalStateException("no case loaded");
        }
    }
}
