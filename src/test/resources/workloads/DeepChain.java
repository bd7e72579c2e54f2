import com.sun.management.HotSpotDiagnosticMXBean;
import java.lang.management.ManagementFactory;

/**
 * A hostile object graph for the "no recursion on graph depth" tests (issue 17): a singly linked
 * list of 2,000,000 nodes held by a static field, its last node holding a ChainEnd, and a ring of
 * 200,000 nodes held by another static, the node farthest from the static holding a RingEnd.
 * Every path to a ChainEnd is 2,000,000 references long; the dominator tree is as deep.
 *
 * <p>Arguments: the dump's path, then optionally the chain's and the ring's lengths.
 */
public class DeepChain {
    static final class ChainNode {
        ChainNode next;
        Object end;
    }

    static final class ChainEnd {
        final long id;

        ChainEnd(long id) {
            this.id = id;
        }
    }

    static final class RingNode {
        RingNode next;
        Object end;
    }

    static final class RingEnd {
    }

    static ChainNode chain;
    static RingNode ring;

    public static void main(String[] args) throws Exception {
        int chainLength = args.length > 1 ? Integer.parseInt(args[1]) : 2_000_000;
        int ringLength = args.length > 2 ? Integer.parseInt(args[2]) : 200_000;
        // Built from the far end so no recursion or second pass is needed.
        ChainNode head = null;
        for (int i = 0; i < chainLength; i++) {
            ChainNode n = new ChainNode();
            n.next = head;
            if (head == null) {
                n.end = new ChainEnd(42);
            }
            head = n;
        }
        chain = head;
        RingNode first = new RingNode();
        RingNode last = first;
        for (int i = 1; i < ringLength; i++) {
            RingNode n = new RingNode();
            last.next = n;
            last = n;
        }
        last.next = first;
        last.end = new RingEnd();
        ring = first;
        HotSpotDiagnosticMXBean bean = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
        bean.dumpHeap(args[0], true);
        System.out.println("dumped " + chainLength + " " + ringLength + " " + (chain != null) + " " + (ring != null));
    }
}
