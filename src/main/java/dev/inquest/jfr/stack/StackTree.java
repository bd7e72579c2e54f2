package dev.inquest.jfr.stack;

import java.util.List;

/**
 * The flame graph model: stacks merged root-first (or leaf-first when {@code reversed}), each node
 * with self and total weight.
 *
 * @param root       synthetic root named "all"; its total is the sum of all events' weights (before pruning)
 * @param eventTypes the JFR event types the weights came from, e.g. [jdk.ObjectAllocationSample]
 * @param events     number of events that passed the filters
 * @param reversed   true for the callers (bottom-up) view: leaf frames at depth 1
 */
public record StackTree(StackNode root, Weight weight, List<String> eventTypes, long events, boolean reversed) {

    public long total() {
        return root.total();
    }

    /** Sum of the totals of all nodes with this name at any depth, counted once per path. */
    public long totalOf(String frameName) {
        // Iterative: stacks can be thousands of frames deep.
        long sum = 0;
        java.util.ArrayDeque<StackNode> todo = new java.util.ArrayDeque<>();
        todo.push(root);
        while (!todo.isEmpty()) {
            StackNode n = todo.pop();
            if (n.name().equals(frameName)) {
                sum += n.total();
            } else {
                n.children().forEach(todo::push);
            }
        }
        return sum;
    }
}
