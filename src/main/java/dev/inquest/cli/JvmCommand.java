package dev.inquest.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code inquest jvm ...}: capture from running JVMs; each verb is its own subcommand class. */
@Command(name = "jvm", mixinStandardHelpOptions = true,
        description = "Running JVMs: list the local ones; take a heap dump, a flight recording, a class histogram, "
                + "a thread dump or the native memory summary from one (local by pid, or remote with --jmx host:port).")
public final class JvmCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "Missing command: see 'inquest jvm --help'.");
    }
}
