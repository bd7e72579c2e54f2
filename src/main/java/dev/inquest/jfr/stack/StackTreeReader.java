package dev.inquest.jfr.stack;

import dev.inquest.jfr.load.ChunkReader;
import dev.inquest.jfr.load.JfrSource;
import dev.inquest.progress.Progress;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import jdk.jfr.consumer.EventStream;
import jdk.jfr.consumer.RecordedClass;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedMethod;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordedThread;

/**
 * Builds a {@link StackTree} from a recording.
 *
 * <p>The speed comes from never touching a frame per event: within a chunk the JDK parser
 * resolves each stack trace (and class) of the constant pool once, so events of the same stack
 * share one {@link RecordedStackTrace} instance. We sum weights per instance in identity maps and
 * walk frames once per distinct stack per chunk. Chunks run in parallel ({@link ChunkReader}).
 */
public final class StackTreeReader {
    public static final String ALLOC_SAMPLE = "jdk.ObjectAllocationSample";
    public static final String NEW_TLAB = "jdk.ObjectAllocationInNewTLAB";
    public static final String OUTSIDE_TLAB = "jdk.ObjectAllocationOutsideTLAB";
    public static final String EXECUTION_SAMPLE = "jdk.ExecutionSample";
    public static final String MONITOR_ENTER = "jdk.JavaMonitorEnter";
    public static final String THREAD_PARK = "jdk.ThreadPark";

    private static final RecordedClass NO_CLASS_KEY = null;

    private StackTreeReader() {
    }

    public static StackTree read(JfrSource source, StackTreeQuery query, Progress progress) throws IOException {
        List<ChunkResult> parts = ChunkReader.read(source, "Reading stacks", () -> new ChunkTaskImpl(query), progress);
        long[] groupEvents = new long[2];
        for (ChunkResult p : parts) {
            groupEvents[0] += p.events[0];
            groupEvents[1] += p.events[1];
        }
        // Allocation samples and TLAB events describe the same allocations: use one, never both.
        int group = groupEvents[0] > 0 || groupEvents[1] == 0 ? 0 : 1;
        progress.phase("Merging stacks", parts.size(), Progress.Unit.ITEMS);
        TreeBuilder builder = new TreeBuilder();
        Set<String> types = new LinkedHashSet<>();
        int i = 0;
        for (ChunkResult p : parts) {
            progress.checkCancelled();
            for (WeightedPath wp : p.paths.get(group)) {
                builder.add(wp.path, wp.weight);
            }
            types.addAll(p.types.get(group));
            progress.progress(++i);
        }
        return new StackTree(builder.freeze(query.minShare()), query.effectiveWeight(), List.copyOf(types),
                groupEvents[group], query.reverse());
    }

    record WeightedPath(TreeBuilder.Frame[] path, long weight) {
    }

    record ChunkResult(long[] events, List<List<WeightedPath>> paths, List<Set<String>> types) {
    }

    /** Weights of one distinct stack, split by leaf class (most stacks allocate one class). */
    private static final class Acc {
        final RecordedStackTrace stack;
        Object[] classes = new Object[1];
        long[] values = new long[1];
        long[] counts = new long[1];
        int size;

        Acc(RecordedStackTrace stack) {
            this.stack = stack;
        }

        void add(Object cls, long value) {
            for (int i = 0; i < size; i++) {
                if (classes[i] == cls) {
                    values[i] += value;
                    counts[i]++;
                    return;
                }
            }
            if (size == classes.length) {
                classes = java.util.Arrays.copyOf(classes, size * 2);
                values = java.util.Arrays.copyOf(values, size * 2);
                counts = java.util.Arrays.copyOf(counts, size * 2);
            }
            classes[size] = cls;
            values[size] = value;
            counts[size] = 1;
            size++;
        }
    }

    private static final class ChunkTaskImpl implements ChunkReader.ChunkTask<ChunkResult> {
        private final StackTreeQuery q;
        private final List<Map<RecordedStackTrace, Acc>> groups = List.of(new IdentityHashMap<>(), new IdentityHashMap<>());
        private final Acc[] noStack = new Acc[2];
        private final long[] events = new long[2];
        private final List<Set<String>> types = List.of(new LinkedHashSet<>(), new LinkedHashSet<>());
        private final Map<RecordedThread, Boolean> threadOk = new IdentityHashMap<>();
        private final Map<RecordedMethod, String> methodNames = new IdentityHashMap<>();
        private final boolean filters;

        ChunkTaskImpl(StackTreeQuery q) {
            this.q = q;
            this.filters = q.filtersEvents();
        }

