package dev.inquest.heap.index;

import static org.assertj.core.api.Assertions.assertThat;

import dev.inquest.heap.hprof.HeapScanner;
import dev.inquest.heap.hprof.HprofFile;
import dev.inquest.heap.store.Spill;
import dev.inquest.progress.Progress;
import dev.inquest.testing.Corpus;
import dev.inquest.heap.graph.DominatorTree;
import dev.inquest.heap.graph.Dominators;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The build on every core (edge pass in small chunks, heads first, sort and id map in parts) gives
 * the same index as the build on the calling thread alone, node for node and edge for edge.
 */
class HeapIndexBuilderParallelTest {
    private static HeapIndex build(HprofFile f, boolean parallel, int chunk) throws Exception {
        return HeapIndexBuilder.build(f, HeapScanner.scan(f, f.dumps().getLast(), Progress.NONE), false, Spill.NONE,
                Progress.NONE, parallel, chunk);
    }

    @ParameterizedTest
    @ValueSource(strings = {"hprof/hprof-32.bin", "hprof/sun_jdk6_32bit.hprof", "hprof/oracle_jdk8_05_x64.hprof",
        "hprof/sun_jdk6_30_x64_compressedOops.hprof", "hprof/oracle_jdk7_21_hprofagent.hprof"})
    void bothWaysGiveTheSameIndex(String dump) throws Exception {
        Path p = Corpus.file(dump);
        try (HprofFile f1 = HprofFile.open(p, Progress.NONE); HprofFile f2 = HprofFile.open(p, Progress.NONE)) {
            HeapIndex alone = build(f1, false, 1 << 16);
            HeapIndex split = build(f2, true, 64);
            try {
                assertSameIndex(alone, split);
            } finally {
                alone.closeColumns();
                split.closeColumns();
            }
        }
    }

    /** Node for node and edge for edge: columns, targets and roots. */
    private static void assertSameIndex(HeapIndex alone, HeapIndex split) {
        long n = alone.nodeCount();
        assertThat(n).isGreaterThan(1000);
        assertThat(split.nodeCount()).isEqualTo(n);
        assertThat(split.edgeCount()).isEqualTo(alone.edgeCount());
        long firstNodeDiffering = -1;
        for (long v = 0; v < n && firstNodeDiffering < 0; v++) {
            if (split.address(v) != alone.address(v) || split.recordOffset(v) != alone.recordOffset(v)
                    || split.classOrdinal(v) != alone.classOrdinal(v) || split.shallowSize(v) != alone.shallowSize(v)
                    || split.edgeStart(v) != alone.edgeStart(v) || split.node(alone.address(v)) != v) {
                firstNodeDiffering = v;
            }
        }
        assertThat(firstNodeDiffering).as("first node whose columns differ").isEqualTo(-1);
        long firstEdgeDiffering = -1;
        for (long e = 0; e < alone.edgeCount() && firstEdgeDiffering < 0; e++) {
            if (split.edgeTarget(e) != alone.edgeTarget(e)) {
                firstEdgeDiffering = e;
            }
        }
        assertThat(firstEdgeDiffering).as("first edge whose target differs").isEqualTo(-1);
        assertThat(split.rootCount()).isEqualTo(alone.rootCount());
        for (long i = 0; i < alone.rootCount(); i++) {
            assertThat(split.root(i)).isEqualTo(alone.root(i));
        }
    }

    /**
     * A build whose memory budget is short (scratch in files, references resolved through the
     * address bitmap, tasks in address order, the kernel advised) gives the same index as one in
     * memory (the IdMap, heads first).
     */
    @ParameterizedTest
    @ValueSource(strings = {"hprof/hprof-32.bin", "hprof/sun_jdk6_32bit.hprof", "hprof/oracle_jdk8_05_x64.hprof",
        "hprof/sun_jdk6_30_x64_compressedOops.hprof", "hprof/oracle_jdk7_21_hprofagent.hprof"})
    void aSpilledBuildGivesTheSameIndex(String dump, @TempDir Path dir) throws Exception {
        Path p = Corpus.file(dump);
        try (HprofFile f1 = HprofFile.open(p, Progress.NONE); HprofFile f2 = HprofFile.open(p, Progress.NONE)) {
            HeapIndex inMemory = build(f1, true, 64);
            HeapIndex spilled = HeapIndexBuilder.build(f2, HeapScanner.scan(f2, f2.dumps().getLast(), Progress.NONE), false,
                    Spill.into(dir), Progress.NONE, true, 64);
            try {
                assertSameIndex(inMemory, spilled);
            } finally {
                inMemory.closeColumns();
                spilled.closeColumns();
            }
        }
    }

    /** The whole index file, built and written on every core or on the caller alone, to the byte. */
    @Test
    void theIndexFileIsTheSameBuiltAndWrittenEitherWay(@TempDir Path dir) throws Exception {
        Path p = Corpus.file("hprof/oracle_jdk8_05_x64.hprof");
        Path[] written = new Path[2];
        for (int way = 0; way < 2; way++) {
            boolean parallel = way == 1;
            try (HprofFile f = HprofFile.open(p, Progress.NONE)) {
                HeapIndex index = build(f, parallel, parallel ? 64 : 1 << 16);
                try {
                    IndexFile.Stamp stamp = IndexFile.Stamp.of(p, f.dumps().size() - 1, false);
                    DominatorTree tree = Dominators.compute(index, Progress.NONE);
                    try (IndexFile.Writer w = IndexFile.Writer.start(dir.resolve(way + ".inquest-index"), index, parallel)) {
                        written[way] = w.finish(stamp, tree, List.of("a problem"));
                    }
                } finally {
                    index.closeColumns();
                }
            }
        }
        assertThat(Files.size(written[0])).isGreaterThan(100_000);
        assertThat(Files.mismatch(written[0], written[1])).isEqualTo(-1L);
    }

    /** A cancel during the parallel edge pass ends it within a task per worker, as a cancel. */
    @Test
    void aCancelInTheEdgePassStopsItsWorkers() throws Exception {
        Path p = Corpus.file("hprof/oracle_jdk8_05_x64.hprof");
        java.util.concurrent.atomic.AtomicLong tasksAfterCancel = new java.util.concurrent.atomic.AtomicLong();
        Progress cancelling = new Progress() {
            volatile boolean edges;
            volatile long reports;

            @Override
            public void phase(String name, long total, Unit unit) {
                edges = name.equals("Extracting references");
            }

            @Override
            public void progress(long done) {
                if (edges && ++reports > 3) {
                    tasksAfterCancel.incrementAndGet();
                }
            }

            @Override
            public boolean isCancelled() {
                return edges && reports >= 3;
            }
        };
        try (HprofFile f = HprofFile.open(p, Progress.NONE)) {
            var scan = HeapScanner.scan(f, f.dumps().getLast(), Progress.NONE);
            org.assertj.core.api.Assertions.assertThatThrownBy(
                    () -> HeapIndexBuilder.build(f, scan, false, Spill.NONE, cancelling, true, 64))
                    .isInstanceOf(java.util.concurrent.CancellationException.class);
        }
        // Thousands of tasks of 64 nodes: each worker looks for the cancel before its next one.
        assertThat(tasksAfterCancel.get()).isLessThan(10);
    }
}
