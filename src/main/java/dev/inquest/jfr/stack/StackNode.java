package dev.inquest.jfr.stack;

import java.util.List;

/**
 * One node of a {@link StackTree}: a frame reached by one path from the root. Plain immutable
 * data, so the window's flame graph control and the renderers can walk it from any thread.
 *
 * @param name     frame name ("java.util.ArrayList.grow"), or the class name for a {@link FrameType#CLASS} leaf
 * @param self     weight of stacks ending exactly here
 * @param total    weight of all stacks through here; equals self + the children's totals unless pruned
 * @param children sorted by total, largest first
 */
public record StackNode(String name, FrameType type, long self, long total, List<StackNode> children) {

    /** The child with this name (any frame type), or null. */
    public StackNode child(String childName) {
        for (StackNode c : children) {
            if (c.name.equals(childName)) {
                return c;
            }
        }
        return null;
    }

    /** Largest depth below this node (0 for a leaf). Iterative: a recursive workload's stacks are thousands deep. */
    public int height() {
        int h = 0;
        java.util.ArrayDeque<StackNode> nodes = new java.util.ArrayDeque<>();
        java.util.ArrayDeque<Integer> depths = new java.util.ArrayDeque<>();
        nodes.push(this);
        depths.push(0);
        while (!nodes.isEmpty()) {
            StackNode n = nodes.pop();
            int d = depths.pop();
            h = Math.max(h, d);
            for (StackNode c : n.children) {
                nodes.push(c);
                depths.push(d + 1);
            }
        }
        return h;
    }
}
