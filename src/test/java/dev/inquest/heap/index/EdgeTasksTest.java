package dev.inquest.heap.index;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The edge pass's tasks: every node in exactly one task, heads first and spread over the dump. */
class EdgeTasksTest {
    @Test
    void tasksCoverEveryNodeOnceAndAreEachTakenOnce() {
        for (long n : new long[] {0, 1, 31, 32, 33, 63, 64, 65, 100, 1024, 1025, 1056, 1057, 65_536, 1_000_003}) {
            EdgeTasks plan = EdgeTasks.of(n, 1024, 32);
            long[] starts = plan.starts();
            assertThat(starts[0]).as("n=%d", n).isZero();
            assertThat(starts[starts.length - 1]).as("n=%d", n).isEqualTo(n);
            for (int t = 0; t + 1 < starts.length; t++) {
                assertThat(starts[t + 1]).as("n=%d task %d", n, t).isGreaterThan(starts[t]);
            }
            int[] taken = new int[plan.count()];
            for (int t = 0; t < plan.count(); t++) {
                taken[t] = plan.order(t);
            }
            Arrays.sort(taken);
            for (int t = 0; t < taken.length; t++) {
                assertThat(taken[t]).as("n=%d", n).isEqualTo(t);
            }
        }
    }

    @Test
    void headsComeFirstSpreadOverTheDumpThenTheRestInOrder() {
        long n = 100 * 1024 + 500; // 101 chunks, the last one partial
        EdgeTasks plan = EdgeTasks.of(n, 1024, 32);
        long[] starts = plan.starts();
        // 101 chunk heads and the last 32 nodes (the synthetic classes sort there).
        int heads = 102;
        for (int t = 0; t < heads; t++) {
            long from = starts[plan.order(t)];
            long to = starts[plan.order(t) + 1];
            assertThat(from % 1024 == 0 || from == n - 32).as("head %d starts at %d", t, from).isTrue();
            assertThat(to - from).isLessThanOrEqualTo(32);
        }
        boolean tail = false;
        for (int t = 0; t < heads; t++) {
            tail |= starts[plan.order(t)] == n - 32 && starts[plan.order(t) + 1] == n;
        }
        assertThat(tail).as("the dump's last 32 nodes are a head").isTrue();
        // Any prefix of the heads reaches across the dump: the first four lie in four different quarters.
        boolean[] quarter = new boolean[4];
        for (int t = 0; t < 4; t++) {
            quarter[(int) (starts[plan.order(t)] * 4 / n)] = true;
        }
        assertThat(quarter).containsOnly(true);
        long previous = -1;
        for (int t = heads; t < plan.count(); t++) {
            long from = starts[plan.order(t)];
            assertThat(from % 1024).as("a rest starts after its chunk's head").isEqualTo(32);
            assertThat(from).isGreaterThan(previous);
            previous = from;
        }
    }

    @Test
    void underAMemoryLimitTheSameTasksGoInAddressOrder() {
        for (long n : new long[] {0, 1, 33, 1057, 100 * 1024 + 500}) {
            EdgeTasks spread = EdgeTasks.of(n, 1024, 32);
            EdgeTasks inOrder = EdgeTasks.of(n, 1024, 32, false);
            assertThat(inOrder.starts()).as("n=%d: the same tasks", n).containsExactly(spread.starts());
            for (int t = 0; t < inOrder.count(); t++) {
                assertThat(inOrder.order(t)).as("n=%d", n).isEqualTo(t);
            }
        }
    }
}
