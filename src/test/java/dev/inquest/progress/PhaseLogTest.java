package dev.inquest.progress;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The phases and the time left an opening page shows (issue 18). */
class PhaseLogTest {
    private final AtomicLong now = new AtomicLong(1_000);
    private final Map<String, Double> shares = Map.of("Reading", 0.1, "Scanning", 0.4, "Dominators", 0.5);

    @Test
    void theEstimateStartsFromThePriorAndFollowsThePhasesAsTheyFinish() {
        PhaseLog log = new PhaseLog(shares, 10_000, now::get);
        Progress p = log.watching(Progress.NONE);
        assertThat(log.snapshot().remainingMillis()).hasValue(10_000);

        p.phase("Reading", 100, Progress.Unit.BYTES);
        now.addAndGet(500);
        // 0.5 s in, nothing finished: the prior less what has passed.
        assertThat(log.snapshot().remainingMillis()).hasValue(9_500);
        p.phase("Scanning (on disk, over the 1 GB memory budget)", 100, Progress.Unit.BYTES);
        now.addAndGet(1_500);
        p.progress(50);
        // Reading (0.1) and half of Scanning (0.2) took 2 s: the remaining 0.7 take 2 / 0.3 * 0.7 s.
        PhaseLog.Snapshot s = log.snapshot();
        assertThat(s.remainingMillis()).hasValue(Math.round(2_000 / 0.3 * 0.7));
        assertThat(s.phases()).extracting(PhaseLog.Phase::name)
                .containsExactly("Reading", "Scanning (on disk, over the 1 GB memory budget)");
        assertThat(s.phases().getFirst().done()).isTrue();
        assertThat(s.phases().getFirst().millis()).isEqualTo(500);
        assertThat(s.current().fraction()).isEqualTo(0.5);
        assertThat(s.current().millis()).isEqualTo(1_500);

        p.phase("Dominators", -1, Progress.Unit.ITEMS);
        now.addAndGet(1_000);
        log.finish();
        s = log.snapshot();
        assertThat(s.finished()).isTrue();
        assertThat(s.current()).isNull();
        assertThat(s.remainingMillis()).hasValue(0);
        assertThat(s.elapsedMillis()).isEqualTo(3_000);
        assertThat(s.phases().getLast().millis()).isEqualTo(1_000);
    }

    @Test
    void withoutAPriorNoTimeLeftIsClaimedUntilAPhaseHasDone() {
        PhaseLog log = new PhaseLog(shares, 0, now::get);
        log.phase("Unknown step", -1);
        now.addAndGet(700);
        assertThat(log.snapshot().remainingMillis()).isEmpty();
    }

    /** Issue 18: one line and one share for every watcher; the whole work's, never a phase's own. */
    @Test
    void theHeadlineNamesThePhaseAndTheWholeWorksShareNotThePhases() {
        PhaseLog log = new PhaseLog(shares, 0, now::get);
        Progress p = log.watching(Progress.NONE);
        assertThat(log.snapshot().headline("Opening a.hprof")).isEqualTo("Opening a.hprof");
        assertThat(log.snapshot().overall()).isEmpty();
        p.phase("Reading", 100, Progress.Unit.BYTES);
        now.addAndGet(1_000);
        p.progress(40);
        // No prior and 4 % of the work done (below the share the measured rate is trusted from): no figure.
        assertThat(log.snapshot().overall()).isEmpty();
        assertThat(log.snapshot().headline("Opening a.hprof")).isEqualTo("Reading");
        p.phase("Scanning", 100, Progress.Unit.BYTES);
        now.addAndGet(1_000);
        p.phase("Dominators", 300, Progress.Unit.ITEMS);
        now.addAndGet(500);
        p.progress(0);
        PhaseLog.Snapshot s = log.snapshot();
        // Reading and Scanning done (0.5 of the whole) in 2.5 s: half, whatever Dominators' own 0 % says.
        assertThat(s.overall().orElseThrow()).isCloseTo(0.5, org.assertj.core.data.Offset.offset(0.001));
        assertThat(s.headline("Opening a.hprof")).isEqualTo("Dominators  \u00b7  50 % done");
        p.phase("Summary", -1, Progress.Unit.ITEMS);
        // Every known phase done: "99 %" until the work is over, never "100 %" while it still runs.
        assertThat(log.snapshot().headline("x")).as("a phase of unknown length: the whole's share, no 0 %")
                .isEqualTo("Summary  \u00b7  99 % done");
        log.finish();
        assertThat(log.snapshot().overall()).hasValue(1.0);
        assertThat(log.snapshot().headline("x")).isEqualTo("Summary  \u00b7  100 % done");
    }
}
