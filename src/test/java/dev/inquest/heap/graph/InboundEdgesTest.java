package dev.inquest.heap.graph;

import dev.inquest.progress.Progress;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class InboundEdgesTest {

    @Test
    void reverseEdgesMatchForwardEdgesOnRandomGraphs() {
        Random rnd = new Random(42);
        for (int round = 0; round < 200; round++) {
            TestGraph g = TestGraph.random(rnd, 1 + rnd.nextInt(60));
            InboundEdges in = InboundEdges.build(g, Progress.NONE);
            assertThat(in.nodeCount()).isEqualTo(g.n);
            assertThat(in.edgeCount()).isEqualTo(g.targets.length);
            for (int t = 0; t < g.n; t++) {
                // Expected: the source of every forward edge into t, once per edge, ascending.
                List<Long> expected = new ArrayList<>();
                for (int s = 0; s < g.n; s++) {
                    for (long e = g.edgeStart(s); e < g.edgeEnd(s); e++) {
                        if (g.edgeTarget(e) == t) {
                            expected.add((long) s);
                        }
                    }
                }
                List<Long> actual = new ArrayList<>();
                for (long i = in.inboundStart(t); i < in.inboundEnd(t); i++) {
                    actual.add(in.source(i));
                }
                assertThat(actual).as("inbound of %d", t).containsExactlyElementsOf(expected);
            }
        }
    }

    @Test
    void wideEntriesAndMappedSegmentsGiveTheSameIndex() {
        Random rnd = new Random(43);
        for (int round = 0; round < 50; round++) {
            TestGraph g = TestGraph.random(rnd, 1 + rnd.nextInt(60));
            InboundEdges narrow = InboundEdges.build(g, Progress.NONE);
            InboundEdges wide = InboundEdges.build(g, Progress.NONE, java.lang.foreign.Arena.ofAuto(), true);
            assertThat(narrow.wide()).isFalse();
            assertThat(wide.wide()).isTrue();
            assertThat(narrow.startSegment().byteSize()).isEqualTo(4L * (g.n + 1));
            InboundEdges reread = InboundEdges.wrap(narrow.startSegment(), narrow.sourceSegment(), false);
            dev.inquest.heap.store.LongArray start = dev.inquest.heap.store.LongArray.wrap(wide.startSegment());
            InboundEdges fromLongs = new InboundEdges(start,
                    dev.inquest.heap.store.LongArray.wrap(wide.sourceSegment()));
            for (InboundEdges other : List.of(wide, reread, fromLongs)) {
                assertThat(other.edgeCount()).isEqualTo(narrow.edgeCount());
                assertThat(other.nodeCount()).isEqualTo(g.n);
                for (int t = 0; t <= g.n; t++) {
                    assertThat(other.inboundStart(t)).isEqualTo(narrow.inboundStart(t));
                }
                for (long i = 0; i < narrow.edgeCount(); i++) {
                    assertThat(other.source(i)).isEqualTo(narrow.source(i));
                }
            }
        }
    }

    @Test
    void lengauerTarjanExampleInbound() {
        TestGraph g = DominatorsTest.lengauerTarjanExample();
        InboundEdges in = InboundEdges.build(g, Progress.NONE);
        // I is referenced by F, G, J and K.
        long i = DominatorsTest.LT_NAMES.indexOf('I');
        List<Character> sources = new ArrayList<>();
        for (long k = in.inboundStart(i); k < in.inboundEnd(i); k++) {
            sources.add(DominatorsTest.LT_NAMES.charAt((int) in.source(k)));
        }
        assertThat(sources).containsExactly('F', 'G', 'J', 'K');
    }
}
