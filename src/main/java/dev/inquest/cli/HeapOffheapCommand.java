package dev.inquest.cli;

import dev.inquest.format.Units;
import dev.inquest.heap.model.HeapDump;
import dev.inquest.heap.query.OffHeap;
import dev.inquest.progress.Progress;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/**
 * {@code inquest heap offheap DUMP [--json]} (issue 20): the memory outside the heap a dump still
 * accounts for, direct and mapped buffers and thread stacks; the engine ({@link OffHeap}) decides
 * every figure and the rule of the overview's row, this prints them.
 */
@Command(name = "offheap", mixinStandardHelpOptions = true,
        description = "Memory beyond the heap: direct and mapped byte buffers (owners, views, those awaiting their cleaner, "
                + "who holds them) and thread stacks (count, configured size).")
public final class HeapOffheapCommand extends HeapVerb implements Callable<Integer> {

    @Override
    public Integer call() throws Exception {
        try (HeapDump d = open()) {
            OffHeap.Report r = OffHeap.of(d, Progress.NONE);
            if (json()) {
                printJson(d, r);
                return 0;
            }
            PrintWriter o = out();
            OffHeap.Buffers b = r.buffers();
            o.println("Buffers: " + r.headline() + (r.significant() ? " (significant)" : ""));
            o.println("  " + Units.count(b.count()) + " buffer objects: " + Units.count(b.direct()) + " direct, "
                    + Units.count(b.mapped()) + " mapped, " + Units.count(b.external()) + " external, "
                    + Units.count(b.views()) + " views sharing their owner's memory, " + Units.count(b.pending())
                    + " awaiting their cleaner, " + Units.count(b.freed()) + " already freed");
            if (b.jdk() != null) {
                o.println("  The JDK counts " + Units.count(b.jdk().count()) + " direct buffers, "
                        + Units.bytes(Math.max(0, b.jdk().totalCapacity())) + " reserved"
                        + (b.jdk().max() > 0 ? " of at most " + Units.bytes(b.jdk().max()) : ""));
            }
            if (!b.holders().isEmpty()) {
                o.println("Held by:");
                for (OffHeap.Holder h : b.holders()) {
                    o.println("  " + h.describe());
                }
            }
            OffHeap.ThreadStacks t = r.threadStacks();
            o.println("Thread stacks: " + t.describe());
            for (OffHeap.SizeCount s : t.sizes()) {
                o.println("  " + Units.count(s.threads()) + (s.threads() == 1 ? " thread" : " threads") + " with "
                        + (s.stackSize() == 0 ? "the default size" : Units.bytes(s.stackSize())));
            }
            o.flush();
            return 0;
        }
    }
}
