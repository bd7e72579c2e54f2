package dev.inquest.cli;

import dev.inquest.format.Units;
import dev.inquest.heap.model.HeapDump;
import dev.inquest.heap.model.StackFrame;
import dev.inquest.heap.query.ObjectBrief;
import dev.inquest.heap.query.ThreadOverview;
import dev.inquest.progress.Progress;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code inquest heap threads DUMP [--frames N] [--json]}: threads, stacks, what their locals keep. */
@Command(name = "threads", mixinStandardHelpOptions = true,
        description = "Threads with their stack frames and the retained size of their local variables, largest first.")
public final class HeapThreadsCommand extends HeapVerb implements Callable<Integer> {

    @CommandLine.Option(names = "--frames", paramLabel = "N", description = "Frames per thread in text output (default ${DEFAULT-VALUE}).")
    int frames = 8;

    @Override
    public Integer call() throws Exception {
        try (HeapDump d = open()) {
            List<ThreadOverview.Row> rows = ThreadOverview.compute(d, Progress.NONE);
            if (json()) {
                printJsonRows(rows, d.truncated(), null);
                return 0;
            }
            PrintWriter o = out();
            for (ThreadOverview.Row r : rows) {
                o.println("\"" + r.name() + "\" " + r.className() + " @ " + hex(r.address()) + ": retains " + Units.bytes(r.retained())
                        + ", " + Units.count(r.locals()) + " locals keep " + Units.bytes(r.localsRetained()));
                for (int i = 0; i < Math.min(frames, r.frames().size()); i++) {
                    StackFrame f = r.frames().get(i);
                    String where = f.line() > 0 ? f.sourceFile() + ":" + f.line() : f.line() == -3 ? "native" : String.valueOf(f.sourceFile());
                    o.println("    at " + f.className() + "." + f.method() + "(" + where + ")");
                }
                if (r.frames().size() > frames) {
                    o.println("    ... " + (r.frames().size() - frames) + " more");
                }
                for (ObjectBrief b : r.biggestLocals().subList(0, Math.min(3, r.biggestLocals().size()))) {
                    o.println("    local " + b.className() + " @ " + hex(b.address()) + " retains " + Units.bytes(b.retained()));
                }
            }
            o.flush();
            return 0;
        }
    }
}
