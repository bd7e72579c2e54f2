package dev.inquest.heap.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.inquest.heap.graph.DominatorTree;
import dev.inquest.heap.index.ClassInfo;
import dev.inquest.heap.index.DumpInternals;
import dev.inquest.progress.Progress;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** A real HotSpot dump of {@code workloads/HeapShapes.java}, whose figures are known by construction. */
@Tag("slow")
class HeapWorkloadTest {
    static Path plain;
    static Path chunked;
    static HeapDump dump;
    static Map<String, Long> statics = new HashMap<>();

    @BeforeAll
    static void writeDumps() throws Exception {
        plain = ShapesDump.plain();
        chunked = ShapesDump.chunkedGzip();
        dump = HeapDump.open(plain, OpenOptions.DEFAULT.withIndexFile(false), Progress.NONE);
        statics = staticsOf(dump);
    }

    @AfterAll
    static void close() {
        if (dump != null) {
            dump.close();
        }
    }

    static Map<String, Long> staticsOf(HeapDump d) {
        Map<String, Long> out = new HashMap<>();
        ClassInfo shapes = DumpInternals.of(d).index().classes().stream().filter(c -> c.name().equals("HeapShapes")).findFirst().orElseThrow();
        for (FieldValue f : d.fields(DumpInternals.of(d).index().classNode(shapes.ordinal()))) {
            if (f.reference()) {
                out.put(f.name(), d.node((long) f.value()));
            }
        }
        return out;
    }

    static long node(String staticName) {
        Long n = statics.get(staticName);
        assertThat(n).as("static %s", staticName).isNotNull().isNotNegative();
        return n;
    }

    @Test
    void summaryOfAWholeDump() {
        HeapSummary s = dump.summary();
        assertThat(s.truncated()).isFalse();
        assertThat(s.problems()).isEmpty();
        assertThat(s.idSize()).isEqualTo(8);
        assertThat(s.compressedOops()).isTrue();
        assertThat(s.objectAlignment()).isEqualTo(8);
        assertThat(s.container()).isEqualTo("plain");
        assertThat(s.objects()).isGreaterThan(1000);
        assertThat(s.usedHeap()).isGreaterThan(100L * 1032);
        assertThat(s.gcRoots()).isPositive();
    }

    @Test
    void shallowSizesOfBasicShapes() {
        assertThat(dump.shallow(node("plainObject"))).isEqualTo(16);
        assertThat(dump.shallow(node("tenBytes"))).isEqualTo(32);
        assertThat(dump.shallow(node("tenRefs"))).isEqualTo(56);
        assertThat(dump.shallow(node("latin"))).isEqualTo(24);
        assertThat(dump.className(node("tenBytes"))).isEqualTo("byte[]");
        assertThat(dump.className(node("tenRefs"))).isEqualTo("java.lang.Object[]");
    }

    @Test
    void eachHolderRetainsExactlyItsPrivatePayload() {
        long array = node("holders");
        List<ObjectRef> refs = dump.outbound(array);
        List<ObjectRef> holders = refs.stream().filter(r -> r.field().startsWith("[")).toList();
        assertThat(holders).hasSize(100);
        for (ObjectRef h : holders) {
            assertThat(h.className()).isEqualTo("HeapShapes$Holder");
            assertThat(dump.shallow(h.node())).isEqualTo(16);
            assertThat(dump.retained(h.node())).isEqualTo(16 + 1016);
            assertThat(DumpInternals.of(dump).dominatorTree().idom(h.node())).isEqualTo(array);
        }
        ObjectRef fifth = holders.get(5);
        assertThat(dump.inbound(fifth.node(), 10)).singleElement().satisfies(r -> {
            assertThat(r.node()).isEqualTo(array);
            assertThat(r.field()).isEqualTo(fifth.field());
        });
        HistogramRow row = dump.histogram(Grouping.CLASS).stream().filter(r -> r.name().equals("HeapShapes$Holder"))
                .findFirst().orElseThrow();
        assertThat(row.count()).isEqualTo(100);
        assertThat(row.shallow()).isEqualTo(1600);
        assertThat(row.retained()).isEqualTo(100L * 1032);
    }

    @Test
    void compactStringsReadBack() {
        assertThat(dump.stringValue(node("latin"), 100)).isEqualTo("inquest-42-latin");
        assertThat(dump.stringValue(node("utf16"), 100)).isEqualTo("gr\u00fc\u00dfe \u2713 7");
        assertThat(dump.stringValue(node("latin"), 7)).isEqualTo("inquest");
    }

    @Test
    void cycleIsDominatedByItsEntry() {
        long a = node("cycle");
        DominatorTree t = DumpInternals.of(dump).dominatorTree();
        long b = dump.outbound(a).stream().filter(r -> r.field().equals("next")).findFirst().orElseThrow().node();
        long c = dump.outbound(b).stream().filter(r -> r.field().equals("next")).findFirst().orElseThrow().node();
        assertThat(dump.shallow(a)).isEqualTo(24);
        assertThat(t.idom(b)).isEqualTo(a);
        assertThat(t.idom(c)).isEqualTo(b);
        assertThat(t.retained(a)).isEqualTo(72);
    }

