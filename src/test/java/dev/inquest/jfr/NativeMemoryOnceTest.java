package dev.inquest.jfr;

import static org.assertj.core.api.Assertions.assertThat;

import dev.inquest.jfr.nativemem.NativeMemory;
import dev.inquest.jfr.rules.RuleReport;
import dev.inquest.progress.Progress;
import dev.inquest.testing.Corpus;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * Issue 20: the native memory series are built once per opened recording, whichever asks first:
 * the rules' pass (the overview's findings) or the Native memory view; the other gets the same
 * series, and the rules judge them exactly as from their own reading.
 */
class NativeMemoryOnceTest {
    private static final Path FILE = Corpus.file("jfr/hotmethods.jfr");

    @Test
    void theRulesPassBuildsTheSeriesTheNativeViewThenShows() throws Exception {
        NativeMemory alone;
        try (Recording r = Recording.open(FILE, Progress.NONE)) {
            alone = r.nativeMemory(Progress.NONE);
        }
        try (Recording r = Recording.open(FILE, Progress.NONE)) {
            r.rules(Progress.NONE);
            assertThat(r.nativeBuilds()).isEqualTo(1);
            NativeMemory m = r.nativeMemory(Progress.NONE);
            assertThat(r.nativeMemory(Progress.NONE)).isSameAs(m);
            assertThat(r.nativeBuilds()).as("no second read for the Native memory view").isEqualTo(1);
            // The series the rules built are those the view's own reading gives.
            assertThat(m).isEqualTo(alone);
            assertThat(m.series()).anySatisfy(s -> assertThat(s.points()).hasSizeGreaterThan(5));
        }
    }

    @Test
    void theRulesJudgeTheSeriesTheNativeViewBuiltWithTheSameVerdictsAndFigures() throws Exception {
        RuleReport alone;
        try (Recording r = Recording.open(FILE, Progress.NONE)) {
            alone = r.rules(Progress.NONE);
        }
        try (Recording r = Recording.open(FILE, Progress.NONE)) {
            NativeMemory m = r.nativeMemory(Progress.NONE);
            RuleReport report = r.rules(Progress.NONE);
            assertThat(r.nativeBuilds()).as("the rules read no native series of their own").isEqualTo(1);
            assertThat(r.nativeMemory(Progress.NONE)).isSameAs(m);
            assertThat(report.results()).isEqualTo(alone.results());
            assertThat(report.durationMillis()).isEqualTo(alone.durationMillis());
        }
    }
}
