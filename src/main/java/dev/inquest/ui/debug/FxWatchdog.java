package dev.inquest.ui.debug;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import javafx.application.Platform;
import javafx.collections.ListChangeListener;
import javafx.scene.Scene;
import javafx.stage.Window;

/**
 * Notices when the JavaFX thread is blocked, by the wall clock, and says where and whether it
 * was our code. Two probes:
 *
 * <ul>
 *   <li>every few milliseconds it posts a no-op to the FX queue and measures how long the no-op
 *       waited. A wait over the threshold means a handler (or a pulse) ran that long and the user
 *       saw a frozen window. While the wait is over the threshold it samples the FX thread's stack
 *       once, so the log names the method that was running;</li>
 *   <li>each window's layout pass (CSS and layout, between the scene's pre- and post-layout pulse
 *       listeners) is timed: a long pulse is logged even when no handler is slow.</li>
 * </ul>
 *
 * Each long wait or pulse is logged with its wall time and the FX thread's CPU time over the
 * same interval: on a quiet machine the two agree; on a loaded one (CI, shared cores) the wall
 * time also counts waiting for a core, and the CPU time says what our code cost. Debug runs turn
 * it on with {@code -Dinquest.watchdog=true}; the speed test uses it to fail on a long block.
 */
public final class FxWatchdog implements AutoCloseable {
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static final System.Logger LOG = System.getLogger("inquest.watchdog");
    private static final int KEPT = 100;

    /**
     * One long block. {@code kind} is "wait" (a no-op waited in the FX queue) or "layout" (a
     * pulse's CSS and layout); {@code where} is the FX thread's innermost Inquest frame when it
     * was sampled during the block (else its top frame; empty for layout passes).
     */
    public record Stall(String kind, long wallMillis, long cpuMillis, String where) {
        @Override
        public String toString() {
            return String.format(Locale.ROOT, "%s %d ms wall / %d ms FX CPU%s", kind, wallMillis, cpuMillis,
                    where.isEmpty() ? "" : " in " + where);
        }
    }

    private final long thresholdMillis;
    private final AtomicLong maxStallNanos = new AtomicLong();
    private final AtomicLong maxPulseNanos = new AtomicLong();
    private final AtomicLong stalls = new AtomicLong();
    private final Deque<Stall> recent = new ArrayDeque<>();
    private final Thread thread;
    private volatile Thread fxThread;
    private volatile boolean running = true;
    private final List<Scene> watched = new ArrayList<>();
    private final List<Runnable> unwatch = new ArrayList<>();
    private ListChangeListener<Window> windowListener;

    public FxWatchdog(long thresholdMillis) {
        this.thresholdMillis = thresholdMillis;
        // Its own thread, outside the task runner's pools: a diagnostic (on only with
        // -Dinquest.watchdog) that must sample the FX thread from outside everything it watches.
        this.thread = Thread.ofPlatform().daemon().name("inquest-fx-watchdog").unstarted(this::loop);
    }

    /** Starts the queue probe and times the layout pulses of every window, present and future. */
    public FxWatchdog start() {
        thread.start();
        Platform.runLater(() -> {
            if (!running) {
                return;
            }
            windowListener = c -> Window.getWindows().forEach(this::watch);
            Window.getWindows().addListener(windowListener);
            Window.getWindows().forEach(this::watch);
        });
        return this;
    }

    private void watch(Window w) {
        Scene scene = w.getScene();
        if (scene == null || watched.contains(scene)) {
            return;
        }
        watched.add(scene);
        long[] start = new long[2];
        Runnable pre = () -> {
            start[0] = System.nanoTime();
            start[1] = FxCost.cpuNow();
        };
        Runnable post = () -> {
            long wall = System.nanoTime() - start[0];
            long cpu = FxCost.cpuNow() - start[1];
            maxPulseNanos.accumulateAndGet(wall, Math::max);
            if (wall > thresholdMillis * 1_000_000L) {
                record(new Stall("layout", wall / 1_000_000, cpu / 1_000_000, ""));
            }
        };
        scene.addPreLayoutPulseListener(pre);
        scene.addPostLayoutPulseListener(post);
        unwatch.add(() -> {
            scene.removePreLayoutPulseListener(pre);
            scene.removePostLayoutPulseListener(post);
        });
    }

