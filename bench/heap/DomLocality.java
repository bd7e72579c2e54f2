import dev.inquest.heap.hprof.HeapScan;
import dev.inquest.heap.hprof.HeapScanner;
import dev.inquest.heap.hprof.HprofFile;
import dev.inquest.heap.index.HeapIndex;
import dev.inquest.heap.index.HeapIndexBuilder;
import dev.inquest.heap.store.Spill;
import dev.inquest.progress.Progress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Issue 16, "locality where memory is short": how many distinct 4 KB pages of each array the
 * dominator computation's depth-first search and semidominator step touch per window of 1M
 * accesses, on a real dump. An instrumented copy of the access pattern of
 * {@code heap.graph.Dominators} (Semi-NCA: DFS with the forward-edge minimum, back/cross edges
 * recorded as pairs, grouped by target, then semidominators in reverse preorder with path
 * compression), with 4-byte elements as the product uses below 2^31 nodes. Not the product's
 * code: it counts, it does not compute the tree the product keeps.
 *
 * <p>Each array is counted twice: laid out as the product lays it out (node-indexed arrays by
 * node, that is by address), and as it would be if the graph were renumbered in DFS preorder
 * before the computation (node-indexed arrays and the edge list in DFS order; arrays already
 * indexed by DFS number are the same either way). Usage (after ./mvnw package):
 * <pre>java -Xmx5g -cp target/inquest.jar bench/heap/DomLocality.java DUMP</pre>
 */
public class DomLocality {
    static final int WINDOW = 1 << 20;
    static final int PAGE = 4096;
    static final List<Arr> ALL = new ArrayList<>();
    static long accesses;
    static int window;
    static String step = "";

    /** One array's page counter: distinct pages touched in the current window, and their sum and max over windows. */
    static final class Arr {
        final String name;
        final long bytes;
        final int elementBytes;
        final int[] stamp;
        long distinct;
        long sum;
        long max;
        long windows;
        long touches;

        Arr(String name, long length, int elementBytes) {
            this.name = name;
            this.elementBytes = elementBytes;
            this.bytes = elementBytes == 0 ? (length + 7) / 8 : length * elementBytes;
            this.stamp = new int[(int) (bytes / PAGE + 1)];
            java.util.Arrays.fill(stamp, -1);
            ALL.add(this);
        }

        /** An access to element {@code i}; elementBytes 0 means a bit array. */
        void at(long i) {
            long page = elementBytes == 0 ? i / (8L * PAGE) : i * elementBytes / PAGE;
            if (stamp[(int) page] != window) {
                stamp[(int) page] = window;
                distinct++;
            }
            touches++;
            if (++accesses % WINDOW == 0) {
                roll();
            }
        }
    }

    static void roll() {
        for (Arr a : ALL) {
            if (a.touches > 0) {
                a.sum += a.distinct;
                a.max = Math.max(a.max, a.distinct);
                a.windows++;
            }
            a.distinct = 0;
            a.touches = 0;
        }
        window++;
    }

    static void report(String title) {
        roll();
        System.out.printf("%n%s: %,d accesses in %,d windows of %,d%n", title, accesses, window, WINDOW);
        System.out.printf("  %-34s %9s %14s %14s %9s%n", "array", "size MB", "mean MB/window", "max MB/window", "windows");
        for (Arr a : ALL) {
            if (a.windows == 0) {
                continue;
            }
            System.out.printf("  %-34s %9.1f %14.1f %14.1f %9d%n", a.name, a.bytes / 1048576.0,
                    a.sum * (double) PAGE / a.windows / 1048576.0, a.max * (double) PAGE / 1048576.0, a.windows);
        }
        ALL.clear();
        accesses = 0;
        window = 0;
    }

