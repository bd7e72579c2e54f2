package dev.inquest.heap.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Spilled arrays: zeroed, writable, counted, file-backed, and gone from the disk the moment they exist. */
class SpillTest {
    @TempDir
    Path dir;

    @Test
    void bigArraysGoToUnlinkedFilesSmallOnesStayInMemory() throws Exception {
        Spill spill = Spill.into(dir.resolve("spill"));
        long big = 16L << 20;
        try (Arena arena = spill.shared()) {
            LongArray a = LongArray.allocate(arena, big / 8);
            assertThat(a.get(big / 8 - 1)).isZero();
            for (long i = 0; i < a.length(); i += 4096) {
                a.set(i, i * 3);
            }
            assertThat(a.get(4096 * 7)).isEqualTo(4096 * 21);
            IntArray small = IntArray.allocate(arena, 1000);
            assertThat(small.get(999)).isZero();
            assertThat(spill.peakBytes()).as("small arrays stay in memory").isEqualTo(big);
            try (Stream<Path> files = Files.list(dir.resolve("spill"))) {
                assertThat(files).as("spill files are unlinked once mapped").isEmpty();
            }
            try (Arena nested = spill.confined()) {
                IntArray b = IntArray.allocate(nested, big / 4);
                assertThat(spill.peakBytes()).isEqualTo(2 * big);
            }
            IntArray c = IntArray.allocate(arena, big / 8);
            assertThat(spill.peakBytes()).as("the nested arena's file was released").isEqualTo(2 * big);
            assertThat(spill.totalBytes()).isEqualTo(2 * big + big / 2);
            assertThat(c.get(0)).isZero();
        }
    }

    @Test
    void noSpillMeansAnonymousMemory() {
        try (Arena arena = Spill.NONE.shared()) {
            LongArray a = LongArray.allocate(arena, 1 << 20);
            a.set(5, 5);
            assertThat(a.get(5)).isEqualTo(5);
        }
        assertThat(Spill.NONE.active()).isFalse();
        assertThat(Spill.NONE.peakBytes()).isZero();
    }

    @Test
    void aBigListSpillsItsChunks() {
        Spill spill = Spill.into(dir);
        try (BigLongList list = new BigLongList(spill)) {
            for (long i = 0; i < 3_000_000; i++) {
                list.add(i * 7);
            }
            assertThat(list.get(2_999_999)).isEqualTo(2_999_999L * 7);
            assertThat(spill.peakBytes()).isEqualTo(3 * (8L << 20));
        }
    }
}
