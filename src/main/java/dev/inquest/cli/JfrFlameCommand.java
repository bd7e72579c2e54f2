package dev.inquest.cli;

import dev.inquest.jfr.Recording;
import dev.inquest.jfr.render.CollapsedWriter;
import dev.inquest.jfr.render.FlameGraphHtml;
import dev.inquest.jfr.render.FlameGraphSvg;
import dev.inquest.jfr.stack.AllocSource;
import dev.inquest.jfr.stack.EventKind;
import dev.inquest.jfr.stack.StackTree;
import dev.inquest.jfr.stack.StackTreeQuery;
import dev.inquest.jfr.stack.Weight;
import dev.inquest.progress.ConsoleProgress;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code inquest jfr flame RECORDING --event alloc|cpu|lock ...}. */
@Command(name = "flame", mixinStandardHelpOptions = true,
        description = {"Flame graph of a recording's allocations, CPU samples or lock contention.",
            "Writes collapsed stacks (root;child;leaf VALUE per line, the allocated or monitor class as leaf),"
            + " a self-contained SVG or a single-file HTML page; with no output option, collapsed stacks go to stdout.",
            "--from/--to take " + JfrTimeArg.HELP + "."})
public final class JfrFlameCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "RECORDING")
    Path file;

    @Option(names = "--event", required = true, paramLabel = "alloc|cpu|lock",
            description = "alloc: allocation samples (bytes); cpu: execution samples; lock: monitor enter and park (blocked ns).")
    String event;

    @Option(names = "--weight", paramLabel = "bytes|count",
            description = "bytes (alloc default), count (cpu default), ns (lock default).")
    String weight;

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
            description = "Allocation events to weigh: auto (jdk.ObjectAllocationSample when present, else TLAB events),"
                    + " sample, tlab, or all (both added, as async-profiler's converter does; counts bytes twice).")
    String allocEvents;

    @Option(names = "--min-share", paramLabel = "PERCENT", defaultValue = "0",
            description = "Drop frames below this percentage of the total (default ${DEFAULT-VALUE}).")
    double minPercent;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    static EventKind kind(CommandLine cl, String event) {
        return switch (event.toLowerCase(Locale.ROOT)) {
            case "alloc" -> EventKind.ALLOC;
            case "cpu" -> EventKind.CPU;
            case "lock" -> EventKind.LOCK;
            default -> throw new CommandLine.ParameterException(cl, "--event must be alloc, cpu or lock, not '" + event + "'");
        };
    }

    static AllocSource allocSource(CommandLine cl, String s) {
        return switch (s.toLowerCase(Locale.ROOT)) {
            case "auto" -> AllocSource.AUTO;
            case "sample", "samples" -> AllocSource.SAMPLES;
            case "tlab" -> AllocSource.TLAB;
            case "all" -> AllocSource.ALL;
            default -> throw new CommandLine.ParameterException(cl, "--alloc-events must be auto, sample, tlab or all");
        };
    }

    static Weight weight(CommandLine cl, String w) {
        if (w == null) {
            return null;
        }
        return switch (w.toLowerCase(Locale.ROOT)) {
            case "bytes" -> Weight.BYTES;
            case "count", "samples" -> Weight.COUNT;
            case "ns", "nanos", "time" -> Weight.NANOS;
            default -> throw new CommandLine.ParameterException(cl, "--weight must be bytes or count, not '" + w + "'");
        };
    }

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
        ShortRunJit.applyFor(file);
        CommandLine cl = spec.commandLine();
        EventKind kind = kind(cl, event);
        Weight w = weight(cl, weight);
        if (w == Weight.BYTES && kind != EventKind.ALLOC) {
            throw new CommandLine.ParameterException(cl, "--weight bytes applies to --event alloc only");
        }
        StackTreeQuery q = StackTreeQuery.of(kind).withWeight(w).withThread(thread)
                .withInclude(pattern(cl, "--include", include)).withExclude(pattern(cl, "--exclude", exclude))
                .withReverse(reverse).withMinShare(minPercent / 100.0).withAllocSource(allocSource(cl, allocEvents));
        ConsoleProgress progress = ConsoleProgress.forStderr();
        StackTree tree;
        String title;
        try (Recording source = Recording.open(file, progress)) {
            q = q.withRange(time(cl, "--from", from, source.start()), time(cl, "--to", to, source.start()));
            tree = source.stacks(q, progress);
            title = FlameGraphSvg.title(kind, file.getFileName().toString(), thread);
            source.truncation().ifPresent(t -> cl.getErr().println("inquest: warning: " + file + ": cut short, "
                    + t.missingReason() + " at byte " + t.offset() + "; showing the complete chunks"));
        } finally {
            progress.finish();
        }
        if (tree.events() == 0) {
            cl.getErr().println("inquest: warning: " + file + ": no " + String.join("/", kind.eventTypes())
                    + " events" + (q.filtersEvents() ? " match the filters" : " in this recording"));
        }
        FlameOutputs.write(output.svg, output.html, output.collapsed, cl.getOut(),
                out -> FlameGraphSvg.write(tree, title, out), out -> FlameGraphHtml.write(tree, title, out),
                out -> CollapsedWriter.write(tree, out));
        return 0;
    }
}