    public static void main(String[] args) throws Exception {
        long t0 = System.nanoTime();
        HprofFile file = HprofFile.open(Path.of(args[0]), Progress.NONE);
        HeapScan scan = HeapScanner.scan(file, file.dumps().get(0), Progress.NONE);
        HeapIndex g = HeapIndexBuilder.build(file, scan, false, Spill.NONE, Progress.NONE);
        int n = (int) g.nodeCount();
        long edges = g.edgeEnd(n - 1);
        System.out.printf("%,d nodes, %,d edges, %,d roots (index built in %d ms)%n", n, edges, g.rootCount(),
                (System.nanoTime() - t0) / 1_000_000);
        // Plain arrays for the computation itself; the counters model the product's layout.
        int[] dfnum = new int[n];
        int[] vertex = new int[n + 1];
        int[] parent = new int[n + 1];
        int[] semi = new int[n + 1];
        int[] cursor = new int[n + 1];
        int[] laterCount = new int[n + 2];
        boolean[] isRoot = new boolean[n];
        for (long i = 0; i < g.rootCount(); i++) {
            isRoot[(int) g.root(i)] = true;
        }
        int[] later = new int[1 << 20];
        int[] newStart = null;
        int reachable = 0;
        // How far apart consecutive DFS visits are in node (address) order.
        long near = 0;
        long within1k = 0;
        long visits = 0;
        for (int pass = 0; pass < 2; pass++) {
            boolean renumbered = pass == 1;
            java.util.Arrays.fill(dfnum, 0);
            java.util.Arrays.fill(laterCount, 0);
            int pairs = 0;
            // Node-indexed arrays as the product has them (by node) or renumbered (by DFS number, from pass 0).
            String how = renumbered ? " (renumbered)" : " (by node)";
            Arr aDfnum = new Arr("dfnum[node]" + how, n, 4);
            Arr aRoot = new Arr("isRoot[node] bits" + how, n, 0);
            Arr aStart = new Arr("edgeStarts[node]" + how, n + 1, 4);
            Arr aTarget = new Arr("targets[edge]" + how, edges, 4);
            Arr aVertex = new Arr("vertex[dfs]", n + 1, 4);
            Arr aParent = new Arr("parent/ancestor[dfs]", n + 1, 4);
            Arr aSemi = new Arr("semi[dfs]", n + 1, 4);
            Arr aCursor = new Arr("cursor[dfs]", n + 1, 4);
            Arr aLaterCount = new Arr("laterCount/predStart[dfs]", n + 2, 4);
            int next = 1;
            for (long r = 0; r < g.rootCount(); r++) {
                int root = (int) g.root(r);
                aDfnum.at(pos(root, renumbered));
                if (dfnum[root] != 0) {
                    continue;
                }
                int d = next++;
                dfnum[root] = d;
                vertex[d] = root;
                parent[d] = 0;
                semi[d] = 0;
                aVertex.at(d);
                aParent.at(d);
                aSemi.at(d);
                aStart.at(pos(root, renumbered));
                cursor[d] = (int) g.edgeStart(root);
                aCursor.at(d);
                while (d != 0) {
                    int v = vertex[d];
                    aVertex.at(d);
                    int e = cursor[d];
                    aCursor.at(d);
                    int end = (int) g.edgeEnd(v);
                    aStart.at(pos(v, renumbered) + 1);
                    boolean descended = false;
                    while (e < end) {
                        int t = (int) g.edgeTarget(e);
                        aTarget.at(renumbered ? newStart[pos(v, true)] + (e - g.edgeStart(v)) : e);
                        e++;
                        int td = dfnum[t];
                        aDfnum.at(pos(t, renumbered));
                        if (td == 0) {
                            aRoot.at(pos(t, renumbered));
                            if (isRoot[t]) {
                                continue;
                            }
                            cursor[d] = e;
                            aCursor.at(d);
                            int c = next++;
                            dfnum[t] = c;
                            aDfnum.at(pos(t, renumbered));
                            vertex[c] = t;
                            aVertex.at(c);
                            parent[c] = d;
                            aParent.at(c);
                            semi[c] = d;
                            aSemi.at(c);
                            cursor[c] = (int) g.edgeStart(t);
                            aStart.at(pos(t, renumbered));
                            aCursor.at(c);
                            if (!renumbered) {
                                long jump = Math.abs((long) t - v);
                                visits++;
                                near += jump <= 16 ? 1 : 0;
                                within1k += jump <= 1024 ? 1 : 0;
                            }
                            d = c;
                            descended = true;
                            break;
                        } else if (td > d) {
                            aSemi.at(td);
                            if (d < semi[td]) {
                                semi[td] = d;
                            }
                        } else {
                            aRoot.at(pos(t, renumbered));
                            if (td != d && !isRoot[t]) {
                                if (pairs * 2 + 2 > later.length) {
                                    later = java.util.Arrays.copyOf(later, later.length * 2);
                                }
                                later[2 * pairs] = td;
                                later[2 * pairs + 1] = d;
                                pairs++;
                                laterCount[td]++;
                                aLaterCount.at(td);
                            }
                        }
                    }
                    if (!descended) {
                        d = parent[d];
                        aParent.at(d);
                    }
                }
            }
            reachable = next - 1;
            report((renumbered ? "DFS over the graph renumbered in DFS preorder" : "DFS as the product runs it")
                    + String.format(" (%,d reachable, %,d back/cross pairs)", reachable, pairs));
            if (!renumbered) {
                System.out.printf("  consecutive DFS visits (tree edges): %.1f %% within 16 nodes of the previous, "
                        + "%.1f %% within 1,024 nodes (one 4 KB page of a 4-byte node array)%n",
                        100.0 * near / visits, 100.0 * within1k / visits);
                // The renumbered layout: node v goes to dfnum[v]-1 (unreachable nodes after), its edges in that order.
                int u = reachable;
                permutation = new int[n];
                for (int v = 0; v < n; v++) {
                    permutation[v] = dfnum[v] > 0 ? dfnum[v] - 1 : u++;
                }
                newStart = new int[n + 1];
                int[] inverse = new int[n];
                for (int v = 0; v < n; v++) {
                    inverse[permutation[v]] = v;
                }
                for (int p = 0; p < n; p++) {
                    int v = inverse[p];
                    newStart[p + 1] = newStart[p] + (int) (g.edgeEnd(v) - g.edgeStart(v));
                }
                // The semidominator step over pass 0's DFS (the same numbering either way).
                semidominators(reachable, later, pairs, laterCount, parent, semi);
            }
        }
    }

