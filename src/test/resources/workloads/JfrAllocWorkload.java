import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import jdk.jfr.Configuration;
import jdk.jfr.Recording;

/**
 * Writes a recording whose allocation answer is known by construction:
 * thread "alloc-eighty" runs {@code allocateEighty} (long[126] = 1,024 bytes each, 80 % of the bytes),
 * thread "alloc-twenty" runs {@code allocateTwenty} (int[252] = 1,024 bytes each, 20 %);
 * then {@code retain} keeps growing old objects ({@code Retained} instances) across forced GCs,
 * with old-object sampling and paths to GC roots on.
 * Prints "thread NAME BYTES" for each thread, as HotSpot counted it.
 * Args: OUT.jfr [MEGABYTES_TOTAL (default 400)]
 */
public class JfrAllocWorkload {
    static volatile Object sink;
    static final Object[] SINK = new Object[1024];
    static final List<Retained> RETAINED = new ArrayList<>();

    static final class Retained {
        final byte[] payload = new byte[2048];
        final int id;

        Retained(int id) {
            this.id = id;
        }
    }

    static void allocateEighty(long bytes) {
        for (long done = 0, i = 0; done < bytes; done += 1024, i++) {
            SINK[(int) (i & 1023)] = new long[126];
        }
    }

    static void allocateTwenty(long bytes) {
        for (long done = 0, i = 0; done < bytes; done += 1024, i++) {
            SINK[(int) ((i + 512) & 1023)] = new int[252];
        }
    }

    static void retain(int n) {
        for (int i = 0; i < n; i++) {
            RETAINED.add(new Retained(RETAINED.size()));
        }
    }

    /** Starting another recording makes the recorder start a new chunk: tests need several. */
    static void rotateChunk() {
        try (Recording other = new Recording()) {
            other.start();
            other.stop();
        }
    }

    static void awaitQuietly(java.util.concurrent.CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args[0]);
        long total = (args.length > 1 ? Long.parseLong(args[1]) : 400) << 20;
        Recording r = new Recording(Configuration.getConfiguration("profile"));
        r.enable("jdk.ObjectAllocationSample").with("throttle", "5000/s");
        r.enable("jdk.OldObjectSample").with("cutoff", "infinity").withStackTrace();
        r.enable("jdk.GCHeapSummary");
        r.enable("jdk.GarbageCollection");
        r.enable("jdk.ThreadAllocationStatistics").withPeriod(java.time.Duration.ofMillis(100));
        r.start();
        com.sun.management.ThreadMXBean mx = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long[] allocated = new long[2];
        // The threads stay alive until a chunk rotation has emitted jdk.ThreadAllocationStatistics
        // (an everyChunk event, only for live threads) with their final totals.
        java.util.concurrent.CountDownLatch done = new java.util.concurrent.CountDownLatch(2);
        java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        Thread eighty = new Thread(() -> {
            long before = mx.getCurrentThreadAllocatedBytes();
            allocateEighty(total * 8 / 10);
            allocated[0] = mx.getCurrentThreadAllocatedBytes() - before;
            done.countDown();
            awaitQuietly(release);
        }, "alloc-eighty");
        Thread twenty = new Thread(() -> {
            long before = mx.getCurrentThreadAllocatedBytes();
            allocateTwenty(total * 2 / 10);
            allocated[1] = mx.getCurrentThreadAllocatedBytes() - before;
            done.countDown();
            awaitQuietly(release);
        }, "alloc-twenty");
        eighty.start();
        twenty.start();
        done.await();
        Thread.sleep(600);
        rotateChunk();
        release.countDown();
        eighty.join();
        twenty.join();
        for (int gc = 0; gc < 4; gc++) {
            retain(2000);
            System.gc();
            Thread.sleep(50);
            if (gc == 1) {
                rotateChunk();
            }
        }
        Thread.sleep(300);
        r.stop();
        r.dump(out);
        r.close();
        System.out.println("thread alloc-eighty " + allocated[0]);
        System.out.println("thread alloc-twenty " + allocated[1]);
        System.out.println("retained " + RETAINED.size());
    }
}
