package dev.inquest.cli;

import dev.inquest.heap.model.Grouping;
import dev.inquest.heap.model.HeapDump;
import dev.inquest.heap.model.HistogramRow;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code inquest heap histogram DUMP [--top N] [--by class|package|loader] [--json]}. */
@Command(name = "histogram", mixinStandardHelpOptions = true,
        description = "Reachable objects per class (or package, or class loader): count, shallow and retained size.")
public final class HeapHistogramCommand extends HeapVerb implements Callable<Integer> {

    @CommandLine.Option(names = "--top", paramLabel = "N", description = "Show the N largest rows (default ${DEFAULT-VALUE}).")
    int top = 25;

    @CommandLine.Option(names = "--by", paramLabel = "class|package|loader",
            description = "Group by class (default), package or class loader.")
    String by = "class";

    @Override
    public Integer call() throws Exception {
        Grouping grouping = switch (by.toLowerCase(Locale.ROOT)) {
            case "class" -> Grouping.CLASS;
            case "package" -> Grouping.PACKAGE;
            case "loader" -> Grouping.LOADER;
            default -> throw new CommandLine.ParameterException(spec.commandLine(),
                    "--by must be class, package or loader, not '" + by + "'");
        };
        if (top < 0) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--top must not be negative");
        }
        try (HeapDump d = open()) {
            List<HistogramRow> rows = d.histogram(grouping);
            rows = rows.subList(0, Math.min(top, rows.size()));
            if (json) {
                List<Map<String, Object>> out = new ArrayList<>();
                for (HistogramRow r : rows) {
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("class", r.name());
                    m.put("count", r.count());
                    m.put("shallow", r.shallow());
                    m.put("retained", r.retained());
                    out.add(m);
                }
                printJson(out);
                return 0;
            }
            warnIfTruncated(d);
            List<List<String>> table = new ArrayList<>();
            for (HistogramRow r : rows) {
                table.add(List.of(r.name(), num(r.count()), num(r.shallow()), num(r.retained())));
            }
            String first = switch (grouping) {
                case CLASS -> "Class";
                case PACKAGE -> "Package";
                case LOADER -> "Class loader";
            };
            table(List.of(first, "Objects", "Shallow", "Retained"), table, new boolean[] {false, true, true, true});
            return 0;
        }
    }
}
