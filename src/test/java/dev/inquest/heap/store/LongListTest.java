package dev.inquest.heap.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.NoSuchElementException;
import org.junit.jupiter.api.Test;

class LongListTest {
    /** Past two chunks, so the small first array, its doubling and whole chunks are all crossed. */
    private static final int MANY = (1 << 21) + 5;

    @Test
    void addsGetsAndSetsAcrossChunks() {
        LongList l = new LongList();
        assertThat(l.isEmpty()).isTrue();
        for (int i = 0; i < MANY; i++) {
            l.add(3L * i);
        }
        assertThat(l.size()).isEqualTo(MANY);
        assertThat(l.get(0)).isZero();
        assertThat(l.get(17)).isEqualTo(51);
        assertThat(l.get((1 << 20) - 1)).isEqualTo(3L * ((1 << 20) - 1));
        assertThat(l.get(1 << 20)).isEqualTo(3L * (1 << 20));
        assertThat(l.get(MANY - 1)).isEqualTo(3L * (MANY - 1));
        l.set(1 << 20, -1);
        assertThat(l.get(1 << 20)).isEqualTo(-1);
        long[] a = l.toArray();
        assertThat(a).hasSize(MANY);
        assertThat(a[MANY - 1]).isEqualTo(3L * (MANY - 1));
        assertThat(a[1 << 20]).isEqualTo(-1);
    }

    @Test
    void servesAsAStackAcrossChunkBoundaries() {
        LongList s = new LongList();
        for (int i = 0; i < MANY; i++) {
            s.add(i);
        }
        for (int i = MANY - 1; i >= (1 << 20) - 3; i--) {
            assertThat(s.removeLast()).isEqualTo(i);
        }
        s.add(42);
        s.add(43);
        assertThat(s.size()).isEqualTo((1 << 20) - 1);
        assertThat(s.removeLast()).isEqualTo(43);
        assertThat(s.removeLast()).isEqualTo(42);
        while (!s.isEmpty()) {
            s.removeLast();
        }
        assertThat(s.size()).isZero();
        assertThatThrownBy(s::removeLast).isInstanceOf(NoSuchElementException.class);
    }

    @Test
    void distinctSortsAndDropsRepeatsBothWays() {
        LongList l = new LongList();
        long[] values = {9, 3, 3, 0, 63, 64, 9, 127, 1000};
        for (long v : values) {
            l.add(v);
        }
        long[] expected = {0, 3, 9, 63, 64, 127, 1000};
        assertThat(l.distinct()).containsExactly(expected);
        // A small universe takes the bitmap path.
        assertThat(l.distinct(1001)).containsExactly(expected);
        assertThat(l.distinct(1L << 40)).containsExactly(expected);
        assertThat(new LongList().distinct(10)).isEmpty();
    }
}
