package dev.inquest.cli;

import dev.inquest.jfr.diff.DiffTree;
import dev.inquest.jfr.Recording;
import dev.inquest.jfr.render.CollapsedWriter;
import dev.inquest.jfr.render.FlameGraphHtml;
import dev.inquest.jfr.render.FlameGraphSvg;
import dev.inquest.jfr.stack.EventKind;
import dev.inquest.jfr.stack.StackTree;
import dev.inquest.jfr.stack.StackTreeQuery;
import dev.inquest.jfr.stack.Weight;
import dev.inquest.progress.ConsoleProgress;
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

    @Option(names = "--event", required = true, paramLabel = "alloc|cpu|lock")
    String event;

    @Option(names = "--weight", paramLabel = "bytes|count")
    String weight;

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
        EventKind kind = JfrFlameCommand.kind(cl, event);
        Weight w = JfrFlameCommand.weight(cl, weight);
        StackTreeQuery q = StackTreeQuery.of(kind).withWeight(w);
        ConsoleProgress progress = ConsoleProgress.forStderr();
        DiffTree diff;
        try {
            diff = Recording.diff(read(baseline, q, progress), read(after, q, progress));
        } finally {
            progress.finish();
        }
        String title = FlameGraphSvg.diffTitle(kind, baseline.getFileName().toString(), after.getFileName().toString());
        FlameOutputs.write(output.svg, output.html, output.collapsed, cl.getOut(),
                out -> FlameGraphSvg.write(diff, title, out), out -> FlameGraphHtml.write(diff, title, out),
                out -> CollapsedWriter.write(diff, out));
        return 0;
    }

    private StackTree read(Path file, StackTreeQuery q, Progress progress) throws Exception {
        try (Recording source = Recording.open(file, progress)) {
            source.truncation().ifPresent(t -> spec.commandLine().getErr().println("inquest: warning: " + file
                    + ": cut short, " + t.missingReason() + " at byte " + t.offset() + "; using the complete chunks"));
            return source.stacks(q, progress);
        }
    }
}
