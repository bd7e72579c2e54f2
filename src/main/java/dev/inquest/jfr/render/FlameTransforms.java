package dev.inquest.jfr.render;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * The views a flame graph offers besides the plain tree, as pure functions from tree to tree.
 * Every result is a fresh {@link Frame} tree; inputs are never changed. Totals stay consistent
 * ({@code total >= self + children}), so the layout needs no special cases.
 */
public final class FlameTransforms {
    private FlameTransforms() {
    }

    /** Number of frames in a tree (iterative: stacks can be thousands deep). */
    public static int count(FlameNode root) {
        int n = 0;
        java.util.ArrayDeque<FlameNode> stack = new java.util.ArrayDeque<>();
        stack.push(root);
        while (!stack.isEmpty()) {
            FlameNode f = stack.pop();
            n++;
            for (FlameNode c : f.children()) {
                stack.push(c);
            }
        }
        return n;
    }

    /** Frames whose label contains a match of the regex (find, not full match, like grep). */
    public static Predicate<FlameNode> labelMatches(Pattern regex) {
        return n -> regex.matcher(n.label()).find();
    }

    /** Frames with exactly this label. */
    public static Predicate<FlameNode> labelIs(String label) {
        return n -> n.label().equals(label);
    }

    /**
     * The callers view: every stack turned upside down, so the frames that hold self weight sit
     * under the root and their callers grow above them. A frame's total in the result is the self
     * weight it had at the end of those stacks; the root keeps its label and total.
     */
    public static Frame reverse(FlameNode root) {
        MutableFrame out = MutableFrame.rootLike(root);
        out.total = root.total();
        out.self = root.self();
        out.addBaseline(root.baseline());
        List<FlameNode> path = new ArrayList<>();
        for (FlameNode c : root.children()) {
            reverse(c, path, out);
        }
        return out.freeze();
    }

    // Every walk below is iterative (stacks can be thousands of frames deep) and visits frames in
    // the order a recursive walk would, children in their order, so results are the same.
    private record At(FlameNode node, int depth) {
    }

    private static void reverse(FlameNode start, List<FlameNode> path, MutableFrame out) {
        java.util.ArrayDeque<At> todo = new java.util.ArrayDeque<>();
        todo.push(new At(start, path.size()));
        while (!todo.isEmpty()) {
            At at = todo.pop();
            FlameNode n = at.node();
            while (path.size() > at.depth()) {
                path.removeLast();
            }
            path.add(n);
            long selfBaseline = selfBaseline(n);
            if (n.self() > 0 || selfBaseline > 0) {
                MutableFrame f = out;
                for (int i = path.size() - 1; i >= 0; i--) {
                    FlameNode p = path.get(i);
                    f = f.child(p.label(), p.kind());
                    f.total += n.self();
                    if (selfBaseline >= 0) {
                        f.addBaseline(selfBaseline);
                    }
                }
                f.self += n.self();
            }
            List<? extends FlameNode> kids = n.children();
            for (int i = kids.size() - 1; i >= 0; i--) {
                todo.push(new At(kids.get(i), at.depth() + 1));
            }
        }
        path.clear();
    }

    /** Baseline weight of the stacks ending in this frame, -1 for plain trees. */
    static long selfBaseline(FlameNode n) {
        if (n.baseline() == FlameNode.NO_BASELINE) {
            return -1;
        }
        long kids = 0;
        for (FlameNode c : n.children()) {
            kids += Math.max(0, c.baseline());
        }
        return Math.max(0, n.baseline() - kids);
    }

    /**
     * Only the stacks through matching frames, merged at the frame: the result is the root with one
     * child per distinct matching frame (label and kind), holding the merged subtrees below every
     * outermost occurrence. Nested occurrences (recursion) are inside their outer one and count once.
     * Applied to a {@link #reverse reversed} tree this gives a frame's merged callers.
     */
    public static Frame focus(FlameNode root, Predicate<? super FlameNode> match) {
        MutableFrame out = MutableFrame.rootLike(root);
        for (FlameNode c : root.children()) {
            focus(c, match, out);
        }
        for (MutableFrame c : out.children()) {
            out.total += c.total;
            if (c.hasBaseline) {
                out.addBaseline(c.baseline);
            }
        }
        return out.freeze();
    }

    private static void focus(FlameNode start, Predicate<? super FlameNode> match, MutableFrame out) {
        java.util.ArrayDeque<FlameNode> todo = new java.util.ArrayDeque<>();
        todo.push(start);
        while (!todo.isEmpty()) {
            FlameNode n = todo.pop();
            if (match.test(n)) {
                out.child(n.label(), n.kind()).addSubtree(n);
                continue;
            }
            List<? extends FlameNode> kids = n.children();
            for (int i = kids.size() - 1; i >= 0; i--) {
                todo.push(kids.get(i));
            }
        }
    }

    /**
     * Drops every stack that passes through a matching frame (the root itself is never matched), so
     * the weight of those stacks disappears from all the frames above as well.
     */
    public static Frame exclude(FlameNode root, Predicate<? super FlameNode> match) {
        MutableFrame out = MutableFrame.rootLike(root);
        excludeInto(root, match, out);
        return out.freeze();
    }

    /** One frame of the exclude walk: where it goes and the weight removed below it so far. */
    private static final class Kept {
        final FlameNode n;
        final MutableFrame out;
        final Kept parent;
        long removed;
        long removedBaseline;

        Kept(FlameNode n, MutableFrame out, Kept parent) {
            this.n = n;
            this.out = out;
            this.parent = parent;
        }
    }

