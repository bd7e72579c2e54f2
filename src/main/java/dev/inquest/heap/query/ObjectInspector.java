package dev.inquest.heap.query;

import dev.inquest.heap.index.DumpInternals;
import dev.inquest.heap.index.HeapIndex;
import dev.inquest.heap.graph.DominatorTree;
import dev.inquest.heap.model.FieldValue;
import dev.inquest.heap.model.HeapDump;
import dev.inquest.heap.model.ObjectRef;
import dev.inquest.heap.store.LongList;
import dev.inquest.progress.Progress;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The object inspector's data: fields with values, outbound and inbound references, and the
 * histogram of the retained set (a walk of the object's dominator subtree: linear in its size).
 * String contents are shown only when asked for, as everywhere else: dumps hold secrets.
 */
public final class ObjectInspector {
    /** Inbound references listed at most (an interned string may have millions). */
    public static final int MAX_INBOUND = 1_000;

    private ObjectInspector() {
    }

    /**
     * Everything the inspector shows of one object: the window's inspector and {@code heap inspect}
     * both read it here. The retained set is included; the window, which shows it only on demand,
     * reads the parts through {@link #fields}, {@link HeapDump#inbound} and {@link #retainedSet}.
     */
    public static Inspection inspect(HeapDump dump, long node, boolean includeValues, Progress progress) {
        ObjectReader r = new ObjectReader(dump);
        List<ObjectRef> outbound = dump.outbound(node);
        List<ObjectRef> inbound = dump.inbound(node, MAX_INBOUND, progress);
        long total = dump.inboundCount(node, progress);
        String text = dump.stringValue(node, 10_000);
        if (text != null && !includeValues) {
            text = "<redacted: " + text.length() + " chars>";
        }
        return new Inspection(ObjectBrief.of(r, node), dump.rootKinds(node), text, fields(dump, node, includeValues, 80),
                outbound, List.copyOf(inbound), total, retainedSet(dump, node, progress));
    }

    /**
     * The object's fields and statics with their values as text: primitives as Java prints them,
     * references as "ClassName @ 0xADDRESS" followed by a String's text (up to {@code maxChars},
     * or "&lt;redacted&gt;" unless values are shown), "&lt;missing object&gt; @ 0xADDRESS" for a
     * reference to an object the dump lacks, or "null".
     */
    public static List<Inspection.Field> fields(HeapDump dump, long node, boolean includeValues, int maxChars) {
        List<Inspection.Field> fields = new ArrayList<>();
        for (FieldValue f : dump.fields(node)) {
            String value;
            String text = null;
            long target = -1;
            if (f.reference()) {
                long addr = (long) f.value();
                target = addr == 0 ? -1 : dump.node(addr);
                if (addr == 0) {
                    value = "null";
                } else if (target < 0) {
                    value = String.format("<missing object> @ 0x%x", addr);
                } else {
                    value = dump.className(target) + String.format(" @ 0x%x", addr);
                    String s = dump.stringValue(target, maxChars);
                    if (s != null) {
                        text = includeValues ? s : null;
                        value += includeValues ? " \"" + s + "\"" : " <redacted>";
                    }
                }
            } else {
                value = String.valueOf(f.value());
            }
            fields.add(new Inspection.Field(f.name(), f.type(), f.isStatic(), value, target, text));
        }
        return List.copyOf(fields);
    }

    static void countNode(HeapIndex index, long v, int javaLangClass, int classes, long[] count, long[] shallow) {
        int k = index.classOrdinal(v);
        if (k == javaLangClass && index.isClassObject(v)) {
            k = classes;
        }
        count[k]++;
        shallow[k] += index.shallowSize(v);
    }

    /** The retained set of one object per class: its dominator subtree, walked with an explicit stack. */
    public static List<Inspection.ClassCount> retainedSet(HeapDump dump, long node, Progress progress) {
        DominatorTree t = DumpInternals.of(dump).dominatorTree();
        int classes = DumpInternals.of(dump).index().classes().size();
        // Per class ordinal, plus one slot for class objects: arrays, not a map, on a walk that may visit millions.
        long[] count = new long[classes + 1];
        long[] shallow = new long[classes + 1];
        HeapIndex index = DumpInternals.of(dump).index();
        int javaLangClass = -1;
        for (var c : index.classes()) {
            if (c.name().equals("java.lang.Class")) {
                javaLangClass = c.ordinal();
            }
        }
        // Big subtrees are cut into pieces walked in parallel: nodes retaining more than a share of the
        // whole are counted here and their children queued; smaller subtrees are walked by the workers.
        long cut = Math.max(1, t.retained(node) / (8L * Runtime.getRuntime().availableProcessors()));
        LongList pieces = new LongList();
        LongList split = new LongList();
        split.add(node);
        long steps = 0;
        while (!split.isEmpty()) {
            long v = split.removeLast();
            countNode(index, v, javaLangClass, classes, count, shallow);
            for (long i = 0, n = t.childCount(v); i < n; i++) {
                long c = t.child(v, i);
                if (t.retained(c) > cut) {
                    split.add(c);
                } else {
                    pieces.add(c);
                }
            }
            if ((++steps & 0xFFFF) == 0) {
                progress.checkCancelled();
            }
        }
        long[] roots = pieces.toArray();
        int workers = (int) Math.min(roots.length, 4L * Runtime.getRuntime().availableProcessors());
        int jlc = javaLangClass;
        List<long[][]> partial = java.util.stream.IntStream.range(0, workers).parallel().mapToObj(w -> {
            long[] cnt = new long[classes + 1];
            long[] sh = new long[classes + 1];
            LongList stack = new LongList();
            long walked = 0;
            for (int k = w; k < roots.length; k += workers) {
                stack.add(roots[k]);
                while (!stack.isEmpty()) {
                    long v = stack.removeLast();
                    countNode(index, v, jlc, classes, cnt, sh);
                    for (long i = 0, n = t.childCount(v); i < n; i++) {
                        stack.add(t.child(v, i));
                    }
                    if ((++walked & 0xFFFF) == 0) {
                        progress.checkCancelled();
                    }
                }
            }
            return new long[][] {cnt, sh};
        }).toList();
        for (long[][] p : partial) {
            for (int k = 0; k <= classes; k++) {
                count[k] += p[0][k];
                shallow[k] += p[1][k];
            }
        }
        Map<String, long[]> byName = new HashMap<>();
        for (int k = 0; k <= classes; k++) {
            if (count[k] > 0) {
                long[] a = byName.computeIfAbsent(k == classes ? "java.lang.Class" : DumpInternals.of(dump).index().classInfo(k).name(),
                        x -> new long[2]);
                a[0] += count[k];
                a[1] += shallow[k];
            }
        }
        List<Inspection.ClassCount> out = new ArrayList<>();
        byName.forEach((k, a) -> out.add(new Inspection.ClassCount(k, a[0], a[1])));
        out.sort(Comparator.comparingLong(Inspection.ClassCount::shallow).reversed().thenComparing(Inspection.ClassCount::className));
        return List.copyOf(out);
    }
}
