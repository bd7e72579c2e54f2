package dev.inquest.heap.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@link NativeMemory.Access#POPULATE}: the dominator step has a second thread fault in the
 * search's arrays while the search writes them. That is only right if the advice makes the pages
 * resident and never changes what is in them.
 */
class PopulateAdviceTest {
    private static final long BYTES = 64L << 20;

    @BeforeEach
    void linuxOnly() {
        assumeTrue(NativeMemory.lazy() && Files.isReadable(Path.of("/proc/self/status")), "Linux only");
    }

    /** The process's resident anonymous memory, from the kernel's own count. */
    private static long residentAnonymousBytes() throws Exception {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("RssAnon:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
            }
        }
        throw new IllegalStateException("no RssAnon");
    }

    @Test
    void populateMakesAFreshRangeResidentAndLeavesItZero() throws Exception {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment segment = NativeMemory.allocate(arena, BYTES);
            long before = residentAnonymousBytes();
            NativeMemory.advise(segment, NativeMemory.Access.POPULATE);
            long after = residentAnonymousBytes();
            assertThat(after - before).as("resident after the advice alone").isGreaterThanOrEqualTo(BYTES * 3 / 4);
            for (long at = 0; at < BYTES; at += 512) {
                assertThat(segment.get(ValueLayout.JAVA_LONG, at)).isZero();
            }
        }
    }

    @Test
    void populateKeepsWhatAWriterPutThereMeanwhile() throws Exception {
        try (Arena arena = Arena.ofShared()) {
            MemorySegment segment = NativeMemory.allocate(arena, BYTES);
            // A writer fills every 4 KB page's first long while the advice runs over the same pages.
            Thread writer = Thread.ofPlatform().start(() -> {
                for (long at = 0; at < BYTES; at += 4096) {
                    segment.set(ValueLayout.JAVA_LONG, at, at + 1);
                }
            });
            NativeMemory.advise(segment, NativeMemory.Access.POPULATE);
            writer.join();
            for (long at = 0; at < BYTES; at += 4096) {
                assertThat(segment.get(ValueLayout.JAVA_LONG, at)).as("offset %d", at).isEqualTo(at + 1);
                assertThat(segment.get(ValueLayout.JAVA_LONG, at + 8)).as("offset %d", at + 8).isZero();
            }
        }
    }

    @Test
    void aRangeAdviceCoversItsWholePagesAndStopsAtTheSegmentsEnd() throws Exception {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment segment = NativeMemory.allocate(arena, BYTES);
            long before = residentAnonymousBytes();
            // Runs past the end: cut at the segment's last whole page, and the first partial page is left.
            NativeMemory.advise(segment, 4096 + 100, BYTES + (1 << 20), NativeMemory.Access.POPULATE);
            long after = residentAnonymousBytes();
            assertThat(after - before).isGreaterThanOrEqualTo(BYTES * 3 / 4);
            for (long at = 0; at < BYTES; at += 512) {
                assertThat(segment.get(ValueLayout.JAVA_LONG, at)).isZero();
            }
        }
    }
}
