package dev.inquest.cli;

import dev.inquest.jfr.diff.DiffTree;
import dev.inquest.jfr.Recording;
import dev.inquest.jfr.render.CollapsedWriter;
import dev.inquest.jfr.render.FlameGraphHtml;
import dev.inquest.jfr.render.FlameGraphSvg;
import dev.inquest.jfr.stack.EventKind;
import dev.inquest.jfr.stack.StackTree;
import dev.inquest.jfr.stack.StackTreeQuery;
import dev.inquest.progress.Progress;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code inquest jfr diff BASELINE AFTER --event alloc|cpu ...}. */
@Command(name = "diff", mixinStandardHelpOptions = true,
        description = {"Differential flame graph between two recordings: each frame's share of its recording's total,"
            + " baseline against after; red grew, blue shrank.",
            "Collapsed output is the difffolded format: 'root;child;leaf BASELINE AFTER' (raw self weights)."})
public final class JfrDiffCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "BASELINE")
    Path baseline;

    @Parameters(index = "1", paramLabel = "AFTER")
    Path after;

    @Option(names = "--event", required = true, paramLabel = "alloc|cpu|lock", converter = Choices.Event.Converter.class,
            description = "One of ${COMPLETION-CANDIDATES} (any case): allocations, CPU samples or lock contention.")
    Choices.Event event;

    @Option(names = "--weight", paramLabel = "bytes|count|ns", converter = Choices.WeightBy.Converter.class,
            description = JfrFlameCommand.WEIGHT_HELP)
    Choices.WeightBy weight;

    @ArgGroup(exclusive = true)
    Output output = new Output();

    static final class Output {
        @Option(names = "--collapsed", paramLabel = "FILE", description = "Write 'stack BASELINE AFTER' lines.")
        Path collapsed;
        @Option(names = "--svg", paramLabel = "FILE", description = "Write a self-contained SVG.")
        Path svg;
        @Option(names = "--html", paramLabel = "FILE", description = "Write a single-file HTML page.")
        Path html;
    }

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        ShortRunJit.applyFor(baseline, after);
        CommandLine cl = spec.commandLine();
        EventKind kind = event.kind;
        StackTreeQuery q = StackTreeQuery.of(kind).withWeight(weight == null ? null : weight.weight);
        DiffTree diff = Meter.run(progress -> Recording.diff(read(baseline, q, progress), read(after, q, progress)));
        String title = FlameGraphSvg.diffTitle(kind, baseline.getFileName().toString(), after.getFileName().toString());
        FlameOutputs.write(output.svg, output.html, output.collapsed, cl.getOut(),
                out -> FlameGraphSvg.write(diff, title, out), out -> FlameGraphHtml.write(diff, title, out),
                out -> CollapsedWriter.write(diff, out));
        return 0;
    }

    private StackTree read(Path file, StackTreeQuery q, Progress progress) throws Exception {
        try (Recording source = Recording.open(file, progress)) {
            StackTree tree = source.stacks(q, progress);
            // After the read: it may have found damaged chunks.
            RecordingArgument.warnIfCutShort(source, file, spec.commandLine().getErr(), "using");
            return tree;
        }
    }
}
