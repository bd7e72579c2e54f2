package dev.inquest.jfr.render;

import java.util.List;
import java.util.Objects;

/** The immutable {@link FlameNode}: what builders and transforms produce. */
public record Frame(String label, FrameKind kind, long total, long self, long baseline, List<Frame> children)
        implements FlameNode {

    public Frame {
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(kind, "kind");
        children = List.copyOf(children);
    }

    public Frame(String label, FrameKind kind, long total, long self, List<Frame> children) {
        this(label, kind, total, self, NO_BASELINE, children);
    }

    /** A leaf: all of its weight is self weight. */
    public static Frame leaf(String label, FrameKind kind, long weight) {
        return new Frame(label, kind, weight, weight, List.of());
    }

    /** Copies any tree into Frames (for engines that hand over a live or lazy implementation). */
    public static Frame copyOf(FlameNode node) {
        if (node instanceof Frame f) {
            return f;
        }
        return MutableFrame.of(node).freeze();
    }

    /** True when this tree carries baseline weights (a differential tree). */
    public boolean isDifferential() {
        return baseline != NO_BASELINE;
    }

    /** Number of frames in this subtree, this one included. */
    public int count() {
        int n = 0;
        var stack = new java.util.ArrayDeque<Frame>();
        stack.push(this);
        while (!stack.isEmpty()) {
            Frame f = stack.pop();
            n++;
            f.children.forEach(stack::push);
        }
        return n;
    }

    /** The child with this label, or null. */
    public Frame child(String label) {
        for (Frame c : children) {
            if (c.label.equals(label)) {
                return c;
            }
        }
        return null;
    }

    /** Follows labels down from this frame; null when a step is missing. */
    public Frame path(String... labels) {
        Frame f = this;
        for (String l : labels) {
            f = f.child(l);
            if (f == null) {
                return null;
            }
        }
        return f;
    }
}
