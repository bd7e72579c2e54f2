package dev.inquest.cli;

import java.util.List;
import picocli.CommandLine;

/** {@code --top N} of the heap verbs that list rows; a negative N is a usage error, not a crash. */
final class TopOption {
    @CommandLine.Spec(CommandLine.Spec.Target.MIXEE)
    CommandLine.Model.CommandSpec mixee;

    private int top = 25;

    @CommandLine.Option(names = "--top", paramLabel = "N", defaultValue = "25",
            description = "Show the N largest rows (default ${DEFAULT-VALUE}).")
    void set(int n) {
        if (n < 0) {
            throw new CommandLine.ParameterException(mixee.commandLine(), "--top must not be negative");
        }
        top = n;
    }

    int get() {
        return top;
    }

    /** The first N of {@code rows}. */
    <T> List<T> of(List<T> rows) {
        return rows.subList(0, Math.min(top, rows.size()));
    }
}
