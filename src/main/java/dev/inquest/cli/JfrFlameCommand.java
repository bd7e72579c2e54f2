package dev.inquest.cli;

import dev.inquest.jfr.Recording;
import dev.inquest.jfr.render.CollapsedWriter;
import dev.inquest.jfr.render.FlameGraphHtml;
import dev.inquest.jfr.render.FlameGraphSvg;
import dev.inquest.jfr.stack.EventKind;
import dev.inquest.jfr.stack.StackTree;
import dev.inquest.jfr.stack.StackTreeQuery;
import dev.inquest.jfr.stack.Weight;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code inquest jfr flame RECORDING --event alloc|cpu|lock ...}. */
@Command(name = "flame", mixinStandardHelpOptions = true,
        description = {"Flame graph of a recording's allocations, CPU samples or lock contention.",
            "Writes collapsed stacks (root;child;leaf VALUE per line, the allocated or monitor class as leaf),"
            + " a self-contained SVG or a single-file HTML page; with no output option, collapsed stacks go to stdout.",
            "--from/--to take " + JfrTimeArg.HELP + "."})
public final class JfrFlameCommand implements Callable<Integer> {
    @CommandLine.Mixin
    RecordingArgument input;

    @Option(names = "--event", required = true, paramLabel = "alloc|cpu|lock", converter = Choices.Event.Converter.class,
            description = "One of ${COMPLETION-CANDIDATES} (any case). alloc: allocation samples (bytes);"
                    + " cpu: execution samples; lock: monitor enter and park (blocked ns).")
    Choices.Event event;

    @Option(names = "--weight", paramLabel = "bytes|count|ns", converter = Choices.WeightBy.Converter.class,
            description = WEIGHT_HELP)
    Choices.WeightBy weight;

    static final String WEIGHT_HELP = "One of ${COMPLETION-CANDIDATES} (any case; samples = count, nanos or time = ns)."
            + " Default: bytes for alloc, count for cpu, ns for lock.";

    @ArgGroup(exclusive = true)
    Output output = new Output();

    static final class Output {
        @Option(names = "--collapsed", paramLabel = "FILE", description = "Write collapsed (folded) stacks.")
        Path collapsed;
        @Option(names = "--svg", paramLabel = "FILE", description = "Write a self-contained SVG flame graph.")
        Path svg;
        @Option(names = "--html", paramLabel = "FILE", description = "Write a single-file HTML flame graph (zoom, search; works offline).")
        Path html;
    }

    @Option(names = "--thread", paramLabel = "NAME", description = "Only events of the thread with this name.")
    String thread;

    @Option(names = "--from", paramLabel = "T", description = "Only events starting at or after T.")
    String from;

    @Option(names = "--to", paramLabel = "T", description = "Only events starting before T.")
    String to;

    @Option(names = "--include", paramLabel = "REGEX", description = "Only stacks with a frame matching REGEX.")
    String include;

    @Option(names = "--exclude", paramLabel = "REGEX", description = "Drop stacks with a frame matching REGEX.")
    String exclude;

    @Option(names = "--reverse", description = "Callers view: leaf frames (allocated classes) at the bottom.")
    boolean reverse;

    @Option(names = "--alloc-events", paramLabel = "auto|sample|tlab|all", defaultValue = "auto",
            converter = Choices.AllocEvents.Converter.class,
            description = "Allocation events to weigh: auto (jdk.ObjectAllocationSample when present, else TLAB events),"
                    + " sample (or samples), tlab, or all (both added, as async-profiler's converter does; counts bytes twice);"
                    + " any case.")
    Choices.AllocEvents allocEvents;

    @Option(names = "--min-share", paramLabel = "PERCENT", defaultValue = "0",
            description = "Drop frames below this percentage of the total (default ${DEFAULT-VALUE}).")
    double minPercent;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    static Pattern pattern(CommandLine cl, String option, String regex) {
        if (regex == null) {
            return null;
        }
        try {
            return Pattern.compile(regex);
        } catch (PatternSyntaxException e) {
            throw new CommandLine.ParameterException(cl, option + ": " + e.getDescription() + " in '" + regex + "'");
        }
    }

    static Instant time(CommandLine cl, String option, String text, Instant start) {
        if (text == null) {
            return null;
        }
        try {
            return new JfrTimeArg(text).resolve(start);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(cl, option + ": " + e.getMessage());
        }
    }

    @Override
    public Integer call() throws Exception {
        Path file = input.file();
        ShortRunJit.applyFor(file);
        CommandLine cl = spec.commandLine();
        EventKind kind = event.kind;
        Weight w = weight == null ? null : weight.weight;
        if (w == Weight.BYTES && kind != EventKind.ALLOC) {
            throw new CommandLine.ParameterException(cl, "--weight bytes applies to --event alloc only");
        }
        StackTreeQuery query = StackTreeQuery.of(kind).withWeight(w).withThread(thread)
                .withInclude(pattern(cl, "--include", include)).withExclude(pattern(cl, "--exclude", exclude))
                .withReverse(reverse).withMinShare(minPercent / 100.0).withAllocSource(allocEvents.source);
        // --from/--to are relative to the recording's start, known once it is open.
        record Read(StackTreeQuery query, StackTree tree) {
        }
        Read read = Meter.run(progress -> {
            try (Recording source = input.open(progress)) {
                StackTreeQuery q = query.withRange(time(cl, "--from", from, source.start()), time(cl, "--to", to, source.start()));
                StackTree t = source.stacks(q, progress);
                RecordingArgument.warnIfCutShort(source, file, cl.getErr(), "showing");
                return new Read(q, t);
            }
        });
        StackTree tree = read.tree();
        String title = FlameGraphSvg.title(kind, file.getFileName().toString(), thread);
        if (tree.events() == 0) {
            cl.getErr().println("inquest: warning: " + file + ": no " + String.join("/", kind.eventTypes())
                    + " events" + (read.query().filtersEvents() ? " match the filters" : " in this recording"));
        }
        FlameOutputs.write(output.svg, output.html, output.collapsed, cl.getOut(),
                out -> FlameGraphSvg.write(tree, title, out), out -> FlameGraphHtml.write(tree, title, out),
                out -> CollapsedWriter.write(tree, out));
        return 0;
    }
}
