package dev.inquest.heap.index;

import static org.assertj.core.api.Assertions.assertThat;

import dev.inquest.heap.store.BigLongList;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Both sort paths (run merge, radix) against a plain stable sort, offsets riding along. */
class RadixSortTest {

    private static void check(long[] keys, int parts) {
        List<BigLongList> kp = new ArrayList<>();
        List<BigLongList> vp = new ArrayList<>();
        for (int p = 0; p < parts; p++) {
            kp.add(new BigLongList());
            vp.add(new BigLongList());
        }
        for (int i = 0; i < keys.length; i++) {
            int p = (int) ((long) i * parts / keys.length);
            kp.get(p).add(keys[i]);
            vp.get(p).add(i);
        }
        Integer[] order = new Integer[keys.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, Comparator.comparingLong(i -> keys[i]));
        for (boolean parallel : new boolean[] {false, true}) {
            RadixSort.Sorted s = RadixSort.sort(kp, vp, keys.length, dev.inquest.heap.store.Spill.NONE, parallel);
            try {
                int firstWrong = -1;
                for (int i = 0; i < keys.length && firstWrong < 0; i++) {
                    if (s.keys().get(i) != keys[order[i]] || s.values().get(i) != order[i]) {
                        firstWrong = i;
                    }
                }
                assertThat(firstWrong).as("first position where key or stable order differs (parallel %s)", parallel)
                        .isEqualTo(-1);
            } finally {
                s.arena().close();
            }
        }
        kp.forEach(BigLongList::close);
        vp.forEach(BigLongList::close);
    }

    @Test
    void fewAscendingRunsAreMerged() {
        Random r = new Random(3);
        int n = 60_000;
        long[] keys = new long[n];
        long base = 0x7_0000_0000L;
        for (int run = 0, i = 0; i < n; run++) {
            long start = base + (r.nextInt(1 << 20) << 3);
            int len = Math.min(n - i, 1000 + r.nextInt(4000));
            for (int k = 0; k < len; k++) {
                keys[i++] = start + 8L * k * (1 + r.nextInt(3));
            }
        }
        keys[n / 2] = keys[n / 2 - 1]; // a duplicate: the earlier one must stay first
        check(keys, 2);
    }

    @Test
    void bigMergesSplitIntoSlicesAcrossCoresStayStable() {
        // Over 2M ids the merge is split at sampled keys, one slice per core: ties across runs
        // (a damaged dump's duplicate ids) must still come out earlier run first.
        Random r = new Random(5);
        int n = 2_200_000;
        long[] keys = new long[n];
        for (int i = 0; i < n; ) {
            long start = 8L * r.nextInt(1 << 16);
            int len = Math.min(n - i, 10_000 + r.nextInt(20_000));
            for (int k = 0; k < len; k++) {
                keys[i++] = start + 8L * (k / 2); // pairs of equal keys too
            }
        }
        check(keys, 2);
    }

    @Test
    void scatteredIdsAreRadixSorted() {
        Random r = new Random(4);
        long[] keys = new long[30_000];
        for (int i = 0; i < keys.length; i++) {
            keys[i] = (r.nextLong() >>> 20) & ~7L;
        }
        keys[10] = keys[20];
        keys[0] = 0;
        check(keys, 3);
    }

    @Test
    void alreadySortedIsCopied() {
        long[] keys = new long[5000];
        for (int i = 0; i < keys.length; i++) {
            keys[i] = 16L * i;
        }
        check(keys, 1);
    }
}