    /** Copies n into out minus matching subtrees: the frames in pre-order, then summed from the last. */
    private static void excludeInto(FlameNode root, Predicate<? super FlameNode> match, MutableFrame rootOut) {
        List<Kept> order = new ArrayList<>();
        java.util.ArrayDeque<Kept> todo = new java.util.ArrayDeque<>();
        todo.push(new Kept(root, rootOut, null));
        while (!todo.isEmpty()) {
            Kept k = todo.pop();
            order.add(k);
            for (FlameNode c : k.n.children()) {
                if (match.test(c)) {
                    k.removed += c.total();
                    k.removedBaseline += Math.max(0, c.baseline());
                } else {
                    todo.push(new Kept(c, k.out.child(c.label(), c.kind()), k));
                }
            }
        }
        for (int i = order.size() - 1; i >= 0; i--) {
            Kept k = order.get(i);
            k.out.total += k.n.total() - k.removed;
            k.out.self += k.n.self();
            if (k.n.baseline() != FlameNode.NO_BASELINE) {
                k.out.addBaseline(k.n.baseline() - k.removedBaseline);
            }
            if (k.parent != null) {
                k.parent.removed += k.removed;
                k.parent.removedBaseline += k.removedBaseline;
            }
        }
    }

    /**
     * Merges directly recursive frames: a child with its parent's label and kind disappears, its
     * self weight and children moving up into the parent. {@code a;a;a;b} becomes {@code a;b}.
     */
    public static Frame collapseRecursion(FlameNode root) {
        MutableFrame out = MutableFrame.rootLike(root);
        collapseInto(out, root);
        return out.freeze();
    }

    /** A step of the recursion merge: absorb {@code n} into {@code into}, or first add it as into's child. */
    private record Merge(MutableFrame into, FlameNode n, boolean asChild) {
    }

    /** Adds n (same label and kind as into) with its recursion merged; linear in the subtree. */
    private static void collapseInto(MutableFrame start, FlameNode root) {
        java.util.ArrayDeque<Merge> todo = new java.util.ArrayDeque<>();
        start.total += root.total();
        start.addBaseline(root.baseline());
        todo.push(new Merge(start, root, false));
        while (!todo.isEmpty()) {
            Merge m = todo.pop();
            MutableFrame into = m.into();
            FlameNode n = m.n();
            if (m.asChild()) {
                // Created when reached, as the recursive walk did: the children's order is kept.
                into = into.child(n.label(), n.kind());
                into.total += n.total();
                into.addBaseline(n.baseline());
            }
            into.self += n.self();
            List<? extends FlameNode> kids = n.children();
            for (int i = kids.size() - 1; i >= 0; i--) {
                FlameNode c = kids.get(i);
                // A child like its parent: its total is already inside into's; only its self weight
                // and children move up.
                boolean same = c.label().equals(into.label) && c.kind() == into.kind;
                todo.push(new Merge(into, c, !same));
            }
        }
    }

    /**
     * Hides frames narrower than {@code minShare} of the root's total (0.001 = 0.1 %). Totals and
     * self weights stay as they were: the hidden weight shows as a gap, not as a lie about self.
     */
    public static Frame prune(FlameNode root, double minShare) {
        long min = (long) Math.ceil(root.total() * minShare);
        return prune(root, Math.max(min, 0));
    }

    /** A frame of the prune walk: its kept children's results go to their slots (nodes may be views made per call). */
    private static final class Pruned {
        final FlameNode n;
        final Pruned parent;
        final int slot;
        Frame[] kids;

        Pruned(FlameNode n, Pruned parent, int slot) {
            this.n = n;
            this.parent = parent;
            this.slot = slot;
        }
    }

    private static Frame prune(FlameNode root, long min) {
        List<Pruned> order = new ArrayList<>();
        java.util.ArrayDeque<Pruned> todo = new java.util.ArrayDeque<>();
        todo.push(new Pruned(root, null, 0));
        while (!todo.isEmpty()) {
            Pruned p = todo.pop();
            order.add(p);
            List<FlameNode> kept = new ArrayList<>();
            for (FlameNode c : p.n.children()) {
                if (c.total() >= min && c.total() > 0) {
                    kept.add(c);
                }
            }
            p.kids = new Frame[kept.size()];
            for (int i = 0; i < kept.size(); i++) {
                todo.push(new Pruned(kept.get(i), p, i));
            }
        }
        Frame result = null;
        for (int i = order.size() - 1; i >= 0; i--) {
            Pruned p = order.get(i);
            Frame f = new Frame(p.n.label(), p.n.kind(), p.n.total(), p.n.self(), p.n.baseline(), List.of(p.kids));
            p.kids = null;
            if (p.parent == null) {
                result = f;
            } else {
                p.parent.kids[p.slot] = f;
            }
        }
        return result;
    }

    /**
     * The differential tree of two profiles: the shape and weights of {@code current}, each frame
     * also carrying its total in {@code baseline} (0 where the baseline never had that stack).
     * Stacks only in the baseline are kept with a current weight of 0, so they take no width.
     */
    public static Frame diff(FlameNode baseline, FlameNode current) {
        MutableFrame out = MutableFrame.rootLike(current);
        out.hasBaseline = true;
        out.addSubtree(current);
        addBaseline(out, baseline);
        return out.freeze();
    }

    private static void addBaseline(MutableFrame root, FlameNode baselineRoot) {
        java.util.ArrayDeque<Object[]> todo = new java.util.ArrayDeque<>();
        todo.push(new Object[] {root, baselineRoot});
        while (!todo.isEmpty()) {
            Object[] step = todo.pop();
            MutableFrame into = (MutableFrame) step[0];
            FlameNode b = (FlameNode) step[1];
            into.hasBaseline = true;
            into.baseline += b.total();
            for (FlameNode c : b.children()) {
                todo.push(new Object[] {into.child(c.label(), c.kind()), c});
            }
        }
    }
}
