package dev.inquest.heap.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Issue 17: the one wording of a dump's damage that the window's banner and the command line share. */
class DumpDamageTest {
    @Test
    void aWholeDumpHasNoSentence() {
        DumpDamage d = new DumpDamage(List.of());
        assertThat(d.partial()).isFalse();
        assertThat(d.sentence()).isEmpty();
    }

    @Test
    void theSentenceListsEveryProblemAndWhatItMeans() {
        DumpDamage d = new DumpDamage(List.of("the file ends inside a HEAP_DUMP_SEGMENT at byte 1234",
                "2 object records repeat the ids of earlier ones (the first at byte 99); only the first record of each id is read"));
        assertThat(d.partial()).isTrue();
        assertThat(d.sentence()).isEqualTo("This dump is incomplete: the file ends inside a HEAP_DUMP_SEGMENT at byte 1234; "
                + "2 object records repeat the ids of earlier ones (the first at byte 99); only the first record of each id"
                + " is read. Its figures cover only the readable part.");
        assertThat(d.headline()).isEqualTo("is truncated; figures cover only the readable part");
    }

    @Test
    void aProblemEndingInAFullStopIsNotGivenASecond() {
        assertThat(new DumpDamage(List.of("heap dump 0 is incomplete.")).sentence())
                .isEqualTo("This dump is incomplete: heap dump 0 is incomplete. Its figures cover only the readable part.");
    }
}
