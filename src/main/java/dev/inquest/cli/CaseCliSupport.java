package dev.inquest.cli;

import dev.inquest.input.BadInputException;
import dev.inquest.input.FileKind;
import dev.inquest.input.FileProblems;
import dev.inquest.investigation.store.CaseFile;
import dev.inquest.investigation.store.CaseJson;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;

/** What the case subcommands share: reading a case strictly, with the autosave hint on failure. */
final class CaseCliSupport {
    private CaseCliSupport() {
    }

    /**
     * Reads a case strictly. A file from a newer Inquest is read as far as this build knows it,
     * with one warning line on {@code err} saying so.
     */
    static CaseJson.Parsed read(Path file, PrintWriter err) throws IOException {
        CaseJson.Parsed parsed = read(file);
        if (parsed.newerThanThisBuild()) {
            err.println("inquest: warning: " + file + ": " + CaseFile.newerProblem(parsed)
                    + "; what it does not know is left out");
            err.flush();
        }
        return parsed;
    }

    static CaseJson.Parsed read(Path file) throws IOException {
        try {
            return CaseFile.read(file);
        } catch (BadInputException e) {
            String hint = CaseShowCommand.backupHint(file);
            if (hint.isEmpty()) {
                throw e;
            }
            throw new BadInputException(e.file(), e.problem() + hint, e.offset(), e);
        }
    }

    /**
     * Refuses an output path that holds a case: the case being exported (also through a link) or
     * any other case file. An export or import must never replace someone's work.
     */
    static void refuseOverwritingACase(Path out, Path source) throws IOException {
        FileProblems.checkOutput(out);
        if (!Files.exists(out)) {
            return;
        }
        if (source != null && Files.exists(source) && Files.isSameFile(out, source)) {
            throw new BadInputException(out, "is the case being exported; not overwritten (choose another --out)", -1);
        }
        if (Files.isRegularFile(out) && FileKind.detect(out) == FileKind.CASE) {
            throw new BadInputException(out, "is a case file; not overwritten (choose another --out)", -1);
        }
    }
}
