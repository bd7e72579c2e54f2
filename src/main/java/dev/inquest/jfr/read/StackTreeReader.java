package dev.inquest.jfr.read;

import dev.inquest.jfr.stack.AllocSource;
import dev.inquest.jfr.stack.EventKind;
import dev.inquest.jfr.stack.EventTypes;
import dev.inquest.jfr.stack.FrameType;
import dev.inquest.jfr.stack.StackNode;
import dev.inquest.jfr.stack.Weight;
import dev.inquest.jfr.stack.StackTree;
import dev.inquest.jfr.stack.StackTreeQuery;
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

    private static final RecordedClass NO_CLASS_KEY = null;

    private StackTreeReader() {
    }

    public static StackTree read(JfrSource source, StackTreeQuery query, Progress progress) throws IOException {
        List<String> types = switch (query.kind()) {
            case ALLOC -> switch (query.allocSource()) {
                case AUTO, SAMPLES -> List.of(EventTypes.ALLOC_SAMPLE);
                case TLAB -> List.of(EventTypes.NEW_TLAB, EventTypes.OUTSIDE_TLAB);
                case ALL -> List.of(EventTypes.ALLOC_SAMPLE, EventTypes.NEW_TLAB, EventTypes.OUTSIDE_TLAB);
            };
            case CPU -> List.of(EventTypes.EXECUTION_SAMPLE);
            case LOCK -> List.of(EventTypes.MONITOR_ENTER, EventTypes.THREAD_PARK);
        };
        ChunkReader.Outcome<ChunkResult> first = pass(source, query, types, progress);
        List<ChunkResult> parts = first.results();
        boolean mayHaveTlab = first.counts() == null || first.counts().containsKey(EventTypes.NEW_TLAB)
                || first.counts().containsKey(EventTypes.OUTSIDE_TLAB)
                || first.counts().containsKey(EventTypes.legacy(EventTypes.NEW_TLAB))
                || first.counts().containsKey(EventTypes.legacy(EventTypes.OUTSIDE_TLAB));
        if (query.kind() == EventKind.ALLOC && query.allocSource() == AllocSource.AUTO && events(parts) == 0
                && mayHaveTlab) {
            // Only now pay for the TLAB events: parsing them when samples exist would double the work.
            parts = pass(source, query, List.of(EventTypes.NEW_TLAB, EventTypes.OUTSIDE_TLAB), progress).results();
        }
        progress.phase("Merging stacks", parts.size(), Progress.Unit.ITEMS);
        TreeBuilder builder = new TreeBuilder();
        Set<String> seen = new LinkedHashSet<>();
        int i = 0;
        for (ChunkResult p : parts) {
            progress.checkCancelled();
            builder.merge(p.tree);
            seen.addAll(p.types);
            progress.progress(++i);
        }
        return new StackTree(builder.freeze(query.minShare()), query.effectiveWeight(), List.copyOf(seen),
                events(parts), query.reverse());
    }

    private static ChunkReader.Outcome<ChunkResult> pass(JfrSource source, StackTreeQuery query, List<String> types,
                                                         Progress progress) throws IOException {
        Set<String> wanted = new java.util.HashSet<>(types);
        types.forEach(t -> wanted.add(EventTypes.legacy(t)));
        return ChunkReader.read(source, "Reading stacks", wanted, () -> new ChunkTaskImpl(query, types), progress);
    }

    private static long events(List<ChunkResult> parts) {
        long n = 0;
        for (ChunkResult p : parts) {
            n += p.events;
        }
        return n;
    }

    record ChunkResult(long events, TreeBuilder tree, Set<String> types) {
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
        private final List<String> eventTypes;
        private final Map<RecordedStackTrace, Acc> stacks = new IdentityHashMap<>();
        private Acc noStack;
        private long events;
        private final Set<String> types = new LinkedHashSet<>();
        private final Map<RecordedThread, Boolean> threadOk = new IdentityHashMap<>();
        private final Map<RecordedMethod, TreeBuilder.Frame[]> frames = new IdentityHashMap<>();
        private final boolean filters;

        ChunkTaskImpl(StackTreeQuery q, List<String> eventTypes) {
            this.q = q;
            this.eventTypes = eventTypes;
            this.filters = q.filtersEvents();
        }

        @Override
        public void subscribe(EventStream s, Runnable tick) {
            for (String type : eventTypes) {
                // JDK 9/10 recordings (JFR 1.0) name the same events com.oracle.jdk.X.
                s.onEvent(type, handler(type, type, tick));
                s.onEvent(EventTypes.legacy(type), handler(type, EventTypes.legacy(type), tick));
            }
        }

        private java.util.function.Consumer<RecordedEvent> handler(String type, String name, Runnable tick) {
            return switch (type) {
                case EventTypes.ALLOC_SAMPLE -> counted(name, tick, "eventThread", e -> e.getClass("objectClass"), e -> e.getLong("weight"));
                case EventTypes.NEW_TLAB -> counted(name, tick, "eventThread", e -> e.getClass("objectClass"), e -> e.getLong("tlabSize"));
                case EventTypes.OUTSIDE_TLAB -> counted(name, tick, "eventThread", e -> e.getClass("objectClass"),
                        e -> e.getLong("allocationSize"));
                case EventTypes.EXECUTION_SAMPLE -> counted(name, tick, "sampledThread", e -> NO_CLASS_KEY, e -> 1);
                case EventTypes.MONITOR_ENTER -> counted(name, tick, "eventThread", e -> e.getClass("monitorClass"),
                        e -> e.getDuration().toNanos());
                case EventTypes.THREAD_PARK -> counted(name, tick, "eventThread", e -> e.getClass("parkedClass"),
                        e -> e.getDuration().toNanos());
                default -> throw new IllegalArgumentException(type);
            };
        }

        /** One event type's handler: its thread field for the filters, what it names and what it weighs. */
        private java.util.function.Consumer<RecordedEvent> counted(String name, Runnable tick, String threadField,
                java.util.function.Function<RecordedEvent, Object> what, java.util.function.ToLongFunction<RecordedEvent> weight) {
            return e -> {
                tick.run();
                if (!filters || accept(e, threadField)) {
                    add(name, e.getStackTrace(), what.apply(e), weight.applyAsLong(e));
                }
            };
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

        private void add(String type, RecordedStackTrace st, Object cls, long value) {
            if (events++ == 0 || !types.contains(type)) {
                types.add(type);
            }
            Acc acc;
            if (st == null) {
                acc = noStack;
                if (acc == null) {
                    acc = noStack = new Acc(null);
                }
            } else {
                acc = stacks.get(st);
                if (acc == null) {
                    acc = new Acc(st);
                    stacks.put(st, acc);
                }
            }
            acc.add(cls, value);
        }

        @Override
        public ChunkResult result() {
            TreeBuilder out = new TreeBuilder();
            for (Acc acc : stacks.values()) {
                materialise(acc, out);
            }
            if (noStack != null) {
                materialise(noStack, out);
            }
            return new ChunkResult(events, out, types);
        }

        private void materialise(Acc acc, TreeBuilder out) {
            List<TreeBuilder.Frame> frames = new ArrayList<>();
            if (acc.stack == null) {
                frames.add(new TreeBuilder.Frame("<no stack trace>", FrameType.UNKNOWN));
            } else {
                List<RecordedFrame> recorded = acc.stack.getFrames();
                // JFR stores frames leaf first; the tree wants the root (thread entry) first.
                for (int i = recorded.size() - 1; i >= 0; i--) {
                    RecordedFrame f = recorded.get(i);
                    frames.add(frame(f.getMethod(), f.getType()));
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
                out.add(path.toArray(TreeBuilder.Frame[]::new), countWeight ? acc.counts[i] : acc.values[i]);
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

        /** One Frame per (method, frame type) per chunk: stacks share their frames' methods. */
        private TreeBuilder.Frame frame(RecordedMethod m, String jfrType) {
            FrameType type = FrameType.of(jfrType);
            TreeBuilder.Frame[] byType = frames.get(m);
            if (byType == null) {
                byType = new TreeBuilder.Frame[FrameType.values().length];
                frames.put(m, byType);
            }
            TreeBuilder.Frame f = byType[type.ordinal()];
            if (f == null) {
                f = new TreeBuilder.Frame(m == null ? "<unknown>" : FrameNames.method(m), type);
                byType[type.ordinal()] = f;
            }
            return f;
        }
    }
}
