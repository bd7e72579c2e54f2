package dev.inquest.ui.heap.dominators;

import dev.inquest.heap.graph.DominatorTree;
import dev.inquest.heap.index.ClassInfo;
import dev.inquest.heap.index.HeapIndex;
import dev.inquest.heap.model.Grouping;
import dev.inquest.heap.model.HeapDump;
import dev.inquest.progress.Progress;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The rows of the dominator tree view, without JavaFX: the top level (all top-level dominators,
 * or those whose class matches a filter, optionally grouped by class or package) and, per row,
 * its children one page at a time. A node with a million children costs one page of lookups.
 */
public final class DominatorRows {

    public enum Kind { ROOT, OBJECT, GROUP, MORE }

    /**
     * One row. For {@code GROUP} rows {@code group} indexes the member list and {@code count} is
     * how many objects it holds; for {@code MORE} rows {@code shown} of {@code total} children
     * are loaded.
     */
    public record Row(Kind kind, long node, String name, long address, long count, long shallow, long retained, double share,
            int group, long shown, long total, Row parent) {
        public boolean isObject() {
            return kind == Kind.OBJECT;
        }

        @Override
        public String toString() {
            return kind + " " + (name == null ? "" : name) + (address >= 0 ? " @ 0x" + Long.toHexString(address) : "")
                    + " retained " + retained + (kind == Kind.MORE ? " (" + shown + " of " + total + ")" : "");
        }
    }

    /** A long-indexed list of nodes: either the tree's own top level or a filtered copy. */
    interface Nodes {
        long size();

        long get(long i);
    }

    /** The top level as the view shows it. */
    record Top(Nodes objects, List<Row> groups, List<long[]> members, long matched) {
        boolean grouped() {
            return groups != null;
        }
    }

    private final HeapDump dump;
    private final HeapIndex index;
    private final DominatorTree tree;
    private final long used;

    DominatorRows(HeapDump dump, long usedHeap) {
        this.dump = dump;
        this.index = dump.index();
        this.tree = dump.dominatorTree();
        this.used = Math.max(1, usedHeap);
    }

    Row root() {
        return new Row(Kind.ROOT, DominatorTree.VIRTUAL_ROOT, "", -1, 0, 0, used, 1.0, -1, 0, 0, null);
    }

    /**
     * Computes the top level: top-level dominators whose class name matches {@code filter}
     * (null: all), grouped when {@code by} is not null. Runs in the background; cheap per node
     * because the filter is decided once per class.
     */
    Top top(Pattern filter, Grouping by, Progress progress) {
        long count = tree.topLevelCount();
        Nodes objects;
        if (filter == null) {
            objects = new Nodes() {
                public long size() {
                    return count;
                }

                public long get(long i) {
                    return tree.topLevel(i);
                }
            };
        } else {
            boolean[] match = new boolean[index.classes().size()];
            for (ClassInfo c : index.classes()) {
                match[c.ordinal()] = filter.matcher(c.name()).find();
            }
            Longs kept = new Longs();
            for (long i = 0; i < count; i++) {
                long v = tree.topLevel(i);
                if (match[index.classOrdinal(v)]) {
                    kept.add(v);
                }
                if ((i & 0xffff) == 0) {
                    progress.checkCancelled();
                }
            }
            long[] arr = kept.toArray();
            objects = new Nodes() {
                public long size() {
                    return arr.length;
                }

                public long get(long i) {
                    return arr[(int) i];
                }
            };
        }
        if (by == null) {
            return new Top(objects, null, null, objects.size());
        }
        Map<String, Integer> keys = new HashMap<>();
        List<String> names = new ArrayList<>();
        List<Longs> lists = new ArrayList<>();
        List<long[]> sums = new ArrayList<>();
        for (long i = 0; i < objects.size(); i++) {
            long v = objects.get(i);
            ClassInfo c = index.classOf(v);
            String name = by == Grouping.PACKAGE ? (c.packageName().isEmpty() ? "<default package>" : c.packageName()) : c.name();
            int k = keys.computeIfAbsent(name, n -> {
                names.add(n);
                lists.add(new Longs());
                sums.add(new long[2]);
                return names.size() - 1;
            });
            lists.get(k).add(v);
            sums.get(k)[0] += index.shallowSize(v);
            sums.get(k)[1] += tree.retained(v);
            if ((i & 0xffff) == 0) {
                progress.checkCancelled();
            }
        }
        List<Row> groups = new ArrayList<>();
        List<long[]> members = new ArrayList<>();
        for (int k = 0; k < names.size(); k++) {
            long[] m = lists.get(k).toArray();
            members.add(m);
            long[] s = sums.get(k);
            groups.add(new Row(Kind.GROUP, -1, names.get(k), -1, m.length, s[0], s[1], (double) s[1] / used, k, 0, 0, null));
        }
        groups.sort(Comparator.comparingLong(Row::retained).reversed().thenComparing(Row::name));
        return new Top(objects, groups, members, objects.size());
    }

    long childCount(Row parent, Top top) {
        return switch (parent.kind()) {
            case ROOT -> top.grouped() ? top.groups().size() : top.objects().size();
            case GROUP -> top.members().get(parent.group()).length;
            case OBJECT -> tree.childCount(parent.node());
            case MORE -> 0;
        };
    }

    List<Row> children(Row parent, Top top, long from, int max) {
        List<Row> out = new ArrayList<>(max);
        long end = Math.min(childCount(parent, top), from + max);
        for (long i = from; i < end; i++) {
            switch (parent.kind()) {
                case ROOT -> out.add(top.grouped() ? top.groups().get((int) i) : object(top.objects().get(i), parent));
                case GROUP -> out.add(object(top.members().get(parent.group())[(int) i], parent));
                case OBJECT -> out.add(object(tree.child(parent.node(), i), parent));
                default -> {
                }
            }
        }
        return out;
    }

    Row object(long v, Row parent) {
        long retained = tree.retained(v);
        return new Row(Kind.OBJECT, v, dump.className(v), index.address(v), 1, index.shallowSize(v), retained,
                (double) retained / used, -1, 0, 0, parent);
    }

    Row more(Row parent, long shown, long total) {
        return new Row(Kind.MORE, -1, null, -1, 0, 0, 0, 0, -1, shown, total, parent);
    }

    /** A growable long array: member lists stay primitive even for a million top-level objects. */
    static final class Longs {
        private long[] a = new long[16];
        private int n;

        void add(long v) {
            if (n == a.length) {
                a = java.util.Arrays.copyOf(a, a.length * 2);
            }
            a[n++] = v;
        }

        long[] toArray() {
            return java.util.Arrays.copyOf(a, n);
        }
    }
}
