package dev.inquest.jfr.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The browser's chunk copy orders events by start time, stable, whichever way it sorts. */
class ChunkCopyOrderTest {

    /** The plain definition: the events' record numbers, stably sorted by start. */
    private static int[] reference(long[] start, boolean[] event, int n) {
        List<Integer> ids = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            if (event[i]) {
                ids.add(i);
            }
        }
        ids.sort(Comparator.comparingLong(i -> start[i])); // List.sort is stable
        return ids.stream().mapToInt(Integer::intValue).toArray();
    }

    private static void check(long[] start, boolean[] event) {
        int n = start.length;
        int events = 0;
        for (boolean e : event) {
            events += e ? 1 : 0;
        }
        assertThat(ChunkCopy.order(start, event, n, events)).containsExactly(reference(start, event, n));
    }

    @Test
    void nearlySortedStartsWithTiesKeepTheirFileOrder() {
        Random r = new Random(20);
        for (int round = 0; round < 50; round++) {
            int n = 1 + r.nextInt(5_000);
            long[] start = new long[n];
            boolean[] event = new boolean[n];
            long t = 1_000_000_000_000L + r.nextInt(1000);
            for (int i = 0; i < n; i++) {
                // Threads' buffers flushed in turn: runs going forward, jumping back now and then, many ties.
                t += r.nextInt(10) < 2 ? -r.nextInt(50_000) : r.nextInt(3);
                start[i] = t;
                event[i] = r.nextInt(20) != 0; // metadata and pools are not events
            }
            check(start, event);
        }
    }

    @Test
    void startsTooFarApartForPackedKeysAreSortedTheSame() {
        // A damaged or hostile chunk: starts across the whole long range overflow the span.
        long[] start = {Long.MAX_VALUE - 3, 5, Long.MIN_VALUE + 7, 5, -1, Long.MAX_VALUE - 3, 0};
        boolean[] event = {true, true, true, true, false, true, true};
        check(start, event);
        assertThat(ChunkCopy.order(start, event, start.length, 6)).containsExactly(2, 6, 1, 3, 0, 5);
    }

    @Test
    void noEventsGivesNoOrder() {
        assertThat(ChunkCopy.order(new long[] {3, 4}, new boolean[] {false, false}, 2, 0)).isEmpty();
    }
}
