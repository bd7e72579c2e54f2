package dev.inquest.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code inquest demo DIR}: writes a real demo investigation (see the demo issue). */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Write a real demo investigation (heap dumps, a recording and a case) into DIR.")
public final class DemoCommand implements Callable<Integer> {
    @CommandLine.Parameters(paramLabel = "DIR")
    java.nio.file.Path dir;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().getErr().println("inquest: demo: not available in this build yet");
        return 1;
    }
}
