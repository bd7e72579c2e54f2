package dev.inquest.heap.store;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Appending in bulk (the scan's buffered ids) across chunk boundaries reads back as appended one by one. */
class BigLongListTest {
    @Test
    void bulkAppendsCrossChunksLikeSingleOnes() {
        try (BigLongList bulk = new BigLongList(); BigLongList single = new BigLongList()) {
            long[] buffer = new long[4099]; // not a divisor of the 2^20-entry chunk
            long next = 0;
            while (next < 2_500_000) {
                int count = (int) Math.min(buffer.length, 2_500_000 - next) - (int) (next % 3);
                for (int i = 0; i < count; i++) {
                    buffer[i] = next * 31 + 7;
                    single.add(next * 31 + 7);
                    next++;
                }
                bulk.addAll(buffer, count);
            }
            bulk.addAll(buffer, 0);
            assertThat(bulk.size()).isEqualTo(single.size()).isEqualTo(2_500_000);
            long firstWrong = -1;
            for (long i = 0; i < bulk.size() && firstWrong < 0; i++) {
                if (bulk.get(i) != single.get(i)) {
                    firstWrong = i;
                }
            }
            assertThat(firstWrong).isEqualTo(-1);
        }
    }
}
