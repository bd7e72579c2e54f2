package dev.inquest.cli;

import dev.inquest.format.Units;
import dev.inquest.heap.model.HeapDump;
import dev.inquest.heap.model.ObjectRef;
import dev.inquest.heap.query.Inspection;
import dev.inquest.heap.query.ObjectInspector;
import dev.inquest.progress.Progress;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code inquest heap inspect DUMP --object 0xADDRESS [--top N] [--include-values] [--json]}: the
 * object inspector's tables (fields, outbound and inbound references, retained set by class).
 */
@Command(name = "inspect", mixinStandardHelpOptions = true,
        description = "One object as the window's inspector shows it: its fields, the references it holds and those "
                + "held to it, and what it alone keeps alive, per class.")
public final class HeapInspectCommand extends HeapVerb implements Callable<Integer> {

    @CommandLine.Option(names = "--object", required = true, paramLabel = "0xADDRESS", description = "Object address (hex with 0x, or decimal).")
    String object;

    @CommandLine.Mixin
    TopOption top;

    @CommandLine.Option(names = "--include-values", description = "Show the text of strings (redacted by default).")
    boolean includeValues;

    @Override
    public Integer call() throws Exception {
        long address = address(object);
        try (HeapDump d = open()) {
            Inspection i = ObjectInspector.inspect(d, node(d, address), includeValues, Progress.NONE);
            if (json()) {
                printJson(d, InspectionJson.Inspected.of(i, d));
                return 0;
            }
            PrintWriter o = out();
            o.println(i.object().className() + " @ " + hex(i.object().address()) + ": shallow " + Units.bytes(i.object().shallow())
                    + ", retained " + Units.bytes(i.object().retained()) + (i.rootKinds() == null ? "" : ", GC root: " + i.rootKinds()));
            if (i.text() != null) {
                o.println("Value: " + (includeValues ? '"' + i.text() + '"' : i.text()));
            }
            o.println();
            table(List.of("Field", "Type", "Value"), i.fields().stream()
                    .map(f -> List.of((f.isStatic() ? "static " : "") + f.name(), f.type(), f.value())).toList(),
                    new boolean[] {false, false, false});
            refs(o, "Outbound references (" + Units.count(i.outbound().size()) + ")", top.of(i.outbound()));
            refs(o, "Inbound references (" + Units.count(i.inboundTotal()) + ")", top.of(i.inbound()));
            o.println();
            o.println("Retained set (" + Units.count(i.retainedSet().size()) + " classes):");
            table(List.of("Class", "Objects", "Shallow"), top.of(i.retainedSet()).stream()
                    .map(c -> List.of(c.className(), Units.count(c.count()), Units.bytes(c.shallow()))).toList(),
                    new boolean[] {false, true, true});
            return 0;
        }
    }

    private void refs(PrintWriter o, String title, List<ObjectRef> rows) {
        o.println();
        o.println(title + ":");
        table(List.of("Field", "Object", "Address"), rows.stream().map(r -> List.of(r.field(), r.className(), hex(r.address()))).toList(),
                new boolean[] {false, false, true});
    }
}
