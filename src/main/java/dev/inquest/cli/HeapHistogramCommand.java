package dev.inquest.cli;

import dev.inquest.heap.model.Grouping;
import dev.inquest.heap.model.HeapDump;
import dev.inquest.heap.model.HistogramRow;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code inquest heap histogram DUMP [--top N] [--by class|package|loader] [--json]}. */
@Command(name = "histogram", mixinStandardHelpOptions = true,
        description = "Reachable objects per class (or package, or class loader): count, shallow and retained size.")
public final class HeapHistogramCommand extends HeapVerb implements Callable<Integer> {

    @CommandLine.Mixin
    TopOption top;

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
        String first = switch (grouping) {
            case CLASS -> "Class";
            case PACKAGE -> "Package";
            case LOADER -> "Class loader";
        };
        try (HeapDump d = open()) {
            printRows(d, top.of(d.histogram(grouping)),
                    r -> fields("class", r.name(), "count", r.count(), "shallow", r.shallow(), "retained", r.retained()),
                    List.of(first, "Objects", "Shallow", "Retained"), new boolean[] {false, true, true, true},
                    r -> List.of(r.name(), num(r.count()), num(r.shallow()), num(r.retained())));
            return 0;
        }
    }
}
