import org.netbeans.lib.profiler.heap.Heap;
import org.netbeans.lib.profiler.heap.HeapFactory;
import org.netbeans.lib.profiler.heap.HeapSummary;
import org.netbeans.lib.profiler.heap.Instance;

import java.io.File;
import java.util.List;

/**
 * The peer for issue 3: VisualVM's heap engine (NetBeans profiler library). Opens a dump, prints
 * the summary, then the ten objects with the biggest retained sizes (which makes it compute its
 * dominator tree), timing each step.
 *
 * <pre>java -cp org-netbeans-lib-profiler-RELEASE220.jar bench/heap/NetBeansPeer.java DUMP</pre>
 */
public class NetBeansPeer {
    public static void main(String[] args) throws Exception {
        File dump = new File(args[0]);
        long t0 = System.nanoTime();
        Heap heap = HeapFactory.createHeap(dump);
        HeapSummary summary = heap.getSummary();
        long t1 = System.nanoTime();
        System.out.printf("open+summary: %d ms: %,d live instances, %,d live bytes, %,d classes, %,d GC roots%n",
                (t1 - t0) / 1_000_000, summary.getTotalLiveInstances(), summary.getTotalLiveBytes(),
                heap.getAllClasses().size(), heap.getGCRoots().size());
        @SuppressWarnings("unchecked")
        List<Instance> biggest = heap.getBiggestObjectsByRetainedSize(10);
        long t2 = System.nanoTime();
        System.out.printf("biggest objects by retained size: %d ms%n", (t2 - t1) / 1_000_000);
        for (Instance i : biggest) {
            System.out.printf("  %-60s 0x%x shallow %,d retained %,d%n", i.getJavaClass().getName(),
                    i.getInstanceId(), i.getSize(), i.getRetainedSize());
        }
        System.out.printf("total: %d ms%n", (System.nanoTime() - t0) / 1_000_000);
    }
}
