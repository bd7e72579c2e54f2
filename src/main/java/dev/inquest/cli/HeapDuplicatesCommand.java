package dev.inquest.cli;

import dev.inquest.format.Units;
import dev.inquest.heap.model.HeapDump;
import dev.inquest.heap.query.DuplicateObject;
import dev.inquest.heap.query.DuplicateObjects;
import dev.inquest.progress.Progress;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code inquest heap duplicates DUMP [--top N] [--include-values] [--json]}: duplicate objects by key. */
@Command(name = "duplicates", mixinStandardHelpOptions = true,
        description = "Duplicate objects by key: application classes whose instances are equal by a key field "
                + "(id, *Id, key, *Key, uuid, guid, name) where one per key would do, largest waste first. "
                + "Key values are redacted unless --include-values is given.")
public final class HeapDuplicatesCommand extends HeapVerb implements Callable<Integer> {

    @CommandLine.Option(names = "--top", paramLabel = "N", description = "Show the N largest rows (default ${DEFAULT-VALUE}).")
    int top = 25;

    @CommandLine.Option(names = "--include-values", description = "Print the most common key's value (dumps hold user ids and tokens).")
    boolean includeValues;

    @Override
    public Integer call() throws Exception {
        if (top < 0) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--top must not be negative");
        }
        try (HeapDump d = open()) {
            List<DuplicateObject> rows = DuplicateObjects.find(d, top, includeValues, Progress.NONE);
            if (json) {
                List<Map<String, Object>> out = new ArrayList<>();
                for (DuplicateObject r : rows) {
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("class", r.className());
                    m.put("instances", r.instances());
                    m.put("keyField", r.keyField());
                    m.put("keyType", r.keyType());
                    m.put("keyedInstances", r.keyedInstances());
                    m.put("distinctKeys", r.distinctKeys());
                    m.put("surplusInstances", r.surplusInstances());
                    m.put("wastedBytes", r.wastedBytes());
                    m.put("topKey", r.topKey());
                    m.put("redacted", r.redacted());
                    m.put("topKeyCount", r.topKeyCount());
                    m.put("example", hex(r.exampleAddress()));
                    out.add(m);
                }
                printJson(out);
                return 0;
            }
            warnIfTruncated(d);
            if (rows.isEmpty()) {
                out().println("No duplicate objects: no application class has at least 100 instances sharing half as many keys.");
                out().flush();
                return 0;
            }
            List<List<String>> t = new ArrayList<>();
            for (DuplicateObject r : rows) {
                t.add(List.of(r.className(), Units.count(r.instances()), r.keyField() + " (" + r.keyType() + ")",
                        Units.count(r.distinctKeys()), Units.bytes(r.wastedBytes()),
                        r.topKey() + " x " + Units.count(r.topKeyCount()), hex(r.exampleAddress())));
            }
            table(List.of("Class", "Instances", "Key", "Distinct", "Wasted", "Most common key", "Example"), t,
                    new boolean[] {false, true, false, true, true, false, true});
            return 0;
        }
    }
}
