import com.sun.management.HotSpotDiagnosticMXBean;
import java.lang.management.ManagementFactory;
import java.util.HashMap;
import java.util.Map;

/**
 * Benchmark heap for the queries: a map that only grows. Writes DIR/big-1.hprof with 80 % of N
 * entries and DIR/big-2.hprof with all N (6 objects per entry: node, Integer key, Item, name,
 * its byte[], long[4]). Usage: java -Xmx6g -XX:+UseParallelGC BigLeak.java DIR N
 */
public class BigLeak {
    static final class Item {
        String name;
        long[] data;
        Item next;
    }

    static Map<Integer, Item> map;

    public static void main(String[] args) throws Exception {
        String dir = args[0];
        int n = Integer.parseInt(args[1]);
        map = new HashMap<>(n * 2);
        Item prev = null;
        for (int i = 0; i < n; i++) {
            if (i == n / 5 * 4) {
                dump(dir + "/big-1.hprof");
            }
            Item it = new Item();
            it.name = "item-" + i;
            it.data = new long[4];
            it.next = (i % 100 == 0) ? null : prev;
            prev = it;
            map.put(i + 1000, it);
        }
        dump(dir + "/big-2.hprof");
        System.out.println("dumped " + map.size());
    }

    static void dump(String file) throws Exception {
        ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class).dumpHeap(file, true);
    }
}
