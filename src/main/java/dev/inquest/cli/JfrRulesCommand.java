package dev.inquest.cli;

import dev.inquest.format.Units;
import dev.inquest.jfr.Recording;
import dev.inquest.jfr.rules.RuleReport;
import dev.inquest.jfr.rules.RuleResult;
import dev.inquest.progress.Progress;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;

/**
 * {@code inquest jfr rules RECORDING [--json]}: every rule's verdict, score, explanation and
 * figures, worst first. Exits 0 whatever the verdicts: a warning is a finding, not a failure.
 */
@Command(name = "rules", mixinStandardHelpOptions = true,
        description = "Rules with scores over the recording (live set, GC pauses, full and System.gc() collections, "
                + "allocation, metaspace, class loading, code cache, finalizers...), worst first, with JMC's meaning: "
                + "OK below 25, info 25-74, warning 75 and up. Exit code 0 whatever the verdicts.")
public final class JfrRulesCommand extends RecordingVerb<RuleReport> {
    @Override
    RuleReport ask(Recording r, Progress progress) throws IOException {
        // A few seconds of the JDK's JFR parser, as for the flame graph: C1 only pays off.
        ShortRunJit.applyFor(r.file());
        return r.rules(progress);
    }

    @Override
    void print(RuleReport report, PrintWriter out) {
        out.println(Units.count(report.results().size()) + " rules over " + Units.elapsed(report.durationMillis())
                + " of recording" + (report.partial() ? " (partial: the figures count only what could be read)" : "")
                + ", worst first");
        for (RuleResult r : report.results()) {
            out.println();
            // Floored, as the verdict reads it: 74.9 is info, not "75".
            String score = r.score() == null ? "" : " " + (int) Math.floor(r.score());
            out.println(label(r) + score + "  " + r.title());
            out.println("  " + r.explanation());
            if (!r.figures().isEmpty()) {
                out.println("  " + r.figures().stream().map(f -> f.name() + " " + f.text()).collect(Collectors.joining("; ")));
            }
        }
    }

    private static String label(RuleResult r) {
        return switch (r.verdict()) {
            case WARNING -> "WARNING";
            case INFO -> "INFO";
            case OK -> "OK";
            case NOT_APPLICABLE -> "N/A";
        };
    }

}
