package dev.inquest.cli;

import dev.inquest.heap.model.Grouping;
import dev.inquest.heap.model.HeapDump;
import dev.inquest.heap.model.HistogramRow;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code inquest heap histogram DUMP [--top N] [--by class|package|loader] [--json]}. */
@Command(name = "histogram", mixinStandardHelpOptions = true,
        description = "Reachable objects per class (or package, or class loader): count, shallow and retained size.")
public final class HeapHistogramCommand extends HeapVerb implements Callable<Integer> {

    @CommandLine.Mixin
    TopOption top;

    @CommandLine.Option(names = "--by", paramLabel = "class|package|loader", converter = Choices.HistogramBy.Converter.class,
            description = "Group by ${COMPLETION-CANDIDATES} (default ${DEFAULT-VALUE}; any case).")
    Choices.HistogramBy by = Choices.HistogramBy.CLASS;

    @Override
    public Integer call() throws Exception {
        Grouping grouping = by.grouping;
        String first = switch (grouping) {
            case CLASS -> "Class";
            case PACKAGE -> "Package";
            case LOADER -> "Class loader";
        };
        try (HeapDump d = open()) {
            printRows(d, top.of(d.histogram(grouping)),
                    List.of(first, "Objects", "Shallow", "Retained"), new boolean[] {false, true, true, true},
                    r -> List.of(r.name(), num(r.count()), num(r.shallow()), num(r.retained())));
            return 0;
        }
    }
}
