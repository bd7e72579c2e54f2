import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Benchmark workload: allocation-heavy, with many distinct allocation stacks (recursion of
 * varying depth over a dozen call sites and allocated types) on several threads, for the
 * recording started by -XX:StartFlightRecording (see run.sh) has grown to the target size
 * (or a time limit passed), so the benchmark file is about the same size on fast and slow machines.
 * Args: TARGET_MB MAX_SECONDS [THREADS]
 */
public class AllocGenerator {
    static final Object[] SINK = new Object[4096];
    static volatile boolean stop;

    record Order(long id, String customer, double amount, List<String> items) {
    }

    static void keep(Object o, int i) {
        SINK[i & (SINK.length - 1)] = o;
    }

    static Object site(int kind, int i) {
        return switch (kind) {
            case 0 -> new byte[64 + (i & 1023)];
            case 1 -> new char[32 + (i & 255)];
            case 2 -> "order-" + i + "-" + (i * 31);
            case 3 -> {
                List<Integer> l = new ArrayList<>();
                for (int k = 0; k < 24; k++) {
                    l.add(i + k * 1000);
                }
                yield l;
            }
            case 4 -> {
                Map<String, Long> m = new HashMap<>();
                for (int k = 0; k < 8; k++) {
                    m.put("k" + k, (long) i * k);
                }
                yield m;
            }
            case 5 -> new Order(i, "c" + (i & 63), i * 0.5, List.of("a", "b"));
            case 6 -> new long[16 + (i & 127)];
            case 7 -> new StringBuilder(64).append(i).append(':').append(i >> 3).toString();
            case 8 -> new int[8 + (i & 511)];
            case 9 -> Long.valueOf(i * 1_000_003L);
            case 10 -> new Object[12];
            default -> new double[32];
        };
    }

    // Recursion through distinct methods gives the flame graph depth and many distinct stacks.
    static Object layerA(int depth, int kind, int i) {
        return depth == 0 ? site(kind, i) : layerB(depth - 1, kind, i);
    }

    static Object layerB(int depth, int kind, int i) {
        return depth == 0 ? site(kind, i) : ((i & 1) == 0 ? layerA(depth - 1, kind, i) : layerC(depth - 1, kind, i));
    }

    static Object layerC(int depth, int kind, int i) {
        return depth == 0 ? site(kind, i) : layerA(depth - 1, kind, i >> 1);
    }

    static void work(int seed) {
        int i = seed;
        ThreadLocalRandom r = ThreadLocalRandom.current();
        while (!stop) {
            for (int n = 0; n < 10_000; n++, i++) {
                keep(layerA(r.nextInt(12), r.nextInt(12), i), i);
            }
        }
    }

    public static void main(String[] args) throws Exception {
        long targetBytes = Long.parseLong(args[0]) << 20;
        long deadline = System.nanoTime() + Long.parseLong(args[1]) * 1_000_000_000L;
        int threads = args.length > 2 ? Integer.parseInt(args[2]) : 4;
        List<Thread> ts = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int seed = t * 1_000_000;
            Thread th = new Thread(() -> work(seed), "generator-" + t);
            th.start();
            ts.add(th);
        }
        jdk.jfr.Recording rec = jdk.jfr.FlightRecorder.getFlightRecorder().getRecordings().getFirst();
        while (rec.getSize() < targetBytes && System.nanoTime() < deadline) {
            Thread.sleep(500);
        }
        System.out.println("recorded " + (rec.getSize() >> 20) + " MB");
        stop = true;
        for (Thread t : ts) {
            t.join();
        }
    }
}
