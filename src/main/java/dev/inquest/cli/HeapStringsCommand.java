package dev.inquest.cli;

import dev.inquest.format.Units;
import dev.inquest.heap.model.HeapDump;
import dev.inquest.heap.query.DuplicateString;
import dev.inquest.heap.query.DuplicateStrings;
import dev.inquest.progress.Progress;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code inquest heap strings DUMP [--top N] [--include-values] [--json]}: duplicate strings. */
@Command(name = "strings", mixinStandardHelpOptions = true,
        description = "Duplicate strings: equal text held by several String objects, largest waste first. "
                + "Values are redacted unless --include-values is given.")
public final class HeapStringsCommand extends HeapVerb implements Callable<Integer> {

    @CommandLine.Option(names = "--top", paramLabel = "N", description = "Show the N largest rows (default ${DEFAULT-VALUE}).")
    int top = 25;

    @CommandLine.Option(names = "--include-values", description = "Print the strings' text (dumps hold passwords and tokens).")
    boolean includeValues;

    @Override
    public Integer call() throws Exception {
        if (top < 0) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--top must not be negative");
        }
        try (HeapDump d = open()) {
            List<DuplicateString> rows = DuplicateStrings.find(d, top, includeValues, Progress.NONE);
            if (json) {
                List<Map<String, Object>> out = new ArrayList<>();
                for (DuplicateString s : rows) {
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("value", s.value());
                    m.put("redacted", s.redacted());
                    m.put("length", s.length());
                    m.put("count", s.count());
                    m.put("wastedBytes", s.wastedBytes());
                    m.put("totalBytes", s.totalBytes());
                    m.put("example", hex(s.exampleAddress()));
                    out.add(m);
                }
                printJson(out);
                return 0;
            }
            warnIfTruncated(d);
            List<List<String>> t = new ArrayList<>();
            for (DuplicateString s : rows) {
                t.add(List.of(String.valueOf(s.value()), Units.count(s.length()), Units.count(s.count()), Units.bytes(s.wastedBytes()),
                        hex(s.exampleAddress())));
            }
            table(List.of("Value", "Chars", "Copies", "Wasted", "Example"), t, new boolean[] {false, true, true, true, true});
            return 0;
        }
    }
}
