import com.sun.management.HotSpotDiagnosticMXBean;
import java.lang.management.ManagementFactory;

/**
 * Two holders share one big payload: each alone retains only itself and its own small array,
 * both together retain the payload too (MAT's retained set of a selection). A subclass instance
 * beside them, with its own array, is counted only with --instanceof.
 */
public class SharedRetained {
    static class Payload {
        final byte[] data = new byte[200_000];
    }

    static class Holder {
        final Payload shared;
        final byte[] own = new byte[1_000];

        Holder(Payload shared) {
            this.shared = shared;
        }
    }

    static class SpecialHolder extends Holder {
        final byte[] extra = new byte[3_000];

        SpecialHolder() {
            super(null);
        }
    }

    static Holder[] holders;
    static Holder special;

    /** Apart from main, so that no local of the dumping frame roots the payload. */
    static void build() {
        Payload p = new Payload();
        holders = new Holder[] {new Holder(p), new Holder(p)};
        special = new SpecialHolder();
    }

    public static void main(String[] args) throws Exception {
        build();
        ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class).dumpHeap(args[0], true);
        System.out.println("dumped");
    }
}
