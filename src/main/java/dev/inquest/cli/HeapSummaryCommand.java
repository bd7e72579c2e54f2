package dev.inquest.cli;

import dev.inquest.heap.model.DumpDamage;
import dev.inquest.heap.model.HeapDump;
import dev.inquest.heap.model.HeapSummary;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code inquest heap summary DUMP [--json]}. */
@Command(name = "summary", mixinStandardHelpOptions = true,
        description = "Overview of a heap dump: objects, classes, GC roots, used heap, unreachable objects.")
public final class HeapSummaryCommand extends HeapVerb implements Callable<Integer> {

    @Override
    public Integer call() throws Exception {
        try (HeapDump d = open()) {
            HeapSummary s = d.summary();
            if (json()) {
                printJson(s);
                return 0;
            }
            PrintWriter o = out();
            row(o, "File", s.file());
            row(o, "Format", s.format() + " (" + s.container() + ")" + (s.dumps() > 1 ? ", dump " + s.dump() + " of " + s.dumps() : ""));
            row(o, "Identifier size", s.idSize() + (s.compressedOops() ? " (compressed oops)" : ""));
            row(o, "Objects", num(s.objects()));
            row(o, "Classes", num(s.classes()));
            row(o, "GC roots", num(s.gcRoots()));
            row(o, "Used heap", num(s.usedHeap()) + " bytes");
            row(o, "Unreachable", num(s.unreachableObjects()) + " objects, " + num(s.unreachableHeap()) + " bytes");
            row(o, "Truncated", s.truncated() ? "YES: " + DumpDamage.CONSEQUENCE : "no");
            for (String p : s.problems()) {
                row(o, "", p);
            }
            row(o, "Parse time", num(s.parseMillis()) + " ms");
            o.flush();
            return 0;
        }
    }

    private static void row(PrintWriter o, String k, String v) {
        o.println(String.format("%-16s %s", k, v).stripTrailing());
    }
}
