package dev.inquest.ui.task;

import dev.inquest.progress.Progress;
import java.util.Locale;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * Runs engine work off the JavaFX thread and turns the engine's {@link Progress} calls into
 * observable properties for the status bar. One task at a time is shown; others queue behind
 * it on a small pool so opening two dumps does not starve the UI of cores.
 *
 * <p>Updates are coalesced: the engine may report thousands of times a second, the FX thread
 * hears about it at most once per pulse.
 */
public final class TaskRunner {

    /** Work that reports progress and stops when asked. */
    @FunctionalInterface
    public interface Work<T> {
        T run(Progress progress) throws Exception;
    }

    /** A running task: cancel it, or ask whether it was. */
    public interface Handle {
        void cancel();

        boolean isCancelled();
    }

    private final ExecutorService pool = Executors.newFixedThreadPool(2, r -> {
        Thread t = new Thread(r, "inquest-task");
        t.setDaemon(true);
        return t;
    });
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyDoubleWrapper fraction = new ReadOnlyDoubleWrapper(0);
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private volatile FxProgress current;
    /** Tasks submitted whose callback has not returned yet (FX thread only). */
    private int outstanding;
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(false);

    /**
     * True from a submit until the last callback has returned. Unlike {@link #runningProperty()}
     * it does not flicker between a task and the one its callback submits (a heap dump opens in
     * two), so "every file I asked for has opened or failed" is {@code busy} turning false.
     * Counts only tasks submitted on the FX thread.
     */
    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    /** -1 while the amount of work is unknown. */
    public ReadOnlyDoubleProperty fractionProperty() {
        return fraction.getReadOnlyProperty();
    }

    /** "Indexing objects 42 %  310 MB/s". */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** Cancels the task shown in the status bar. */
    public void cancelCurrent() {
        FxProgress p = current;
        if (p != null) {
            p.cancel();
        }
    }

    /**
     * Starts {@code work}; exactly one of the callbacks runs later on the FX thread. A cancelled
     * task reports a {@link CancellationException} to {@code onFailure}.
     */
    public <T> Handle submit(String title, Work<T> work, Consumer<? super T> onSuccess, Consumer<Throwable> onFailure) {
        FxProgress progress = new FxProgress(title);
        boolean counted = Platform.isFxApplicationThread();
        if (counted) {
            outstanding++;
            busy.set(true);
        }
        Runnable settled = () -> {
            if (counted && --outstanding == 0) {
                busy.set(false);
            }
        };
        pool.submit(() -> {
            current = progress;
            Platform.runLater(() -> {
                running.set(true);
                message.set(title);
                fraction.set(-1);
            });
            try {
                T result = work.run(progress);
                if (progress.isCancelled()) {
                    discard(result);
                    throw new CancellationException(title + " cancelled");
                }
                Platform.runLater(() -> {
                    finished(progress);
                    try {
                        if (progress.isCancelled()) {
                            // Cancelled between the work's end and this event (a case switch in
                            // the same FX event as the open): the user asked for nothing to appear.
                            discard(result);
                            onFailure.accept(new CancellationException(title + " cancelled"));
                        } else {
                            onSuccess.accept(result);
                        }
                    } finally {
                        settled.run();
                    }
                });
            } catch (Throwable t) {
                Throwable reported = progress.isCancelled() && !(t instanceof CancellationException)
                        ? new CancellationException(title + " cancelled") : t;
                Platform.runLater(() -> {
                    finished(progress);
                    try {
                        onFailure.accept(reported);
                    } finally {
                        settled.run();
                    }
                });
            }
        });
        return progress;
    }

    /**
     * Releases a result nobody will see: an {@link AutoCloseable} one (an opened dump or
     * recording) is closed off the FX thread, since unmapping a big dump takes a moment.
     */
    private static void discard(Object result) {
        if (result instanceof AutoCloseable c) {
            Thread.ofPlatform().name("inquest-discard").daemon(true).start(() -> {
                try {
                    c.close();
                } catch (Exception e) {
                    System.getLogger("inquest").log(System.Logger.Level.WARNING, "closing a cancelled result: " + e);
                }
            });
        }
    }

    /** Work that opens a file, by file (FX thread only): a case switch cancels the previous case's opens. */
    private final java.util.Map<java.nio.file.Path, Handle> bySubject = new java.util.HashMap<>();

    /**
     * As {@link #submit}, for work that opens {@code subject}: until it settles, {@link #cancelFor}
     * with the same file cancels it. Call on the FX thread.
     */
    public <T> Handle submitFor(java.nio.file.Path subject, String title, Work<T> work, Consumer<? super T> onSuccess,
            Consumer<Throwable> onFailure) {
        java.nio.file.Path key = subject.toAbsolutePath().normalize();
        Handle[] h = new Handle[1];
        h[0] = submit(title, work, r -> {
            bySubject.remove(key, h[0]);
            onSuccess.accept(r);
        }, t -> {
            bySubject.remove(key, h[0]);
            onFailure.accept(t);
        });
        bySubject.put(key, h[0]);
        return h[0];
    }

    /** Cancels the open of {@code subject} still under way, if any; returns whether there was one. */
    public boolean cancelFor(java.nio.file.Path subject) {
        Handle h = bySubject.remove(subject.toAbsolutePath().normalize());
        if (h != null) {
            h.cancel();
        }
        return h != null;
    }

    /** Whether an open of {@code subject} is under way. */
    public boolean isOpening(java.nio.file.Path subject) {
        return bySubject.containsKey(subject.toAbsolutePath().normalize());
    }

    private void finished(FxProgress p) {
        if (current == p) {
            current = null;
            running.set(false);
            message.set("");
            fraction.set(0);
        }
    }

    private final class FxProgress implements Progress, Handle {
        private final String title;
        private volatile boolean cancelled;
        private volatile String phase = "";
        private volatile long total = -1;
        private volatile Unit unit = Unit.ITEMS;
        private volatile long done;
        private volatile long phaseStart = System.nanoTime();
        private volatile boolean updateQueued;

        FxProgress(String title) {
            this.title = title;
        }

        @Override
        public void phase(String name, long total, Unit unit) {
            this.phase = name;
            this.total = total;
            this.unit = unit;
            this.done = 0;
            this.phaseStart = System.nanoTime();
            publish();
        }

        @Override
        public void progress(long done) {
            this.done = done;
            publish();
        }

        private void publish() {
            if (updateQueued) {
                return;
            }
            updateQueued = true;
            Platform.runLater(() -> {
                updateQueued = false;
                if (current != this) {
                    return;
                }
                fraction.set(total > 0 ? Math.min(1.0, (double) done / total) : -1);
                message.set(describe());
            });
        }

        private String describe() {
            StringBuilder sb = new StringBuilder(phase.isEmpty() ? title : phase);
            if (total > 0) {
                sb.append(String.format(Locale.ROOT, "  %d %%", Math.round(100.0 * done / total)));
            }
            double seconds = (System.nanoTime() - phaseStart) / 1e9;
            if (unit == Unit.BYTES && seconds > 0.3 && done > 0) {
                sb.append(String.format(Locale.ROOT, "  %.0f MB/s", done / seconds / 1e6));
            }
            return sb.toString();
        }

        @Override
        public boolean isCancelled() {
            return cancelled;
        }

        @Override
        public void cancel() {
            cancelled = true;
        }
    }
}
