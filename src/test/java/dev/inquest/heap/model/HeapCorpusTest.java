package dev.inquest.heap.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.inquest.heap.graph.DominatorTree;
import dev.inquest.heap.hprof.HeapScan;
import dev.inquest.heap.hprof.HeapScanner;
import dev.inquest.heap.hprof.HprofFile;
import dev.inquest.heap.hprof.Tags;
import dev.inquest.heap.index.ClassInfo;
import dev.inquest.heap.GcRootKind;
import dev.inquest.heap.index.DumpInternals;
import dev.inquest.progress.Progress;
import dev.inquest.testing.Corpus;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Facts published with the public corpus dumps (see ../shared/corpus/README.md). */
class HeapCorpusTest {

    static HeapDump open(Path p) throws Exception {
        return HeapDump.open(p, OpenOptions.DEFAULT.withIndexFile(false), Progress.NONE);
    }

    @Test
    void hprofAgentDumpHasEveryRootKindAndRecordCount() throws Exception {
        Path p = Corpus.file("hprof/hprof-32.bin");
        try (HprofFile f = HprofFile.open(p, Progress.NONE)) {
            assertThat(f.idSize()).isEqualTo(4);
            HeapScan s = HeapScanner.scan(f, f.dumps().getLast(), Progress.NONE);
            assertThat(s.classDumps).isEqualTo(361);
            assertThat(s.instances).isEqualTo(1293);
            assertThat(s.objectArrays).isEqualTo(423);
            assertThat(s.primitiveArrays).isEqualTo(849);
            assertThat(s.rootCountsByKind[Tags.ROOT_UNKNOWN]).isEqualTo(54);
            assertThat(s.rootCountsByKind[Tags.ROOT_THREAD_OBJ]).isEqualTo(8);
            assertThat(s.rootCountsByKind[Tags.ROOT_JNI_GLOBAL]).isEqualTo(395);
            assertThat(s.rootCountsByKind[Tags.ROOT_JNI_LOCAL]).isEqualTo(1);
            assertThat(s.rootCountsByKind[Tags.ROOT_JAVA_FRAME]).isEqualTo(14);
            assertThat(s.rootCountsByKind[Tags.ROOT_STICKY_CLASS]).isEqualTo(381);
            assertThat(s.rootCountsByKind[Tags.ROOT_THREAD_BLOCK]).isEqualTo(7);
            assertThat(s.rootCountsByKind[Tags.ROOT_MONITOR_USED]).isEqualTo(2);
        }
        try (HeapDump d = open(p)) {
            Map<GcRootKind, Long> kinds = d.gcRootCounts();
            assertThat(kinds.get(GcRootKind.JNI_GLOBAL)).isEqualTo(395);
            assertThat(kinds.get(GcRootKind.THREAD_OBJECT)).isEqualTo(8);
            assertThat(d.summary().truncated()).isFalse();
            // Thread-local roots become edges from their thread: the thread's locals are reachable.
            assertThat(d.threads()).hasSize(8);
        }
    }

    /**
     * MAT's overview of these two dumps (its own test dumps) reads 559,856 and 172,688 bytes of used
     * heap. The difference to the sum of the dumped objects is MAT's "<system class loader>", a
     * java.lang.ClassLoader it adds at address 0 for the classes loaded by loader id 0.
     */
    @Test
    void usedHeapIsMatsToTheByte() throws Exception {
        for (var expected : Map.of("hprof/sun_jdk6_32bit.hprof", 559_856L, "hprof/sun_jdk5_64bit.hprof", 172_688L).entrySet()) {
            try (HeapDump d = open(Corpus.file(expected.getKey()))) {
                assertThat(d.summary().usedHeap()).as(expected.getKey()).isEqualTo(expected.getValue());
                long loader = d.node(0);
                assertThat(d.className(loader)).isEqualTo("<system class loader>");
                assertThat(d.shallow(loader)).isEqualTo(expected.getKey().contains("32bit") ? 56 : 136);
                HistogramRow row = d.histogram(Grouping.CLASS).stream()
                        .filter(r -> r.name().equals("java.lang.ClassLoader")).findFirst().orElseThrow();
                assertThat(row.count()).as("the pseudo loader is an instance of java.lang.ClassLoader").isEqualTo(1);
            }
        }
    }

