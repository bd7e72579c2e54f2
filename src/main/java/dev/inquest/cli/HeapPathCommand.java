package dev.inquest.cli;

import dev.inquest.heap.model.HeapDump;
import dev.inquest.heap.model.PathResult;
import dev.inquest.format.Units;
import dev.inquest.heap.model.PathStep;
import dev.inquest.progress.Progress;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code inquest heap path DUMP --object 0xADDRESS [--json]}: shortest paths to GC roots. */
@Command(name = "path", mixinStandardHelpOptions = true,
        description = "Shortest reference paths from an object to GC roots (weak, soft and phantom referents excluded).")
public final class HeapPathCommand extends HeapVerb implements Callable<Integer> {

    @CommandLine.Option(names = "--object", required = true, paramLabel = "0xADDRESS", description = "Object address (hex with 0x, or decimal).")
    String object;

    @CommandLine.Option(names = "--max", paramLabel = "N", description = "At most N paths (default ${DEFAULT-VALUE}).")
    int max = 10;

    @CommandLine.Option(names = "--include-weak", description = "Also follow weak/soft/phantom referents.")
    boolean includeWeak;

    /**
     * Steps of all paths together past which no further path is searched (one whole path always
     * is): ten paths of a 2,000,000-object chain were 20 million steps, 2.6 GB of JSON and most of
     * a minute, each path sharing the same long stretch.
     */
    static final long STEP_BUDGET = 1_000_000;

    @Override
    public Integer call() throws Exception {
        long address = address(object);
        try (HeapDump d = open()) {
            long node = node(d, address);
            // The shortest path first: its length says how many paths of about that length fit the budget.
            PathResult r = d.pathsToRoots(node, Math.min(max, 1), !includeWeak, Progress.NONE);
            int fit = r.paths().isEmpty() ? max : (int) Math.max(1, Math.min(max, STEP_BUDGET / r.paths().getFirst().size()));
            if (fit > 1) {
                r = d.pathsToRoots(node, fit, !includeWeak, Progress.NONE);
            }
            boolean limited = fit < max;
            if (json()) {
                printJson(new JsonShapes.PathsJson(r, d.truncated(), d.problems(), limited));
                return 0;
            }
            PrintWriter o = out();
            o.println(r.className() + " @ " + hex(r.address()) + ": " + r.paths().size() + " shortest path(s) to GC roots");
            int i = 0;
            for (List<PathStep> p : r.paths()) {
                o.println();
                o.println("Path " + (++i) + " (" + Units.count(p.size()) + " steps):");
                DeepText.path(o, "  ", p);
            }
            if (limited) {
                o.println();
                o.println("(at most " + fit + " path(s) of " + Units.count(r.paths().getFirst().size())
                        + " steps or more searched of the " + max + " asked: " + Units.count(STEP_BUDGET) + " steps in all at most)");
            }
            if (r.paths().isEmpty()) {
                o.println("(no path: the object is unreachable, or held only through weak/soft/phantom references)");
            }
            o.flush();
            return 0;
        }
    }
}
