package dev.inquest.cli;

import dev.inquest.format.Units;
import dev.inquest.heap.model.HeapDump;
import dev.inquest.heap.query.DuplicateString;
import dev.inquest.heap.query.DuplicateStrings;
import dev.inquest.progress.Progress;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code inquest heap strings DUMP [--top N] [--include-values] [--json]}: duplicate strings. */
@Command(name = "strings", mixinStandardHelpOptions = true,
        description = "Duplicate strings: equal text held by several String objects, largest waste first. "
                + "Values are redacted unless --include-values is given.")
public final class HeapStringsCommand extends HeapVerb implements Callable<Integer> {

    @CommandLine.Mixin
    TopOption top;

    @CommandLine.Option(names = "--include-values", description = "Print the strings' text (dumps hold passwords and tokens).")
    boolean includeValues;

    @Override
    public Integer call() throws Exception {
        try (HeapDump d = open()) {
            List<DuplicateString> rows = DuplicateStrings.find(d, top.get(), includeValues, Progress.NONE);
            printRows(d, rows,
                    List.of("Value", "Chars", "Copies", "Wasted", "Example"), new boolean[] {false, true, true, true, true},
                    s -> List.of(String.valueOf(s.value()), Units.count(s.length()), Units.count(s.count()),
                            Units.bytes(s.wastedBytes()), hex(s.exampleAddress())));
            return 0;
        }
    }
}
