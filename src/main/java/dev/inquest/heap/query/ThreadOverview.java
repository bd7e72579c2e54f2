package dev.inquest.heap.query;

import dev.inquest.heap.graph.DominatorTree;
import dev.inquest.heap.index.DumpInternals;
import dev.inquest.heap.index.GcRoots;
import dev.inquest.heap.model.HeapDump;
import dev.inquest.heap.model.StackFrame;
import dev.inquest.heap.model.ThreadInfo;
import dev.inquest.heap.store.LongList;
import dev.inquest.progress.Progress;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Threads with their stacks (the dump's TRACE/FRAME records) and what their local variables
 * keep alive. The locals of a thread are the objects of its JAVA_FRAME, JNI_LOCAL, NATIVE_STACK
 * and THREAD_BLOCK roots; {@code localsRetained} is the exact retained size of the set of those the
 * thread alone keeps alive (dominated by the thread object): an object two locals share counts
 * once, and counts at all. Linear in the root records plus each thread's dominator subtree.
 */
public final class ThreadOverview {
    /** One thread, largest retained first. */
    public record Row(long serial, long node, long address, String name, String className, long retained,
            long locals, long localsRetained, List<ObjectBrief> biggestLocals, List<StackFrame> frames) {
    }

    private ThreadOverview() {
    }

    public static List<Row> compute(HeapDump dump, Progress progress) {
        ObjectReader r = new ObjectReader(dump);
        DominatorTree tree = DumpInternals.of(dump).dominatorTree();
        GcRoots roots = DumpInternals.of(dump).index().gcRoots();
        Map<Long, LongList> localsBySerial = new HashMap<>();
        for (long i = 0; i < roots.count(); i++) {
            if (roots.kind(i).threadLocal()) {
                localsBySerial.computeIfAbsent(roots.threadSerial(i), k -> new LongList()).add(roots.node(i));
            }
            if ((i & 0xFFFF) == 0) {
                progress.checkCancelled();
            }
        }
        List<Row> rows = new ArrayList<>();
        for (ThreadInfo t : dump.threads()) {
            LongList all = localsBySerial.getOrDefault(t.serial(), new LongList());
            long[] distinct = all.distinct();
            LongList owned = new LongList();
            for (long x : distinct) {
                if (x != t.node() && tree.isReachable(x) && tree.dominates(t.node(), x)) {
                    owned.add(x);
                }
            }
            long[] ownedNodes = owned.toArray();
            List<ObjectBrief> biggest = new ArrayList<>();
            for (long x : ownedNodes) {
                biggest.add(ObjectBrief.of(r, x));
            }
            biggest.sort(Comparator.comparingLong(ObjectBrief::retained).reversed());
            rows.add(new Row(t.serial(), t.node(), t.address(), t.name(), t.className(), t.retained(), distinct.length,
                    r.retainedOfSet(ownedNodes, progress), List.copyOf(biggest.subList(0, Math.min(10, biggest.size()))),
                    t.frames()));
        }
        rows.sort(Comparator.comparingLong(Row::retained).reversed().thenComparingLong(Row::serial));
        return List.copyOf(rows);
    }
}
