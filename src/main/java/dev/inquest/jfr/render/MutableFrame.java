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

    /** Adds the weights of {@code n} (same label) and its whole subtree into this frame. */
    void addSubtree(FlameNode n) {
        total += n.total();
        self += n.self();
        addBaseline(n.baseline());
        for (FlameNode c : n.children()) {
            child(c.label(), c.kind()).addSubtree(c);
        }
    }

    /** Same as {@link #addSubtree} for a scratch tree. */
    void addSubtree(MutableFrame n) {
        total += n.total;
        self += n.self;
        if (n.hasBaseline) {
            addBaseline(n.baseline);
        }
        for (MutableFrame c : n.children()) {
            child(c.label, c.kind).addSubtree(c);
        }
    }

    Frame freeze() {
        List<Frame> kids = new ArrayList<>(children == null ? 0 : children.size());
        for (MutableFrame c : children()) {
            kids.add(c.freeze());
        }
        return new Frame(label, kind, total, self, hasBaseline ? baseline : FlameNode.NO_BASELINE, kids);
    }
}
