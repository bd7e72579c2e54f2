package dev.inquest.heap.query;

import static org.assertj.core.api.Assertions.assertThat;

import dev.inquest.format.Units;
import dev.inquest.heap.model.HeapDump;
import dev.inquest.heap.model.OpenOptions;
import dev.inquest.progress.Progress;
import dev.inquest.testing.HprofBuilder;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The split rule of the leak suspects (issue 19) on crafted dumps whose sizes are known to the
 * byte: a child of the object where the walk stops is a part when it retains at least 10 % of
 * the used heap, and the suspect splits only when two or more are.
 */
class SuspectSplitRuleTest {
    @TempDir
    Path dir;

    /** One root {@code x.Holder} whose reference fields each hold a byte[] of the given length. */
    private Path holder(String name, int... lengths) throws Exception {
        HprofBuilder h = new HprofBuilder(8);
        long cls = h.loadClass("x.Holder");
        HprofBuilder.Field[] fields = new HprofBuilder.Field[lengths.length];
        long[] arrays = new long[lengths.length];
        for (int i = 0; i < lengths.length; i++) {
            fields[i] = HprofBuilder.ref("f" + i);
            arrays[i] = h.id();
        }
        h.classDump(cls, 0, fields);
        long root = h.id();
        h.instance(root, cls, arrays);
        for (int i = 0; i < lengths.length; i++) {
            h.primitiveArray(arrays[i], HprofBuilder.T_BYTE, lengths[i]);
        }
        h.rootUnknown(root);
        h.endDump();
        return h.write(dir.resolve(name));
    }

    private static HeapDump open(Path p) throws Exception {
        return HeapDump.open(p, OpenOptions.DEFAULT.withIndexFile(false), Progress.NONE);
    }

    @Test
    void childrenOverTenPercentOfTheHeapAreTheParts() throws Exception {
        // 45 %, 40 % and 5 % of the heap: no child keeps 70 % of the holder; two are parts, the third is below the floor.
        Path p = holder("three.hprof", 45_000, 40_000, 5_000, 5_000, 5_000);
        try (HeapDump d = open(p)) {
            SuspectReport r = LeakSuspects.find(d, Progress.NONE);
            assertThat(r.suspects()).hasSize(1);
            Suspect s = r.suspects().getFirst();
            assertThat(s.className()).isEqualTo("x.Holder");
            assertThat(s.splits()).isTrue();
            assertThat(s.parts()).extracting(SuspectPart::field).containsExactly("f0", "f1");
            assertThat(s.parts()).extracting(SuspectPart::holder).containsExactly("Holder.f0", "Holder.f1");
            SuspectPart first = s.parts().getFirst();
            assertThat(first.container()).as("a byte[] is no collection").isNull();
            assertThat(first.accumulation().className()).isEqualTo("byte[]");
            long firstSize = d.shallow(first.accumulation().node());
            assertThat(firstSize).isGreaterThanOrEqualTo(45_000);
            assertThat(first.retained()).isEqualTo(firstSize);
            assertThat(first.percent()).isCloseTo(100.0 * firstSize / r.usedHeap(), org.assertj.core.data.Offset.offset(1e-9));
            assertThat(s.parts().get(1).retained()).isLessThan(firstSize);
            assertThat(s.title()).isEqualTo("Holder.f0 retains " + Units.bytes(firstSize) + "; Holder.f1 retains "
                    + Units.bytes(s.parts().get(1).accumulationRetained()));
            assertThat(s.explanation()).contains("no child keeps 70 % of it, so it splits into 2 parts");
        }
    }

    @Test
    void oneBigChildAndManySmallOnesDoNotSplit() throws Exception {
        // 60 % and eight of 5 %: the walk stops at the holder, but only one child reaches 10 % of the heap.
        Path p = holder("one.hprof", 60_000, 5_000, 5_000, 5_000, 5_000, 5_000, 5_000, 5_000, 5_000);
        try (HeapDump d = open(p)) {
            Suspect s = LeakSuspects.find(d, Progress.NONE).suspects().getFirst();
            assertThat(s.splits()).isFalse();
            assertThat(s.parts()).isEmpty();
            assertThat(s.title()).startsWith("one Holder retains ");
        }
    }

    @Test
    void aChildKeepingSeventyPercentIsWalkedIntoNotSplit() throws Exception {
        // MAT's walk goes on into the 80 % child: the suspect is that array, as before issue 19.
        Path p = holder("walk.hprof", 80_000, 10_000, 10_000);
        try (HeapDump d = open(p)) {
            Suspect s = LeakSuspects.find(d, Progress.NONE).suspects().getFirst();
            assertThat(s.parts()).isEmpty();
            assertThat(s.accumulation().className()).isEqualTo("byte[]");
            assertThat(s.title()).startsWith("one Holder retains ").contains("most of it in byte[] (Holder.f0)");
        }
    }
}
