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

    private static DiffNode merge(StackNode b, StackNode a, double bt, double at) {
        Map<Key, StackNode[]> pairs = new LinkedHashMap<>();
        if (b != null) {
            for (StackNode c : b.children()) {
                pairs.computeIfAbsent(new Key(c.name(), c.type()), k -> new StackNode[2])[0] = c;
            }
        }
        if (a != null) {
            for (StackNode c : a.children()) {
                pairs.computeIfAbsent(new Key(c.name(), c.type()), k -> new StackNode[2])[1] = c;
            }
        }
        List<DiffNode> kids = new ArrayList<>(pairs.size());
        for (StackNode[] p : pairs.values()) {
            kids.add(merge(p[0], p[1], bt, at));
        }
        kids.sort(Comparator.comparingDouble((DiffNode d) -> Math.max(d.baselineShare(), d.afterShare())).reversed()
                .thenComparing(DiffNode::name));
        StackNode any = b != null ? b : a;
        long bTotal = b == null ? 0 : b.total();
        long aTotal = a == null ? 0 : a.total();
        return new DiffNode(any.name(), any.type(), b == null ? 0 : b.self(), bTotal, a == null ? 0 : a.self(), aTotal,
                bt == 0 ? 0 : bTotal / bt, at == 0 ? 0 : aTotal / at, List.copyOf(kids));
    }
}
