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

    private static void reverse(FlameNode n, List<FlameNode> path, MutableFrame out) {
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
        for (FlameNode c : n.children()) {
            reverse(c, path, out);
        }
        path.removeLast();
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

    private static void focus(FlameNode n, Predicate<? super FlameNode> match, MutableFrame out) {
        if (match.test(n)) {
            out.child(n.label(), n.kind()).addSubtree(n);
            return;
        }
        for (FlameNode c : n.children()) {
            focus(c, match, out);
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

    /** Copies n into out minus matching subtrees; returns {total, baseline} removed below n. */
    private static long[] excludeInto(FlameNode n, Predicate<? super FlameNode> match, MutableFrame out) {
        long removed = 0;
        long removedBaseline = 0;
        List<MutableFrame> kept = new ArrayList<>();
        for (FlameNode c : n.children()) {
            if (match.test(c)) {
                removed += c.total();
                removedBaseline += Math.max(0, c.baseline());
                continue;
            }
            MutableFrame m = out.child(c.label(), c.kind());
            long[] r = excludeInto(c, match, m);
            removed += r[0];
            removedBaseline += r[1];
            kept.add(m);
        }
        out.total += n.total() - removed;
        out.self += n.self();
        if (n.baseline() != FlameNode.NO_BASELINE) {
            out.addBaseline(n.baseline() - removedBaseline);
        }
        return new long[] {removed, removedBaseline};
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

    /** Adds n (same label and kind as into) with its recursion merged; linear in the subtree. */
    private static void collapseInto(MutableFrame into, FlameNode n) {
        into.total += n.total();
        into.addBaseline(n.baseline());
        absorb(into, n);
    }

    private static void absorb(MutableFrame into, FlameNode n) {
        into.self += n.self();
        for (FlameNode c : n.children()) {
            if (c.label().equals(into.label) && c.kind() == into.kind) {
                // Its total is already inside into's; only its self weight and children move up.
                absorb(into, c);
            } else {
                collapseInto(into.child(c.label(), c.kind()), c);
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

    private static Frame prune(FlameNode n, long min) {
        List<Frame> kids = new ArrayList<>();
        for (FlameNode c : n.children()) {
            if (c.total() >= min && c.total() > 0) {
                kids.add(prune(c, min));
            }
        }
        return new Frame(n.label(), n.kind(), n.total(), n.self(), n.baseline(), kids);
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

    private static void addBaseline(MutableFrame into, FlameNode b) {
        into.hasBaseline = true;
        into.baseline += b.total();
        for (FlameNode c : b.children()) {
            addBaseline(into.child(c.label(), c.kind()), c);
        }
    }
}
