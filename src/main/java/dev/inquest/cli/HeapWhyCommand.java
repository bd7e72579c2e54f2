package dev.inquest.cli;

import dev.inquest.format.Units;
import dev.inquest.heap.model.HeapDump;
import dev.inquest.heap.query.WhyAlive;
import dev.inquest.progress.Progress;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code inquest heap why DUMP --class NAME [--json]}: merged, grouped shortest paths of a class's instances. */
@Command(name = "why", mixinStandardHelpOptions = true,
        description = "Why are the instances of a class alive: their shortest strong paths from GC roots, merged and grouped.")
public final class HeapWhyCommand extends HeapVerb implements Callable<Integer> {

    @CommandLine.Option(names = "--class", required = true, paramLabel = "NAME", description = "Fully qualified class name.")
    String className;

    @CommandLine.Option(names = "--depth", paramLabel = "N", description = "Rows shown below each root in text output (default ${DEFAULT-VALUE}).")
    int depth = 30;

    @Override
    public Integer call() throws Exception {
        try (HeapDump d = open()) {
            WhyAlive.Result r = WhyAlive.forClass(d, className, Progress.NONE);
            if (json()) {
                printJson(r);
                return 0;
            }
            warnIfTruncated(d);
            PrintWriter o = out();
            o.println(Units.count(r.instances()) + " " + r.className() + ": " + Units.count(r.withPath())
                    + " reached by strong references, " + Units.count(r.unreached()) + " only through weak/soft/phantom ones");
            for (WhyAlive.Group g : r.roots()) {
                print(o, g, 0);
            }
            o.flush();
            return 0;
        }
    }

    private void print(PrintWriter o, WhyAlive.Group g, int level) {
        if (level > depth) {
            return;
        }
        String via = g.field() == null ? "" : g.field() + " -> ";
        String root = g.rootKinds() == null ? "" : "  [GC root: " + g.rootKinds() + "]";
        String many = g.nodes() > 1 ? Units.count(g.nodes()) + " x " : "";
        o.println("  " + "  ".repeat(level) + via + many + g.className() + (g.nodes() == 1 ? " @ " + hex(g.exampleAddress()) : "")
                + "  (" + Units.count(g.objects()) + " objects)" + root);
        for (WhyAlive.Group c : g.children()) {
            print(o, c, level + 1);
        }
    }
}
