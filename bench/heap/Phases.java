import dev.inquest.heap.model.HeapDump;
import dev.inquest.heap.model.OpenOptions;
import dev.inquest.progress.Progress;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Prints each phase of a first open with its wall time, process CPU time and the resident set
 * size at its end, and the bytes it read and wrote and its major faults (where a capped open's
 * I/O goes), to see where time and memory go. Usage (after ./mvnw package):
 * java -Xmx2g -cp target/inquest.jar bench/heap/Phases.java DUMP [MEMORY]
 * (MEMORY, such as 360m, is the budget for the whole process, as {@code --memory} takes it)
 */
public class Phases {
    static long t0 = System.nanoTime(), cpu0 = cpu(), tPhase = t0, cpuPhase = cpu0;
    static String phase = "start";
    static long peak;
    static String peakPhase;

    static long cpu() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    static long rss() {
        try {
            for (String l : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (l.startsWith("VmRSS:")) {
                    return Long.parseLong(l.replaceAll("[^0-9]", "")) / 1024;
                }
            }
        } catch (Exception e) {
        }
        return -1;
    }

    static long[] ioPhase = io();
    /** {@code -Dphases.log=FILE}: each phase's start (System.nanoTime, CLOCK_MONOTONIC on Linux) and name. */
    static final Path LOG = System.getProperty("phases.log") == null ? null : Path.of(System.getProperty("phases.log"));

    /** Bytes read from and written to storage, and major faults, so far (Linux; zeros elsewhere). */
    static long[] io() {
        long[] out = new long[3];
        try {
            for (String l : Files.readAllLines(Path.of("/proc/self/io"))) {
                if (l.startsWith("read_bytes:")) {
                    out[0] = Long.parseLong(l.replaceAll("[^0-9]", ""));
                } else if (l.startsWith("write_bytes:")) {
                    out[1] = Long.parseLong(l.replaceAll("[^0-9]", ""));
                }
            }
            String stat = Files.readString(Path.of("/proc/self/stat"));
            out[2] = Long.parseLong(stat.substring(stat.lastIndexOf(')') + 2).split(" ")[9]);
        } catch (Exception e) {
            // Not Linux: no I/O figures.
        }
        return out;
    }

    static synchronized void end(String next) {
        long now = System.nanoTime(), c = cpu();
        long[] io = io();
        var heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
        System.err.printf("%-28s %6d ms wall %6d ms cpu  rss %5d MB (peak %5d MB)  java heap %4d/%4d MB"
                        + "  read %6d MB  written %6d MB  major faults %6d%n", phase,
                (now - tPhase) / 1_000_000, (c - cpuPhase) / 1_000_000, rss(), peak, heap.getUsed() >> 20,
                heap.getCommitted() >> 20, (io[0] - ioPhase[0]) >> 20, (io[1] - ioPhase[1]) >> 20, io[2] - ioPhase[2]);
        phase = next;
        if (LOG != null) {
            // For bench/heap/phase-io.sh: when each phase began, on the clock perf's trace uses.
            try {
                Files.writeString(LOG, now + " " + next.replace(' ', '_') + "\n", java.nio.file.StandardOpenOption.CREATE,
                        java.nio.file.StandardOpenOption.APPEND);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
        tPhase = now;
        cpuPhase = c;
        ioPhase = io;
    }

    public static void main(String[] args) throws Exception {
        Thread sampler = Thread.ofPlatform().daemon().start(() -> {
            while (true) {
                long r = rss();
                synchronized (Phases.class) {
                    if (r > peak) {
                        peak = r;
                        peakPhase = phase;
                    }
                }
                try {
                    Thread.sleep(20);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        Progress p = new Progress() {
            public void phase(String name, long total, Unit unit) {
                end(name);
            }

            public void progress(long done) {
            }

            public boolean isCancelled() {
                return false;
            }
        };
        OpenOptions options = args.length > 1
                ? OpenOptions.DEFAULT.withMemory(dev.inquest.heap.MemoryBudget.setting(dev.inquest.heap.MemoryBudget.parseSize(args[1])))
                : OpenOptions.DEFAULT;
        try (HeapDump d = HeapDump.open(Path.of(args[0]), options, p)) {
            end("summary");
            System.err.println(d.summary().objects() + " objects");
        }
        end("closed");
        System.err.printf("total %d ms wall, %d ms cpu, peak rss %d MB in %s%n", (System.nanoTime() - t0) / 1_000_000,
                (cpu() - cpu0) / 1_000_000, peak, peakPhase);
    }
}
