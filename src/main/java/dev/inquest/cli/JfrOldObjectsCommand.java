package dev.inquest.cli;

import dev.inquest.format.Units;
import dev.inquest.jfr.Recording;
import dev.inquest.jfr.oldobj.OldObjectReport;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code inquest jfr old-objects RECORDING [--top N] [--json]}: the window's old-object samples, by type and by site. */
@Command(name = "old-objects", mixinStandardHelpOptions = true,
        description = "Old-object samples (objects still alive at the end of the recording), grouped by type and by "
                + "allocation site, with their reference chains in --json.")
public final class JfrOldObjectsCommand implements Callable<Integer> {
    @CommandLine.Mixin
    RecordingArgument input;

    @CommandLine.Mixin
    OutputFormat output;

    @CommandLine.Mixin
    TopOption top;

    @Override
    public Integer call() throws Exception {
        RecordingAnswer<OldObjectReport> a = Meter.run(progress -> {
            try (Recording r = input.open(progress)) {
                return RecordingAnswer.of(r, r.oldObjects(progress));
            }
        });
        if (output.json()) {
            output.printJson(a);
            return 0;
        }
        if (a.truncated()) {
            output.out().println("Cut short: " + a.missing() + "; the figures count the complete chunks only.");
        }
        OldObjectReport o = a.answer();
        output.out().println(Units.count(o.samples().size()) + " old-object samples");
        if (o.hint() != null) {
            output.out().println(o.hint());
        }
        boolean[] right = {false, true, true};
        output.out().println();
        output.table(List.of("Type", "Samples", "Size"), rows(o.byType()), right);
        output.out().println();
        output.table(List.of("Allocation site", "Samples", "Size"), rows(o.bySite()), right);
        output.out().flush();
        return 0;
    }

    private List<List<String>> rows(List<OldObjectReport.Group> groups) {
        return groups.stream().limit(top.get())
                .map(g -> List.of(g.key(), Units.count(g.count()), g.totalSize() < 0 ? "" : Units.bytes(g.totalSize()))).toList();
    }
}
