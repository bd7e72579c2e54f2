package dev.inquest.heap.graph;

import java.util.Arrays;

/**
 * A second, independent dominator algorithm for cross-checking {@link Dominators} on graphs too
 * big for {@link NaiveDominators}: Cooper, Harvey and Kennedy's "A Simple, Fast Dominance
 * Algorithm" (iterate {@code idom(b) = intersect of processed predecessors} in reverse postorder
 * until nothing changes). Plain Java arrays, so only for graphs below 2^31 nodes and edges.
 * Same semantics: a virtual root whose successors are the roots, which are its only
 * predecessor.
 */
final class CooperHarveyKennedy {
    private CooperHarveyKennedy() {
    }

    /** idom per node: a node index, -1 for top level, -2 for unreachable. */
    static long[] idoms(ObjectGraph g) {
        int n = Math.toIntExact(g.nodeCount());
        int v = n; // virtual root
        boolean[] isRoot = new boolean[n];
        for (long i = 0; i < g.rootCount(); i++) {
            isRoot[(int) g.root(i)] = true;
        }
        // Iterative DFS for postorder numbers; edges into roots are not followed.
        int[] post = new int[n + 1];
        Arrays.fill(post, -1);
        int[] order = new int[n + 1]; // postorder number -> node
        boolean[] seen = new boolean[n + 1];
        int[] stackNode = new int[n + 2];
        long[] stackEdge = new long[n + 2];
        int counter = 0;
        seen[v] = true;
        int sp = 0;
        stackNode[sp] = v;
        stackEdge[sp++] = 0;
        long rootCount = g.rootCount();
        while (sp > 0) {
            int x = stackNode[sp - 1];
            int next = -1;
            if (x == v) {
                while (stackEdge[sp - 1] < rootCount) {
                    int r = (int) g.root(stackEdge[sp - 1]++);
                    if (!seen[r]) {
                        next = r;
                        break;
                    }
                }
            } else {
                long end = g.edgeEnd(x);
                while (stackEdge[sp - 1] < end) {
                    int t = (int) g.edgeTarget(stackEdge[sp - 1]++);
                    if (!seen[t] && !isRoot[t]) {
                        next = t;
                        break;
                    }
                }
            }
            if (next >= 0) {
                seen[next] = true;
                stackNode[sp] = next;
                stackEdge[sp++] = g.edgeStart(next);
            } else {
                post[x] = counter;
                order[counter++] = x;
                sp--;
            }
        }
        // Predecessors of reachable non-root nodes (from reachable sources), in CSR.
        int[] predStart = new int[n + 2];
        for (int x = 0; x < n; x++) {
            if (seen[x]) {
                for (long e = g.edgeStart(x); e < g.edgeEnd(x); e++) {
                    int t = (int) g.edgeTarget(e);
                    if (!isRoot[t]) {
                        predStart[t + 1]++;
                    }
                }
            }
        }
        for (int i = 1; i <= n + 1; i++) {
            predStart[i] += predStart[i - 1];
        }
        int[] preds = new int[predStart[n + 1]];
        int[] fill = Arrays.copyOf(predStart, n + 1);
        for (int x = 0; x < n; x++) {
            if (seen[x]) {
                for (long e = g.edgeStart(x); e < g.edgeEnd(x); e++) {
                    int t = (int) g.edgeTarget(e);
                    if (!isRoot[t]) {
                        preds[fill[t]++] = x;
                    }
                }
            }
        }
        int[] idom = new int[n + 1];
        Arrays.fill(idom, -1);
        idom[v] = v;
        boolean changed = true;
        while (changed) {
            changed = false;
            for (int k = counter - 2; k >= 0; k--) { // reverse postorder, skipping the virtual root
                int b = order[k];
                int newIdom = -1;
                if (isRoot[b]) {
                    newIdom = v;
                } else {
                    for (int i = predStart[b]; i < predStart[b + 1]; i++) {
                        int p = preds[i];
                        if (idom[p] == -1) {
                            continue;
                        }
                        newIdom = newIdom == -1 ? p : intersect(p, newIdom, idom, post);
                    }
                }
                if (idom[b] != newIdom) {
                    idom[b] = newIdom;
                    changed = true;
                }
            }
        }
        long[] out = new long[n];
        for (int x = 0; x < n; x++) {
            out[x] = !seen[x] ? -2 : idom[x] == v ? -1 : idom[x];
        }
        return out;
    }

    private static int intersect(int a, int b, int[] idom, int[] post) {
        while (a != b) {
            while (post[a] < post[b]) {
                a = idom[a];
            }
            while (post[b] < post[a]) {
                b = idom[b];
            }
        }
        return a;
    }
}
