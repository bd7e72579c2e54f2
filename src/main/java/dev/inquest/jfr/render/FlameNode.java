package dev.inquest.jfr.render;

import java.util.List;

/**
 * One frame of a call tree as the flame graph sees it. Engines adapt their own trees to this (or
 * build {@link Frame}s directly); the control never looks at anything else.
 *
 * <p>Invariant the layout relies on: {@code total >= self + sum(children.total)}. Children are drawn
 * left to right in list order, starting at their parent's left edge.
 */
public interface FlameNode {
    /** Marks a node of a plain (non-differential) tree: {@link #baseline()} returns it. */
    long NO_BASELINE = -1;

    /** The frame's text, e.g. {@code java.util.HashMap.resize} or an allocated class name. */
    String label();

    FrameKind kind();

    /** Weight of every stack through this frame (samples, bytes, ns...). */
    long total();

    /** Weight of the stacks that end in this frame. */
    long self();

    /**
     * For differential trees, this frame's total weight in the baseline profile; {@link #NO_BASELINE}
     * otherwise. The current profile's weight is {@link #total()}.
     */
    default long baseline() {
        return NO_BASELINE;
    }

    List<? extends FlameNode> children();
}
