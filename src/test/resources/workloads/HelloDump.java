import com.sun.management.HotSpotDiagnosticMXBean;
import java.lang.management.ManagementFactory;

/** Smallest workload: keeps 1,000 byte[100] reachable from a static and dumps the heap. */
public class HelloDump {
    static byte[][] keep;

    public static void main(String[] args) throws Exception {
        keep = new byte[1000][];
        for (int i = 0; i < keep.length; i++) {
            keep[i] = new byte[100];
        }
        ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class).dumpHeap(args[0], true);
        System.out.println("dumped " + keep.length);
    }
}
