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
        dev.inquest.input.FileProblems.checkOutput(out);
        // A FIFO or a directory as the document: named, never opened (a FIFO would block).
        dev.inquest.input.FileProblems.requireRegularFile(doc);
        Case c = DocumentReader.importFile(doc, LocalDate.now());
        CaseFile.create(out, c);
        spec.commandLine().getOut().println("imported " + doc + " into " + out + ": "
                + String.join(", ", count(c.context().size(), "context item"), count(c.findings().size(), "finding"),
                count(c.hypotheses().size(), "hypothesis"), count(c.actions().size(), "action"),
                count(c.nextSteps().size(), "next step"), count(c.references().size(), "reference"),
                count(c.notes().size(), "note")) + " (notes keep unrecognised parts verbatim)");
        return 0;
    }

    private static String count(int n, String noun) {
        String plural = noun.endsWith("is") ? noun.substring(0, noun.length() - 2) + "es" : noun + "s";
        return n + " " + (n == 1 ? noun : plural);
    }
}
