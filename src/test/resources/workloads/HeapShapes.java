import com.sun.management.HotSpotDiagnosticMXBean;
import java.lang.management.ManagementFactory;
import java.lang.ref.SoftReference;
import java.util.concurrent.CountDownLatch;

/**
 * A heap whose figures are known by construction; the test finds each object through the
 * statics of this class. Args: DUMP_FILE [gz]: with "gz" the dump is written by
 * {@code jcmd <self> GC.heap_dump -gz=1} (multi-member gzip), else by the MXBean.
 */
public class HeapShapes {
    static final int HOLDERS = 100;
    static final int PAYLOAD = 1000;

    /** One reference field: 12 + 4 = 16 bytes with compressed oops. */
    static final class Holder {
        byte[] data;
    }

    static final class Node {
        Node next;
        long value;
    }

    static final class Shared {
        int[] numbers = new int[50];
    }

    static final class SoftPayload {
        byte[] bytes = new byte[500];
    }

    static Holder[] holders;
    static Object plainObject;
    static byte[] tenBytes;
    static Object[] tenRefs;
    static String latin;
    static String utf16;
    static Node cycle;
    static SoftReference<SoftPayload> soft;
    static Thread[] sharers;

    public static void main(String[] args) throws Exception {
        holders = new Holder[HOLDERS];
        for (int i = 0; i < HOLDERS; i++) {
            holders[i] = new Holder();
            holders[i].data = new byte[PAYLOAD];
        }
        plainObject = new Object();
        tenBytes = new byte[10];
        tenRefs = new Object[10];
        latin = new StringBuilder("inquest-").append(42).append("-latin").toString();
        utf16 = new StringBuilder("gr\u00fc\u00dfe \u2713 ").append(7).toString();
        cycle = makeCycle();
        soft = new SoftReference<>(new SoftPayload());

        // Two threads hold the same object only in a local variable: two GC roots share it.
        CountDownLatch ready = new CountDownLatch(2);
        CountDownLatch done = new CountDownLatch(1);
        sharers = new Thread[2];
        Shared shared = new Shared();
        for (int i = 0; i < 2; i++) {
            Shared mine = shared;
            sharers[i] = new Thread(() -> hold(mine, ready, done), "sharer-" + i);
            sharers[i].setDaemon(true);
            sharers[i].start();
        }
        shared = null;
        ready.await();
        dump(args);
        done.countDown();
        System.out.println("dumped");
    }

    /** In its own frame so that no local of main keeps b or c alive: a must dominate them. */
    private static Node makeCycle() {
        Node a = new Node();
        Node b = new Node();
        Node c = new Node();
        a.next = b;
        b.next = c;
        c.next = a;
        return a;
    }

    private static void hold(Shared mine, CountDownLatch ready, CountDownLatch done) {
        Shared local = mine;
        ready.countDown();
        try {
            done.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (local.numbers.length != 50) {
            throw new AssertionError();
        }
    }

    private static void dump(String[] args) throws Exception {
        String file = args[0];
        if (args.length > 1 && args[1].equals("gz")) {
            String java = ProcessHandle.current().info().command().orElseThrow();
            String jcmd = java.replaceAll("java$", "jcmd");
            Process p = new ProcessBuilder(jcmd, Long.toString(ProcessHandle.current().pid()), "GC.heap_dump", "-gz=1", file)
                    .inheritIO().start();
            if (p.waitFor() != 0) {
                throw new IllegalStateException("jcmd failed");
            }
        } else {
            ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class).dumpHeap(file, true);
        }
    }
}
