package dev.inquest.demo.service;

import com.sun.management.HotSpotDiagnosticMXBean;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;
import java.util.Queue;
import jdk.jfr.Configuration;
import jdk.jfr.Recording;

/**
 * Inquest's demo: a small order-processing service with a real leak. Every order's receipt goes
 * into {@link #RECEIPTS}, a cache keyed by order id that nothing ever evicts, while the orders
 * themselves pass through a bounded queue and are dropped (the churn a healthy service has).
 *
 * <p>Records a flight recording (profile settings, every allocation sample unthrottled, old-object sampling
 * with paths to GC roots), dumps the live heap after a warm-up (baseline), keeps leaking, dumps
 * again (after), then stops the recording. Prints {@code leaked BASELINE AFTER}: the number of
 * cached receipts at each dump, so callers can check the dumps against it.
 *
 * <p>Args: DIR ORDERS_BEFORE ORDERS_AFTER. {@code dev.inquest.demo.Demo} runs it in a child JVM from
 * Inquest's own class path: compiled into the jar rather than run as a source file, because the
 * runtime jpackage bundles has no compiler.
 */
public final class LeakyService {
    private LeakyService() {
    }

    /** The leak: receipts are cached "for the audit report" and never evicted. */
    static final Map<Long, Receipt> RECEIPTS = new HashMap<>();
    static final Queue<Order> QUEUE = new ArrayDeque<>();
    static volatile Object sink;
    static long nextId;
    static final String[] CUSTOMERS = new String[97];

    static {
        for (int i = 0; i < CUSTOMERS.length; i++) {
            CUSTOMERS[i] = "customer-" + i;
        }
    }

    record Order(long id, String customer, int[] quantities, String note) {
    }

    /** What leaks: one per order, 512 bytes of "PDF" each. */
    static final class Receipt {
        final long orderId;
        final String customer;
        final byte[] pdf;

        Receipt(long orderId, String customer, int size) {
            this.orderId = orderId;
            this.customer = customer;
            this.pdf = new byte[size];
        }
    }

    static void takeOrders(int n) {
        for (int i = 0; i < n; i++) {
            long id = nextId++;
            Order o = new Order(id, CUSTOMERS[(int) (id % CUSTOMERS.length)], new int[16], "deliver before noon #" + id);
            QUEUE.add(o);
            if (QUEUE.size() > 64) {
                process(QUEUE.poll());
            }
        }
        while (!QUEUE.isEmpty()) {
            process(QUEUE.poll());
        }
    }

    static void process(Order o) {
        // Churn: pricing builds throwaway strings and arrays that die young.
        StringBuilder invoice = new StringBuilder();
        for (int q : o.quantities()) {
            invoice.append(o.customer()).append(':').append(q).append(';');
        }
        sink = invoice.toString();
        sink = new long[32];
        RECEIPTS.put(o.id(), new Receipt(o.id(), o.customer(), 512));
    }

    static void dump(HotSpotDiagnosticMXBean mx, Path file) throws Exception {
        Files.deleteIfExists(file);
        mx.dumpHeap(file.toString(), true);
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        int before = Integer.parseInt(args[1]);
        int after = Integer.parseInt(args[2]);
        HotSpotDiagnosticMXBean mx = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);

        Recording r = new Recording(Configuration.getConfiguration("profile"));
        // Unthrottled: the demo runs for about a second, and its small leaking class must show up in
        // the samples on every run (Demo starts this JVM with small fixed TLABs for the same reason).
        r.enable("jdk.ObjectAllocationSample").with("throttle", "off").withStackTrace();
        // cutoff=infinity is what "path-to-gc-roots=true" sets: chains to roots for old-object samples.
        r.enable("jdk.OldObjectSample").with("cutoff", "infinity").withStackTrace();
        r.enable("jdk.GCHeapSummary");
        r.setDestination(dir.resolve("service.jfr"));
        r.start();

        step("warming up", before);
        takeOrders(before);
        System.gc();
        int baseline = RECEIPTS.size();
        step("baseline heap dump", baseline);
        dump(mx, dir.resolve("baseline.hprof"));

        // Several rounds with GCs in between, so sampled receipts survive and become "old objects".
        int rounds = 5;
        for (int round = 0; round < rounds; round++) {
            step("leaking, round " + (round + 1) + " of " + rounds, RECEIPTS.size());
            takeOrders(after / rounds);
            System.gc();
            Thread.sleep(50);
        }
        int later = RECEIPTS.size();
        step("second heap dump", later);
        dump(mx, dir.resolve("after.hprof"));
        Thread.sleep(Duration.ofMillis(200));
        r.stop(); // writes service.jfr (the destination); old-object chains are resolved at stop
        r.close();
        System.out.println("leaked " + baseline + " " + later);
    }

    static void step(String what, int cached) {
        System.out.println("step " + what + " (" + cached + " receipts cached)");
        System.out.flush();
    }
}
