import com.sun.management.HotSpotDiagnosticMXBean;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import jdk.jfr.Recording;

/**
 * Keeps 200,000 instances of one capturing lambda (a hidden class) while a recording samples
 * every allocation, then writes the recording and a heap dump of the same JVM: the two files
 * spell that class differently ("LambdaAllocations$$Lambda.0x..." and "...$$Lambda+0x...").
 * Args: DIR (writes lambdas.jfr and lambdas.hprof there).
 */
public class LambdaAllocations {
    static final List<Supplier<String>> KEPT = new ArrayList<>();

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        try (Recording r = new Recording()) {
            r.enable("jdk.ObjectAllocationSample").with("throttle", "off");
            r.start();
            for (int i = 0; i < 200_000; i++) {
                int k = i;
                KEPT.add(() -> "value-" + k);
            }
            r.stop();
            r.dump(dir.resolve("lambdas.jfr"));
        }
        ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class)
                .dumpHeap(dir.resolve("lambdas.hprof").toString(), true);
        System.out.println(KEPT.getFirst().getClass().getName());
    }
}
