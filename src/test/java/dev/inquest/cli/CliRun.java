package dev.inquest.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import picocli.CommandLine;

/** Runs the {@code inquest} command in-process and captures what it printed, for CLI tests. */
public record CliRun(int exit, String out, String err) {

    public static CliRun run(String... args) {
        // As Main runs it: only the commands the arguments reach.
        CommandLine cl = InquestCommand.newCommandLine(args);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int exit = cl.execute(args);
        return new CliRun(exit, out.toString(), err.toString());
    }
}
