import com.sun.management.HotSpotDiagnosticMXBean;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * A small service that leaks sessions into a static cache: the heap a user would open to find
 * out why memory grows. Used for the window's screenshots. Args: DUMP_FILE.
 */
public class SessionLeak {
    static final class Session {
        final String id;
        final String user;
        final byte[] buffer;
        final List<String> history = new ArrayList<>();
        long lastSeen;

        Session(int i) {
            this.id = "session-" + i;
            this.user = "user-" + (i % 50) + "@example.com";
            this.buffer = new byte[2048];
            for (int k = 0; k < 4; k++) {
                history.add("/checkout/cart?item=" + (i * 7 + k) % 300);
            }
            this.lastSeen = 1_700_000_000_000L + i;
        }
    }

    static final class SessionCache {
        final Map<String, Session> sessions = new HashMap<>();
    }

    static final SessionCache CACHE = new SessionCache();
    static final List<Runnable> LISTENERS = new ArrayList<>();
    static Thread worker;

    public static void main(String[] args) throws Exception {
        for (int i = 0; i < 6_000; i++) {
            Session s = new Session(i);
            CACHE.sessions.put(s.id, s);
        }
        for (int i = 0; i < 200; i++) {
            int n = i;
            LISTENERS.add(() -> System.out.println(n));
        }
        CountDownLatch ready = new CountDownLatch(1);
        CountDownLatch done = new CountDownLatch(1);
        worker = new Thread(() -> {
            byte[] scratch = new byte[256 * 1024];
            ready.countDown();
            try {
                done.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            System.out.println(scratch.length);
        }, "request-worker-3");
        worker.setDaemon(true);
        worker.start();
        ready.await();
        ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class).dumpHeap(args[0], true);
        done.countDown();
        System.out.println("dumped");
    }
}
