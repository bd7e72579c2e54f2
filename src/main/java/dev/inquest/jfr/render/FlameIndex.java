package dev.inquest.jfr.render;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;

/**
 * A tree flattened into parallel arrays in pre-order, which is what makes drawing 100,000 frames
 * cheap: node {@code i}'s subtree is the index range {@code [i, i + size(i))}, so a subtree that is
 * off screen or too narrow is skipped with one addition, and no per-frame objects are touched.
 * Horizontal positions are kept in weight units ({@link #start}); the layout scales them to pixels.
 */
public final class FlameIndex {
    private final FlameNode[] nodes;
    private final String[] labels;
    private final FrameKind[] kinds;
    private final int[] parent;
    private final int[] depth;
    private final int[] size;
    private final long[] start;
    private final long[] total;
    private final long[] self;
    private final long[] baseline;
    private final int maxDepth;
    private final boolean differential;

    private FlameIndex(int n) {
        nodes = new FlameNode[n];
        labels = new String[n];
        kinds = new FrameKind[n];
        parent = new int[n];
        depth = new int[n];
        size = new int[n];
        start = new long[n];
        total = new long[n];
        self = new long[n];
        baseline = new long[n];
        maxDepth = 0;
        differential = false;
    }

    private FlameIndex(List<FlameNode> order, int[] parent, int[] depth, int[] size, long[] start) {
        int n = order.size();
        this.nodes = order.toArray(new FlameNode[0]);
        this.labels = new String[n];
        this.kinds = new FrameKind[n];
        this.total = new long[n];
        this.self = new long[n];
        this.baseline = new long[n];
        int md = 0;
        for (int i = 0; i < n; i++) {
            FlameNode f = nodes[i];
            labels[i] = f.label();
            kinds[i] = f.kind();
            total[i] = Math.max(0, f.total());
            self[i] = Math.max(0, f.self());
            baseline[i] = f.baseline();
            md = Math.max(md, depth[i]);
        }
        this.parent = parent;
        this.depth = depth;
        this.size = size;
        this.start = start;
        this.maxDepth = md;
        this.differential = n > 0 && baseline[0] != FlameNode.NO_BASELINE;
    }

    /** Flattens a tree; iterative so that very deep stacks cannot overflow the thread's stack. */
    public static FlameIndex of(FlameNode root) {
        List<FlameNode> order = new ArrayList<>();
        // First pass: pre-order with parents; sizes and starts follow from it.
        IntList parents = new IntList();
        Deque<FlameNode> stack = new ArrayDeque<>();
        IntList stackParents = new IntList();
        stack.push(root);
        stackParents.add(-1);
        while (!stack.isEmpty()) {
            FlameNode n = stack.pop();
            int me = order.size();
            order.add(n);
            parents.add(stackParents.removeLast());
            List<? extends FlameNode> kids = n.children();
            for (int k = kids.size() - 1; k >= 0; k--) {
                stack.push(kids.get(k));
                stackParents.add(me);
            }
        }
        int n = order.size();
        int[] parent = new int[n];
        int[] depth = new int[n];
        int[] size = new int[n];
        long[] start = new long[n];
        long[] nextChildStart = new long[n];
        Arrays.fill(size, 1);
        for (int i = 0; i < n; i++) {
            int p = parents.get(i);
            parent[i] = p;
            if (p >= 0) {
                depth[i] = depth[p] + 1;
                // Children start at the parent's left edge and follow each other in list order.
                start[i] = start[p] + nextChildStart[p];
                nextChildStart[p] += Math.max(0, order.get(i).total());
            }
        }
        for (int i = n - 1; i > 0; i--) {
            size[parent[i]] += size[i];
        }
        return new FlameIndex(order, parent, depth, size, start);
    }

    public int count() {
        return nodes.length;
    }

    public FlameNode node(int i) {
        return nodes[i];
    }

    public String label(int i) {
        return labels[i];
    }

    public FrameKind kind(int i) {
        return kinds[i];
    }

    /** Parent index, -1 for the root (index 0). */
    public int parent(int i) {
        return parent[i];
    }

    public int depth(int i) {
        return depth[i];
    }

    /** Number of nodes in i's subtree including i: the subtree is [i, i + size). */
    public int size(int i) {
        return size[i];
    }

    /** Left edge in weight units from the root's left edge. */
    public long start(int i) {
        return start[i];
    }

    public long total(int i) {
        return total[i];
    }

    public long self(int i) {
        return self[i];
    }

    public long baseline(int i) {
        return baseline[i];
    }

    public int maxDepth() {
        return maxDepth;
    }

    public boolean isDifferential() {
        return differential;
    }

    /** True when {@code a} is {@code b} or one of its ancestors. */
    public boolean contains(int a, int b) {
        return a <= b && b < a + size[a];
    }

    /** Indices from the root down to {@code i}. */
    public int[] pathTo(int i) {
        int[] path = new int[depth[i] + 1];
        for (int k = path.length - 1; k >= 0; k--) {
            path[k] = i;
            i = parent[i];
        }
        return path;
    }

    /** The index of a node object (identity), or -1. Linear: for API calls, not for drawing. */
    public int indexOf(FlameNode n) {
        for (int i = 0; i < nodes.length; i++) {
            if (nodes[i] == n) {
                return i;
            }
        }
        return -1;
    }

    /** The first node reached by following labels from the root, or -1. */
    public int find(String... labels) {
        int cur = 0;
        for (String l : labels) {
            int found = -1;
            for (int c = cur + 1; c < cur + size[cur]; c += size[c]) {
                if (this.labels[c].equals(l)) {
                    found = c;
                    break;
                }
            }
            if (found < 0) {
                return -1;
            }
            cur = found;
        }
        return cur;
    }

    /** A growable int stack/list without boxing. */
    private static final class IntList {
        private int[] a = new int[64];
        private int n;

        void add(int v) {
            if (n == a.length) {
                a = Arrays.copyOf(a, n * 2);
            }
            a[n++] = v;
        }

        int removeLast() {
            return a[--n];
        }

        int get(int i) {
            return a[i];
        }
    }

    /** Empty index (no tree set yet). */
    public static FlameIndex empty() {
        return new FlameIndex(0);
    }
}
