package dev.inquest.cli;

import dev.inquest.Version;
import dev.inquest.input.BadInputException;
import dev.inquest.input.FileProblems;
import java.io.PrintWriter;
import java.util.Set;
import java.util.concurrent.CancellationException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code inquest} command. Subcommands each live in their own class; this one only wires
 * them and maps failures to the exit codes of the contract: 0 success, 1 bad input (one line on
 * stderr), 2 bad usage.
 */
@Command(name = "inquest",
        mixinStandardHelpOptions = true,
        versionProvider = InquestCommand.VersionProvider.class,
        description = "Investigate JVM memory problems: heap dumps, flight recordings and the case that ties them together.%n"
                + "With no command, or with file names, opens the workbench window.")
public final class InquestCommand implements Runnable {

    /** Names that select the command line rather than the window. */
    public static final Set<String> SUBCOMMANDS = Set.copyOf(CommandTree.topNames());

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    public static int run(String... args) {
        return newCommandLine(args).execute(args);
    }

    /** {@link #run} for this process's own command line ({@code Main}): a JIT head start first ({@link ShortRunJit#prepare}). */
    public static int runMain(String... args) {
        ShortRunJit.prepare(args);
        return run(args);
    }

    /** The whole command tree (help, documentation checks). */
    public static CommandLine newCommandLine() {
        return newCommandLine(new String[0]);
    }

    /** The part of the command tree {@code args} can reach ({@link CommandTree}). */
    public static CommandLine newCommandLine(String... args) {
        CommandLine cl = CommandTree.build(new InquestCommand(), args);
        cl.setExecutionExceptionHandler(InquestCommand::handleFailure);
        // Enum options (case export --format, demo --size) take their words in any case, as the
        // options with their own words do (Choices).
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        return cl;
    }

    private static int handleFailure(Exception e, CommandLine cl, CommandLine.ParseResult parsed) {
        PrintWriter err = cl.getErr();
        if (e instanceof BadInputException bad) {
            err.println("inquest: " + bad.getMessage());
            return 1;
        }
        if (e instanceof dev.inquest.capture.CaptureException capture) {
            // A JVM that cannot be reached, refuses or exits: bad input, not a bug.
            err.println("inquest: " + capture.getMessage());
            return 1;
        }
        if (e instanceof CancellationException) {
            err.println("inquest: cancelled");
            return 1;
        }
        if (e instanceof java.io.IOException io) {
            // The file system's failures in words, the same ones the window shows.
            err.println("inquest: " + FileProblems.describe(io));
            return 1;
        }
        if (e instanceof java.io.UncheckedIOException io) {
            err.println("inquest: " + FileProblems.describe(io.getCause()));
            return 1;
        }
        if (e instanceof CommandLine.ParameterException) {
            return 2;
        }
        // A bug, not bad input: keep the trace, it is what a bug report needs.
        err.println("inquest: internal error: " + e);
        e.printStackTrace(err);
        return 3;
    }

    /** Prints the version and the JDK we run on. */
    public static final class VersionProvider implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {Version.describe()};
        }
    }
}