    static int[] permutation;

    static int pos(int node, boolean renumbered) {
        return renumbered ? permutation[node] : node;
    }

    /** The product's semidominator step over the DFS's arrays, counted. */
    static void semidominators(int reachable, int[] later, int pairs, int[] laterCount, int[] parent, int[] semiIn) {
        int[] predStart = new int[reachable + 2];
        int sum = 0;
        for (int w = 1; w <= reachable; w++) {
            predStart[w] = sum;
            sum += laterCount[w];
        }
        predStart[reachable + 1] = sum;
        int[] fill = java.util.Arrays.copyOf(predStart, reachable + 2);
        int[] preds = new int[pairs];
        Arr aFillCursor = new Arr("fill cursor[dfs]", reachable + 2, 4);
        Arr aPredsFill = new Arr("preds[pair] (filling)", pairs, 4);
        for (int p = 0; p < pairs; p++) {
            int w = later[2 * p];
            aFillCursor.at(w);
            aPredsFill.at(fill[w]);
            preds[fill[w]++] = later[2 * p + 1];
        }
        report("Grouping the back/cross pairs by target");
        int[] ancestor = java.util.Arrays.copyOf(parent, reachable + 1);
        int[] semi = java.util.Arrays.copyOf(semiIn, reachable + 1);
        int[] label = new int[reachable + 1];
        for (int d = 0; d <= reachable; d++) {
            label[d] = d;
        }
        int[] stack = new int[reachable + 1];
        Arr aAncestor = new Arr("ancestor[dfs]", reachable + 1, 4);
        Arr aSemi = new Arr("semi[dfs]", reachable + 1, 4);
        Arr aLabel = new Arr("label[dfs]", reachable + 1, 4);
        Arr aPredStart = new Arr("predStart[dfs]", reachable + 2, 4);
        Arr aPreds = new Arr("preds[pair]", pairs, 4);
        Arr aStack = new Arr("eval stack", reachable + 1, 4);
        for (int w = reachable; w >= 1; w--) {
            int s = semi[w];
            aSemi.at(w);
            aPredStart.at(w + 1);
            aPredStart.at(w);
            for (int i = predStart[w + 1] - 1, first = predStart[w]; i >= first && s > 0; i--) {
                aPreds.at(i);
                int v = preds[i];
                int lastLinked = w + 1;
                int a = ancestor[v];
                aAncestor.at(v);
                int u;
                if (a < lastLinked) {
                    u = label[v];
                    aLabel.at(v);
                } else {
                    int top = 0;
                    do {
                        stack[top] = v;
                        aStack.at(top);
                        top++;
                        v = a;
                        a = ancestor[v];
                        aAncestor.at(v);
                    } while (a >= lastLinked);
                    int pLabel = label[v];
                    aLabel.at(v);
                    int vLabel;
                    do {
                        v = stack[--top];
                        aStack.at(top);
                        ancestor[v] = a;
                        aAncestor.at(v);
                        vLabel = label[v];
                        aLabel.at(v);
                        aSemi.at(pLabel);
                        aSemi.at(vLabel);
                        if (semi[pLabel] < semi[vLabel]) {
                            label[v] = pLabel;
                            vLabel = pLabel;
                        } else {
                            pLabel = vLabel;
                        }
                    } while (top > 0);
                    u = vLabel;
                }
                aSemi.at(u);
                if (semi[u] < s) {
                    s = semi[u];
                }
            }
            semi[w] = s;
        }
        report("Semidominators (reverse preorder, path compression)");
    }
}
