package dev.inquest.cli;

import dev.inquest.heap.model.DominatorRow;
import dev.inquest.heap.model.Grouping;
import dev.inquest.heap.model.HeapDump;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code inquest heap dominators DUMP [--top N] [--group class|package] [--json]}. */
@Command(name = "dominators", mixinStandardHelpOptions = true,
        description = "Top-level dominators (objects that alone keep the most memory alive), largest retained first.")
public final class HeapDominatorsCommand extends HeapVerb implements Callable<Integer> {

    @CommandLine.Option(names = "--top", paramLabel = "N", description = "Show the N largest rows (default ${DEFAULT-VALUE}).")
    int top = 25;

    @CommandLine.Option(names = "--group", paramLabel = "class|package", description = "Group top-level dominators by class or package.")
    String group;

    @Override
    public Integer call() throws Exception {
        Grouping grouping = null;
        if (group != null) {
            grouping = switch (group.toLowerCase(Locale.ROOT)) {
                case "class" -> Grouping.CLASS;
                case "package" -> Grouping.PACKAGE;
                default -> throw new CommandLine.ParameterException(spec.commandLine(),
                        "--group must be class or package, not '" + group + "'");
            };
        }
        if (top < 0) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--top must not be negative");
        }
        try (HeapDump d = open()) {
            List<DominatorRow> rows = grouping == null ? d.topDominators(top) : d.topDominatorsGrouped(grouping, top);
            if (json) {
                List<Map<String, Object>> out = new ArrayList<>();
                for (DominatorRow r : rows) {
                    Map<String, Object> m = new LinkedHashMap<>();
                    if (grouping == null) {
                        m.put("address", hex(r.address()));
                    }
                    m.put("class", r.className());
                    if (grouping != null) {
                        m.put("count", r.count());
                    }
                    m.put("shallow", r.shallow());
                    m.put("retained", r.retained());
                    m.put("percent", Math.round(r.percent() * 100) / 100.0);
                    out.add(m);
                }
                printJson(out);
                return 0;
            }
            warnIfTruncated(d);
            List<List<String>> table = new ArrayList<>();
            for (DominatorRow r : rows) {
                table.add(grouping == null
                        ? List.of(r.className(), hex(r.address()), num(r.shallow()), num(r.retained()), pct(r.percent()))
                        : List.of(r.className(), num(r.count()), num(r.shallow()), num(r.retained()), pct(r.percent())));
            }
            String second = grouping == null ? "Address" : "Objects";
            String first = grouping == Grouping.PACKAGE ? "Package" : "Class";
            table(List.of(first, second, "Shallow", "Retained", "Percent"), table, new boolean[] {false, true, true, true, true});
            return 0;
        }
    }
}
