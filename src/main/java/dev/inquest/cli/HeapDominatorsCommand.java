package dev.inquest.cli;

import dev.inquest.heap.model.DominatorRow;
import dev.inquest.heap.model.Grouping;
import dev.inquest.heap.model.HeapDump;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code inquest heap dominators DUMP [--top N] [--group class|package] [--json]}. */
@Command(name = "dominators", mixinStandardHelpOptions = true,
        description = "Top-level dominators (objects that alone keep the most memory alive), largest retained first.")
public final class HeapDominatorsCommand extends HeapVerb implements Callable<Integer> {

    @CommandLine.Mixin
    TopOption top;

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
        boolean grouped = grouping != null;
        String first = grouping == Grouping.PACKAGE ? "Package" : "Class";
        try (HeapDump d = open()) {
            List<DominatorRow> rows = grouped ? d.topDominatorsGrouped(grouping, top.get()) : d.topDominators(top.get());
            printRows(d, rows,
                    r -> grouped
                            ? fields("class", r.className(), "count", r.count(), "shallow", r.shallow(), "retained", r.retained(),
                                    "percent", Math.round(r.percent() * 100) / 100.0)
                            : fields("address", hex(r.address()), "class", r.className(), "shallow", r.shallow(),
                                    "retained", r.retained(), "percent", Math.round(r.percent() * 100) / 100.0),
                    List.of(first, grouped ? "Objects" : "Address", "Shallow", "Retained", "Percent"),
                    new boolean[] {false, true, true, true, true},
                    r -> List.of(r.className(), grouped ? num(r.count()) : hex(r.address()), num(r.shallow()), num(r.retained()),
                            pct(r.percent())));
            return 0;
        }
    }
}
