package dev.inquest.cli;

import dev.inquest.format.Units;
import dev.inquest.jfr.Recording;
import dev.inquest.jfr.oldobj.OldObjectReport;
import dev.inquest.progress.Progress;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code inquest jfr old-objects RECORDING [--top N] [--json]}: the window's old-object samples, by type and by site. */
@Command(name = "old-objects", mixinStandardHelpOptions = true,
        description = "Old-object samples (objects still alive at the end of the recording), grouped by type and by "
                + "allocation site, with their reference chains in --json.")
public final class JfrOldObjectsCommand extends RecordingVerb<OldObjectReport> {
    @CommandLine.Mixin
    TopOption top;

    @Override
    OldObjectReport ask(Recording r, Progress progress) throws IOException {
        return r.oldObjects(progress);
    }

    @Override
    void print(OldObjectReport o, PrintWriter out) {
        out.println(Units.count(o.samples().size()) + " old-object samples");
        if (o.hint() != null) {
            out.println(o.hint());
        }
        boolean[] right = {false, true, true};
        out.println();
        output.table(List.of("Type", "Samples", "Size"), rows(o.byType()), right);
        out.println();
        output.table(List.of("Allocation site", "Samples", "Size"), rows(o.bySite()), right);
    }

    private List<List<String>> rows(List<OldObjectReport.Group> groups) {
        return groups.stream().limit(top.get())
                .map(g -> List.of(g.key(), Units.count(g.count()), g.totalSize() < 0 ? "" : Units.bytes(g.totalSize()))).toList();
    }
}
