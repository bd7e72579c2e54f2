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
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

/**
 * The one mutable thing around a case: the current value, undo/redo history, autosave and
 * listeners. Everything else is immutable records and pure {@link CaseEdit}s.
 *
 * <p>Every applied edit is saved. By default the save runs at once on the caller's thread (a case
 * is a few kilobytes; a forced atomic save with its backup costs about 30 ms on a virtual disk).
 * A window should call {@link #autosaveWith(Executor)} with a single background thread: saves
 * then coalesce (the saver always writes the newest value) and the UI thread never waits for the
 * disk. When a save fails the edit stays in memory, {@link #saveProblem()} says why, and the next
 * edit or {@link #save()} retries.
 *
 * <p>Locking: state is guarded by {@code this}; writes are serialised by a separate save lock
 * and each writer takes the newest value under it, so an older value can never land on disk after
 * a newer one. Listeners are called outside the state lock, on the thread that made the change
 * (or the saver thread for {@code saved}/{@code saveFailed}).
 */
public final class CaseSession {
    private final CaseFile file;
    private Supplier<LocalDate> today;
    private final List<CaseListener> listeners = new CopyOnWriteArrayList<>();
    private final Deque<Step> undo = new ArrayDeque<>();
    private final Deque<Step> redo = new ArrayDeque<>();
    private final int historyLimit = 500;
    private final Object saveLock = new Object();
    private final AtomicBoolean savePending = new AtomicBoolean();
    private volatile Executor saver;
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

    /**
     * Saves on this executor instead of the caller's thread. Give it a single thread; edits made
     * while a save runs are written by the next one (coalesced). Null goes back to saving at once.
     */
    public CaseSession autosaveWith(Executor executor) {
        this.saver = executor;
        return this;
    }

    public synchronized Case current() {
        return current;
    }

    public Optional<Path> path() {
        return file == null ? Optional.empty() : Optional.of(file.path());
    }

    /** The case file's folder, absolute: where relative artifact paths and captures live; empty for an unsaved case. */
    public Optional<Path> folder() {
        return path().map(p -> p.toAbsolutePath().getParent());
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
    public void restoreBackup() throws IOException {
        Case b = backup().orElseThrow(() -> new IOException(file.path() + ": no good autosave to restore"));
        Case before;
        synchronized (saveLock) {
            file.overwrite(b);
            synchronized (this) {
                before = current;
                current = b;
                undo.clear();
                redo.clear();
                dirty = false;
                saveProblem = null;
            }
        }
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
     * @return the new current value
     * @throws IllegalStateException when the case is read-only
     */
    public Case apply(CaseEdit edit) {
        Case before;
        Case after;
        synchronized (this) {
            requireWritable();
            before = current;
            after = edit.applyTo(before);
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
            current = after;
            dirty = true;
        }
        changed(before, after, edit.label());
        return after;
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

    public boolean undo() {
        Case before;
        Step s;
        synchronized (this) {
            requireWritable();
            s = undo.poll();
            if (s == null) {
                return false;
            }
            redo.push(s);
            before = current;
            current = s.before();
            dirty = true;
        }
        changed(before, s.before(), "Undo " + s.label());
        return true;
    }

    public boolean redo() {
        Case before;
        Step s;
        synchronized (this) {
            requireWritable();
            s = redo.poll();
            if (s == null) {
                return false;
            }
            undo.push(s);
            before = current;
            current = s.after();
            dirty = true;
        }
        changed(before, s.after(), "Redo " + s.label());
        return true;
    }

    /** True when the current value has not reached the disk yet (save pending or failed). */
    public synchronized boolean dirty() {
        return dirty;
    }

    /** Why the last save failed; a {@link ConflictException} carries both versions. */
    public synchronized Optional<IOException> saveProblem() {
        return Optional.ofNullable(saveProblem);
    }

    /**
     * Writes the newest value now, on this thread (also the way to flush before closing a window
     * that saves in the background). Returns false when it failed, see {@link #saveProblem()}.
     */
    public boolean save() {
        synchronized (saveLock) {
            Case snapshot;
            synchronized (this) {
                if (file == null) {
                    return true;
                }
                if (file.readOnly()) {
                    return false;
                }
                if (!dirty) {
                    return true;
                }
                snapshot = current;
            }
            try {
                try {
                    file.save(snapshot);
                } catch (RuntimeException bug) {
                    // Autosave runs on a background thread: a failure nobody hears of would lose the
                    // user's work silently. Said like any other failed save (the trace is kept as the cause).
                    throw new IOException("saving failed (" + bug + ")", bug);
                }
            } catch (IOException e) {
                synchronized (this) {
                    saveProblem = e;
                }
                for (CaseListener l : listeners) {
                    l.saveFailed(e);
                }
                return false;
            }
            synchronized (this) {
                dirty = current != snapshot;
                saveProblem = null;
            }
            for (CaseListener l : listeners) {
                l.saved(file.path());
            }
            return true;
        }
    }

    /** After a conflict: write our version over the other one. */
    public void keepMine() throws IOException {
        synchronized (saveLock) {
            Case snapshot;
            synchronized (this) {
                requireWritable();
                snapshot = current;
            }
            file.overwrite(snapshot);
            synchronized (this) {
                dirty = current != snapshot;
                saveProblem = null;
            }
        }
        for (CaseListener l : listeners) {
            l.saved(file.path());
        }
    }

    /** After a conflict: drop our unsaved version and take the one on disk. Undo history restarts. */
    public void takeTheirs() throws IOException {
        Case before;
        Case theirs;
        synchronized (saveLock) {
            theirs = file.reload();
            synchronized (this) {
                before = current;
                current = theirs;
                undo.clear();
                redo.clear();
                dirty = false;
                saveProblem = null;
            }
        }
        fire(before, theirs, "Reload from disk");
    }

    private void changed(Case before, Case after, String label) {
        fire(before, after, label);
        Executor ex = saver;
        if (ex == null) {
            save();
        } else if (savePending.compareAndSet(false, true)) {
            ex.execute(() -> {
                // Cleared first: an edit arriving during this save schedules the next one.
                savePending.set(false);
                save();
            });
        }
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
