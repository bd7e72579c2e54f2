package dev.inquest.heap.graph;

import dev.inquest.heap.store.LongArray;

import java.lang.foreign.Arena;
import java.util.Arrays;

/**
 * The dominator tree of an {@link ObjectGraph} with retained sizes, as four long-indexed arrays
 * (retained sizes stored narrower, see {@link RetainedSizes})
 * that the HPROF index can persist and map back unchanged (node-valued ones 4 bytes an element
 * below 2^31 nodes, see {@link IndexArray}):
 * <ul>
 *   <li>{@code idom[node]}: the immediate dominator, {@link #TOP_LEVEL} (-1) when it is the
 *       virtual root, {@link #UNREACHABLE} (-2) when no root reaches the node;</li>
 *   <li>{@code retained[node]}: shallow size plus the retained sizes of the dominated children
 *       (0 for unreachable nodes, which MAT leaves out of the tree);</li>
 *   <li>{@code childOffsets[node + 1]} .. {@code childOffsets[node + 2]}: the range of
 *       {@code children} holding the node's children, slot 0 being the virtual root; each range is
 *       sorted by retained size descending, then by node index.</li>
 * </ul>
 */
public final class DominatorTree {
    /** The virtual root, as a {@code node} argument to {@link #childCount} and {@link #child}. */
    public static final long VIRTUAL_ROOT = -1;
    /** {@link #idom} of a node dominated only by the virtual root. */
    public static final long TOP_LEVEL = -1;
    /** {@link #idom} of a node no root reaches. */
    public static final long UNREACHABLE = -2;

    private final IndexArray idom;
    private final RetainedSizes retained;
    /** Null for a tree read back from an index file until a child list below the top is asked for. */
    private volatile IndexArray childOffsets;
    private final IndexArray children;
    private final long nodeCount;
    private final long topLevelCount;
    private final long reachableShallowSum;

    /**
     * Wraps arrays computed by {@link Dominators} (or mapped back from an index file). Checks only
     * their lengths: {@code idom} and {@code retained} hold one entry per node, {@code childOffsets}
     * two more, and {@code children} one per reachable node.
     */
    public DominatorTree(IndexArray idom, LongArray retained, IndexArray childOffsets, IndexArray children) {
        this(idom, RetainedSizes.of(retained), childOffsets, children);
    }

    /** As above, with retained sizes as stored in an index file. */
    public DominatorTree(IndexArray idom, RetainedSizes retained, IndexArray childOffsets, IndexArray children) {
        this.nodeCount = idom.length();
        if (retained.length() != nodeCount || childOffsets.length() != nodeCount + 2) {
            throw new IllegalArgumentException("array lengths disagree: idom " + nodeCount + ", retained "
                    + retained.length() + ", childOffsets " + childOffsets.length());
        }
        if (childOffsets.get(0) != 0 || childOffsets.get(nodeCount + 1) != children.length()) {
            throw new IllegalArgumentException("childOffsets do not span children (" + children.length() + ")");
        }
        this.idom = idom;
        this.retained = retained;
        this.childOffsets = childOffsets;
        this.children = children;
        this.topLevelCount = childOffsets.get(1);
        this.reachableShallowSum = topLevelSum();
    }

    /**
     * A tree as an index file stores it: no child offsets (4 bytes a node), since they follow from
     * the idoms; only the top level's size, whose children come first. The offsets are counted
     * from the idoms the first time a child list below the top is asked for (a tenth of a second
     * for 15M objects), so a reopen that shows the biggest dominators never pays for them.
     */
    public DominatorTree(IndexArray idom, RetainedSizes retained, long topLevelCount, IndexArray children) {
        this.nodeCount = idom.length();
        if (retained.length() != nodeCount || topLevelCount < 0 || topLevelCount > children.length()
                || children.length() > nodeCount) {
            throw new IllegalArgumentException("array lengths disagree: idom " + nodeCount + ", retained "
                    + retained.length() + ", top level " + topLevelCount + ", children " + children.length());
        }
        this.idom = idom;
        this.retained = retained;
        this.childOffsets = null;
        this.children = children;
        this.topLevelCount = topLevelCount;
        this.reachableShallowSum = topLevelSum();
    }

    private long topLevelSum() {
        long sum = 0;
        for (long i = 0; i < topLevelCount; i++) {
            sum += retained.get(children.get(i));
        }
        return sum;
    }

