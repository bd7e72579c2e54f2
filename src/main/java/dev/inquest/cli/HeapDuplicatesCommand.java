package dev.inquest.cli;

import dev.inquest.format.Units;
import dev.inquest.heap.model.HeapDump;
import dev.inquest.heap.query.DuplicateObject;
import dev.inquest.heap.query.DuplicateObjects;
import dev.inquest.progress.Progress;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code inquest heap duplicates DUMP [--top N] [--include-values] [--json]}: duplicate objects by key. */
@Command(name = "duplicates", mixinStandardHelpOptions = true,
        description = "Duplicate objects by key: application classes whose instances are equal by a key field "
                + "(id, *Id, key, *Key, uuid, guid, name) where one per key would do, largest waste first. "
                + "Key values are redacted unless --include-values is given.")
public final class HeapDuplicatesCommand extends HeapVerb implements Callable<Integer> {

    @CommandLine.Mixin
    TopOption top;

    @CommandLine.Option(names = "--include-values", description = "Print the most common key's value (dumps hold user ids and tokens).")
    boolean includeValues;

    @Override
    public Integer call() throws Exception {
        try (HeapDump d = open()) {
            List<DuplicateObject> rows = DuplicateObjects.find(d, top.get(), includeValues, Progress.NONE);
            if (rows.isEmpty() && !json()) {
                out().println("No duplicate objects: no application class has at least 100 instances sharing half as many keys.");
                out().flush();
                return 0;
            }
            printRows(d, rows,
                    List.of("Class", "Instances", "Key", "Distinct", "Wasted", "Most common key", "Example"),
                    new boolean[] {false, true, false, true, true, false, true},
                    r -> List.of(r.className(), Units.count(r.instances()), r.keyField() + " (" + r.keyType() + ")",
                            Units.count(r.distinctKeys()), Units.bytes(r.wastedBytes()),
                            r.topKey() + " x " + Units.count(r.topKeyCount()), hex(r.exampleAddress())));
            return 0;
        }
    }
}
