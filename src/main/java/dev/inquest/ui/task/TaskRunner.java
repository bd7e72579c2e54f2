package dev.inquest.ui.task;

import dev.inquest.progress.PhaseLog;
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
 * <p>Updates are coalesced and throttled: the engine may report thousands of times a second, the
 * FX thread hears about it at most every {@value #UPDATE_MILLIS} ms (issue 18: once per pulse
 * was 60 repaints a second of the status bar while a dump's first open wanted both cores), and
 * the last report is always shown.
 *
 * <p>The one policy for background work in the window: every thread the window starts belongs
 * to a pool this class owns, all named {@code inquest-*}, all bounded. Per window: the work pool
 * ({@link #submit}, two threads), the open pool ({@link #submitFor}, two threads) and a fork/join pool of parallelism one ({@link #onOneCore}).
 * Per process: the {@link Lane}s, one thread each, for work that must stay in order or apart
 * from the work pool, and the clock ({@link #everyOnFx}, {@link #later}, one thread that only
 * times and posts small jobs). Outside this policy on purpose: {@code debug.FxWatchdog} (a diagnostic that
 * must watch the FX thread from outside everything it watches) and the training run's two
 * threads ({@code ui.Training}: a build step that drives the window and a time limit on it).
 */
public final class TaskRunner {

    /**
     * The process's single-thread lanes: work queued on one runs in order, one job at a time, on
     * a daemon thread started on first use.
     */
    public enum Lane {
        /**
         * Ordered small writes: case autosaves and case layouts. One thread, so a later save of
         * the same file can never overtake an earlier one; each write is itself atomic (temporary
         * file, rename).
         */
        WRITES("inquest-writes", Thread.NORM_PRIORITY),
        /**
         * Styling and laying out scenes not shown ({@code common.Offscreen}): JavaFX's CSS caches
         * are shared, so one such thread at a time, below the FX thread's priority.
         */
        OFFSCREEN("inquest-offscreen", Thread.MIN_PRIORITY),
        /** Flame graph transforms (filters, focus, reverse) of big trees, newest request last. */
        FLAME("inquest-flame", Thread.NORM_PRIORITY),
        /**
         * Releasing what nobody will show: closing a closed tab's dump or a result that arrived
         * after its cancel. Closing may wait for a disk write or an off-screen build; neither the
         * FX thread nor the work pool should.
         */
        RELEASE("inquest-release", Thread.NORM_PRIORITY);

        private final ExecutorService executor;

        Lane(String name, int priority) {
            this.executor = Executors.newSingleThreadExecutor(
                    Thread.ofPlatform().name(name).daemon(true).priority(priority).factory());
        }

        /** The lane as an executor (for {@code CompletableFuture}s and {@code CaseSession.autosaveWith}). */
        public java.util.concurrent.Executor executor() {
            return executor;
        }

        /** Queues {@code job} behind the ones already waiting on this lane. */
        public java.util.concurrent.Future<?> submit(Runnable job) {
            return executor.submit(job);
        }
    }

    /**
     * The window's clock: one daemon thread that waits and then posts small jobs (a throttled
     * progress update, a page's refresh, a deferred warm-up). A JavaFX {@code Timeline} would do
     * the timing on the FX thread, but while any animation runs JavaFX pulses 60 times a second
     * (CSS and layout passes, and on the software pipeline a repaint): issue 18 measured that as
     * CPU taken from a dump's first open. Posting with {@code Platform.runLater} makes exactly one
     * pulse per change.
     */
    private static final java.util.concurrent.ScheduledExecutorService TICKS =
            Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("inquest-ticks").daemon(true).factory());

    /** The least time between two progress updates of the status bar: a few a second read as live. */
    static final long UPDATE_MILLIS = 250;

    /**
     * Runs {@code onFx} on the FX thread every {@code periodMillis} (the first after one period)
     * until the returned future is cancelled. A tick is skipped while the previous one still
     * waits for the FX thread, so a busy FX thread never finds a backlog of them.
     */
    public static java.util.concurrent.Future<?> everyOnFx(long periodMillis, Runnable onFx) {
        java.util.concurrent.atomic.AtomicBoolean pending = new java.util.concurrent.atomic.AtomicBoolean();
        return TICKS.scheduleAtFixedRate(() -> {
            if (pending.compareAndSet(false, true)) {
                Platform.runLater(() -> {
                    pending.set(false);
                    onFx.run();
                });
            }
        }, periodMillis, periodMillis, java.util.concurrent.TimeUnit.MILLISECONDS);
    }

    /** Runs the short {@code job} on the clock's thread after {@code delayMillis} (it should hand real work on). */
    public static java.util.concurrent.Future<?> later(long delayMillis, Runnable job) {
        return TICKS.schedule(job, delayMillis, java.util.concurrent.TimeUnit.MILLISECONDS);
    }

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

    private final ExecutorService pool = Executors.newFixedThreadPool(2,
            Thread.ofPlatform().name("inquest-task-", 0).daemon(true).factory());
    /**
     * The opens of files ({@link #submitFor}), apart from the work pool: an open the user is
     * waiting for never queues behind a view's query or a dump's background preparation (issue
     * 18: with two dumps open, both work threads could be busy preparing, and the third open waited).
     */
    private final ExecutorService opens = Executors.newFixedThreadPool(2,
            Thread.ofPlatform().name("inquest-open-", 0).daemon(true).factory());
    /** Opens under way in any window of the process (the process-wide lanes' warm-ups yield to them). */
    private static final java.util.concurrent.atomic.AtomicInteger OPENS = new java.util.concurrent.atomic.AtomicInteger();

    /**
     * Whether a file is being opened in any window: warm-up work (styling look-alike tables off
     * screen) waits meanwhile, since on a 2-core laptop it took CPU from the open the user waits for.
     */
    public static boolean opening() {
        return OPENS.get() > 0;
    }

    /** Opens under way (any thread); background work the user did not ask for waits until none is. */
    private int opening;
    private final Object openingLock = new Object();
    /** Created on first use: most windows never prepare a heap dump's queries. */
    private java.util.concurrent.ForkJoinPool oneCore;
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
        return submit(title, work, onSuccess, onFailure, true, pool, null);
    }

    /**
     * As {@link #submit}, for short file work the user did not start as a task of its own
     * (checking a case's files against their fingerprints): it keeps the FX thread free of I/O
     * without taking the status bar from the task shown there. Counted in {@link #busyProperty}.
     */
    public <T> Handle submitQuietly(String title, Work<T> work, Consumer<? super T> onSuccess, Consumer<Throwable> onFailure) {
        return submit(title, work, onSuccess, onFailure, false, pool, null);
    }

    private <T> Handle submit(String title, Work<T> work, Consumer<? super T> onSuccess, Consumer<Throwable> onFailure,
            boolean shown, ExecutorService executor, PhaseLog log) {
        FxProgress progress = new FxProgress(title, log);
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
        executor.submit(() -> {
            if (shown) {
                current = progress;
                Platform.runLater(() -> {
                    running.set(true);
                    message.set(title);
                    fraction.set(-1);
                    if (log != null && current == progress) {
                        // The log's share done moves with time between the work's reports (an estimate).
                        progress.ticks = everyOnFx(500, progress::render);
                        progress.render();
                    }
                });
            }
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
            Lane.RELEASE.submit(() -> {
                try {
                    c.close();
                } catch (Exception e) {
                    System.getLogger("inquest").log(System.Logger.Level.WARNING, "closing a cancelled result: " + e);
                }
            });
        }
    }

    /**
     * Runs {@code work} in this window's fork/join pool of parallelism one and waits for it, on a
     * work-pool thread: the engine's parallel streams and fork/join tasks inside it then use one
     * core, so on a 2-core laptop the other core stays with the FX thread. For background work
     * the user did not ask for (preparing a dump's queries).
     */
    public <T> T onOneCore(java.util.concurrent.Callable<T> work) throws Exception {
        // An open takes both cores while the user waits for it; preparation starts after it.
        synchronized (openingLock) {
            while (opening > 0) {
                openingLock.wait();
            }
        }
        java.util.concurrent.ForkJoinPool one;
        synchronized (this) {
            if (oneCore == null) {
                oneCore = new java.util.concurrent.ForkJoinPool(1, p -> {
                    var t = java.util.concurrent.ForkJoinPool.defaultForkJoinWorkerThreadFactory.newThread(p);
                    t.setName("inquest-one-core");
                    t.setDaemon(true);
                    return t;
                }, null, false);
            }
            one = oneCore;
        }
        try {
            return one.submit(work).get();
        } catch (java.util.concurrent.ExecutionException e) {
            throw e.getCause() instanceof Exception x ? x : e;
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
        return submitFor(subject, title, null, work, onSuccess, onFailure);
    }

    /**
     * As {@link #submitFor(java.nio.file.Path, String, Work, Consumer, Consumer)}, for work whose
     * phases {@code log} also records (an opening page shows it): the status bar then shows the
     * log's {@linkplain PhaseLog.Snapshot#headline headline} and {@linkplain PhaseLog.Snapshot#overall
     * share done}, the page's own line and bar, rather than the current phase's percentage.
     */
    public <T> Handle submitFor(java.nio.file.Path subject, String title, PhaseLog log, Work<T> work,
            Consumer<? super T> onSuccess, Consumer<Throwable> onFailure) {
        java.nio.file.Path key = subject.toAbsolutePath().normalize();
        Handle[] h = new Handle[1];
        Work<T> counted = p -> {
            synchronized (openingLock) {
                opening++;
            }
            OPENS.incrementAndGet();
            try {
                return work.run(p);
            } finally {
                OPENS.decrementAndGet();
                synchronized (openingLock) {
                    opening--;
                    openingLock.notifyAll();
                }
            }
        };
        h[0] = submit(title, counted, r -> {
            bySubject.remove(key, h[0]);
            onSuccess.accept(r);
        }, t -> {
            bySubject.remove(key, h[0]);
            onFailure.accept(t);
        }, true, opens, log);
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
        if (p.ticks != null) {
            p.ticks.cancel(false);
            p.ticks = null;
        }
        if (current == p) {
            current = null;
            running.set(false);
            message.set("");
            fraction.set(0);
        }
    }

    private final class FxProgress implements Progress, Handle {
        private final String title;
        /** The phases as an opening page shows them, or null: the status bar then shows the current phase's share. */
        private final PhaseLog log;
        /** While a logged task is shown: the status bar follows the log's estimate between reports (FX thread). */
        private java.util.concurrent.Future<?> ticks;
        private volatile boolean cancelled;
        private volatile String phase = "";
        private volatile long total = -1;
        private volatile Unit unit = Unit.ITEMS;
        private volatile long done;
        private volatile long phaseStart = System.nanoTime();
        private volatile boolean updateQueued;
        /** When the FX thread last showed this task's progress (nanoTime; 0: never). */
        private volatile long shownAt;

        FxProgress(String title, PhaseLog log) {
            this.title = title;
            this.log = log;
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

        /** Queues one update (reading the fields when it runs, so it shows the latest), at most every UPDATE_MILLIS. */
        private void publish() {
            if (updateQueued) {
                return;
            }
            updateQueued = true;
            long wait = shownAt == 0 ? 0 : shownAt + UPDATE_MILLIS * 1_000_000 - System.nanoTime();
            if (wait <= 0) {
                Platform.runLater(this::show);
            } else {
                TICKS.schedule(() -> Platform.runLater(this::show), wait, java.util.concurrent.TimeUnit.NANOSECONDS);
            }
        }

        private void show() {
            shownAt = System.nanoTime();
            updateQueued = false;
            render();
        }

        /** Shows this task's state in the status bar's properties, if it is the one shown (FX thread). */
        private void render() {
            if (current != this) {
                return;
            }
            if (log != null) {
                PhaseLog.Snapshot s = log.snapshot();
                fraction.set(s.overall().orElse(-1));
                message.set(s.headline(title));
                return;
            }
            fraction.set(total > 0 ? Math.min(1.0, (double) done / total) : -1);
            message.set(describe());
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