    /** The child offsets, counted from the idoms on first use when the tree was stored without them. */
    private IndexArray offsets() {
        IndexArray o = childOffsets;
        if (o != null) {
            return o;
        }
        synchronized (this) {
            if (childOffsets == null) {
                IndexArray counted = IndexArray.allocate(Arena.ofAuto(), nodeCount + 2, IndexArray.needsWide(nodeCount + 2));
                // Slot s (0: the virtual root, p + 1: node p) starts after the children of every
                // slot before it: count each parent's children one place further on, then sum.
                for (long v = 0; v < nodeCount; v++) {
                    long p = idom.get(v);
                    if (p != UNREACHABLE) {
                        counted.set(p + 2, counted.get(p + 2) + 1);
                    }
                }
                for (long s = 1; s < nodeCount + 2; s++) {
                    counted.set(s, counted.get(s) + counted.get(s - 1));
                }
                if (counted.get(1) != topLevelCount || counted.get(nodeCount + 1) != children.length()) {
                    throw new IllegalStateException("the stored idoms do not match the stored child lists");
                }
                childOffsets = counted;
            }
            return childOffsets;
        }
    }

    public long nodeCount() {
        return nodeCount;
    }

    public boolean isReachable(long node) {
        return idom.get(node) != UNREACHABLE;
    }

    /** Nodes reachable from the roots: the objects MAT counts. */
    public long reachableCount() {
        return children.length();
    }

    /** Sum of the shallow sizes of the reachable nodes: MAT's "used heap". */
    public long reachableShallowSum() {
        return reachableShallowSum;
    }

    /** The immediate dominator, {@link #TOP_LEVEL} or {@link #UNREACHABLE}. */
    public long idom(long node) {
        return idom.get(node);
    }

    /** Retained size in bytes; 0 for unreachable nodes. {@code VIRTUAL_ROOT} gives the used heap. */
    public long retained(long node) {
        return node == VIRTUAL_ROOT ? reachableShallowSum : retained.get(node);
    }

    /** Number of nodes {@code node} immediately dominates; {@code VIRTUAL_ROOT} for the top level. */
    public long childCount(long node) {
        if (node == VIRTUAL_ROOT) {
            return topLevelCount;
        }
        IndexArray o = offsets();
        return o.get(node + 2) - o.get(node + 1);
    }

    /** The {@code i}-th child, largest retained size first (ties: lower node index first). */
    public long child(long node, long i) {
        if (node == VIRTUAL_ROOT) {
            // The top level comes first in the child lists: no offsets needed.
            if (i < 0 || i >= topLevelCount) {
                throw new IndexOutOfBoundsException("child " + i + " of the virtual root");
            }
            return children.get(i);
        }
        IndexArray o = offsets();
        long start = o.get(node + 1);
        if (i < 0 || i >= o.get(node + 2) - start) {
            throw new IndexOutOfBoundsException("child " + i + " of " + node);
        }
        return children.get(start + i);
    }

    public long topLevelCount() {
        return childCount(VIRTUAL_ROOT);
    }

    public long topLevel(long i) {
        return child(VIRTUAL_ROOT, i);
    }

    /** Whether {@code a} dominates {@code b} (every node dominates itself). Walks b's idom chain. */
    public boolean dominates(long a, long b) {
        if (!isReachable(a) || !isReachable(b)) {
            return false;
        }
        for (long x = b; x >= 0; x = idom.get(x)) {
            if (x == a) {
                return true;
            }
        }
        return false;
    }

    /**
     * Sum of the retained sizes of {@code nodes}, counting each retained object once: members
     * dominated by another member are skipped. This is the retained size of the set exactly when
     * no object is kept alive only by several members together; otherwise it is a lower bound and
     * {@link Reachability#retainedSet} gives the exact figure. Linear in the total length of the
     * idom chains walked, each node walked at most once.
     */
    public long retainedSizeOfSet(long[] nodes) {
        try (Arena arena = Arena.ofConfined()) {
            BitSet64 member = new BitSet64(arena, nodeCount);
            BitSet64 settled = new BitSet64(arena, nodeCount); // non-member whose chain above is known
            BitSet64 covered = new BitSet64(arena, nodeCount); // settled, and a member is above it
            BitSet64 counted = new BitSet64(arena, nodeCount);
            for (long x : nodes) {
                if (isReachable(x)) {
                    member.set(x);
                }
            }
            long[] path = new long[64];
            long sum = 0;
            for (long x : nodes) {
                if (!member.get(x) || counted.get(x)) {
                    continue;
                }
                counted.set(x);
                int len = 0;
                boolean dominated = false;
                for (long y = idom.get(x); y >= 0; y = idom.get(y)) {
                    if (settled.get(y)) {
                        dominated = covered.get(y);
                        break;
                    }
                    if (member.get(y)) {
                        dominated = true;
                        break;
                    }
                    if (len == path.length) {
                        path = Arrays.copyOf(path, len * 2);
                    }
                    path[len++] = y;
                }
                for (int i = 0; i < len; i++) {
                    settled.set(path[i]);
                    if (dominated) {
                        covered.set(path[i]);
                    }
                }
                if (!dominated) {
                    sum += retained.get(x);
                }
            }
            return sum;
        }
    }

    public IndexArray idomArray() {
        return idom;
    }

    public RetainedSizes retainedSizes() {
        return retained;
    }

    public IndexArray childOffsetsArray() {
        return offsets();
    }

    public IndexArray childrenArray() {
        return children;
    }
}
