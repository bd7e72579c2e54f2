package dev.inquest.cli;

import dev.inquest.heap.model.DominatorRow;
import dev.inquest.heap.model.Grouping;
import dev.inquest.heap.model.HeapDump;
import dev.inquest.progress.Progress;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code inquest heap dominators DUMP [--top N] [--group class|package] [--filter REGEX | --object 0xADDRESS] [--json]}. */
@Command(name = "dominators", mixinStandardHelpOptions = true,
        description = "Top-level dominators (objects that alone keep the most memory alive), largest retained first.")
public final class HeapDominatorsCommand extends HeapVerb implements Callable<Integer> {

    @CommandLine.Mixin
    TopOption top;

    @CommandLine.Option(names = "--group", paramLabel = "class|package", converter = Choices.ClassOrPackage.Converter.class,
            description = "Group top-level dominators by ${COMPLETION-CANDIDATES} (any case).")
    Choices.ClassOrPackage group;

    @CommandLine.Option(names = "--filter", paramLabel = "REGEX",
            description = "Only top-level dominators whose class name contains a match (the window's filter).")
    String filter;

    @CommandLine.Option(names = "--object", paramLabel = "0xADDRESS",
            description = "Instead of the top level, the objects this one immediately dominates, largest first.")
    String object;

    @Override
    public Integer call() throws Exception {
        Grouping grouping = group == null ? null : group.grouping;
        if (object != null && (grouping != null || filter != null)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--object lists one object's children: not with --group or --filter");
        }
        Pattern pattern;
        try {
            pattern = filter == null ? null : Pattern.compile(filter);
        } catch (PatternSyntaxException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--filter is not a regular expression: " + e.getDescription());
        }
        long address = object == null ? -1 : address(object);
        boolean grouped = grouping != null;
        String first = grouping == Grouping.PACKAGE ? "Package" : "Class";
        try (HeapDump d = open()) {
            List<DominatorRow> rows = object != null ? d.dominatedBy(node(d, address), top.get())
                    : pattern != null ? d.topDominators(pattern, grouping, Progress.NONE).rows(top.get())
                    : grouped ? d.topDominatorsGrouped(grouping, top.get()) : d.topDominators(top.get());
            if (json()) {
                printJsonRows(rows, d.truncated(), grouped ? JsonShapes.Views.Groups.class : JsonShapes.Views.Objects.class);
                return 0;
            }
            printRows(d, rows,
                    List.of(first, grouped ? "Objects" : "Address", "Shallow", "Retained", "Percent"),
                    new boolean[] {false, true, true, true, true},
                    r -> List.of(r.className(), grouped ? num(r.count()) : hex(r.address()), num(r.shallow()), num(r.retained()),
                            pct(r.percent())));
            return 0;
        }
    }
}
