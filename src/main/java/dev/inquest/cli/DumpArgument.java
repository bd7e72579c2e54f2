package dev.inquest.cli;

import dev.inquest.heap.model.DumpDamage;
import dev.inquest.heap.model.HeapDump;
import dev.inquest.heap.MemoryBudget;
import dev.inquest.heap.model.OpenOptions;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import picocli.CommandLine;

/** The heap dump a heap verb reads ({@code DUMP}), with how to read it: {@code --dump N}, {@code --keep-unreachable}. */
final class DumpArgument {
    @CommandLine.Spec(CommandLine.Spec.Target.MIXEE)
    CommandLine.Model.CommandSpec mixee;

    @CommandLine.Parameters(index = "0", paramLabel = "DUMP", description = "Heap dump (.hprof, .hprof.gz, truncated dumps too).")
    Path dump;

    @CommandLine.Option(names = "--dump", paramLabel = "N",
            description = "Which heap dump of a file that holds several (0-based; default: the last).")
    int dumpIndex = -1;

    @CommandLine.Option(names = "--keep-unreachable", description = "Keep unreachable objects (MAT's option).")
    boolean keepUnreachable;

    @CommandLine.Option(names = "--memory", paramLabel = "SIZE", converter = SizeConverter.class,
            description = "Most memory the indexing may use, the whole process as the kernel counts it (1536m, 1.5g)."
                    + " Default: the container's limit, else the machine's memory. What does not fit is built in"
                    + " scratch files beside the index; the figures are the same.")
    Long memory;

    /** Sizes as {@link MemoryBudget#parseSize} reads them; a bad one is a usage error naming the option. */
    static final class SizeConverter implements CommandLine.ITypeConverter<Long> {
        @Override
        public Long convert(String value) {
            try {
                return MemoryBudget.parseSize(value);
            } catch (IllegalArgumentException e) {
                throw new CommandLine.TypeConversionException(e.getMessage());
            }
        }
    }

    Path file() {
        return dump;
    }

    HeapDump open() throws IOException {
        return open(dump);
    }

    /** Opens {@code file} (this one, or another such as compare's second dump) with this command's options. */
    HeapDump open(Path file) throws IOException {
        // A directory, a FIFO, a device is named as what it is and never opened: HprofFile.open checks.
        return Meter.run(progress -> HeapDump.open(file, new OpenOptions(dumpIndex, keepUnreachable, true,
                memory == null ? null : MemoryBudget.setting(memory)), progress));
    }

    /** A partial result must never pass for a whole one: say so on stderr in text mode, naming the cut dump. */
    void warnIfTruncated(HeapDump d) {
        DumpDamage damage = d.damage();
        if (damage.partial()) {
            PrintWriter err = mixee.commandLine().getErr();
            // The dump's own file: compare opens two, and either may be the cut one.
            err.println("inquest: warning: " + d.file() + " " + damage.headline() + ":");
            for (String p : damage.problems()) {
                err.println("  " + p);
            }
            err.flush();
        }
    }
}