    @Test
    void dominatorExample64bit() throws Exception {
        checkDominatorExample(Corpus.file("hprof/sun_jdk5_64bit.hprof"), 376);
    }

    @Test
    void dominatorExample32bit() throws Exception {
        checkDominatorExample(Corpus.file("hprof/sun_jdk6_32bit.hprof"), 224);
    }

    private static void checkDominatorExample(Path p, long expectedRetained) throws Exception {
        try (HeapDump d = open(p)) {
            var idx = DumpInternals.of(d).index();
            Map<String, Long> node = new HashMap<>();
            for (long v = 0; v < idx.nodeCount(); v++) {
                String c = idx.classOf(v).name();
                if (c.contains("DominatorTestData$") && !idx.isClassObject(v)) {
                    String letter = c.substring(c.lastIndexOf('$') + 1);
                    assertThat(node.put(letter, v)).as("one instance of %s", letter).isNull();
                }
            }
            assertThat(node.keySet()).containsExactlyInAnyOrder("A", "B", "C", "D", "E", "F", "G", "H", "I", "J", "K", "L", "R");
            DominatorTree t = DumpInternals.of(d).dominatorTree();
            long r = node.get("R");
            assertThat(t.retained(r)).isEqualTo(expectedRetained);
            long sum = 0;
            for (long v : node.values()) {
                sum += idx.shallowSize(v);
            }
            assertThat(sum).as("the retained set is exactly the 13 objects").isEqualTo(expectedRetained);
            Set<String> byR = new TreeSet<>();
            for (long i = 0; i < t.childCount(r); i++) {
                byR.add(letter(idx.classOf(t.child(r, i)).name()));
            }
            assertThat(byR).containsExactly("A", "B", "C", "D", "E", "H", "I", "K");
            assertThat(t.idom(node.get("F"))).isEqualTo(node.get("C"));
            assertThat(t.idom(node.get("G"))).isEqualTo(node.get("C"));
            assertThat(t.idom(node.get("L"))).isEqualTo(node.get("D"));
            assertThat(t.idom(node.get("J"))).isEqualTo(node.get("G"));
            assertThat(t.childCount(node.get("C"))).isEqualTo(2);
        }
    }

    private static String letter(String className) {
        return className.substring(className.lastIndexOf('$') + 1);
    }

    @Test
    void compressedOopsAreInferredAndSizesMatchJmap() throws Exception {
        checkHisto("sun_jdk6_30_x64_compressedOops", true, 32);
        checkHisto("sun_jdk6_30_x64_nocompressedOops", false, 40);
    }

    private static void checkHisto(String name, boolean compressed, long stringSize) throws Exception {
        Path dump = Corpus.file("hprof/" + name + ".hprof");
        Path histo = Corpus.file("hprof/" + name + ".jmap-histo.txt");
        Pattern line = Pattern.compile("\\s*\\d+:\\s+(\\d+)\\s+(\\d+)\\s+(\\S+)");
        try (HeapDump d = open(dump)) {
            assertThat(d.summary().compressedOops()).isEqualTo(compressed);
            assertThat(d.summary().idSize()).isEqualTo(8);
            Map<String, ClassInfo> byName = new HashMap<>();
            for (ClassInfo c : DumpInternals.of(d).index().classes()) {
                byName.putIfAbsent(c.name(), c);
            }
            assertThat(byName.get("java.lang.String").instanceShallow()).isEqualTo(stringSize);
            int checked = 0;
            List<String> mismatches = new ArrayList<>();
            for (String l : Files.readAllLines(histo)) {
                Matcher m = line.matcher(l);
                if (!m.matches()) {
                    continue;
                }
                String cls = m.group(3);
                long count = Long.parseLong(m.group(1));
                long bytes = Long.parseLong(m.group(2));
                if (cls.startsWith("<") || cls.startsWith("[") || cls.equals("java.lang.Class") || count == 0) {
                    continue;
                }
                ClassInfo c = byName.get(cls);
                if (c == null) {
                    continue;
                }
                checked++;
                if (c.instanceShallow() != bytes / count) {
                    mismatches.add(cls + " " + c.instanceShallow() + " != " + bytes / count);
                }
            }
            assertThat(mismatches).isEmpty();
            assertThat(checked).isGreaterThan(100);
            long strings = d.histogram(Grouping.CLASS).stream().filter(r -> r.name().equals("java.lang.String"))
                    .findFirst().orElseThrow().count();
            assertThat(strings).isPositive();
        }
    }

