package dev.inquest.ui.debug;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.concurrent.atomic.AtomicReference;

/**
 * What a piece of FX-thread work cost: wall time and the thread's own CPU time. On a loaded
 * machine the wall time includes waiting for a core; the CPU time is what our code spent, so a
 * view is judged by the latter and the watchdog reports the former.
 */
public final class FxCost {
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    /** The most expensive piece of work seen so far. */
    public record Worst(String what, long cpuNanos, long wallNanos) {
        public long cpuMillis() {
            return cpuNanos / 1_000_000;
        }

        public long wallMillis() {
            return wallNanos / 1_000_000;
        }
    }

    private final AtomicReference<Worst> worst = new AtomicReference<>(new Worst("nothing", 0, 0));

    /** Runs {@code work} and remembers its cost if it is the most expensive so far. */
    public void measure(String what, Runnable work) {
        long cpu0 = cpuNow();
        long wall0 = System.nanoTime();
        try {
            work.run();
        } finally {
            long cpu = cpuNow() - cpu0;
            long wall = System.nanoTime() - wall0;
            worst.accumulateAndGet(new Worst(what, cpu, wall), (a, b) -> b.cpuNanos() > a.cpuNanos() ? b : a);
        }
    }

    public Worst worst() {
        return worst.get();
    }

    public void reset() {
        worst.set(new Worst("nothing", 0, 0));
    }

    /** CPU time of the calling thread in nanoseconds (wall time where the JVM cannot tell). */
    public static long cpuNow() {
        return THREADS.isCurrentThreadCpuTimeSupported() ? THREADS.getCurrentThreadCpuTime() : System.nanoTime();
    }
}
