package dev.inquest.link;

import static org.assertj.core.api.Assertions.assertThat;

import dev.inquest.link.DumpChoice.Candidate;
import dev.inquest.link.DumpChoice.Role;
import dev.inquest.link.DumpChoice.Span;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which open dump a link from a recording goes to, and what the window says about it. */
class DumpChoiceTest {
    private static final Instant START = Instant.parse("2026-12-05T10:00:00Z");
    private static final Instant END = START.plusSeconds(60);
    private static final Span RECORDING = new Span(START, END);

    private static Candidate<String> dump(String name, Instant taken) {
        return new Candidate<>(name, name, taken, Role.OTHER);
    }

    private static Candidate<String> baseline(String name, Instant taken) {
        return new Candidate<>(name, name, taken, Role.BASELINE);
    }

    private static List<String> order(DumpChoice<String> c) {
        return c.ranked().stream().map(Candidate::dump).toList();
    }

    @Test
    void theDumpTakenAfterTheRecordingWinsOverTheOneOpenedFirst() {
        var c = DumpChoice.rank(RECORDING, List.of(dump("baseline.hprof", START.minusSeconds(30)), dump("after.hprof", END.plusSeconds(2))));
        assertThat(order(c)).containsExactly("after.hprof", "baseline.hprof");
        assertThat(c.reason()).isEqualTo("taken 2.0 s after the recording ends");
        assertThat(c.notice("Showing in")).isEqualTo("Showing in after.hprof (taken 2.0 s after the recording ends); also open: baseline.hprof");
        assertThat(c.others()).extracting(Candidate::dump).containsExactly("baseline.hprof");

        // The user follows the offer: the sentence still names the dump the recording matches.
        var asked = c.instead("baseline.hprof");
        assertThat(asked.chosen().dump()).isEqualTo("baseline.hprof");
        assertThat(asked.notice("Showing in")).isEqualTo("Showing in baseline.hprof (as asked; the recording matches after.hprof, "
                + "taken 2.0 s after the recording ends); also open: after.hprof");
        assertThat(c.instead("after.hprof")).isSameAs(c);
    }

    @Test
    void bothDuringTheRecordingTheOneNearestItsEndWins() {
        // The demo: both dumps taken while the service was recorded, the second just before the stop.
        var c = DumpChoice.rank(RECORDING, List.of(dump("baseline.hprof", START.plusSeconds(10)), dump("after.hprof", END.minusMillis(350))));
        assertThat(order(c)).containsExactly("after.hprof", "baseline.hprof");
        assertThat(c.reason()).isEqualTo("taken during the recording, 350 ms before it ends");
    }

    @Test
    void aDumpDuringOrAfterTheRecordingBeatsANearerOneFromBeforeItStarted() {
        // 90 s after the end vs 70 s before the end (10 s before the start): the later one saw what was recorded.
        var c = DumpChoice.rank(RECORDING, List.of(dump("early.hprof", START.minusSeconds(10)), dump("late.hprof", END.plusSeconds(90))));
        assertThat(order(c)).containsExactly("late.hprof", "early.hprof");
        assertThat(c.reason()).isEqualTo("taken 1 min 30 s after the recording ends");
    }

    @Test
    void onlyDumpsFromBeforeTheRecordingTheLatestWinsAndTheReasonSaysSo() {
        var c = DumpChoice.rank(RECORDING, List.of(dump("a.hprof", START.minusSeconds(7_200)), dump("b.hprof", START.minusSeconds(5))));
        assertThat(order(c)).containsExactly("b.hprof", "a.hprof");
        assertThat(c.reason()).isEqualTo("taken 5.0 s before the recording starts; no open dump is from during or after it");
    }

    @Test
    void equalDistanceBeforeAndAfterTheEndTheLaterOneWins() {
        var c = DumpChoice.rank(RECORDING, List.of(dump("before.hprof", END.minusSeconds(5)), dump("after.hprof", END.plusSeconds(5))));
        assertThat(order(c)).containsExactly("after.hprof", "before.hprof");
    }

    @Test
    void equalTimesTheCaseBaselineYieldsThenTheOrderOfOpening() {
        var c = DumpChoice.rank(RECORDING, List.of(baseline("base.hprof", END), dump("x.hprof", END), dump("y.hprof", END)));
        assertThat(order(c)).containsExactly("x.hprof", "y.hprof", "base.hprof");
        assertThat(c.reason()).isEqualTo("taken as the recording ends; the baseline is base.hprof");
        var plain = DumpChoice.rank(RECORDING, List.of(dump("x.hprof", END), dump("y.hprof", END)));
        assertThat(order(plain)).containsExactly("x.hprof", "y.hprof");
        assertThat(plain.reason()).isEqualTo("taken as the recording ends");
    }

