package dev.inquest.jfr.diff;

import dev.inquest.jfr.stack.StackNode;
import dev.inquest.jfr.stack.StackTree;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Merges two stack trees frame by frame (matching children by name and frame type). */
public final class DiffBuilder {
    private DiffBuilder() {
    }

    public static DiffTree diff(StackTree baseline, StackTree after) {
        if (baseline.weight() != after.weight()) {
            throw new IllegalArgumentException("cannot compare " + baseline.weight() + " with " + after.weight());
        }
        double bt = baseline.total();
        double at = after.total();
        return new DiffTree(merge(baseline.root(), after.root(), bt, at), baseline.weight(), baseline.total(), after.total());
    }

    private record Key(String name, dev.inquest.jfr.stack.FrameType type) {
    }

    /** One node of the merge: the two sides (either may be null) and where its result goes. */
    private static final class Step {
        final StackNode b;
        final StackNode a;
        final Step parent;
        final int slot;
        DiffNode[] kids;

        Step(StackNode b, StackNode a, Step parent, int slot) {
            this.b = b;
            this.a = a;
            this.parent = parent;
            this.slot = slot;
        }
    }

    // Iterative, as every walk of a stack tree: stacks can be thousands of frames deep. The steps
    // in pre-order, then each node built from the last, its children already in their slots.
    private static DiffNode merge(StackNode baselineRoot, StackNode afterRoot, double bt, double at) {
        List<Step> order = new ArrayList<>();
        java.util.ArrayDeque<Step> todo = new java.util.ArrayDeque<>();
        todo.push(new Step(baselineRoot, afterRoot, null, 0));
        while (!todo.isEmpty()) {
            Step step = todo.pop();
            order.add(step);
            Map<Key, StackNode[]> pairs = new LinkedHashMap<>();
            if (step.b != null) {
                for (StackNode c : step.b.children()) {
                    pairs.computeIfAbsent(new Key(c.name(), c.type()), k -> new StackNode[2])[0] = c;
                }
            }
            if (step.a != null) {
                for (StackNode c : step.a.children()) {
                    pairs.computeIfAbsent(new Key(c.name(), c.type()), k -> new StackNode[2])[1] = c;
                }
            }
            step.kids = new DiffNode[pairs.size()];
            int i = 0;
            for (StackNode[] p : pairs.values()) {
                todo.push(new Step(p[0], p[1], step, i++));
            }
        }
        DiffNode result = null;
        for (int i = order.size() - 1; i >= 0; i--) {
            Step step = order.get(i);
            StackNode b = step.b;
            StackNode a = step.a;
            List<DiffNode> kids = new ArrayList<>(List.of(step.kids));
            kids.sort(Comparator.comparingDouble((DiffNode d) -> Math.max(d.baselineShare(), d.afterShare())).reversed()
                    .thenComparing(DiffNode::name));
            StackNode any = b != null ? b : a;
            long bTotal = b == null ? 0 : b.total();
            long aTotal = a == null ? 0 : a.total();
            DiffNode node = new DiffNode(any.name(), any.type(), b == null ? 0 : b.self(), bTotal,
                    a == null ? 0 : a.self(), aTotal, bt == 0 ? 0 : bTotal / bt, at == 0 ? 0 : aTotal / at,
                    List.copyOf(kids));
            step.kids = null;
            if (step.parent == null) {
                result = node;
            } else {
                step.parent.kids[step.slot] = node;
            }
        }
        return result;
    }
}