    private void loop() {
        Object lock = new Object();
        while (running) {
            long posted = System.nanoTime();
            Thread fx = fxThread;
            long cpuAtPost = fx == null ? -1 : THREADS.getThreadCpuTime(fx.threadId());
            boolean[] ran = new boolean[1];
            long[] waitedNanos = new long[1];
            long[] cpuNanos = new long[1];
            Platform.runLater(() -> {
                waitedNanos[0] = System.nanoTime() - posted;
                fxThread = Thread.currentThread();
                cpuNanos[0] = cpuAtPost < 0 ? -1 : FxCost.cpuNow() - cpuAtPost;
                synchronized (lock) {
                    ran[0] = true;
                    lock.notifyAll();
                }
            });
            String where = "";
            synchronized (lock) {
                long deadline = posted + thresholdMillis * 1_000_000L;
                while (!ran[0] && running) {
                    long left = deadline - System.nanoTime();
                    try {
                        if (left > 0) {
                            lock.wait(Math.max(1, left / 1_000_000), 0);
                        } else {
                            if (where.isEmpty() && fx != null) {
                                // Over the threshold and still blocked: whatever runs now is the culprit.
                                where = where(fx.getStackTrace());
                            }
                            lock.wait(100);
                        }
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }
            if (!ran[0]) {
                return;
            }
            long waited = waitedNanos[0];
            maxStallNanos.accumulateAndGet(waited, Math::max);
            if (waited > thresholdMillis * 1_000_000L) {
                record(new Stall("wait", waited / 1_000_000, cpuNanos[0] < 0 ? -1 : cpuNanos[0] / 1_000_000, where));
            }
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /** The innermost frame of our own code, else the top frame: what the FX thread was doing. */
    static String where(StackTraceElement[] stack) {
        for (StackTraceElement e : stack) {
            String c = e.getClassName();
            if (c.startsWith("dev.inquest.") && !c.equals(FxWatchdog.class.getName()) && !c.startsWith(FxWatchdog.class.getName() + "$")) {
                return e.toString();
            }
        }
        return stack.length == 0 ? "" : stack[0].toString();
    }

    private void record(Stall s) {
        stalls.incrementAndGet();
        synchronized (recent) {
            recent.addLast(s);
            if (recent.size() > KEPT) {
                recent.removeFirst();
            }
        }
        LOG.log(System.Logger.Level.WARNING, "JavaFX thread blocked: " + s);
    }

    /** Longest queue wait seen so far, in milliseconds (wall clock). */
    public long maxStallMillis() {
        return maxStallNanos.get() / 1_000_000L;
    }

    /** Longest layout pass (CSS and layout of one scene in one pulse), in milliseconds (wall clock). */
    public long maxPulseMillis() {
        return maxPulseNanos.get() / 1_000_000L;
    }

    /** How many waits and layout passes exceeded the threshold. */
    public long stalls() {
        return stalls.get();
    }

    /** The last long blocks (at most 100), oldest first. */
    public List<Stall> recentStalls() {
        synchronized (recent) {
            return List.copyOf(recent);
        }
    }

    public void reset() {
        maxStallNanos.set(0);
        maxPulseNanos.set(0);
        stalls.set(0);
        synchronized (recent) {
            recent.clear();
        }
    }

    @Override
    public void close() {
        running = false;
        thread.interrupt();
        Platform.runLater(() -> {
            if (windowListener != null) {
                Window.getWindows().removeListener(windowListener);
            }
            unwatch.forEach(Runnable::run);
            unwatch.clear();
            watched.clear();
        });
    }
}
