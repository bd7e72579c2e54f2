package dev.inquest.jfr.render;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;

/**
 * The scratch tree every builder and transform accumulates into before freezing it to {@link Frame}s.
 * Children merge by label and kind (the same method interpreted and compiled stays two frames, so
 * colours keep telling the truth) and keep the order they were first seen in.
 */
final class MutableFrame {
    private record Key(String label, FrameKind kind) {
    }

    final String label;
    final FrameKind kind;
    long total;
    long self;
    long baseline;
    boolean hasBaseline;
    private LinkedHashMap<Key, MutableFrame> children;

    MutableFrame(String label, FrameKind kind) {
        this.label = label;
        this.kind = kind;
    }

    static MutableFrame rootLike(FlameNode n) {
        MutableFrame m = new MutableFrame(n.label(), n.kind());
        m.hasBaseline = n.baseline() != FlameNode.NO_BASELINE;
        return m;
    }

    /** A deep copy of any tree. */
    static MutableFrame of(FlameNode n) {
        MutableFrame m = rootLike(n);
        m.addSubtree(n);
        return m;
    }

    MutableFrame child(String label, FrameKind kind) {
        if (children == null) {
            children = new LinkedHashMap<>();
        }
        return children.computeIfAbsent(new Key(label, kind), k -> {
            MutableFrame c = new MutableFrame(label, kind);
            c.hasBaseline = hasBaseline;
            return c;
        });
    }

    int childCount() {
        return children == null ? 0 : children.size();
    }

    Iterable<MutableFrame> children() {
        return children == null ? List.of() : children.values();
    }

    void addBaseline(long b) {
        if (b != FlameNode.NO_BASELINE) {
            baseline += b;
            hasBaseline = true;
        }
    }

    // Every walk below is iterative: stacks can be thousands of frames deep. A frame's children
    // are created in the order its source lists them, as a recursive walk would.

    /** Adds the weights of {@code n} (same label) and its whole subtree into this frame. */
    void addSubtree(FlameNode n) {
        java.util.ArrayDeque<Object[]> todo = new java.util.ArrayDeque<>();
        todo.push(new Object[] {this, n});
        while (!todo.isEmpty()) {
            Object[] step = todo.pop();
            MutableFrame into = (MutableFrame) step[0];
            FlameNode from = (FlameNode) step[1];
            into.total += from.total();
            into.self += from.self();
            into.addBaseline(from.baseline());
            for (FlameNode c : from.children()) {
                todo.push(new Object[] {into.child(c.label(), c.kind()), c});
            }
        }
    }

    /** Same as {@link #addSubtree} for a scratch tree. */
    void addSubtree(MutableFrame n) {
        java.util.ArrayDeque<MutableFrame[]> todo = new java.util.ArrayDeque<>();
        todo.push(new MutableFrame[] {this, n});
        while (!todo.isEmpty()) {
            MutableFrame[] step = todo.pop();
            MutableFrame into = step[0];
            MutableFrame from = step[1];
            into.total += from.total;
            into.self += from.self;
            if (from.hasBaseline) {
                into.addBaseline(from.baseline);
            }
            for (MutableFrame c : from.children()) {
                todo.push(new MutableFrame[] {into.child(c.label, c.kind), c});
            }
        }
    }

    /** The immutable tree: the frames in pre-order, then each built from the last, its children first. */
    Frame freeze() {
        List<MutableFrame> order = new ArrayList<>();
        java.util.ArrayDeque<MutableFrame> todo = new java.util.ArrayDeque<>();
        todo.push(this);
        while (!todo.isEmpty()) {
            MutableFrame m = todo.pop();
            order.add(m);
            for (MutableFrame c : m.children()) {
                todo.push(c);
            }
        }
        java.util.Map<MutableFrame, Frame> frozen = new java.util.IdentityHashMap<>();
        for (int i = order.size() - 1; i >= 0; i--) {
            MutableFrame m = order.get(i);
            List<Frame> kids = new ArrayList<>(m.childCount());
            for (MutableFrame c : m.children()) {
                kids.add(frozen.remove(c));
            }
            frozen.put(m, new Frame(m.label, m.kind, m.total, m.self, m.hasBaseline ? m.baseline : FlameNode.NO_BASELINE,
                    kids));
        }
        return frozen.get(this);
    }
}
