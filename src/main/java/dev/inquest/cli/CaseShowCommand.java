package dev.inquest.cli;

import dev.inquest.format.Terminal;
import dev.inquest.investigation.artifact.ArtifactCheck;
import dev.inquest.investigation.model.Artifact;
import dev.inquest.investigation.model.Case;
import dev.inquest.investigation.model.Hypothesis;
import dev.inquest.investigation.model.NextStep;
import dev.inquest.investigation.store.CaseFile;
import dev.inquest.investigation.store.CaseJson;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code inquest case show CASE.inquest [--json]}. */
@Command(name = "show", mixinStandardHelpOptions = true,
        description = "Print a case: a readable summary, or with --json the case file itself.")
public final class CaseShowCommand implements Callable<Integer> {
    @CommandLine.Parameters(paramLabel = "CASE.inquest")
    Path file;

    @CommandLine.Option(names = "--json", description = "Print the case file (current format version).")
    boolean json;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        CaseJson.Parsed parsed = CaseCliSupport.read(file, spec.commandLine().getErr());
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            // The file as this build would write it: byte-identical to a file it wrote, and files
            // of older versions come out migrated, so scripts see one shape. A newer file is
            // printed as it is: rewriting it would drop what this build does not know.
            out.print(parsed.newerThanThisBuild()
                    ? new String(dev.inquest.input.FileProblems.readSmallFile(file, CaseFile.MAX_BYTES, "a case file"),
                    java.nio.charset.StandardCharsets.UTF_8) : CaseJson.toJson(parsed.value(), parsed.unknown()));
            out.flush();
            return 0;
        }
        Case c = parsed.value();
        // Every text from the file goes through Terminal.line: a case is shown, its text never obeyed.
        out.println((c.subtask() != null ? "Subtask " + String.format("%03d", c.subtask()) + ": " : "") + Terminal.line(c.title()));
        out.println("Status:     " + c.status().label() + (c.statusDetail() != null ? " (" + Terminal.line(c.statusDetail()) + ")" : ""));
        if (c.created() != null) {
            out.println("Created:    " + c.created());
        }
        if (c.updated() != null) {
            out.println("Updated:    " + c.updated());
        }
        if (!c.authors().isEmpty()) {
            out.println("Authors:    " + String.join(", ", c.authors().stream().map(Terminal::line).toList()));
        }
        Path caseDir = file.toAbsolutePath().getParent();
        for (Artifact a : c.artifacts()) {
            out.println("Artifact:   " + Terminal.line(a.id()) + " " + Terminal.line(a.kind()) + " " + Terminal.line(a.path())
                    + "  [" + artifactState(a, caseDir) + "]" + (a.isBaseline() ? "  (baseline)" : ""));
        }
        out.println("Context:    " + c.context().size() + " items");
        out.println("Findings:   " + c.findings().size() + " items");
        out.println("Actions:    " + c.actions().size() + " items");
        out.println("References: " + c.references().size());
        if (!c.notes().isEmpty()) {
            out.println("Notes:      " + c.notes().size());
        }
        if (!c.hypotheses().isEmpty()) {
            out.println();
            out.println("Hypotheses:");
            for (Hypothesis h : c.hypotheses()) {
                out.println("  " + (h.id() == null ? "-" : Terminal.line(h.id())) + " [" + h.status().word() + "] "
                        + Terminal.line(h.statement())
                        + (h.evidence().isEmpty() ? "" : "  (" + h.supporting().size() + " for, "
                        + h.refuting().size() + " against)"));
            }
        }
        if (!c.nextSteps().isEmpty()) {
            out.println();
            out.println("Next steps:");
            for (NextStep s : c.nextSteps()) {
                out.println("  [" + (s.done() ? "x" : " ") + "] " + (s.priority() != null ? s.priority() + " " : "")
                        + Terminal.firstLine(s.text()) + (s.owner() != null ? " (" + Terminal.line(s.owner()) + ")" : "")
                        + (s.hypothesis() != null ? " -> " + Terminal.line(s.hypothesis()) : ""));
            }
        }
        out.flush();
        return 0;
    }

    /** "present", "missing", "moved to ..."; "unknown" when the case does not say where the file is. */
    private static String artifactState(Artifact a, Path caseDir) throws java.io.IOException {
        if (a.path() == null) {
            return "unknown";
        }
        ArtifactCheck check = ArtifactCheck.check(a, caseDir, java.util.List.of());
        if (check.state() == ArtifactCheck.State.INVALID) {
            return "invalid: " + check.message();
        }
        return check.state().name().toLowerCase(java.util.Locale.ROOT)
                + (check.state() == ArtifactCheck.State.MOVED ? " to " + Terminal.line(String.valueOf(check.found())) : "");
    }

    static String backupHint(Path file) {
        try {
            return CaseFile.open(file).backup().isPresent()
                    ? " (last good autosave: " + CaseFile.backupPath(file).getFileName() + ")" : "";
        } catch (java.io.IOException | dev.inquest.input.BadInputException e) {
            return "";
        }
    }
}
