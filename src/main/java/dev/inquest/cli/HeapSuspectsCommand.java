package dev.inquest.cli;

import dev.inquest.format.Units;
import dev.inquest.heap.model.HeapDump;
import dev.inquest.heap.query.ContainerInfo;
import dev.inquest.heap.query.Duplication;
import dev.inquest.heap.query.LeakSuspects;
import dev.inquest.heap.query.Suspect;
import dev.inquest.heap.query.SuspectPart;
import dev.inquest.heap.query.SuspectReport;
import dev.inquest.progress.Progress;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code inquest heap suspects DUMP [--json]}: leak suspects, or "no suspect". */
@Command(name = "suspects", mixinStandardHelpOptions = true,
        description = "Leak suspects: what retains over 10 %% of the heap, where it accumulates, who holds it and why it was flagged.")
public final class HeapSuspectsCommand extends HeapVerb implements Callable<Integer> {

    @Override
    public Integer call() throws Exception {
        try (HeapDump d = open()) {
            SuspectReport r = LeakSuspects.find(d, Progress.NONE);
            if (json()) {
                printJsonRows(r.suspects(), d.truncated(), null);
                return 0;
            }
            print(r);
            return 0;
        }
    }

    private void print(SuspectReport r) {
        PrintWriter o = out();
        o.println("Used heap " + Units.bytes(r.usedHeap()) + "; a suspect retains over " + Units.bytes(r.threshold())
                + " (10 %).");
        if (r.noSuspect()) {
            o.println();
            o.println("No suspect: nothing retains over 10 % of the heap that the application piles up.");
        }
        int i = 0;
        for (Suspect s : r.suspects()) {
            o.println();
            o.println("Suspect " + (++i) + ": " + s.title());
            o.println("  " + s.explanation());
            o.println("  Blamed:        " + (s.count() > 1 ? Units.count(s.count()) + " x " : "") + s.className() + ", "
                    + Units.bytes(s.retained()) + " (" + Units.percent(s.percent() / 100) + ")");
            o.println("  Accumulation:  " + s.accumulation().className() + " @ " + hex(s.accumulation().address()) + ", "
                    + Units.bytes(s.accumulation().retained()));
            ContainerInfo c = s.container();
            if (c != null) {
                o.println("  Container:     " + c.kind().label() + " (" + c.type() + "), " + Units.count(c.elementCount())
                        + " elements; " + Units.count(c.elementClassCount()) + " " + c.elementClass() + " retain "
                        + Units.bytes(c.elementClassRetained()));
            }
            if (s.holder() != null) {
                o.println("  Held by:       " + s.holder());
            }
            for (SuspectPart p : s.parts()) {
                // Issue 19: the walk split; each part as the suspect it would be on its own.
                ContainerInfo pc = p.container();
                o.println("  Part:          " + p.label() + (p.field() == null ? "" : " (field " + p.field() + ")") + ", "
                        + Units.bytes(p.retained()) + " (" + Units.percent(p.percent() / 100) + ")"
                        + (pc == null || pc.elementClass() == null ? "" : "; " + pc.kind().label() + " (" + pc.type() + ") of "
                        + Units.count(pc.elementCount()) + " elements; " + Units.count(pc.elementClassCount()) + " "
                        + pc.elementClass() + " retain " + Units.bytes(pc.elementClassRetained())));
                Duplication pd = p.duplication();
                if (pd != null) {
                    o.println("                 duplicated: " + Units.count(pd.instances()) + " " + pd.className() + " for "
                            + Units.count(pd.distinctKeys()) + " distinct " + pd.keyField() + "; "
                            + Units.count(pd.redundantInstances()) + " redundant, about " + Units.bytes(pd.redundantRetained()));
                }
            }
            Duplication d = s.duplication();
            if (d != null) {
                o.println("  Duplication:   " + Units.count(d.instances()) + " " + d.className() + " for "
                        + Units.count(d.distinctKeys()) + " distinct " + d.keyField() + "; "
                        + Units.count(d.redundantInstances()) + " redundant, about " + Units.bytes(d.redundantRetained()));
            }
            if (!s.path().isEmpty()) {
                o.println("  Shortest strong path from a GC root:");
                DeepText.path(o, "    ", s.path());
            }
        }
        if (!r.dismissed().isEmpty()) {
            o.println();
            o.println("Looked at and not blamed:");
            for (SuspectReport.Dismissed x : r.dismissed()) {
                o.println("  " + x.dominator().className() + " (" + Units.percent(x.percent() / 100) + "): " + x.reason());
            }
        }
        o.flush();
    }
}
