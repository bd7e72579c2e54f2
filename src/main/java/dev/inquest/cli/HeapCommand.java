package dev.inquest.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code inquest heap ...}: the group; each verb is its own subcommand class. */
@Command(name = "heap", mixinStandardHelpOptions = true,
        description = "Heap dumps: summary, histogram, dominators, paths, suspects, comparison, duplicate strings and objects, "
                + "collections, threads, class loaders, why alive, retained sets, memory beyond the heap.")
public final class HeapCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "Missing command: see 'inquest heap --help'.");
    }
}
