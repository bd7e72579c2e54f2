package dev.inquest.ui.debug;

import java.util.concurrent.atomic.AtomicLong;
import javafx.application.Platform;

/**
 * Notices when the JavaFX thread is blocked: every few milliseconds it posts a no-op to the FX
 * queue and measures how long the no-op waited. A wait over the threshold means some handler ran
 * too long and the user saw a frozen window. Debug runs turn it on with
 * {@code -Dinquest.watchdog=true}; tests use it to fail on a long block.
 */
public final class FxWatchdog implements AutoCloseable {
    private final long thresholdMillis;
    private final AtomicLong maxStallNanos = new AtomicLong();
    private final AtomicLong stalls = new AtomicLong();
    private final Thread thread;
    private volatile boolean running = true;

    public FxWatchdog(long thresholdMillis) {
        this.thresholdMillis = thresholdMillis;
        this.thread = Thread.ofPlatform().daemon().name("inquest-fx-watchdog").unstarted(this::loop);
    }

    public FxWatchdog start() {
        thread.start();
        return this;
    }

    private void loop() {
        Object lock = new Object();
        while (running) {
            long posted = System.nanoTime();
            boolean[] ran = new boolean[1];
            Platform.runLater(() -> {
                long waited = System.nanoTime() - posted;
                maxStallNanos.accumulateAndGet(waited, Math::max);
                if (waited > thresholdMillis * 1_000_000L) {
                    stalls.incrementAndGet();
                    System.getLogger("inquest.watchdog").log(System.Logger.Level.WARNING,
                            "JavaFX thread blocked for " + waited / 1_000_000 + " ms");
                }
                synchronized (lock) {
                    ran[0] = true;
                    lock.notifyAll();
                }
            });
            synchronized (lock) {
                while (!ran[0] && running) {
                    try {
                        lock.wait(100);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /** Longest wait seen so far, in milliseconds. */
    public long maxStallMillis() {
        return maxStallNanos.get() / 1_000_000L;
    }

    /** How many waits exceeded the threshold. */
    public long stalls() {
        return stalls.get();
    }

    public void reset() {
        maxStallNanos.set(0);
        stalls.set(0);
    }

    @Override
    public void close() {
        running = false;
        thread.interrupt();
    }
}
