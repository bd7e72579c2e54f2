package dev.inquest.link;

import static org.assertj.core.api.Assertions.assertThat;

import dev.inquest.investigation.export.ExportOptions;
import dev.inquest.investigation.export.ReportExporter;
import dev.inquest.investigation.model.Case;
import dev.inquest.investigation.model.Evidence;
import dev.inquest.investigation.model.EvidenceKind;
import dev.inquest.investigation.model.EvidenceView;
import dev.inquest.investigation.model.FigureUnit;
import dev.inquest.investigation.model.Hypothesis;
import dev.inquest.investigation.model.Locator;
import dev.inquest.jfr.rules.RuleEvidence;
import dev.inquest.jfr.rules.RuleFigure;
import dev.inquest.jfr.rules.RuleId;
import dev.inquest.jfr.rules.RuleResult;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A rule's result pinned as evidence: its kind, the way back, and one line in the report with verdict, score and figures. */
class RuleResultEvidenceTest {
    static final Instant T0 = Instant.parse("2026-12-05T10:00:00Z");

    @Test
    void aRuleWithATimeRangeReopensTheFindingsOnThatRange() {
        RuleResult r = RuleResult.scored(RuleId.GC_PAUSE_RATIO, 88.4, "12 GCs paused the application for 1.2 s.",
                List.of(new RuleFigure("pause ratio, worst window", 12.5, RuleFigure.Unit.PERCENT),
                        new RuleFigure("total pause", 1200, RuleFigure.Unit.MILLISECONDS)),
                List.of(new RuleEvidence.TimeRange("the worst pause window", T0, T0.plusSeconds(10))));
        Evidence e = RecordingEvidence.ruleResult("app.jfr", "A2", r);
        assertThat(e.kind()).isEqualTo(EvidenceKind.RULE_RESULT);
        assertThat(e.kind().word()).isEqualTo("ruleResult");
        assertThat(e.summary()).isEqualTo("**Warning** (score 88) \u2014 GC pause ratio: 12 GCs paused the application"
                + " for 1.2 s. (app.jfr)");
        assertThat(e.figure("score").orElseThrow().value()).isEqualTo(88.0);
        assertThat(e.figure("pause ratio, worst window").orElseThrow().unit()).isEqualTo(FigureUnit.PERCENT);
        assertThat(e.figure("total pause").orElseThrow().unit()).isEqualTo(FigureUnit.MILLISECONDS);
        assertThat(e.source().view()).isEqualTo(EvidenceView.JFR_FINDINGS);
        assertThat(Locator.TimeRange.in(e.source())).contains(new Locator.TimeRange(T0, T0.plusSeconds(10)));

        Case.Builder b = Case.create("x", LocalDate.of(2026, 12, 5)).toBuilder();
        b.hypotheses.add(Hypothesis.of("H1", "GC is the bottleneck").plusEvidence(e.withId("E1")));
        String md = ReportExporter.export(b.build(), ExportOptions.DEFAULT).markdown();
        assertThat(md).contains("| Supports | **Warning** (score 88) \u2014 GC pause ratio: 12 GCs paused the application"
                + " for 1.2 s. (app.jfr) (E1) | score 88, pause ratio, worst window 12.5%, total pause ");
    }

    @Test
    void anAllocationSiteReopensTheAllocationFlameGraphAtItsFrame() {
        RuleResult r = RuleResult.scored(RuleId.ALLOCATION_PRESSURE, 30, "The application allocated fast.",
                List.of(new RuleFigure("allocation rate", 300.0 * (1 << 20), RuleFigure.Unit.BYTES_PER_SECOND)),
                List.of(new RuleEvidence.Frame("the top allocation site", RuleEvidence.FlameKind.ALLOCATION,
                        "com.acme.Parser.parse", List.of())));
        Evidence e = RecordingEvidence.ruleResult("app.jfr", "A2", r);
        assertThat(e.summary()).startsWith("**Info** (score 30) \u2014 Allocation pressure: ");
        assertThat(e.figure("allocation rate").orElseThrow().value()).isEqualTo(300.0);
        assertThat(e.figure("allocation rate").orElseThrow().unit().word()).isEqualTo("MB/s");
        assertThat(e.source().view()).isEqualTo(EvidenceView.JFR_ALLOC);
        assertThat(Locator.FlameFrame.stackIn(e.source())).contains(List.of("com.acme.Parser.parse"));
        assertThat(e.path()).containsExactly("com.acme.Parser.parse");
    }

    @Test
    void aRuleThatDoesNotApplySaysSoWithoutAScore() {
        Evidence e = RecordingEvidence.ruleResult("app.jfr", "A2",
                RuleResult.notApplicable(RuleId.FINALIZERS, "The recording has no jdk.FinalizerStatistics events."));
        assertThat(e.summary()).startsWith("**Not applicable** \u2014 Finalizers: The recording has no");
        assertThat(e.figures()).isEmpty();
        assertThat(e.source().view()).isEqualTo(EvidenceView.JFR_FINDINGS);
    }
}