        @Override
        public void subscribe(EventStream s, Runnable tick) {
            switch (q.kind()) {
                case ALLOC -> {
                    s.onEvent(ALLOC_SAMPLE, e -> {
                        tick.run();
                        if (!filters || accept(e, "eventThread")) {
                            add(0, ALLOC_SAMPLE, e.getStackTrace(), e.getClass("objectClass"), e.getLong("weight"));
                        }
                    });
                    s.onEvent(NEW_TLAB, e -> {
                        tick.run();
                        if (!filters || accept(e, "eventThread")) {
                            add(1, NEW_TLAB, e.getStackTrace(), e.getClass("objectClass"), e.getLong("tlabSize"));
                        }
                    });
                    s.onEvent(OUTSIDE_TLAB, e -> {
                        tick.run();
                        if (!filters || accept(e, "eventThread")) {
                            add(1, OUTSIDE_TLAB, e.getStackTrace(), e.getClass("objectClass"), e.getLong("allocationSize"));
                        }
                    });
                }
                case CPU -> s.onEvent(EXECUTION_SAMPLE, e -> {
                    tick.run();
                    if (!filters || accept(e, "sampledThread")) {
                        add(0, EXECUTION_SAMPLE, e.getStackTrace(), NO_CLASS_KEY, 1);
                    }
                });
                case LOCK -> {
                    s.onEvent(MONITOR_ENTER, e -> {
                        tick.run();
                        if (!filters || accept(e, "eventThread")) {
                            add(0, MONITOR_ENTER, e.getStackTrace(), e.getClass("monitorClass"), e.getDuration().toNanos());
                        }
                    });
                    s.onEvent(THREAD_PARK, e -> {
                        tick.run();
                        if (!filters || accept(e, "eventThread")) {
                            add(0, THREAD_PARK, e.getStackTrace(), e.getClass("parkedClass"), e.getDuration().toNanos());
                        }
                    });
                }
            }
        }

        private boolean accept(RecordedEvent e, String threadField) {
            if (q.thread() != null) {
                RecordedThread t = e.hasField(threadField) ? e.getThread(threadField) : null;
                if (t == null) {
                    return false;
                }
                Boolean ok = threadOk.get(t);
                if (ok == null) {
                    ok = q.thread().equals(t.getJavaName()) || q.thread().equals(t.getOSName());
                    threadOk.put(t, ok);
                }
                if (!ok) {
                    return false;
                }
            }
            if (q.from() != null || q.to() != null) {
                Instant start = e.getStartTime();
                if (q.from() != null && start.isBefore(q.from())) {
                    return false;
                }
                if (q.to() != null && !start.isBefore(q.to())) {
                    return false;
                }
            }
            return true;
        }

        private void add(int group, String type, RecordedStackTrace st, Object cls, long value) {
            events[group]++;
            types.get(group).add(type);
            Acc acc;
            if (st == null) {
                acc = noStack[group];
                if (acc == null) {
                    acc = noStack[group] = new Acc(null);
                }
            } else {
                acc = groups.get(group).get(st);
                if (acc == null) {
                    acc = new Acc(st);
                    groups.get(group).put(st, acc);
                }
            }
            acc.add(cls, value);
        }

        @Override
        public ChunkResult result() {
            List<List<WeightedPath>> paths = new ArrayList<>(2);
            for (int g = 0; g < 2; g++) {
                List<WeightedPath> out = new ArrayList<>();
                for (Acc acc : groups.get(g).values()) {
                    materialise(acc, out);
                }
                if (noStack[g] != null) {
                    materialise(noStack[g], out);
                }
                paths.add(out);
            }
            return new ChunkResult(events, paths, types);
        }

        private void materialise(Acc acc, List<WeightedPath> out) {
            List<TreeBuilder.Frame> frames = new ArrayList<>();
            if (acc.stack == null) {
                frames.add(new TreeBuilder.Frame("<no stack trace>", FrameType.UNKNOWN));
            } else {
                List<RecordedFrame> recorded = acc.stack.getFrames();
                // JFR stores frames leaf first; the tree wants the root (thread entry) first.
                for (int i = recorded.size() - 1; i >= 0; i--) {
                    RecordedFrame f = recorded.get(i);
                    frames.add(new TreeBuilder.Frame(methodName(f.getMethod()), FrameType.of(f.getType())));
                }
                if (acc.stack.isTruncated()) {
                    frames.addFirst(new TreeBuilder.Frame("[truncated]", FrameType.UNKNOWN));
                }
            }
            boolean frameMatchInclude = q.include() == null || anyMatch(frames, q.include());
            boolean frameMatchExclude = q.exclude() != null && anyMatch(frames, q.exclude());
            boolean countWeight = q.effectiveWeight() == Weight.COUNT;
            for (int i = 0; i < acc.size; i++) {
                List<TreeBuilder.Frame> path = new ArrayList<>(frames.size() + 1);
                path.addAll(frames);
                Object cls = acc.classes[i];
                if (cls instanceof RecordedClass rc) {
                    path.add(new TreeBuilder.Frame(FrameNames.className(rc.getName()), FrameType.CLASS));
                }
                TreeBuilder.Frame leafClass = cls instanceof RecordedClass ? path.getLast() : null;
                boolean inc = frameMatchInclude || (leafClass != null && q.include().matcher(leafClass.name()).find());
                boolean exc = frameMatchExclude || (leafClass != null && q.exclude() != null
                        && q.exclude().matcher(leafClass.name()).find());
                if (!inc || exc) {
                    continue;
                }
                if (q.reverse()) {
                    path = path.reversed();
                }
                out.add(new WeightedPath(path.toArray(TreeBuilder.Frame[]::new),
                        countWeight ? acc.counts[i] : acc.values[i]));
            }
        }

        private static boolean anyMatch(List<TreeBuilder.Frame> frames, Pattern p) {
            for (TreeBuilder.Frame f : frames) {
                if (p.matcher(f.name()).find()) {
                    return true;
                }
            }
            return false;
        }

        private String methodName(RecordedMethod m) {
            if (m == null) {
                return "<unknown>";
            }
            String n = methodNames.get(m);
            if (n == null) {
                n = FrameNames.method(m);
                methodNames.put(m, n);
            }
            return n;
        }
    }
}
