package dev.inquest.jfr;

import static org.assertj.core.api.Assertions.assertThat;

import dev.inquest.cli.CliRun;
import dev.inquest.jfr.rules.RuleId;
import dev.inquest.jfr.rules.RuleReport;
import dev.inquest.jfr.rules.RuleResult;
import dev.inquest.jfr.rules.Verdict;
import dev.inquest.progress.Progress;
import dev.inquest.testing.Corpus;
import java.nio.file.Path;
import java.util.List;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** Every rule runs on each corpus recording; figures checked against the JDK's own reader where it has them. */
class RulesCorpusTest {
    @ParameterizedTest
    @ValueSource(strings = {"jfr/async-profiler.jfr.gz", "jfr/example.jfr", "jfr/hotmethods.jfr", "jfr/hs_err_jdk-16.jfr",
            "jfr/object-allocations.jfr"})
    void everyRuleRunsOnEachCorpusRecording(String name) throws Exception {
        Path file = Corpus.file(name);
        try (Recording r = Recording.open(file, Progress.NONE)) {
            RuleReport report = r.rules(Progress.NONE);
            assertThat(report.results()).extracting(RuleResult::rule).containsExactlyInAnyOrder(RuleId.values());
            for (RuleResult x : report.results()) {
                assertThat(x.explanation()).as(x.rule().name()).isNotBlank();
                if (x.verdict() != Verdict.NOT_APPLICABLE) {
                    assertThat(x.verdict()).as(x.rule().name()).isEqualTo(Verdict.of(x.score()));
                }
            }
            assertThat(report.results()).isSortedAccordingTo(RuleResult.WORST_FIRST);
        }
        assertThat(CliRun.run("jfr", "rules", file.toString(), "--json").exit()).isZero();
    }

    /** The GC figures against jdk.jfr.consumer's own reading of jdk.GarbageCollection. */
    @Test
    void gcFiguresMatchTheJdksReader() throws Exception {
        Path file = Corpus.file("jfr/hotmethods.jfr");
        List<RecordedEvent> gcs = RecordingFile.readAllEvents(file).stream()
                .filter(e -> e.getEventType().getName().equals("jdk.GarbageCollection")).toList();
        long longest = gcs.stream().mapToLong(e -> e.getDuration("longestPause").toNanos()).max().orElseThrow();
        long total = gcs.stream().mapToLong(e -> e.getDuration("sumOfPauses").toNanos()).sum();
        try (Recording r = Recording.open(file, Progress.NONE)) {
            RuleReport report = r.rules(Progress.NONE);
            RuleResult pauses = report.result(RuleId.LONG_GC_PAUSES).orElseThrow();
            assertThat(pauses.figure("longest pause").orElseThrow().value()).isCloseTo(longest / 1e6,
                    org.assertj.core.api.Assertions.within(0.001));
            RuleResult ratio = report.result(RuleId.GC_PAUSE_RATIO).orElseThrow();
            assertThat(ratio.figure("GCs").orElseThrow().value()).isEqualTo(gcs.size());
            assertThat(ratio.figure("total pause").orElseThrow().value()).isCloseTo(total / 1e6,
                    org.assertj.core.api.Assertions.within(0.001));
            assertThat(report.durationMillis()).isEqualTo(r.summary(Progress.NONE).durationMillis());
        }
    }

    /**
     * async-profiler's allocation events are weighted samples (example.jfr's 260 outside-TLAB events
     * weigh 130 GB in 10 s): the TLAB and pressure rules say why they do not judge them.
     */
    @Test
    void asyncProfilersWeightedSamplesAreNotJudgedAsEveryAllocation() throws Exception {
        try (Recording r = Recording.open(Corpus.file("jfr/example.jfr"), Progress.NONE)) {
            RuleReport report = r.rules(Progress.NONE);
            RuleResult tlab = report.result(RuleId.TLAB_RATIO).orElseThrow();
            assertThat(tlab.verdict()).isEqualTo(Verdict.NOT_APPLICABLE);
            assertThat(tlab.explanation()).contains("async-profiler's allocation samples");
            RuleResult pressure = report.result(RuleId.ALLOCATION_PRESSURE).orElseThrow();
            assertThat(pressure.verdict()).isEqualTo(Verdict.NOT_APPLICABLE);
            assertThat(pressure.explanation()).contains("async-profiler's samples");
        }
        // A JDK recording with the same events is judged.
        try (Recording r = Recording.open(Corpus.file("jfr/hotmethods.jfr"), Progress.NONE)) {
            assertThat(r.rules(Progress.NONE).result(RuleId.TLAB_RATIO).orElseThrow().verdict()).isEqualTo(Verdict.OK);
        }
    }

    /** A recording the engine cannot read is bad input: exit 1 and one line naming file, problem and offset. */
    @ParameterizedTest
    @ValueSource(strings = {"jfr/8u60.jfr", "jfr/transitions_R28.2.jfr"})
    void anUnreadableRecordingIsExitOne(String name) {
        Path file = Corpus.file(name);
        CliRun r = CliRun.run("jfr", "rules", file.toString());
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.out()).isEmpty();
        assertThat(r.err().strip()).startsWith("inquest: " + file + ": Oracle ").contains("(JFR format 0.9) is not supported")
                .endsWith(" at byte 4").doesNotContain("\n");
    }
}
