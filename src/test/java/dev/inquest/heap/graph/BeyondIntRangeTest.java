package dev.inquest.heap.graph;

import dev.inquest.heap.store.IntArray;
import dev.inquest.heap.store.LongArray;
import dev.inquest.progress.Progress;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * No structure breaks past 2^31 entries. Sparse mapped files give arrays of more than 2^31
 * elements without using the memory or disk (only touched pages are materialised), and an
 * adapter moves a graph's edge indices past 2^31 so the algorithms must carry them as longs.
 */
class BeyondIntRangeTest {
    static final long BEYOND = (1L << 31) + 16;

    @Test
    void storeArraysAddressElementsPastTwoToThe31(@TempDir Path dir) throws IOException {
        try (Arena arena = Arena.ofConfined();
             FileChannel longs = FileChannel.open(dir.resolve("longs"), StandardOpenOption.CREATE_NEW,
                     StandardOpenOption.SPARSE, StandardOpenOption.READ, StandardOpenOption.WRITE);
             FileChannel ints = FileChannel.open(dir.resolve("ints"), StandardOpenOption.CREATE_NEW,
                     StandardOpenOption.SPARSE, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            LongArray la = LongArray.wrap(longs.map(FileChannel.MapMode.READ_WRITE, 0, BEYOND * Long.BYTES, arena));
            IntArray ia = IntArray.wrap(ints.map(FileChannel.MapMode.READ_WRITE, 0, BEYOND * Integer.BYTES, arena));
            assertThat(la.length()).isEqualTo(BEYOND);
            assertThat(ia.length()).isEqualTo(BEYOND);
            long[] at = {0, Integer.MAX_VALUE, 1L << 31, (1L << 31) + 1, BEYOND - 1};
            for (long i : at) {
                la.set(i, i * 3);
                ia.set(i, (int) (i % 1_000_003));
            }
            for (long i : at) {
                assertThat(la.get(i)).isEqualTo(i * 3);
                assertThat(ia.get(i)).isEqualTo((int) (i % 1_000_003));
            }
            // Index (2^31 + 1) must not alias index 1 (an int overflow would wrap onto it).
            assertThat(la.get(1)).isZero();
        }
    }

    /** Shifts every edge index of a graph by a constant beyond 2^31. */
    record ShiftedEdges(TestGraph g, long shift) implements ObjectGraph {
        @Override
        public long nodeCount() {
            return g.nodeCount();
        }

        @Override
        public long edgeStart(long node) {
            return g.edgeStart(node) + shift;
        }

        @Override
        public long edgeEnd(long node) {
            return g.edgeEnd(node) + shift;
        }

        @Override
        public long edgeTarget(long edge) {
            assertThat(edge).isGreaterThanOrEqualTo(shift);
            return g.edgeTarget(edge - shift);
        }

        @Override
        public long rootCount() {
            return g.rootCount();
        }

        @Override
        public long root(long i) {
            return g.root(i);
        }

        @Override
        public long shallowSize(long node) {
            return g.shallowSize(node);
        }
    }

    @Test
    void algorithmsCarryEdgeIndicesPastTwoToThe31() {
        Random rnd = new Random(31);
        for (int round = 0; round < 50; round++) {
            TestGraph g = TestGraph.random(rnd, 1 + rnd.nextInt(50));
            ShiftedEdges shifted = new ShiftedEdges(g, 5L << 31);
            // maxEdge > 2^31 switches the scratch arrays to 8-byte elements by itself.
            DominatorTree tree = Dominators.compute(shifted, Progress.NONE);
            DominatorsTest.assertAgreesWithNaive(g, tree);
            InboundEdges in = InboundEdges.build(shifted, Progress.NONE);
            for (long t = 0; t < g.n; t++) {
                for (long i = in.inboundStart(t); i < in.inboundEnd(t); i++) {
                    long s = in.source(i);
                    boolean found = false;
                    for (long e = shifted.edgeStart(s); e < shifted.edgeEnd(s) && !found; e++) {
                        found = e >= (5L << 31) && shifted.edgeTarget(e) == t;
                    }
                    assertThat(found).as("an edge from %d to %d past 2^31", s, t).isTrue();
                }
            }
        }
    }

    @Test
    void wideScratchArraysHoldValuesPastTwoToThe31() {
        try (Arena arena = Arena.ofConfined()) {
            IndexArray wide = IndexArray.allocate(arena, 4, IndexArray.needsWide(BEYOND));
            assertThat(wide.wide()).isTrue();
            wide.set(3, BEYOND);
            wide.set(0, -1);
            assertThat(wide.get(3)).isEqualTo(BEYOND);
            assertThat(wide.get(0)).isEqualTo(-1);
            assertThat(IndexArray.needsWide(Integer.MAX_VALUE - 1)).isFalse();
        }
    }
}