    @Test
    void softReferentCountsForDominatorsButNotForPaths() {
        long ref = node("soft");
        long payload = dump.outbound(ref).stream().filter(r -> r.field().equals("referent")).findFirst().orElseThrow().node();
        assertThat(dump.className(payload)).isEqualTo("HeapShapes$SoftPayload");
        assertThat(DumpInternals.of(dump).dominatorTree().idom(payload)).isEqualTo(ref);
        assertThat(dump.pathsToRoots(payload, 5, true, Progress.NONE).paths()).isEmpty();
        List<List<PathStep>> withWeak = dump.pathsToRoots(payload, 5, false, Progress.NONE).paths();
        assertThat(withWeak).isNotEmpty();
        assertThat(withWeak.getFirst().get(1).node()).isEqualTo(ref);
        assertThat(withWeak.getFirst().get(1).field()).isEqualTo("referent");
        assertThat(withWeak.getFirst().getLast().rootKinds()).isNotNull();
    }

    @Test
    void objectSharedByTwoThreadsIsTopLevel() {
        long shared = -1;
        for (long v = 0; v < DumpInternals.of(dump).index().nodeCount(); v++) {
            if (dump.className(v).equals("HeapShapes$Shared")) {
                assertThat(shared).as("one Shared").isNegative();
                shared = v;
            }
        }
        assertThat(DumpInternals.of(dump).dominatorTree().idom(shared)).isEqualTo(DominatorTree.TOP_LEVEL);
        assertThat(dump.retained(shared)).isEqualTo(16 + 16 + 200);
        PathResult paths = dump.pathsToRoots(shared, 10, true, Progress.NONE);
        assertThat(paths.paths()).hasSizeGreaterThanOrEqualTo(2);
        List<String> roots = paths.paths().stream().map(p -> p.getLast().className()).toList();
        assertThat(roots).contains("java.lang.Thread");
        // The thread's stack local is an edge from the thread, labelled with the root kind.
        assertThat(paths.paths()).anySatisfy(p -> {
            assertThat(p).hasSize(2);
            assertThat(p.get(1).field()).isEqualTo("<Java Local>");
            assertThat(p.get(1).rootKinds()).contains("Thread");
        });
        List<ThreadInfo> threads = dump.threads();
        assertThat(threads).extracting(ThreadInfo::name).contains("sharer-0", "sharer-1", "main");
        ThreadInfo main = threads.stream().filter(t -> "main".equals(t.name())).findFirst().orElseThrow();
        assertThat(main.frames()).anySatisfy(f -> {
            assertThat(f.className()).isEqualTo("HeapShapes");
            assertThat(f.method()).isEqualTo("main");
        });
    }

    @Test
    void chunkedGzipFromJcmdReadsLikeThePlainDump() throws Exception {
        try (HeapDump gz = HeapDump.open(chunked, OpenOptions.DEFAULT.withIndexFile(false), Progress.NONE)) {
            HeapSummary s = gz.summary();
            assertThat(s.container()).isEqualTo("gzip-chunked");
            assertThat(s.truncated()).isFalse();
            Map<String, Long> st = staticsOf(gz);
            HistogramRow row = gz.histogram(Grouping.CLASS).stream().filter(r -> r.name().equals("HeapShapes$Holder"))
                    .findFirst().orElseThrow();
            assertThat(row.count()).isEqualTo(100);
            assertThat(row.retained()).isEqualTo(100L * 1032);
            assertThat(gz.stringValue(st.get("utf16"), 100)).isEqualTo("gr\u00fc\u00dfe \u2713 7");
            assertThat(gz.shallow(st.get("tenRefs"))).isEqualTo(56);
        }
    }

    @Test
    void chunkedGzipMemberIndexIsReusedOnReopen() throws Exception {
        Path cache = java.nio.file.Files.createTempDirectory("inquest-gzcache");
        String before = System.getProperty("inquest.cache");
        System.setProperty("inquest.cache", cache.toString());
        try {
            long members;
            try (var f = dev.inquest.heap.hprof.HprofFile.open(chunked, Progress.NONE)) {
                var g = (dev.inquest.heap.hprof.GzipMemberBytes) f.bytes();
                assertThat(g.loadedFromCache()).isFalse();
                members = g.memberCount();
                assertThat(members).isGreaterThan(1);
            }
            try (var f = dev.inquest.heap.hprof.HprofFile.open(chunked, Progress.NONE)) {
                var g = (dev.inquest.heap.hprof.GzipMemberBytes) f.bytes();
                assertThat(g.loadedFromCache()).isTrue();
                assertThat(g.memberCount()).isEqualTo(members);
                assertThat(f.dumps()).hasSize(1);
            }
        } finally {
            if (before == null) {
                System.clearProperty("inquest.cache");
            } else {
                System.setProperty("inquest.cache", before);
            }
        }
    }
}
