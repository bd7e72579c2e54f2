import com.sun.management.HotSpotDiagnosticMXBean;
import java.lang.classfile.ClassFile;
import java.lang.constant.ClassDesc;
import java.lang.constant.ConstantDescs;
import java.lang.management.ManagementFactory;
import java.util.HashMap;
import java.util.Map;

/**
 * A heap big enough for the window's speed checks, with figures known by construction.
 * Args: DUMP_FILE CLASSES WIDE.
 * <ul>
 *   <li>{@code wide}: one Object[] holding WIDE distinct {@code Leaf} objects (each with its own
 *       {@code byte[8]}), so the array immediately dominates WIDE children: the node the
 *       dominator tree must page;</li>
 *   <li>{@code generated}: one instance of each of CLASSES generated classes {@code gen.pNN.CNNNNN}
 *       spread over 100 packages, so the histogram has that many rows to filter;</li>
 *   <li>{@code map}: a HashMap of 100,000 Integer to String entries (about 400,000 more objects).</li>
 * </ul>
 */
public class BigHeap {
    static final class Leaf {
        long id;
        byte[] payload;

        Leaf(long id) {
            this.id = id;
            this.payload = new byte[8];
        }
    }

    static Object[] wide;
    static Object[] generated;
    static Map<Integer, String> map;

    public static void main(String[] args) throws Exception {
        String file = args[0];
        int classes = Integer.parseInt(args[1]);
        int width = Integer.parseInt(args[2]);
        wide = new Object[width];
        for (int i = 0; i < width; i++) {
            wide[i] = new Leaf(i);
        }
        generated = new Object[classes];
        Loader loader = new Loader(BigHeap.class.getClassLoader());
        for (int i = 0; i < classes; i++) {
            String name = String.format("gen.p%02d.C%05d", i % 100, i);
            byte[] bytes = ClassFile.of().build(ClassDesc.of(name), cb -> cb
                    .withFlags(ClassFile.ACC_PUBLIC)
                    .withField("value", ConstantDescs.CD_long, ClassFile.ACC_PUBLIC)
                    .withMethodBody(ConstantDescs.INIT_NAME, ConstantDescs.MTD_void, ClassFile.ACC_PUBLIC, code -> code
                            .aload(0)
                            .invokespecial(ConstantDescs.CD_Object, ConstantDescs.INIT_NAME, ConstantDescs.MTD_void)
                            .return_()));
            Class<?> c = loader.define(name, bytes);
            generated[i] = c.getDeclaredConstructor().newInstance();
        }
        map = new HashMap<>();
        for (int i = 0; i < 100_000; i++) {
            map.put(i, "value-" + i);
        }
        ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class).dumpHeap(file, true);
        System.out.println("dumped");
    }

    /** Defines the generated classes; one loader for all keeps the class-loader table short. */
    static final class Loader extends ClassLoader {
        Loader(ClassLoader parent) {
            super(parent);
        }

        Class<?> define(String name, byte[] bytes) {
            return defineClass(name, bytes, 0, bytes.length);
        }
    }
}
