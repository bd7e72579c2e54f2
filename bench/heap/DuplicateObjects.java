import com.sun.management.HotSpotDiagnosticMXBean;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;

/**
 * Benchmark heap for duplicate objects by key: N SessionView for N/100 distinct userIds (a fresh
 * String each: the copies the query reports) and N/2 Account with all-distinct names (the case
 * the query must give up on after half of them). About 4.5 objects per N (views, accounts, their
 * Strings and byte[]s). Usage: java -Xmx2g DuplicateObjects.java FILE N
 */
public class DuplicateObjects {
    static final class SessionView {
        final String userId;
        final long openedAt;

        SessionView(String userId, long openedAt) {
            this.userId = userId;
            this.openedAt = openedAt;
        }
    }

    static final class Account {
        final String name;

        Account(String name) {
            this.name = name;
        }
    }

    static List<Object> all;

    public static void main(String[] args) throws Exception {
        int n = Integer.parseInt(args[1]);
        all = new ArrayList<>(n + n / 2);
        for (int i = 0; i < n; i++) {
            all.add(new SessionView(new StringBuilder("user-").append(i % (n / 100)).toString(), i));
        }
        for (int i = 0; i < n / 2; i++) {
            all.add(new Account("account-" + i));
        }
        ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class).dumpHeap(args[0], true);
        System.out.println("dumped " + all.size() + " objects' holders to " + args[0]);
    }
}
