package dev.inquest.link;

import dev.inquest.heap.model.HeapDump;
import dev.inquest.heap.model.ObjectRef;
import dev.inquest.progress.Progress;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Finds the object an old-object sample's reference chain describes in a heap dump: starts at the
 * object nearest the root (a class's statics, or every instance of the first class the dump has)
 * and walks down, link by link, through the fields the chain names, checking each object's class.
 *
 * <p>Tolerant where the two files differ for good reasons: array slots move between runs (a
 * rehash, another insertion order), so an array link tries the recording's index first and then
 * every element of the right class; links the recording skipped are bridged by a few hops of any
 * reference; a chain whose top is missing from the dump starts lower down. The walk is depth
 * first with a budget, so a chain that fits millions of objects answers with the first ones.
 */
public final class ChainMatcher {
    /** Objects whose references are read before the walk gives up looking for more matches. */
    static final int BUDGET = 200_000;

    private final HeapDump dump;
    private final List<ReferenceChain.Link> links;
    private final int limit;
    private final Progress progress;
    private final List<Long> matches = new ArrayList<>();
    private long[] best = new long[0];
    private boolean exact;
    private int expanded;
    private boolean exhausted;

    private ChainMatcher(HeapDump dump, ReferenceChain chain, int limit, Progress progress) {
        this.dump = dump;
        // In the dump's spelling once, not at every comparison: hidden classes are named differently there.
        this.links = chain.links().stream().map(l -> new ReferenceChain.Link(ClassNames.inHeap(l.className()),
                ClassNames.inHeap(l.describedClass()), l.field(), l.index(), l.skipped())).toList();
        this.limit = Math.max(1, limit);
        this.progress = progress;
    }

    /** Up to {@code limit} objects matching the chain, or the deepest partial walk. */
    public static ChainMatch match(HeapDump dump, ReferenceChain chain, int limit, Progress progress) {
        progress.phase("Matching the reference chain", -1, Progress.Unit.ITEMS);
        return new ChainMatcher(dump, chain, limit, progress).run(chain);
    }

    private ChainMatch run(ReferenceChain chain) {
        for (int first = 0; first < links.size(); first++) {
            List<Long> starts = starts(links.get(first));
            if (starts.isEmpty()) {
                continue;
            }
            long[] path = new long[links.size() - first];
            for (long s : starts) {
                path[0] = s;
                if (walk(path, 0, first, true)) {
                    break;
                }
            }
            List<Long> bestPath = new ArrayList<>();
            for (long n : best) {
                bestPath.add(n);
            }
            return new ChainMatch(chain, first, bestPath, matches, matches.size() >= limit || exhausted, exact);
        }
        return new ChainMatch(chain, 0, List.of(), List.of(), false, false);
    }

    /**
     * Depth-first from {@code path[0]} (matching link {@code first}); returns true to stop the whole
     * walk (limit reached or budget spent). Iterative, with one frame per link on an explicit stack:
     * a crafted recording's chain can be as long as it likes.
     */
    private boolean walk(long[] path, int depth0, int first, boolean exact0) {
        int n = path.length;
        @SuppressWarnings("unchecked")
        List<long[]>[] pending = new List[n];
        int[] next = new int[n];
        boolean[] exactAt = new boolean[n];
        int depth = depth0;
        exactAt[depth] = exact0;
        boolean entering = true;
        while (depth >= depth0) {
            if (entering) {
                entering = false;
                if (depth + 1 > best.length) {
                    best = java.util.Arrays.copyOf(path, depth + 1);
                }
                int link = first + depth;
                if (link == links.size() - 1) {
                    if (matches.isEmpty()) {
                        exact = exactAt[depth];
                        best = java.util.Arrays.copyOf(path, depth + 1);
                    }
                    matches.add(path[depth]);
                    if (matches.size() >= limit) {
                        return true;
                    }
                    depth--; // a leaf: back to its holder's next child
                    continue;
                }
                if (++expanded > BUDGET) {
                    exhausted = true;
                    return true;
                }
                if ((expanded & 1023) == 0) {
                    progress.checkCancelled();
                }
                pending[depth] = children(path[depth], links.get(link + 1));
                next[depth] = 0;
            }
            if (next[depth] < pending[depth].size()) {
                long[] c = pending[depth].get(next[depth]++);
                path[depth + 1] = c[0];
                exactAt[depth + 1] = exactAt[depth] && c[1] == 1;
                depth++;
                entering = true;
            } else {
                pending[depth] = null;
                depth--;
            }
        }
        return false;
    }

    /** Objects the holder refers to as the link says, each with 1 when it sits at the recorded array index. */
    private List<long[]> children(long holder, ReferenceChain.Link link) {
        List<long[]> out = new ArrayList<>();
        if (link.skipped() > 0) {
            // The recording left objects out here: any path of up to skipped + 2 references (one
            // either way: JDKs count the gap differently), ending at an object of the link's class.
            Set<Long> seen = new HashSet<>();
            List<Long> frontier = List.of(holder);
            for (int hop = 0; hop < link.skipped() + 2 && !frontier.isEmpty() && out.size() < 10_000; hop++) {
                List<Long> nextFrontier = new ArrayList<>();
                for (long n : frontier) {
                    for (ObjectRef r : dump.outbound(n)) {
                        if (seen.add(r.node())) {
                            nextFrontier.add(r.node());
                            if (fits(r.node(), link)) {
                                out.add(new long[] {r.node(), 0});
                            }
                        }
                    }
                }
                frontier = nextFrontier;
            }
            return out;
        }
        String slot = link.index() >= 0 ? "[" + link.index() + "]" : null;
        for (ObjectRef r : dump.outbound(holder)) {
            boolean wanted;
            if (link.field() != null) {
                wanted = link.field().equals(r.field());
            } else if (link.index() >= 0) {
                wanted = r.field() != null && r.field().startsWith("[");
            } else {
                wanted = !r.field().startsWith("<");
            }
            if (wanted && fits(r.node(), link)) {
                boolean atIndex = slot != null && slot.equals(r.field());
                if (atIndex) {
                    out.addFirst(new long[] {r.node(), 1});
                } else {
                    out.add(new long[] {r.node(), slot == null ? 1 : 0});
                }
            }
        }
        return out;
    }

    private boolean fits(long node, ReferenceChain.Link link) {
        if (link.describedClass() != null) {
            return link.describedClass().equals(dump.describedClassName(node));
        }
        return dump.instanceClassName(node).equals(link.className());
    }

    /** Where a walk can begin: a class object, or the reachable instances of the class, GC roots first. */
    private List<Long> starts(ReferenceChain.Link link) {
        if (link.describedClass() != null) {
            return dump.classObjects(link.describedClass());
        }
        List<Long> out = new ArrayList<>();
        List<Long> others = new ArrayList<>();
        for (long v : dump.reachableInstances(link.className(), progress)) {
            (dump.rootKinds(v) != null ? out : others).add(v);
        }
        out.addAll(others);
        return out;
    }

    /** The object's dominators, from its immediate dominator up to the top level (the retained-size path). */
    public static List<Long> dominatorPath(HeapDump dump, long node) {
        return dump.dominators(node);
    }
}
