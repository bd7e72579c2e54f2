import com.sun.management.HotSpotDiagnosticMXBean;
import java.io.RandomAccessFile;
import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * Direct and mapped buffers of known sizes (issue 20): eight 1 MB direct buffers in one list,
 * three views of the first (a slice, a duplicate, a read-only view) in another, one 256 KB
 * mapped file, and two 512 KB direct buffers dropped before the dump. The dump is taken without
 * a GC first ({@code live=false}), so the dropped two are still in it, their cleaner not yet run;
 * with a third argument {@code live} it is taken after a GC, which leaves only their deallocators.
 * One more 256 KB buffer stays held though its cleaner was run by hand ({@code Unsafe.invokeCleaner}).
 * Three parked threads were started with a 512 KB stack size of their own.
 */
public class OffHeapBuffers {
    static final List<ByteBuffer> pool = new ArrayList<>();
    static final List<ByteBuffer> views = new ArrayList<>();
    static MappedByteBuffer mapped;
    /** Held, but its memory freed already by its cleaner, run by hand. */
    static ByteBuffer freed;

    /** Apart from main, so that no local of the dumping frame holds the dropped buffers. */
    static void drop() {
        ByteBuffer a = ByteBuffer.allocateDirect(512 * 1024);
        ByteBuffer b = ByteBuffer.allocateDirect(512 * 1024);
        a.put(0, (byte) 1);
        b.put(0, (byte) 1);
    }

    /** Apart from main, so that no local of the dumping frame holds a buffer. */
    static void fill(String mappedFile) throws Exception {
        for (int i = 0; i < 8; i++) {
            pool.add(ByteBuffer.allocateDirect(1024 * 1024));
        }
        ByteBuffer first = pool.get(0);
        views.add(first.slice(0, 4096));
        views.add(first.duplicate());
        views.add(first.asReadOnlyBuffer());
        try (RandomAccessFile f = new RandomAccessFile(mappedFile, "rw")) {
            f.setLength(256 * 1024);
            mapped = f.getChannel().map(FileChannel.MapMode.READ_WRITE, 0, 256 * 1024);
        }
        freed = ByteBuffer.allocateDirect(256 * 1024);
        java.lang.reflect.Field theUnsafe = Class.forName("sun.misc.Unsafe").getDeclaredField("theUnsafe");
        theUnsafe.setAccessible(true);
        ((sun.misc.Unsafe) theUnsafe.get(null)).invokeCleaner(freed);
    }

    static void park() {
        for (int i = 0; i < 3; i++) {
            Thread t = new Thread(null, () -> {
                try {
                    NEVER.await();
                } catch (InterruptedException e) {
                    // The JVM exits with the dump written.
                }
            }, "parked-" + i, 512 * 1024);
            t.setDaemon(true);
            t.start();
        }
    }

    static final CountDownLatch NEVER = new CountDownLatch(1);

    public static void main(String[] args) throws Exception {
        fill(args[1]);
        drop();
        park();
        // "live": a GC first, in the same safepoint as the dump, so the dropped buffers are gone but their
        // cleaners (run by the reference handler afterwards) are still linked, with their deallocators.
        boolean live = args.length > 2 && args[2].equals("live");
        ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class).dumpHeap(args[0], live);
        System.out.println("dumped");
    }
}
