import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import jdk.jfr.Recording;

/**
 * Writes a recording of a process whose Java heap stays flat while memory outside it grows (mode
 * "grow": direct buffers and FFM global-arena segments, never freed), or stays flat too (mode
 * "flat"). Run with -XX:NativeMemoryTracking=summary for the NMT events.
 * Prints "direct BYTES" and "native BYTES": what it kept off the heap.
 * Args: OUT.jfr MODE(grow|flat) STEPS
 */
public class NativeMemoryWorkload {
    static final List<ByteBuffer> DIRECT = new ArrayList<>();
    static volatile Object sink;

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args[0]);
        boolean grow = args[1].equals("grow");
        int steps = Integer.parseInt(args[2]);
        Recording r = new Recording();
        Duration period = Duration.ofMillis(100);
        r.enable("jdk.ResidentSetSize").withPeriod(period);
        r.enable("jdk.DirectBufferStatistics").withPeriod(period);
        r.enable("jdk.NativeMemoryUsage").withPeriod(period);
        r.enable("jdk.NativeMemoryUsageTotal").withPeriod(period);
        r.enable("jdk.GCHeapSummary");
        r.enable("jdk.GarbageCollection");
        r.enable("jdk.MetaspaceSummary");
        r.enable("jdk.CodeCacheStatistics").withPeriod(period);
        r.enable("jdk.GCHeapMemoryUsage").withPeriod(period);
        r.start();
        long direct = 0;
        long nativeBytes = 0;
        for (int i = 0; i < steps; i++) {
            if (grow) {
                // allocateDirect zeroes its memory, and so does the arena: the pages are resident.
                DIRECT.add(ByteBuffer.allocateDirect(4 << 20));
                direct += 4 << 20;
                MemorySegment s = Arena.global().allocate(4 << 20);
                s.fill((byte) 1);
                nativeBytes += 4 << 20;
            }
            // Garbage only: the heap after GC stays where it is.
            for (int j = 0; j < 2000; j++) {
                sink = new byte[1024];
            }
            System.gc();
            Thread.sleep(120);
        }
        Thread.sleep(300);
        r.stop();
        r.dump(out);
        r.close();
        System.out.println("direct " + direct);
        System.out.println("native " + nativeBytes);
    }
}