    @Test
    void twoDumpsInOneFileCanBeChosen() throws Exception {
        Path p = Corpus.file("hprof/oracle_jdk7_21_hprofagent.hprof");
        List<DumpChoice> dumps = HeapDump.listDumps(p, Progress.NONE);
        assertThat(dumps).hasSize(2);
        assertThat(dumps).allMatch(DumpChoice::complete);
        HeapSummary first;
        HeapSummary last;
        try (HeapDump d = HeapDump.open(p, OpenOptions.DEFAULT.withDump(0).withIndexFile(false), Progress.NONE)) {
            first = d.summary();
        }
        try (HeapDump d = open(p)) {
            last = d.summary();
        }
        assertThat(first.dump()).isZero();
        assertThat(last.dump()).isEqualTo(1);
        assertThat(last.dumps()).isEqualTo(2);
        assertThat(first.objects()).isNotEqualTo(last.objects());
        assertThat(first.objects()).isPositive();
    }

    @Test
    void plainGzipJdk11DumpOpensWithoutUnpacking() throws Exception {
        Path p = Corpus.file("hprof/openjdk_jdk11_04_x64.hprof.gz");
        try (HeapDump d = open(p)) {
            HeapSummary s = d.summary();
            assertThat(s.container()).isEqualTo("gzip");
            assertThat(s.compressedOops()).isTrue();
            assertThat(s.objects() + s.unreachableObjects()).isBetween(180_000L, 195_000L);
            assertThat(s.truncated()).isFalse();
            // JDK 11 strings are compact: a byte[] value plus a coder.
            long strings = 0;
            long readable = 0;
            for (long v = 0; v < DumpInternals.of(d).index().nodeCount() && strings < 200; v++) {
                if (DumpInternals.of(d).index().classOf(v).name().equals("java.lang.String")) {
                    strings++;
                    if (d.stringValue(v, 100) != null) {
                        readable++;
                    }
                }
            }
            assertThat(readable).isEqualTo(strings).isPositive();
        }
    }

    @Test
    void bigPlainGzipDumpIsOneHugeByteArray() throws Exception {
        Path p = Corpus.file("hprof/java_pid1884.0001.hprof.gz");
        try (HeapDump d = open(p)) {
            // The 521 MB byte[] was already garbage when the JVM dumped: MAT leaves it out, so do we.
            HeapSummary s = d.summary();
            assertThat(s.unreachableHeap()).isGreaterThan(521_000_000L);
            assertThat(s.usedHeap()).isLessThan(1_000_000L);
            long biggest = 0;
            for (long v = 0; v < DumpInternals.of(d).index().nodeCount(); v++) {
                biggest = Math.max(biggest, d.shallow(v));
            }
            assertThat(biggest).isGreaterThan(521_000_000L);
        }
    }

    @Test
    void androidDumpGetsOneClearMessage() {
        Path p = Corpus.file("hprof/leak_service_binder.hprof");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> open(p))
                .isInstanceOf(dev.inquest.input.BadInputException.class)
                .hasMessageContaining("Android HPROF 1.0.3 is not supported")
                .hasMessageContaining("at byte 0");
    }
}
