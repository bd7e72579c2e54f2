import dev.inquest.heap.model.HeapDump;
import dev.inquest.heap.model.OpenOptions;
import dev.inquest.progress.Progress;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Prints each phase of a first open with its wall time, process CPU time and the resident set
 * size at its end, to see where time and memory go. Usage (after ./mvnw package):
 * java -Xmx2g -cp target/inquest.jar bench/heap/Phases.java DUMP
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

    static synchronized void end(String next) {
        long now = System.nanoTime(), c = cpu();
        var heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
        System.err.printf("%-28s %6d ms wall %6d ms cpu  rss %5d MB (peak %5d MB)  java heap %4d/%4d MB%n", phase,
                (now - tPhase) / 1_000_000, (c - cpuPhase) / 1_000_000, rss(), peak, heap.getUsed() >> 20,
                heap.getCommitted() >> 20);
        phase = next;
        tPhase = now;
        cpuPhase = c;
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
        try (HeapDump d = HeapDump.open(Path.of(args[0]), OpenOptions.DEFAULT, p)) {
            end("summary");
            System.err.println(d.summary().objects() + " objects");
        }
        end("closed");
        System.err.printf("total %d ms wall, %d ms cpu, peak rss %d MB in %s%n", (System.nanoTime() - t0) / 1_000_000,
                (cpu() - cpu0) / 1_000_000, peak, peakPhase);
    }
}
