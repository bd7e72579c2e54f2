package dev.inquest.cli;

import dev.inquest.jfr.Recording;
import dev.inquest.progress.Progress;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import picocli.CommandLine;

/** The flight recording a {@code jfr} verb reads ({@code RECORDING}). */
final class RecordingArgument {
    @CommandLine.Parameters(index = "0", paramLabel = "RECORDING",
            description = "Flight recording (.jfr, .jfr.gz, recordings cut short too).")
    Path file;

    Path file() {
        return file;
    }

    /** The engine names a directory, a FIFO or a device as such and never opens it (JfrSource.open). */
    Recording open(Progress progress) throws IOException {
        return Recording.open(file, progress);
    }

    /**
     * A recording cut short is read up to its last complete chunk, a damaged chunk is skipped: say
     * so on stderr (after the read, which may have found the damage).
     */
    static void warnIfCutShort(Recording source, Path file, PrintWriter err, String using) {
        source.damageReport().warnings(using).forEach(w -> err.println("inquest: warning: " + file + ": " + w));
    }
}
