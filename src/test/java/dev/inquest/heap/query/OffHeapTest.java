package dev.inquest.heap.query;

import static dev.inquest.heap.query.OffHeapDump.MB;
import static org.assertj.core.api.Assertions.assertThat;

import dev.inquest.heap.model.HeapDump;
import dev.inquest.heap.model.OpenOptions;
import dev.inquest.progress.Progress;
import dev.inquest.testing.Corpus;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * Direct and mapped buffers and thread stacks in a real dump of known content ({@link OffHeapDump}):
 * views are not counted twice, the dropped buffers count as awaiting their cleaner, the holders are
 * named by their fields, the threads' own stack sizes and the default the properties carry add up.
 */
@Tag("slow")
class OffHeapTest {
    private static HeapDump dump;
    private static OffHeap.Report report;

    @BeforeAll
    static void open() throws Exception {
        dump = OffHeapDump.open();
        report = OffHeap.of(dump, Progress.NONE);
    }

    @AfterAll
    static void close() {
        dump.close();
    }

    @Test
    void ownersAreCountedOnceAndViewsShareTheirMemory() {
        OffHeap.Buffers b = report.buffers();
        assertThat(b.direct()).isEqualTo(8);
        assertThat(b.directBytes()).isEqualTo(8L * MB);
        assertThat(b.views()).isEqualTo(3);
        assertThat(b.mapped()).isEqualTo(1);
        assertThat(b.mappedBytes()).isEqualTo(256 * 1024);
        assertThat(b.external()).isZero();
        assertThat(b.freed()).isEqualTo(1);
        assertThat(b.count()).isEqualTo(8 + 3 + 1 + 2 + 1);
        Map<String, Long> classes = b.classes().stream()
                .collect(Collectors.toMap(OffHeap.ClassCount::className, OffHeap.ClassCount::count));
        assertThat(classes).isEqualTo(Map.of("java.nio.DirectByteBuffer", 14L, "java.nio.DirectByteBufferR", 1L));
    }

    @Test
    void droppedBuffersAwaitTheirCleaner() {
        OffHeap.Buffers b = report.buffers();
        assertThat(b.pending()).isEqualTo(2);
        assertThat(b.pendingBytes()).isEqualTo(MB);
        assertThat(b.offHeapBytes()).isEqualTo(8L * MB + 256 * 1024 + MB);
        // The JDK's own count includes the pending two and the mapped one is not direct memory.
        assertThat(b.jdk()).isNotNull();
        assertThat(b.jdk().count()).isEqualTo(10);
        assertThat(b.jdk().totalCapacity()).isEqualTo(9L * MB);
        assertThat(b.jdk().max()).isEqualTo(256L * MB);
    }

    /** After a GC the dropped buffers are gone; their cleaners, not yet run, still hold the memory through their deallocators. */
    @Test
    void aDumpAfterAGcCountsTheDeallocatorsWhoseBufferIsGone() throws Exception {
        try (HeapDump live = HeapDump.open(OffHeapDump.afterGc(), OpenOptions.DEFAULT.withIndexFile(false), Progress.NONE)) {
            OffHeap.Buffers b = OffHeap.of(live, Progress.NONE).buffers();
            assertThat(b.count()).isEqualTo(8 + 3 + 1 + 1);
            assertThat(b.freed()).isEqualTo(1);
            assertThat(b.direct()).isEqualTo(8);
            assertThat(b.pending()).isEqualTo(2);
            assertThat(b.pendingBytes()).isEqualTo(MB);
            assertThat(b.jdk().count()).isEqualTo(10);
        }
    }

    @Test
    void holdersAreNamedByTheirFields() {
        List<OffHeap.Holder> h = report.buffers().holders();
        assertThat(h).extracting(OffHeap.Holder::label).containsExactly("OffHeapBuffers.pool", "OffHeapBuffers.mapped");
        assertThat(h.get(0).buffers()).isEqualTo(8);
        assertThat(h.get(0).bytes()).isEqualTo(8L * MB);
        assertThat(h.get(0).kind()).isEqualTo(ContainerKind.LIST);
        assertThat(h.get(0).via().className()).isEqualTo("java.util.ArrayList");
        assertThat(h.get(1).buffers()).isEqualTo(1);
        assertThat(h.get(1).bytes()).isEqualTo(256 * 1024);
        assertThat(h.get(1).kind()).isNull();
    }

