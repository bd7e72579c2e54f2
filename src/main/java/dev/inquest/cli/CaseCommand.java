package dev.inquest.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code inquest case ...}: the group; each verb is its own subcommand class. */
@Command(name = "case", mixinStandardHelpOptions = true,
        description = "Investigation cases: create, show, export to Markdown, import from Markdown.")
public final class CaseCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "Missing command: see 'inquest case --help'.");
    }
}
