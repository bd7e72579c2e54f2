package dev.inquest.cli;

import dev.inquest.format.Units;
import dev.inquest.heap.model.HeapDump;
import dev.inquest.heap.query.ClassHolders;
import dev.inquest.heap.query.Holdings;
import dev.inquest.heap.query.ObjectBrief;
import dev.inquest.progress.Progress;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code inquest heap holders DUMP --class NAME [--top N] [--json]}: the dominators that hold a
 * class's instances, the table the window shows beside a recording's class ("Show in heap dump").
 */
@Command(name = "holders", mixinStandardHelpOptions = true,
        description = "Who holds the instances of a class: the dominators that keep them alive, grouped, largest first.")
public final class HeapHoldersCommand extends HeapVerb implements Callable<Integer> {

    @CommandLine.Option(names = "--class", required = true, paramLabel = "NAME", description = "Fully qualified class name.")
    String className;

    @CommandLine.Mixin
    TopOption top;

    @Override
    public Integer call() throws Exception {
        try (HeapDump d = open()) {
            ClassHolders.Result r = ClassHolders.of(d, className, top.get(), Progress.NONE);
            if (json()) {
                printJson(d, r);
                return 0;
            }
            PrintWriter o = out();
            o.println(Units.count(r.instances()) + " " + r.className() + " retaining " + Units.bytes(r.retained())
                    + ", held under " + Units.count(r.groups()) + " top-level dominators");
            for (ClassHolders.Holder h : r.holders()) {
                o.println("  " + Units.count(h.instances()) + " (" + Units.bytes(h.retained()) + ") held by " + name(h.holder())
                        + (h.top().node() != h.holder().node() ? ", under " + name(h.top()) : ""));
            }
            printHeldIn(o, r.heldIn());
            o.flush();
            return 0;
        }
    }

    /** Issue 19: the collections the objects sit in, one line each ("ResponseLog.served (list) holds 100,000"). */
    static void printHeldIn(PrintWriter o, List<Holdings.Holding> heldIn) {
        if (heldIn.isEmpty()) {
            return;
        }
        o.println("Held in:");
        for (Holdings.Holding h : heldIn) {
            o.println("  " + h.label() + " (" + (h.kind() == null ? "" : h.kind().label() + ", ") + name(h.container())
                    + ") holds " + Units.count(h.objects()));
        }
    }

    private static String name(ObjectBrief b) {
        return b.className() + " @ " + hex(b.address());
    }
}
