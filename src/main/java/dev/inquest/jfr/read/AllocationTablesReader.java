package dev.inquest.jfr.read;

import dev.inquest.jfr.alloc.AllocationTables;
import dev.inquest.jfr.load.ChunkReader;
import dev.inquest.jfr.load.JfrSource;
import dev.inquest.jfr.stack.FrameType;
import dev.inquest.jfr.stack.StackNode;
import dev.inquest.jfr.stack.StackTree;
import dev.inquest.progress.Progress;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import jdk.jfr.consumer.EventStream;
import jdk.jfr.consumer.RecordedThread;

/**
 * Builds {@link AllocationTables}: class and top-frame tables come from an allocation
 * {@link StackTree} the caller already has (no second pass over the samples); the thread table
 * from jdk.ThreadAllocationStatistics.
 */
public final class AllocationTablesReader {
    private AllocationTablesReader() {
    }

    public static AllocationTables read(JfrSource source, StackTree allocTree, Progress progress) throws IOException {
        if (allocTree.reversed()) {
            throw new IllegalArgumentException("needs the forward (root-first) allocation tree");
        }
        Map<String, Long> byClass = new HashMap<>();
        Map<String, Long> byFrame = new HashMap<>();
        walk(allocTree.root(), null, byClass, byFrame);
        List<ThreadPart> parts = ChunkReader.read(source, "Reading thread allocation statistics",
                Set.of("jdk.ThreadAllocationStatistics"), ThreadPart::new, progress).results();
        Map<String, long[]> threads = new HashMap<>();
        for (ThreadPart p : parts) {
            p.minMax.forEach((k, v) -> threads.merge(k, v, (a, b) -> new long[] {Math.min(a[0], b[0]), Math.max(a[1], b[1])}));
        }
        List<AllocationTables.ThreadRow> threadRows = new ArrayList<>();
        threads.forEach((k, v) -> threadRows.add(new AllocationTables.ThreadRow(k, v[1] - v[0], v[1])));
        threadRows.sort(Comparator.comparingLong(AllocationTables.ThreadRow::allocatedSinceStart).reversed()
                .thenComparing(AllocationTables.ThreadRow::thread));
        long total = allocTree.total();
        return new AllocationTables(rows(byClass, total), rows(byFrame, total), List.copyOf(threadRows), total);
    }

    // Iterative: stacks can be thousands of frames deep.
    private static void walk(StackNode root, StackNode rootParent, Map<String, Long> byClass, Map<String, Long> byFrame) {
        java.util.ArrayDeque<StackNode[]> todo = new java.util.ArrayDeque<>();
        todo.push(new StackNode[] {root, rootParent});
        while (!todo.isEmpty()) {
            StackNode[] step = todo.pop();
            StackNode n = step[0];
            StackNode parent = step[1];
            if (n.type() == FrameType.CLASS) {
                byClass.merge(n.name(), n.total(), Long::sum);
                String frame = parent == null || parent.type() == FrameType.ROOT ? "<no stack trace>" : parent.name();
                byFrame.merge(frame, n.total(), Long::sum);
                continue;
            }
            for (StackNode c : n.children()) {
                todo.push(new StackNode[] {c, n});
            }
        }
    }

    private static List<AllocationTables.Row> rows(Map<String, Long> m, long total) {
        List<AllocationTables.Row> rows = new ArrayList<>();
        m.forEach((k, v) -> rows.add(new AllocationTables.Row(k, v, total == 0 ? 0 : (double) v / total)));
        rows.sort(Comparator.comparingLong(AllocationTables.Row::bytes).reversed().thenComparing(AllocationTables.Row::key));
        return List.copyOf(rows);
    }

    private static final class ThreadPart implements ChunkReader.ChunkTask<ThreadPart> {
        final Map<String, long[]> minMax = new HashMap<>();

        @Override
        public void subscribe(EventStream s, Runnable tick) {
            s.onEvent("jdk.ThreadAllocationStatistics", e -> {
                tick.run();
                RecordedThread t = e.getThread("thread");
                if (t == null) {
                    return;
                }
                String name = t.getJavaName() != null ? t.getJavaName() : t.getOSName();
                long v = e.getLong("allocated");
                minMax.merge(name, new long[] {v, v}, (a, b) -> new long[] {Math.min(a[0], b[0]), Math.max(a[1], b[1])});
            });
        }

        @Override
        public ThreadPart result() {
            return this;
        }
    }
}
