package dev.inquest.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code inquest jfr ...}: the group; each verb is its own subcommand class. */
@Command(name = "jfr", mixinStandardHelpOptions = true,
        description = "Flight recordings: summary, flame graphs, differential flame graphs.")
public final class JfrCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "Missing command: see 'inquest jfr --help'.");
    }
}
