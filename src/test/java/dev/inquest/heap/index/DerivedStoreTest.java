package dev.inquest.heap.index;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.foreign.MemorySegment;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Derived structures stay beside the index only while everything beside the dump is within 0.6x of it. */
class DerivedStoreTest {
    @TempDir
    Path dir;

    private static List<MemorySegment> bytes(int n) {
        return List.of(MemorySegment.ofArray(new byte[n]));
    }

    @Test
    void aStructureThatWouldPassTheShareIsNotKept() throws Exception {
        Path index = Files.write(dir.resolve("d.hprof.inquest-index"), new byte[40_000]);
        // A dump of 100,000 bytes: 60,000 beside it at most, the index taking 40,000.
        DerivedStore store = DerivedStore.beside(index, 100_000);
        assertThat(store.save("small", bytes(12_000))).isTrue();
        assertThat(store.file("small")).isRegularFile();
        assertThat(store.save("big", bytes(9_000))).as("12,000 + 9,000 and headers pass 20,000").isFalse();
        assertThat(store.file("big")).doesNotExist();
        assertThat(store.save("fits", bytes(7_000))).isTrue();
        // Replacing a file gives its room back first.
        assertThat(store.save("small", bytes(12_500))).isTrue();
        long beside = 0;
        try (var files = Files.list(dir)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                beside += Files.size(f);
            }
        }
        assertThat(beside).isLessThanOrEqualTo(60_000);
        assertThat(store.files()).containsOnlyKeys("small", "fits");
    }
}
