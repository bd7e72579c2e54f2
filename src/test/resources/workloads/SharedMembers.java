import com.sun.management.HotSpotDiagnosticMXBean;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.concurrent.CountDownLatch;

/**
 * Sets whose members share what they keep alive, for the exact retained size of a set: a list of
 * 300 items (30 distinct ids, so duplicates by key) that all point at one 500,000-byte blob only
 * they hold, and a thread whose two locals share a 300,000-byte array only they hold. The sum of
 * the members' retained sizes misses both big arrays; the retained set counts each once.
 */
public class SharedMembers {
    static class Blob {
        final byte[] data = new byte[500_000];
    }

    static class Item {
        final String id;
        final Blob blob;
        final byte[] own = new byte[100];

        Item(String id, Blob blob) {
            this.id = id;
            this.blob = blob;
        }
    }

    static ArrayList<Item> items;
    static final CountDownLatch dumped = new CountDownLatch(1);
    static final CountDownLatch holding = new CountDownLatch(1);

    /** Apart from main, so that no local of the dumping frame roots the blob. */
    static void build() {
        Blob b = new Blob();
        items = new ArrayList<>();
        String[] ids = new String[30];
        for (int k = 0; k < ids.length; k++) {
            ids[k] = "item-" + k;
        }
        for (int i = 0; i < 300; i++) {
            items.add(new Item(ids[i % 30], b));
        }
    }

    static void fill(Object[] a, Object[] b) {
        byte[] shared = new byte[300_000];
        a[0] = shared;
        b[0] = shared;
    }

    /** Two locals, one array between them: neither alone keeps it, the thread's frame does. */
    static void hold() throws InterruptedException {
        Object[] first = new Object[1];
        Object[] second = new Object[1];
        fill(first, second);
        holding.countDown();
        dumped.await();
        if (first[0] != second[0]) {
            throw new AssertionError();
        }
    }

    public static void main(String[] args) throws Exception {
        build();
        Thread t = new Thread(() -> {
            try {
                hold();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "holder-thread");
        t.start();
        holding.await();
        ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class).dumpHeap(args[0], true);
        dumped.countDown();
        t.join();
        System.out.println("dumped");
    }
}
