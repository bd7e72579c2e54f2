import com.sun.management.HotSpotDiagnosticMXBean;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Benchmark workload for issue 3: builds a realistic heap of about SCALE x 15M objects and
 * SCALE x 1 GB, then writes a live heap dump of itself.
 *
 * <pre>java -Xmx6g bench/heap/HeapWorkload.java OUT.hprof [SCALE [LEAK_PERCENT]]</pre>
 *
 * LEAK_PERCENT (default 100) stops the session leak early: the same process an instant before,
 * used as the baseline of the comparison benchmark (everything else is built identically).
 *
 * Shape (per scale unit, approximate): a leaking static session cache (ConcurrentHashMap with
 * String keys, ~750k sessions of ~10 objects each, the biggest retained set), customer
 * directories (HashMaps of String to POJOs with nested address objects), order books (ArrayLists
 * of orders holding Object[] item arrays and char[] notes) and a pool of 1 MB byte[] buffers.
 * No long linked chains: the deepest path is about ten references, so the peer's dominator
 * walks are not the bottleneck being measured.
 */
public class HeapWorkload {
    /** The leak: sessions are added and never removed. */
    static final Map<String, Session> SESSION_CACHE = new ConcurrentHashMap<>();
    static final List<Map<String, Customer>> DIRECTORIES = new ArrayList<>();
    static final List<List<Order>> ORDER_BOOKS = new ArrayList<>();
    static final List<byte[]> BUFFERS = new ArrayList<>();
    static final String[] CITIES = {"Lisbon", "Porto", "Oslo", "Lyon", "Graz", "Turku", "Cork", "Brno"};
    static final String[] EVENTS = {"login", "view", "search", "add-to-cart", "checkout", "logout"};

    record Event(String name, long at, int code) {
    }

    static final class Session {
        final String id;
        final long created;
        final byte[] attributes;
        final List<Event> events = new ArrayList<>(4);
        int hits;

        Session(String id, long created, byte[] attributes) {
            this.id = id;
            this.created = created;
            this.attributes = attributes;
        }
    }

    static final class Address {
        final String street;
        final String city;
        final int zip;

        Address(String street, String city, int zip) {
            this.street = street;
            this.city = city;
            this.zip = zip;
        }
    }

    static final class Customer {
        final long id;
        final String name;
        final String email;
        final Address address;
        final int age;

        Customer(long id, String name, String email, Address address, int age) {
            this.id = id;
            this.name = name;
            this.email = email;
            this.address = address;
            this.age = age;
        }
    }

    static final class Item {
        final String sku;
        final double price;

        Item(String sku, double price) {
            this.sku = sku;
            this.price = price;
        }
    }

    static final class Order {
        final long id;
        final double amount;
        final char[] note;
        final Object[] items;

        Order(long id, double amount, char[] note, Object[] items) {
            this.id = id;
            this.amount = amount;
            this.note = note;
            this.items = items;
        }
    }

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args[0]);
        int scale = args.length > 1 ? Integer.parseInt(args[1]) : 1;
        int leakPercent = args.length > 2 ? Integer.parseInt(args[2]) : 100;
        SplittableRandom rnd = new SplittableRandom(42);
        long t0 = System.nanoTime();
        long time = 1_700_000_000_000L;
        for (int i = 0; i < 750_000L * scale * leakPercent / 100; i++) {
            Session s = new Session("session-" + Long.toHexString(rnd.nextLong()), time + i,
                    new byte[128 + rnd.nextInt(160)]);
            for (int k = 0, events = 1 + rnd.nextInt(4); k < events; k++) {
                s.events.add(new Event(EVENTS[rnd.nextInt(EVENTS.length)], time + i + k, rnd.nextInt(500)));
            }
            SESSION_CACHE.put(s.id, s);
        }
        for (int d = 0; d < 45 * scale; d++) {
            Map<String, Customer> dir = new HashMap<>();
            for (int i = 0; i < 10_000; i++) {
                long id = (long) d * 10_000 + i;
                String name = "Customer " + id;
                Customer c = new Customer(id, name, "c" + id + "@example.com",
                        new Address(rnd.nextInt(999) + " Main Street", CITIES[rnd.nextInt(CITIES.length)],
                                10_000 + rnd.nextInt(89_999)), 18 + rnd.nextInt(70));
                dir.put(name, c);
            }
            DIRECTORIES.add(dir);
        }
        for (int b = 0; b < 60 * scale; b++) {
            List<Order> book = new ArrayList<>();
            for (int i = 0; i < 5_000; i++) {
                Object[] items = new Object[1 + rnd.nextInt(5)];
                for (int k = 0; k < items.length; k++) {
                    items[k] = new Item("SKU-" + rnd.nextInt(1_000_000), rnd.nextDouble() * 100);
                }
                book.add(new Order((long) b * 5_000 + i, rnd.nextDouble() * 1000, new char[8 + rnd.nextInt(40)], items));
            }
            ORDER_BOOKS.add(book);
        }
        for (int i = 0; i < 300 * scale; i++) {
            BUFFERS.add(new byte[1 << 20]);
        }
        long built = System.nanoTime();
        Files.deleteIfExists(out);
        HotSpotDiagnosticMXBean bean = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
        bean.dumpHeap(out.toString(), true);
        long dumped = System.nanoTime();
        Runtime rt = Runtime.getRuntime();
        System.out.printf("built heap in %d ms (%,d MB used), dumped %,d bytes in %d ms: %s%n",
                (built - t0) / 1_000_000, (rt.totalMemory() - rt.freeMemory()) >> 20, Files.size(out),
                (dumped - built) / 1_000_000, out);
    }
}
