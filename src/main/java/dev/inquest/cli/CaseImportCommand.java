package dev.inquest.cli;

import dev.inquest.investigation.importer.DocumentReader;
import dev.inquest.investigation.model.Case;
import dev.inquest.investigation.store.CaseFile;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code inquest case import DOC.md --out CASE.inquest}. */
@Command(name = "import", mixinStandardHelpOptions = true,
        description = "Read a subtask document or an investigation report (Markdown) into a new case.")
public final class CaseImportCommand implements Callable<Integer> {
    @CommandLine.Parameters(paramLabel = "DOC.md")
    Path doc;

    @CommandLine.Option(names = "--out", required = true, paramLabel = "CASE.inquest",
            description = "The case file to create (never overwritten).")
    Path out;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        Case c = DocumentReader.importFile(doc, LocalDate.now());
        CaseFile.create(out, c);
        spec.commandLine().getOut().println("imported " + doc + " into " + out + ": " + c.context().size() + " context, "
                + c.findings().size() + " findings, " + c.hypotheses().size() + " hypotheses, " + c.actions().size()
                + " actions, " + c.nextSteps().size() + " next steps, " + c.references().size() + " references, "
                + c.notes().size() + " notes kept verbatim");
        return 0;
    }
}
