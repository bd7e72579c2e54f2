package dev.inquest.heap.model;

import java.util.ArrayList;
import java.util.List;

/**
 * The top level of the dominator tree as a view shows it: the top-level dominators whose class
 * matches a filter, largest retained first, and, when grouped, their groups (by class, package or
 * loader) with each group's members. Long-indexed: a million top-level objects stay primitive.
 * From {@link HeapDump#topDominators(java.util.regex.Pattern, Grouping, dev.inquest.progress.Progress)}.
 */
public final class TopDominators {

    /**
     * One group of top-level dominators: {@code count} objects, their shallow and retained sizes
     * summed (top-level dominators never dominate each other, so the retained sum is exact).
     * {@code index} is the group's position in {@link #members(int)} order, not in display order.
     */
    public record Group(int index, String name, long count, long shallow, long retained) {
    }

    private final long[] objects; // null: all of the tree's top level
    private final long all;
    private final HeapDump dump;
    private final Grouping by;
    private final List<Group> groups;
    private final List<long[]> members;

    TopDominators(HeapDump dump, long[] objects, long all, Grouping by, List<Group> groups, List<long[]> members) {
        this.dump = dump;
        this.objects = objects;
        this.all = all;
        this.by = by;
        this.groups = groups;
        this.members = members;
    }

    /** How many top-level dominators matched the filter (all of them without one). */
    public long matched() {
        return objects == null ? all : objects.length;
    }

    /** The {@code i}-th matching top-level dominator (a node), largest retained first. */
    public long node(long i) {
        return objects == null ? dump.topLevel(i) : objects[(int) i];
    }

    /** The grouping asked for, or null when not grouped. */
    public Grouping grouping() {
        return by;
    }

    public boolean grouped() {
        return by != null;
    }

    /** The groups, largest retained first (then by name); empty when not grouped. */
    public List<Group> groups() {
        return groups;
    }

    public long memberCount(int group) {
        return members.get(group).length;
    }

    /** The {@code i}-th member (a node) of a group, in the top level's order (largest retained first). */
    public long member(int group, long i) {
        return members.get(group)[(int) i];
    }

    /** The first {@code limit} rows as the command line prints them: the groups when grouped, else the objects. */
    public List<DominatorRow> rows(int limit) {
        List<DominatorRow> rows = new ArrayList<>();
        if (grouped()) {
            for (int i = 0; i < groups.size() && rows.size() < limit; i++) {
                rows.add(dump.dominatorRow(groups.get(i)));
            }
        } else {
            for (long i = 0; i < matched() && rows.size() < limit; i++) {
                rows.add(dump.dominatorRow(node(i)));
            }
        }
        return rows;
    }
}
