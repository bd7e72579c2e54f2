import java.lang.classfile.ClassFile;
import java.lang.constant.ClassDesc;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import jdk.jfr.Configuration;
import jdk.jfr.Recording;

/**
 * Writes a recording whose rule verdicts are known by construction, one shape per mode:
 *   leak        keeps 3 MB per second reachable (a list that only grows), with garbage besides;
 *   queue       a producer puts 3 KB jobs on an unbounded queue twice as fast as the consumer takes them;
 *   classleak   defines 400 classes per second, each in a fresh class loader kept reachable;
 *   systemgc    calls System.gc() ten times and does little else;
 *   flat        the same garbage as leak, with a fixed live set.
 * Prints "retained BYTES" (what the mode kept reachable during the recording) and "classes N".
 * Args: MODE OUT.jfr [SECONDS (default 12)]
 */
public class RulesWorkload {
    static volatile Object sink;
    static final List<Object> KEPT = new ArrayList<>();

    record Job(int id, byte[] payload) {
    }

    /** About {@code mb} megabytes per second of short-lived garbage, for the GCs the rules read. */
    static void garbage(int kbPerTick) {
        for (int i = 0; i < kbPerTick; i++) {
            sink = new byte[1024];
        }
    }

    public static void main(String[] args) throws Exception {
        String mode = args[0];
        Path out = Path.of(args[1]);
        int seconds = args.length > 2 ? Integer.parseInt(args[2]) : 12;
        if (mode.equals("flat")) {
            for (int i = 0; i < 30; i++) {
                KEPT.add(new byte[1 << 20]); // the fixed live set, before the recording starts
            }
        }
        System.gc();
        Recording r = new Recording(Configuration.getConfiguration("default"));
        r.enable("jdk.ClassDefine");
        r.start();
        long retained = 0;
        int classes = 0;
        long end = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
        switch (mode) {
            case "leak", "flat" -> {
                while (System.nanoTime() < end) {
                    garbage(2048);
                    if (mode.equals("leak")) {
                        for (int i = 0; i < 3; i++) {
                            KEPT.add(new byte[100 * 1024]);
                            retained += 100 * 1024;
                        }
                    }
                    Thread.sleep(100);
                }
            }
            case "queue" -> {
                LinkedBlockingQueue<Job> queue = new LinkedBlockingQueue<>();
                Thread consumer = new Thread(() -> {
                    try {
                        while (true) {
                            queue.take();
                            Thread.sleep(2); // about 500 jobs a second at most, slower than the producer
                        }
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }, "consumer");
                consumer.setDaemon(true);
                consumer.start();
                int id = 0;
                while (System.nanoTime() < end) {
                    garbage(2048);
                    for (int i = 0; i < 100; i++) {
                        queue.add(new Job(id++, new byte[3 * 1024]));
                    }
                    Thread.sleep(100);
                }
                retained = (long) queue.size() * 3 * 1024;
                System.out.println("queued " + queue.size());
                sink = queue;
            }
            case "classleak" -> {
                byte[] bytes = ClassFile.of().build(ClassDesc.of("Leaked"), cb -> cb.withFlags(ClassFile.ACC_PUBLIC)
                        .withField("a", ClassDesc.of("java.lang.String"), ClassFile.ACC_PUBLIC)
                        .withField("b", ClassDesc.of("java.lang.Object"), ClassFile.ACC_PUBLIC));
                while (System.nanoTime() < end) {
                    garbage(1024);
                    for (int i = 0; i < 40; i++) {
                        ClassLoader fresh = new ClassLoader(null) {
                            Class<?> define() {
                                return defineClass("Leaked", bytes, 0, bytes.length);
                            }
                        };
                        Class<?> c = (Class<?>) fresh.getClass().getDeclaredMethod("define").invoke(fresh);
                        KEPT.add(c); // the class keeps its loader reachable
                        classes++;
                    }
                    Thread.sleep(100);
                }
            }
            case "systemgc" -> {
                for (int i = 0; i < 10; i++) {
                    garbage(256);
                    System.gc();
                    Thread.sleep(100);
                }
            }
            default -> throw new IllegalArgumentException(mode);
        }
        r.stop();
        r.dump(out);
        r.close();
        System.out.println("retained " + retained);
        System.out.println("classes " + classes);
        System.out.println("kept " + KEPT.size());
    }
}
