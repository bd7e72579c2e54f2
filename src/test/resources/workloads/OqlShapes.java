import com.sun.management.HotSpotDiagnosticMXBean;
import java.lang.management.ManagementFactory;
import java.util.HashMap;
import java.util.Map;

/**
 * Objects whose counts and fields the OQL tests check by hand: two big HashMaps among small ones,
 * orders whose customer names repeat, connections that are open or closed in two pools, a small
 * class hierarchy and two arrays. Names are built at run time so no literal copy joins them.
 */
public class OqlShapes {
    static class Order {
        String customer;
        int amount;

        Order(String customer, int amount) {
            this.customer = customer;
            this.amount = amount;
        }
    }

    static class Pool {
        String name;

        Pool(String name) {
            this.name = name;
        }
    }

    static class Connection {
        Pool pool;
        boolean closed;
        byte[] buffer;

        Connection(Pool pool, boolean closed, int size) {
            this.pool = pool;
            this.closed = closed;
            this.buffer = new byte[size];
        }
    }

    static class Base {
    }

    static class Derived extends Base {
    }

    /** A web session; {@code lastAccess} in ms since 1970, as System.currentTimeMillis gives it. */
    static class Session {
        final long lastAccess;

        Session(long lastAccess) {
            this.lastAccess = lastAccess;
        }
    }

    static Object[] keep;
    static long[] numbers = {7, 8, 9};

    static String name(String prefix, String who) {
        return new StringBuilder(prefix).append(who).toString();
    }

    public static void main(String[] args) throws Exception {
        Map<Integer, Integer> big1 = new HashMap<>();
        for (int i = 0; i < 1500; i++) {
            big1.put(i, i);
        }
        Map<Integer, Integer> big2 = new HashMap<>();
        for (int i = 0; i < 2500; i++) {
            big2.put(i, i);
        }
        Object[] smalls = new Object[10];
        for (int i = 0; i < smalls.length; i++) {
            Map<Integer, Integer> m = new HashMap<>();
            for (int j = 0; j < 5; j++) {
                m.put(j, j);
            }
            smalls[i] = m;
        }
        Order[] orders = new Order[271];
        int k = 0;
        for (int i = 0; i < 120; i++) {
            orders[k] = new Order(name("cust-", "alice"), k);
            k++;
        }
        for (int i = 0; i < 50; i++) {
            orders[k] = new Order(name("cust-", "bob"), k);
            k++;
        }
        for (int i = 0; i < 101; i++) {
            orders[k] = new Order(name("cust-", "carol"), k);
            k++;
        }
        Pool a = new Pool(name("pool", "A"));
        Pool b = new Pool(name("pool", "B"));
        Connection[] conns = new Connection[10];
        for (int i = 0; i < 5; i++) {
            conns[i] = new Connection(a, i >= 3, 1000); // 3 open, 2 closed
        }
        for (int i = 5; i < 10; i++) {
            conns[i] = new Connection(b, i >= 9, 2000); // 4 open, 1 closed
        }
        Base[] shapes = {new Base(), new Base(), new Derived(), new Derived(), new Derived()};
        long now = System.currentTimeMillis();
        // Idle two hours, an hour and a half, a minute: two are older than the dump by an hour.
        Session[] sessions = {new Session(now - 2 * 3_600_000L), new Session(now - 90 * 60_000L), new Session(now - 60_000L)};
        keep = new Object[] {big1, big2, smalls, orders, conns, shapes, sessions};
        ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class).dumpHeap(args[0], true);
        System.out.println("dumped");
    }
}
