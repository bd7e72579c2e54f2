package dev.inquest.cli;

import dev.inquest.investigation.model.Case;
import dev.inquest.investigation.store.CaseFile;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code inquest case new TITLE --out CASE.inquest}. */
@Command(name = "new", mixinStandardHelpOptions = true, description = "Create a new, empty case file.")
public final class CaseNewCommand implements Callable<Integer> {
    @CommandLine.Parameters(paramLabel = "TITLE", description = "What is being investigated.")
    String title;

    @CommandLine.Option(names = "--out", required = true, paramLabel = "CASE.inquest",
            description = "The case file to create (never overwritten).")
    Path out;

    @CommandLine.Option(names = "--subtask", paramLabel = "N", description = "Subtask number, as in 'Subtask 004'.")
    Integer subtask;

    @CommandLine.Option(names = "--author", paramLabel = "NAME", description = "An author (repeatable).")
    List<String> authors = new ArrayList<>();

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (title.isBlank()) {
            throw new CommandLine.ParameterException(spec.commandLine(), "TITLE must not be empty");
        }
        Case.Builder b = Case.create(title.strip(), LocalDate.now()).toBuilder().subtask(subtask);
        b.authors = authors;
        dev.inquest.input.FileProblems.checkOutput(out);
        CaseFile.create(out, b.build());
        spec.commandLine().getOut().println("created " + out);
        return 0;
    }
}
