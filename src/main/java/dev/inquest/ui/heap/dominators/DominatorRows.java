package dev.inquest.ui.heap.dominators;

import dev.inquest.heap.model.Grouping;
import dev.inquest.heap.model.HeapDump;
import dev.inquest.heap.model.TopDominators;
import dev.inquest.progress.Progress;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The rows of the dominator tree view, without JavaFX: the engine's top level
 * ({@link HeapDump#topDominators}: filtered, optionally grouped) and, per row, its children one
 * page at a time. A node with a million children costs one page of lookups.
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

    /** The top level as the view shows it: the engine's answer and the group rows made from it. */
    record Top(TopDominators dominators, List<Row> groups) {
        boolean grouped() {
            return dominators.grouped();
        }

        long matched() {
            return dominators.matched();
        }
    }

    private final HeapDump dump;
    private final long used;

    DominatorRows(HeapDump dump, long usedHeap) {
        this.dump = dump;
        this.used = Math.max(1, usedHeap);
    }

    Row root() {
        return new Row(Kind.ROOT, HeapDump.VIRTUAL_ROOT, "", -1, 0, 0, used, 1.0, -1, 0, 0, null);
    }

    /**
     * Computes the top level: top-level dominators whose class name matches {@code filter}
     * (null: all), grouped when {@code by} is not null. Runs in the background.
     */
    Top top(Pattern filter, Grouping by, Progress progress) {
        TopDominators t = dump.topDominators(filter, by, progress);
        List<Row> groups = new ArrayList<>(t.groups().size());
        for (TopDominators.Group g : t.groups()) {
            groups.add(new Row(Kind.GROUP, -1, g.name(), -1, g.count(), g.shallow(), g.retained(), (double) g.retained() / used,
                    g.index(), 0, 0, null));
        }
        return new Top(t, List.copyOf(groups));
    }

    long childCount(Row parent, Top top) {
        return switch (parent.kind()) {
            case ROOT -> top.grouped() ? top.groups().size() : top.matched();
            case GROUP -> top.dominators().memberCount(parent.group());
            case OBJECT -> dump.dominatedCount(parent.node());
            case MORE -> 0;
        };
    }

    List<Row> children(Row parent, Top top, long from, int max) {
        List<Row> out = new ArrayList<>(max);
        long end = Math.min(childCount(parent, top), from + max);
        for (long i = from; i < end; i++) {
            switch (parent.kind()) {
                case ROOT -> out.add(top.grouped() ? top.groups().get((int) i) : object(top.dominators().node(i), parent));
                case GROUP -> out.add(object(top.dominators().member(parent.group(), i), parent));
                case OBJECT -> out.add(object(dump.dominated(parent.node(), i), parent));
                default -> {
                }
            }
        }
        return out;
    }

    Row object(long v, Row parent) {
        long retained = dump.retained(v);
        return new Row(Kind.OBJECT, v, dump.className(v), dump.address(v), 1, dump.shallow(v), retained,
                (double) retained / used, -1, 0, 0, parent);
    }

    Row more(Row parent, long shown, long total) {
        return new Row(Kind.MORE, -1, null, -1, 0, 0, 0, 0, -1, shown, total, parent);
    }
}
