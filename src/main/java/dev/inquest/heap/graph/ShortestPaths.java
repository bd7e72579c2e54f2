package dev.inquest.heap.graph;

import dev.inquest.progress.Progress;

import java.lang.foreign.Arena;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Shortest reference paths from objects to the dominator-tree roots ("path to GC roots").
 *
 * <p>A path ends at the first root it meets: roots are not expanded further. Edges the
 * {@link EdgeFilter} refuses are not followed (the reader refuses weak, soft and phantom
 * referents, as MAT does by default for this query).
 */
public final class ShortestPaths {
    private final ObjectGraph graph;
    private final InboundEdges inbound;
    private final EdgeFilter filter;
    private final BitSet64 isRoot;

    /** A path as node indices: the object first, a root last. */
    public record Path(long[] nodes) {
        public long object() {
            return nodes[0];
        }

        public long root() {
            return nodes[nodes.length - 1];
        }

        public int length() {
            return nodes.length;
        }
    }

    /**
     * One node of the merged-paths tree, rooted at a GC root. {@code objects} counts the members
     * of the queried set whose shortest path runs through this node (the member itself included),
     * {@code objectsShallow} sums their shallow sizes. Children: most objects first, then node index.
     */
    public record PathNode(long node, long objects, long objectsShallow, List<PathNode> children) {
    }

    /**
     * The merged shortest paths of a set: one tree per root that some path ends at, largest first.
     * {@code unreached} members have no path under the filter (for example objects held only
     * through weak references), {@code paths} is the number of members with a path.
     */
    public record MergedPaths(List<PathNode> roots, long paths, long unreached) {
    }

    public ShortestPaths(ObjectGraph graph, InboundEdges inbound, EdgeFilter filter) {
        this.graph = graph;
        this.inbound = inbound;
        this.filter = filter;
        this.isRoot = new BitSet64(Arena.ofAuto(), graph.nodeCount());
        for (long i = 0, n = graph.rootCount(); i < n; i++) {
            isRoot.set(graph.root(i));
        }
    }

    /**
     * Up to {@code limit} shortest paths from {@code node} to distinct roots, shortest first:
     * a breadth-first search over inbound edges that stops once {@code limit} roots are found.
     * A root object has the single path {@code [node]}.
     */
    public List<Path> toRoots(long node, int limit, Progress progress) {
        List<Path> paths = new ArrayList<>();
        if (limit <= 0) {
            return paths;
        }
        try (Arena arena = Arena.ofConfined()) {
            LongLongMap towardObject = new LongLongMap(arena, 1024); // visited node -> next node toward the object
            LongQueue queue = new LongQueue(arena, 1024);
            towardObject.putIfAbsent(node, -1);
            queue.add(node);
            long steps = 0;
            while (!queue.isEmpty()) {
                long x = queue.poll();
                if (isRoot.get(x)) {
                    paths.add(new Path(pathFrom(x, towardObject)));
                    if (paths.size() >= limit) {
                        break;
                    }
                    continue;
                }
                for (long i = inbound.inboundStart(x), end = inbound.inboundEnd(x); i < end; i++) {
                    long s = inbound.source(i);
                    if (filter.follow(s, x) && towardObject.putIfAbsent(s, x)) {
                        queue.add(s);
                    }
                }
                if ((++steps & (Dominators.CHECK_EVERY - 1)) == 0) {
                    progress.checkCancelled();
                }
            }
        }
        return paths;
    }

    private static long[] pathFrom(long root, LongLongMap towardObject) {
        int length = 0;
        for (long x = root; x != -1; x = towardObject.get(x, -1)) {
            length++;
        }
        long[] nodes = new long[length];
        int i = length;
        for (long x = root; x != -1; x = towardObject.get(x, -1)) {
            nodes[--i] = x;
        }
        return nodes;
    }

