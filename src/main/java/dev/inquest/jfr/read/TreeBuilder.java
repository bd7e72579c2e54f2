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

    // Iterative, as every walk of a stack tree: stacks can be thousands of frames deep.
    private static void merge(Node intoRoot, Node fromRoot) {
        java.util.ArrayDeque<Node[]> todo = new java.util.ArrayDeque<>();
        todo.push(new Node[] {intoRoot, fromRoot});
        while (!todo.isEmpty()) {
            Node[] pair = todo.pop();
            Node into = pair[0];
            Node from = pair[1];
            into.self += from.self;
            into.total += from.total;
            if (from.children == null) {
                continue;
            }
            for (Node c : from.children.values()) {
                Node mine = into.children == null ? null : into.children.get(c.frame);
                if (mine == null) {
                    if (into.children == null) {
                        into.children = new HashMap<>(4);
                    }
                    into.children.put(c.frame, c);
                } else {
                    todo.push(new Node[] {mine, c});
                }
            }
        }
    }

    /** The immutable tree, dropping nodes below {@code minShare} of the root's total. */
    public StackNode freeze(double minShare) {
        long min = minShare <= 0 ? 0 : (long) Math.ceil(minShare * root.total);
        return freeze(root, min);
    }

    // Children are frozen before their parent: the nodes in pre-order, then built from the last.
    private static StackNode freeze(Node root, long min) {
        List<Node> order = new ArrayList<>();
        java.util.ArrayDeque<Node> todo = new java.util.ArrayDeque<>();
        todo.push(root);
        while (!todo.isEmpty()) {
            Node n = todo.pop();
            order.add(n);
            if (n.children != null) {
                for (Node c : n.children.values()) {
                    if (c.total >= min && c.total > 0) {
                        todo.push(c);
                    }
                }
            }
        }
        Map<Node, StackNode> frozen = new java.util.IdentityHashMap<>();
        for (int i = order.size() - 1; i >= 0; i--) {
            Node n = order.get(i);
            List<StackNode> kids;
            if (n.children == null) {
                kids = List.of();
            } else {
                List<StackNode> list = new ArrayList<>(n.children.size());
                for (Node c : n.children.values()) {
                    StackNode f = frozen.remove(c);
                    if (f != null) {
                        list.add(f);
                    }
                }
                list.sort(ORDER);
                kids = List.copyOf(list);
            }
            frozen.put(n, new StackNode(n.frame.name(), n.frame.type(), n.self, n.total, kids));
        }
        return frozen.get(root);
    }
}
