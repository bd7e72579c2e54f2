package dev.inquest.jfr;

import static org.assertj.core.api.Assertions.assertThat;

import dev.inquest.progress.PhaseLog;
import dev.inquest.progress.Progress;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The phases a recording's open reports are the ones {@link OpenPhases} names and shares out, so
 * the window's opening page (issue 18) lists them and its estimate counts each: a phase renamed in
 * a reader without the table following would count for nothing and stall the estimate.
 */
class OpenPhasesTest {

    @Test
    void anOpenReportsTheNamedPhasesInOrderAndTheirSharesCoverTheWhole() throws Exception {
        AllocRecording rec = AllocRecording.get();
        List<String> phases = new ArrayList<>();
        PhaseLog log = new PhaseLog(OpenPhases.SHARES, OpenPhases.expectedMillis(rec.file()));
        Progress recorder = new Progress() {
            @Override
            public void phase(String name, long total, Unit unit) {
                phases.add(name);
            }

            @Override
            public void progress(long done) {
            }

            @Override
            public boolean isCancelled() {
                return false;
            }
        };
        Progress watched = log.watching(recorder);
        try (Recording r = Recording.open(rec.file(), watched)) {
            assertThat(r.summary(watched).events()).isPositive();
        }
        log.finish();

        assertThat(phases).containsExactly(OpenPhases.SCANNING, OpenPhases.COUNTING);
        assertThat(OpenPhases.SHARES).containsOnlyKeys(phases);
        assertThat(OpenPhases.SHARES.values().stream().mapToDouble(Double::doubleValue).sum()).isCloseTo(1.0,
                org.assertj.core.data.Offset.offset(0.01));
        PhaseLog.Snapshot s = log.snapshot();
        assertThat(s.phases()).extracting(PhaseLog.Phase::name).containsExactlyElementsOf(phases);
        assertThat(s.phases()).allSatisfy(p -> assertThat(p.done()).isTrue());
    }

    @Test
    void theExpectedLengthGrowsWithTheFileAndCountsAGzipFilesInflatedEvents() throws Exception {
        long mb = 1L << 20;
        assertThat(OpenPhases.expectedMillis(600 * mb, false)).isGreaterThan(OpenPhases.expectedMillis(60 * mb, false));
        // Ten times the bytes, about ten times the time (above the floor).
        assertThat(OpenPhases.expectedMillis(600 * mb, false)).isEqualTo(10 * OpenPhases.expectedMillis(60 * mb, false));
        // A gzip file holds several times its size in events, and is inflated first.
        assertThat(OpenPhases.expectedMillis(60 * mb, true)).isGreaterThan(5 * OpenPhases.expectedMillis(60 * mb, false));
        assertThat(OpenPhases.expectedMillis(1, false)).isEqualTo(200);
        // From the file itself: its size, read off the FX thread.
        AllocRecording rec = AllocRecording.get();
        assertThat(OpenPhases.expectedMillis(rec.file())).isEqualTo(OpenPhases.expectedMillis(Files.size(rec.file()), false));
    }
}
