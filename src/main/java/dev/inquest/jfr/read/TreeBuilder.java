package dev.inquest.jfr.read;

import dev.inquest.jfr.stack.FrameType;
import dev.inquest.jfr.stack.StackNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Mutable tree used while merging stacks; {@link #freeze} turns it into the immutable
 * {@link StackNode} model. Children are found by (name, type): the same method interpreted and
 * compiled stays two frames, as in async-profiler, so colours stay truthful.
 */
public final class TreeBuilder {
    /** A frame as the tree keys it. */
    public record Frame(String name, FrameType type) {
    }

    private static final class Node {
        final Frame frame;
        long self;
        long total;
        Map<Frame, Node> children;

        Node(Frame frame) {
            this.frame = frame;
        }

        Node child(Frame f) {
            if (children == null) {
                children = new HashMap<>(4);
            }
            Node c = children.get(f);
            if (c == null) {
                c = new Node(f);
                children.put(f, c);
            }
            return c;
        }
    }

    public static final Frame ROOT = new Frame("all", FrameType.ROOT);
    // A total order: one method can appear as several frame types (interpreted, JIT-compiled,
    // inlined) with equal weight, and chunks read in parallel must not decide their order (a
    // child is keyed by name and type, so this order is total).
    private static final Comparator<StackNode> ORDER = Comparator.comparingLong(StackNode::total).reversed()
            .thenComparing(StackNode::name).thenComparing(StackNode::type);

    private final Node root = new Node(ROOT);

    /** Adds one stack, {@code path[0]} next to the root, with its weight. */
    public void add(Frame[] path, long weight) {
        Node n = root;
        n.total += weight;
        for (Frame f : path) {
            n = n.child(f);
            n.total += weight;
        }
        n.self += weight;
    }

    public long total() {
        return root.total;
    }

    /**
     * Adds another builder's tree into this one. Per-chunk trees are built in parallel and merged
     * node by node, which touches each shared prefix once instead of once per stack.
     */
    public void merge(TreeBuilder other) {
        merge(root, other.root);
    }

    private static void merge(Node into, Node from) {
        into.self += from.self;
        into.total += from.total;
        if (from.children == null) {
            return;
        }
        for (Node c : from.children.values()) {
            Node mine = into.children == null ? null : into.children.get(c.frame);
            if (mine == null) {
                if (into.children == null) {
                    into.children = new HashMap<>(4);
                }
                into.children.put(c.frame, c);
            } else {
                merge(mine, c);
            }
        }
    }

    /** The immutable tree, dropping nodes below {@code minShare} of the root's total. */
    public StackNode freeze(double minShare) {
        long min = minShare <= 0 ? 0 : (long) Math.ceil(minShare * root.total);
        return freeze(root, min);
    }

    private static StackNode freeze(Node n, long min) {
        List<StackNode> kids;
        if (n.children == null) {
            kids = List.of();
        } else {
            List<StackNode> list = new ArrayList<>(n.children.size());
            for (Node c : n.children.values()) {
                if (c.total >= min && c.total > 0) {
                    list.add(freeze(c, min));
                }
            }
            list.sort(ORDER);
            kids = List.copyOf(list);
        }
        return new StackNode(n.frame.name(), n.frame.type(), n.self, n.total, kids);
    }
}
