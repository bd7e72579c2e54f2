package dev.inquest.cli;

import dev.inquest.demo.Demo;
import dev.inquest.demo.DemoOptions;
import dev.inquest.demo.DemoResult;
import dev.inquest.progress.Progress;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Objects;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code inquest demo DIR [--size small|normal]}: writes a real demo investigation. */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Run a small leaky service in a child JVM and write what it recorded (two heap dumps, "
                + "a flight recording) and a case about it into DIR.")
public final class DemoCommand implements Callable<Integer> {
    public enum Size { small, normal }

    @CommandLine.Parameters(paramLabel = "DIR", description = "Folder to write into (created if missing).")
    Path dir;

    @CommandLine.Option(names = "--size", defaultValue = "normal", paramLabel = "small|normal",
            description = "One of ${COMPLETION-CANDIDATES} (any case): small (a few seconds) or normal (default; under a minute).")
    Size size;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        dev.inquest.input.FileProblems.checkOutputFolder(dir);
        PrintWriter err = spec.commandLine().getErr();
        // The demo has a handful of phases: one line each on stderr, terminal or not.
        Progress progress = new Progress() {
            private String last;

            @Override
            public void phase(String name, long total, Unit unit) {
                if (!Objects.equals(name, last)) {
                    last = name;
                    err.println("inquest: demo: " + name);
                    err.flush();
                }
            }

            @Override
            public void progress(long done) {
            }

            @Override
            public boolean isCancelled() {
                return false;
            }
        };
        DemoResult r = Demo.run(dir, size == Size.small ? DemoOptions.SMALL : DemoOptions.NORMAL, progress);
        PrintWriter out = spec.commandLine().getOut();
        out.println("Wrote, in " + (r.millis() + 500) / 1000 + " s:");
        out.println("  " + r.baseline() + "   heap dump after " + dev.inquest.format.Units.count(r.leakedBefore()) + " orders");
        out.println("  " + r.after() + "   heap dump after " + dev.inquest.format.Units.count(r.leakedAfter()) + " orders");
        out.println("  " + r.recording() + "   flight recording of the whole run");
        out.println("  " + r.caseFile() + "   the case: artifacts, a hypothesis and a next step");
        out.println(r.grewMost() + " grew by " + dev.inquest.format.Units.count(r.grewBy()) + " instances between the dumps.");
        out.println("Open it: inquest " + r.caseFile() + "   (or File > Open in the window)");
        out.flush();
        return 0;
    }
}