    @Test
    void threadStacksCountOwnSizesAndTheDefaultFromTheProperties() {
        OffHeap.ThreadStacks t = report.threadStacks();
        assertThat(t.threads()).isEqualTo(dump.threads().size()).isGreaterThanOrEqualTo(4);
        assertThat(t.ownSize()).isEqualTo(3);
        assertThat(t.ownSizeBytes()).isEqualTo(3 * 512 * 1024);
        assertThat(t.defaultSize()).isEqualTo(768 * 1024);
        assertThat(t.defaultSource()).isEqualTo("system property org.gradle.jvmargs");
        assertThat(t.totalBytes()).isEqualTo(3 * 512 * 1024 + (t.threads() - 3) * 768L * 1024);
        assertThat(t.sizes()).contains(new OffHeap.SizeCount(512 * 1024, 3), new OffHeap.SizeCount(0, t.threads() - 3));
    }

    @Test
    void theRowShowsAboveATenthOfTheHeapOr64Mb() {
        assertThat(report.significant()).isTrue();
        assertThat(report.buffers().offHeapBytes()).isGreaterThan((long) (0.1 * report.usedHeap()));
        assertThat(report.headline()).startsWith("9.2 MB off the heap in 9 buffers (8.0 MB direct, 256 KB mapped, 1.0 MB in 2 awaiting their cleaner), ");
        assertThat(OffHeap.significant(65L * MB, 10_000L * MB)).isTrue();
        assertThat(OffHeap.significant(64L * MB, 10_000L * MB)).isFalse();
        assertThat(OffHeap.significant(11, 100)).isTrue();
        assertThat(OffHeap.significant(10, 100)).isFalse();
    }

    @Test
    void stackSizeOptionsParseAsTheJvmReadsThem() {
        assertThat(OffHeap.parseStackSize("-Xmx1g -Xss2m")).isEqualTo(2L * MB);
        assertThat(OffHeap.parseStackSize("-Xss512k -Xss1m")).isEqualTo(MB);
        assertThat(OffHeap.parseStackSize("-XX:ThreadStackSize=256")).isEqualTo(256 * 1024);
        assertThat(OffHeap.parseStackSize("-Xss65536")).isEqualTo(65536);
        assertThat(OffHeap.parseStackSize("-Xssx")).isEqualTo(-1);
        assertThat(OffHeap.parseStackSize(null)).isEqualTo(-1);
    }

    /** Old and odd dumps: no buffers, or the JDK 8 and 6 layouts, read without error; the default stack size unknown. */
    @ParameterizedTest
    @ValueSource(strings = {"hprof/oracle_jdk8_05_x64.hprof", "hprof/sun_jdk6_30_x64_compressedOops.hprof",
"hprof/java_pid1884.0001.hprof.gz", "hprof/openjdk_jdk11_04_x64.hprof.gz",
            "hprof/sun_jdk6_32bit.hprof", "hprof/oracle_jdk7_21_hprofagent.hprof", "hprof/sun_jdk5_64bit.hprof",
            "hprof/hprof-32.bin"})
    void corpusDumpsAnswer(String name) throws Exception {
        try (HeapDump d = HeapDump.open(Corpus.file(name), OpenOptions.DEFAULT.withIndexFile(false), Progress.NONE)) {
            OffHeap.Report r = OffHeap.of(d, Progress.NONE);
            OffHeap.Buffers b = r.buffers();
            assertThat(b.count()).isGreaterThanOrEqualTo(b.views() + b.direct() + b.mapped() + b.external() + b.freed());
            assertThat(b.offHeapBytes()).isEqualTo(b.directBytes() + b.mappedBytes() + b.externalBytes() + b.pendingBytes());
            assertThat(r.threadStacks().threads()).isLessThanOrEqualTo(d.threads().size());
            if (name.contains("jdk8")) {
                // JDK 8's performance counters: six JNI buffers, each behind a typed view in one PerfCounter's field.
                assertThat(b.external()).isEqualTo(6);
                assertThat(b.views()).isEqualTo(6);
                assertThat(b.holders()).extracting(OffHeap.Holder::describe).containsExactly("PerfCounter.lb holds 6 buffers, 48 bytes");
            }
            if (name.contains("jdk11")) {
                // The runtime's own modules image, mapped through JNI: external, shown, but not a reason for the row.
                assertThat(b.external()).isEqualTo(7);
                assertThat(b.externalBytes()).isGreaterThan(140_000_000);
                assertThat(b.holders().getFirst().label()).isEqualTo("ImageReader$SharedImageReader.memoryMap");
                assertThat(r.significant()).isFalse();
            }
        }
    }
}
