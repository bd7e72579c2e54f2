package dev.inquest.testing;

import java.util.ArrayList;
import java.util.List;

/**
 * A child JVM's workload for the capture tests: holds {@code args[0]} instances of {@link Held}
 * (and, with {@code args[1]}, that many MB more in small arrays, for a dump that takes a while),
 * allocates all the time in a thread named {@code capture-worker} (allocation samples, young GCs),
 * prints {@code ready} and waits until its standard input closes, so it never outlives the test.
 */
public final class CaptureTarget {
    public static final String WORKER = "capture-worker";

    /** The class the captures must find, as many as asked. */
    public static final class Held {
        final long id;
        final byte[] payload = new byte[16];

        Held(long id) {
            this.id = id;
        }
    }

    static final List<Held> HELD = new ArrayList<>();
    static final List<long[]> BULK = new ArrayList<>();
    static volatile Object sink;

    private CaptureTarget() {
    }

    public static void main(String[] args) throws Exception {
        int held = Integer.parseInt(args[0]);
        for (int i = 0; i < held; i++) {
            HELD.add(new Held(i));
        }
        int bulkMb = args.length > 1 ? Integer.parseInt(args[1]) : 0;
        for (long i = 0; i < bulkMb * 1024L; i++) {
            BULK.add(new long[120]); // about 1 KB each, many objects: a dump that takes its time
        }
        Thread worker = new Thread(() -> {
            long n = 0;
            while (true) {
                sink = new byte[4096 + (int) (n++ % 1024)];
                if (n % 20_000 == 0) {
                    System.gc(); // GC events in any recording
                }
                if (n % 2_000 == 0) {
                    try {
                        Thread.sleep(5); // busy, not a CPU hog on a shared machine
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }
        }, WORKER);
        worker.setDaemon(true);
        worker.start();
        System.out.println("ready");
        System.out.flush();
        // Until the test closes our stdin (or dies): then exit.
        while (System.in.read() != -1) {
            // Ignore input.
        }
        System.exit(0);
    }
}
