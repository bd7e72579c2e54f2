package dev.inquest.heap.index;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.foreign.Arena;
import org.junit.jupiter.api.Test;

/** Class ordinals in 2 bytes for ordinary dumps, 4 for dumps of 65,536 classes or more. */
class ClassColumnTest {
    @Test
    void narrowBelowSixtyFiveThousandClassesWideAbove() {
        try (Arena arena = Arena.ofConfined()) {
            ClassColumn narrow = ClassColumn.allocate(arena, 1000, 65_535);
            narrow.set(999, 65_534);
            narrow.set(0, 40_000);
            assertThat(narrow.segment().byteSize()).isEqualTo(2000);
            assertThat(narrow.get(999)).isEqualTo(65_534);
            assertThat(narrow.get(0)).as("unsigned, not a negative short").isEqualTo(40_000);
            ClassColumn wide = ClassColumn.allocate(arena, 1000, 70_000);
            wide.set(500, 69_999);
            assertThat(wide.segment().byteSize()).isEqualTo(4000);
            assertThat(wide.get(500)).isEqualTo(69_999);
            assertThat(ClassColumn.wrap(narrow.segment(), 1000).get(999)).isEqualTo(65_534);
            assertThat(ClassColumn.wrap(wide.segment(), 1000).get(500)).isEqualTo(69_999);
            assertThat(ClassColumn.wrap(wide.segment(), 999)).as("a size that fits neither width").isNull();
        }
    }
}
