package dev.inquest.cli;

import dev.inquest.format.Units;
import dev.inquest.heap.model.HeapDump;
import dev.inquest.heap.query.ClassDelta;
import dev.inquest.heap.query.Comparison;
import dev.inquest.heap.query.DominatorDelta;
import dev.inquest.heap.query.GrowthPath;
import dev.inquest.heap.query.HeapComparison;
import dev.inquest.progress.Progress;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code inquest heap compare BASELINE AFTER [--top N] [--by class|package] [--new-only] [--paths] [--json]}. */
@Command(name = "compare", mixinStandardHelpOptions = true,
        description = "Compare a baseline dump with a later dump of the same process: per class (or package) count, "
                + "shallow and retained deltas, largest growth first; the dominators that grew; new classes.")
public final class HeapCompareCommand extends HeapVerb implements Callable<Integer> {

    @CommandLine.Parameters(index = "1", paramLabel = "AFTER", description = "The later heap dump of the same process.")
    Path after;

    @CommandLine.Mixin
    TopOption top;

    @CommandLine.Option(names = "--by", paramLabel = "class|package", converter = Choices.ClassOrPackage.Converter.class,
            description = "Rows per ${COMPLETION-CANDIDATES} (default ${DEFAULT-VALUE}; any case).")
    Choices.ClassOrPackage by = Choices.ClassOrPackage.CLASS;

    @CommandLine.Option(names = "--new-only", description = "Only classes not loaded in the baseline.")
    boolean newOnly;

    @CommandLine.Option(names = "--paths", description = "Rows are the dominator paths that grew (the window's growth "
            + "table), each with the largest object on it in AFTER, instead of class rows.")
    boolean paths;

    @Override
    public Integer call() throws Exception {
        boolean perPackage = by == Choices.ClassOrPackage.PACKAGE;
        try (HeapDump b = open(); HeapDump a = open(after)) {
            if (paths) {
                return growthPaths(b, a);
            }
            Comparison c = HeapComparison.compare(b, a, perPackage, Progress.NONE);
            List<ClassDelta> rows = new ArrayList<>();
            for (ClassDelta r : perPackage ? c.packages() : c.classes()) {
                if (!newOnly || r.isNew()) {
                    rows.add(r);
                }
                if (rows.size() >= top.get()) {
                    break;
                }
            }
            if (json()) {
                // A row's deltas are wrong if either dump is cut short; stderr named which one.
                boolean cut = b.truncated() || a.truncated();
                if (perPackage) {
                    printJsonRows(rows.stream().map(JsonShapes.PackageDelta::new).toList(), cut, JsonShapes.Views.Packages.class);
                } else {
                    printJsonRows(rows, cut, JsonShapes.Views.Classes.class);
                }
                return 0;
            }
            PrintWriter o = out();
            o.println("Used heap " + Units.bytes(c.usedBefore()) + " -> " + Units.bytes(c.usedAfter()) + " ("
                    + Units.bytesDelta(c.usedAfter() - c.usedBefore()) + "), objects " + Units.count(c.objectsBefore()) + " -> "
                    + Units.count(c.objectsAfter()) + " (" + Units.countDelta(c.objectsAfter() - c.objectsBefore()) + ")");
            o.println();
            List<List<String>> t = new ArrayList<>();
            for (ClassDelta r : rows) {
                t.add(List.of(r.name() + (r.isNew() ? " (new)" : ""), Units.count(r.countBefore()), Units.count(r.countAfter()),
                        Units.countDelta(r.countDelta()), Units.bytesDelta(r.shallowDelta()), Units.bytesDelta(r.retainedDelta())));
            }
            table(List.of(perPackage ? "Package" : "Class", "Before", "After", "Objects", "Shallow", "Retained"), t,
                    new boolean[] {false, true, true, true, true, true});
            if (!c.dominators().isEmpty()) {
                o.println();
                o.println("Dominators that grew (by dominator path):");
                List<List<String>> dt = new ArrayList<>();
                for (DominatorDelta d : c.dominators().subList(0, Math.min(10, c.dominators().size()))) {
                    dt.add(List.of(String.join(" > ", d.path().stream().map(HeapCompareCommand::simple).toList()), Units.bytes(d.retainedBefore()), Units.bytes(d.retainedAfter()),
                            Units.bytesDelta(d.retainedDelta())));
                }
                table(List.of("Path", "Before", "After", "Growth"), dt, new boolean[] {false, true, true, true});
            }
            if (!c.newClasses().isEmpty()) {
                o.println();
                o.println("New classes (" + Units.count(c.newClasses().size()) + "): "
                        + String.join(", ", c.newClasses().subList(0, Math.min(20, c.newClasses().size())))
                        + (c.newClasses().size() > 20 ? ", ..." : ""));
            }
            o.flush();
            return 0;
        }
    }

    /** The growth view's table: {@link HeapComparison#growthPaths}, largest growth first. */
    private int growthPaths(HeapDump b, HeapDump a) throws Exception {
        Comparison c = HeapComparison.compare(b, a, false, Progress.NONE);
        List<GrowthPath> rows = HeapComparison.growthPaths(a, c, Progress.NONE);
        rows = rows.subList(0, Math.min(top.get(), rows.size()));
        if (json()) {
            printJsonRows(rows.stream().map(InspectionJson.Path::of).toList(), b.truncated() || a.truncated(), null);
            return 0;
        }
        printRows(a, rows,
                List.of("Dominator", "Held by", "Before", "After", "Retained before", "Retained after", "Growth", "Object"),
                new boolean[] {false, false, true, true, true, true, true, false},
                p -> List.of(p.className(), String.join(" > ", p.holders().stream().map(HeapCompareCommand::simple).toList()),
                        Units.count(p.delta().countBefore()), Units.count(p.delta().countAfter()),
                        Units.bytes(p.delta().retainedBefore()), Units.bytes(p.delta().retainedAfter()),
                        Units.bytesDelta(p.delta().retainedDelta()), p.node() < 0 ? "-" : hex(p.address())));
        return 0;
    }

    /** Class names without their package keep a dominator path on one line. */
    private static String simple(String name) {
        String prefix = name.startsWith("class ") ? "class " : "";
        String n = prefix.isEmpty() ? name : name.substring(6);
        return prefix + n.substring(n.lastIndexOf('.') + 1);
    }

}
