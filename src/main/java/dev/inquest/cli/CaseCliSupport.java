package dev.inquest.cli;

import dev.inquest.input.BadInputException;
import dev.inquest.investigation.store.CaseFile;
import dev.inquest.investigation.store.CaseJson;
import java.io.IOException;
import java.nio.file.Path;

/** What the case subcommands share: reading a case strictly, with the autosave hint on failure. */
final class CaseCliSupport {
    private CaseCliSupport() {
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
}