    @Test
    void noTimesFallBackToRolesThenOrderOfOpening() {
        var noRecordingTime = DumpChoice.rank(Span.UNKNOWN, List.of(baseline("base.hprof", START), dump("after.hprof", END)));
        assertThat(order(noRecordingTime)).containsExactly("after.hprof", "base.hprof");
        assertThat(noRecordingTime.reason()).isEqualTo("the recording has no time to match; the baseline is base.hprof");

        var noDumpTimes = DumpChoice.rank(RECORDING, List.of(dump("first.hprof", null), dump("second.hprof", null)));
        assertThat(order(noDumpTimes)).containsExactly("first.hprof", "second.hprof");
        assertThat(noDumpTimes.reason()).isEqualTo("no dump has a time in its header; the first dump opened");

        // A dump with a time beats one without.
        var mixed = DumpChoice.rank(RECORDING, List.of(dump("untimed.hprof", null), dump("old.hprof", START.minusSeconds(3_600 * 30))));
        assertThat(order(mixed)).containsExactly("old.hprof", "untimed.hprof");
        assertThat(mixed.reason()).startsWith("taken 1 d 6 h before the recording starts");
    }

    /**
     * Issue 18: the case (not only an open comparison) says which dump is the baseline; the link
     * never goes there while another dump is open, even one the recording's times match worse.
     */
    @Test
    void theBaselineYieldsToAnyOtherOpenDumpAndTheReasonNamesIt() {
        // The baseline was written after the recording ended, the other dump during it.
        var c = DumpChoice.rank(RECORDING, List.of(baseline("base.hprof", END.plusSeconds(1)), dump("during.hprof", END.minusSeconds(20))));
        assertThat(order(c)).containsExactly("during.hprof", "base.hprof");
        assertThat(c.notice("Showing in")).isEqualTo("Showing in during.hprof (taken during the recording, 20.0 s before it ends; "
                + "the baseline is base.hprof); also open: base.hprof");

        // The only other dump is from before the recording: it is still chosen, and the reason does
        // not claim no dump is from after the recording (the baseline is).
        var before = DumpChoice.rank(RECORDING, List.of(dump("old.hprof", START.minusSeconds(5)), baseline("base.hprof", END)));
        assertThat(order(before)).containsExactly("old.hprof", "base.hprof");
        assertThat(before.reason()).isEqualTo("taken 5.0 s before the recording starts; the baseline is base.hprof");

        // An untimed dump still beats a timed baseline, and says it alone has no time.
        var untimed = DumpChoice.rank(RECORDING, List.of(baseline("base.hprof", END), dump("x.hprof", null)));
        assertThat(order(untimed)).containsExactly("x.hprof", "base.hprof");
        assertThat(untimed.reason()).isEqualTo("no time in its header; the baseline is base.hprof");

        // Three dumps: the others are ranked by time as before, the baseline last.
        var three = DumpChoice.rank(RECORDING, List.of(baseline("base.hprof", END.plusSeconds(1)),
                dump("a.hprof", START.plusSeconds(1)), dump("b.hprof", END.minusSeconds(1))));
        assertThat(order(three)).containsExactly("b.hprof", "a.hprof", "base.hprof");
    }

    @Test
    void withOnlyTheBaselineOpenTheLinkGoesThereAndSaysItIsTheBaseline() {
        var c = DumpChoice.rank(RECORDING, List.of(baseline("base.hprof", END.plusSeconds(2))));
        assertThat(c.chosen().dump()).isEqualTo("base.hprof");
        assertThat(c.notice("Showing in")).isEqualTo("Showing in base.hprof (taken 2.0 s after the recording ends; "
                + "it is the baseline, the only dump open)");
        var untimed = DumpChoice.rank(Span.UNKNOWN, List.of(baseline("base.hprof", null)));
        assertThat(untimed.reason()).isEqualTo("the recording has no time to match; it is the baseline, the only dump open");
    }

    @Test
    void oneDumpIsChosenWithoutOffers() {
        var c = DumpChoice.rank(Span.of(START, 60_000), List.of(dump("only.hprof", END.plusMillis(1_500))));
        assertThat(c.chosen().dump()).isEqualTo("only.hprof");
        assertThat(c.others()).isEmpty();
        assertThat(c.notice("Looking in")).isEqualTo("Looking in only.hprof (taken 1.5 s after the recording ends)");
        assertThat(DumpChoice.rank(RECORDING, List.<Candidate<String>>of())).isNull();
    }
}
