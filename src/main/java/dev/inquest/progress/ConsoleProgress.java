package dev.inquest.progress;

import java.io.PrintStream;
import java.util.Locale;

/**
 * Progress for the command line: one self-overwriting line on stderr, throttled to a few
 * updates a second, and silent when stderr is not a terminal so scripts and CI logs stay clean.
 */
public final class ConsoleProgress implements Progress {
    private static final long MIN_INTERVAL_NANOS = 200_000_000L;

    private final PrintStream out;
    private final boolean enabled;
    private String phase = "";
    private long total = -1;
    private Unit unit = Unit.ITEMS;
    private long phaseStart;
    private long lastPrint;
    private volatile boolean cancelled;

    public ConsoleProgress(PrintStream out, boolean enabled) {
        this.out = out;
        this.enabled = enabled;
    }

    /** Enabled only when attached to an interactive terminal. */
    public static ConsoleProgress forStderr() {
        return new ConsoleProgress(System.err, System.console() != null && System.getenv("CI") == null);
    }

    public void cancel() {
        cancelled = true;
    }

    @Override
    public synchronized void phase(String name, long total, Unit unit) {
        this.phase = name;
        this.total = total;
        this.unit = unit;
        this.phaseStart = System.nanoTime();
        this.lastPrint = 0;
        progress(0);
    }

    @Override
    public synchronized void progress(long done) {
        if (!enabled) {
            return;
        }
        long now = System.nanoTime();
        if (now - lastPrint < MIN_INTERVAL_NANOS && done != total) {
            return;
        }
        lastPrint = now;
        StringBuilder line = new StringBuilder("\r").append(phase);
        if (total > 0) {
            line.append(String.format(Locale.ROOT, " %5.1f %%", 100.0 * done / total));
        }
        double seconds = (now - phaseStart) / 1e9;
        if (unit == Unit.BYTES && seconds > 0.5) {
            line.append(String.format(Locale.ROOT, "  %.0f MB/s", done / seconds / 1e6));
        }
        line.append("\u001b[K");
        out.print(line);
        out.flush();
    }

    /** Clears the meter line so the command's real output starts on a clean line. */
    public synchronized void finish() {
        if (enabled) {
            out.print("\r\u001b[K");
            out.flush();
        }
    }

    @Override
    public boolean isCancelled() {
        return cancelled;
    }
}