    /**
     * MAT's "merge shortest paths to GC roots" for a set of objects: the shortest path of every
     * member to its nearest root, merged into trees. One breadth-first search forward from all
     * roots at once gives every node its distance to the nearest root and a parent on such a path;
     * it stops as soon as every member has been reached.
     */
    public MergedPaths merged(long[] nodes, Progress progress) {
        long n = graph.nodeCount();
        boolean wide = IndexArray.needsWide(n + 2);
        try (Arena arena = Arena.ofConfined()) {
            BitSet64 member = new BitSet64(arena, n);
            long remaining = 0;
            for (long x : nodes) {
                if (!member.get(x)) {
                    member.set(x);
                    remaining++;
                }
            }
            long distinct = remaining;
            // parent[x]: 0 = not reached, 1 = a root, p + 2 = reached from p.
            IndexArray parent = IndexArray.allocate(arena, n, wide);
            IndexArray queue = IndexArray.allocate(arena, n, wide);
            long head = 0;
            long tail = 0;
            for (long i = 0, rc = graph.rootCount(); i < rc; i++) {
                long r = graph.root(i);
                if (parent.get(r) == 0) {
                    parent.set(r, 1);
                    queue.set(tail++, r);
                    if (member.get(r)) {
                        remaining--;
                    }
                }
            }
            while (head < tail && remaining > 0) {
                long x = queue.get(head++);
                for (long e = graph.edgeStart(x), end = graph.edgeEnd(x); e < end; e++) {
                    long t = graph.edgeTarget(e);
                    if (parent.get(t) == 0 && filter.follow(x, t)) {
                        parent.set(t, x + 2);
                        queue.set(tail++, t);
                        if (member.get(t)) {
                            remaining--;
                        }
                    }
                }
                if ((head & (Dominators.CHECK_EVERY - 1)) == 0) {
                    progress.checkCancelled();
                }
            }
            // Walk each reached member up to its root, counting it on every node of the way.
            Map<Long, long[]> counts = new HashMap<>();       // node -> {objects, objectsShallow}
            Map<Long, List<Long>> childrenOf = new HashMap<>(); // node -> child nodes (-1: the roots)
            long reached = 0;
            for (long x : nodes) {
                long p = parent.get(x);
                if (p == 0 || counts.containsKey(x) && counts.get(x)[2] == 1) {
                    continue;
                }
                reached++;
                long shallow = graph.shallowSize(x);
                long y = x;
                long[] own = counts.computeIfAbsent(x, k -> new long[3]);
                own[2] = 1; // marks x as counted, in case it appears twice in nodes
                while (true) {
                    long[] c = counts.computeIfAbsent(y, k -> new long[3]);
                    boolean fresh = c[0] == 0;
                    c[0]++;
                    c[1] += shallow;
                    long py = parent.get(y);
                    long up = py == 1 ? -1 : py - 2;
                    if (fresh) {
                        childrenOf.computeIfAbsent(up, k -> new ArrayList<>()).add(y);
                    }
                    if (up == -1) {
                        break;
                    }
                    y = up;
                }
            }
            List<PathNode> roots = build(-1, counts, childrenOf);
            return new MergedPaths(roots, reached, distinct - reached);
        }
    }

    /** Builds the subtrees below {@code node} bottom-up with an explicit stack (paths can be long). */
    private static List<PathNode> build(long top, Map<Long, long[]> counts, Map<Long, List<Long>> childrenOf) {
        Comparator<PathNode> order = Comparator.comparingLong((PathNode p) -> -p.objects()).thenComparingLong(PathNode::node);
        Map<Long, List<PathNode>> built = new HashMap<>();
        // Post-order: a node is finished once all its children are.
        List<long[]> stack = new ArrayList<>(); // {node, next child index}
        stack.add(new long[] {top, 0});
        while (!stack.isEmpty()) {
            long[] frame = stack.get(stack.size() - 1);
            List<Long> kids = childrenOf.getOrDefault(frame[0], List.of());
            if (frame[1] < kids.size()) {
                stack.add(new long[] {kids.get((int) frame[1]++), 0});
                continue;
            }
            stack.remove(stack.size() - 1);
            List<PathNode> done = new ArrayList<>(kids.size());
            for (long k : kids) {
                long[] c = counts.get(k);
                done.add(new PathNode(k, c[0], c[1], built.remove(k)));
            }
            done.sort(order);
            built.put(frame[0], List.copyOf(done));
        }
        return built.get(top);
    }
}
