package dev.inquest.link;

import static org.assertj.core.api.Assertions.assertThat;

import dev.inquest.demo.Demo;
import dev.inquest.demo.DemoResult;
import dev.inquest.heap.model.HeapDump;
import dev.inquest.heap.model.OpenOptions;
import dev.inquest.heap.model.PathStep;
import dev.inquest.jfr.load.JfrSource;
import dev.inquest.jfr.read.OldObjectReader;
import dev.inquest.jfr.oldobj.OldObjectReport;
import dev.inquest.progress.Progress;
import dev.inquest.testing.DemoFiles;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Old-object chains of the demo service's recording looked up in its second heap dump: the
 * recording stops 200 ms after that dump with nothing changed in between, so a sampled receipt's
 * chain leads to a receipt in the receipts map.
 */
class ChainMatcherTest {
    static DemoResult demo;
    static HeapDump dump;
    static OldObjectReport report;

    @BeforeAll
    static void open() throws Exception {
        demo = DemoFiles.get();
        try (JfrSource src = JfrSource.open(demo.recording(), Progress.NONE)) {
            report = OldObjectReader.read(src, Progress.NONE);
        }
        dump = HeapDump.open(demo.after(), OpenOptions.DEFAULT.withIndexFile(false), Progress.NONE);
    }

    @AfterAll
    static void close() {
        dump.close();
    }

    /**
     * A sample whose chain passes through a receipt: a receipt itself, or (the JVM samples what
     * needed a new TLAB, so mostly those) the {@code byte[]} a receipt holds in {@code pdf}.
     */
    static OldObjectReport.Sample receiptSample() {
        return report.samples().stream().filter(s -> s.chain().stream().anyMatch(st -> st.type().equals(Demo.LEAKING_CLASS)))
                .findFirst().orElseThrow(() -> new AssertionError("no sample held by a receipt: " + report.byType()));
    }

    /** The sampled receipt's own chain: the sample's chain down to the receipt. */
    static ReferenceChain receiptChain() {
        ReferenceChain full = ReferenceChain.of(receiptSample());
        List<ReferenceChain.Link> links = full.links();
        int receipt = 0;
        while (!links.get(receipt).className().equals(Demo.LEAKING_CLASS)) {
            receipt++;
        }
        return new ReferenceChain(full.root(), links.subList(0, receipt + 1));
    }

    @Test
    void chainReadsRootSideFirst() {
        OldObjectReport.Sample sample = receiptSample();
        List<ReferenceChain.Link> full = ReferenceChain.of(sample).links();
        assertThat(full.getLast().className()).isEqualTo(sample.type());
        if (!sample.type().equals(Demo.LEAKING_CLASS)) {
            assertThat(full.getLast().field()).isEqualTo("pdf");
        }
        ReferenceChain chain = receiptChain();
        List<ReferenceChain.Link> links = chain.links();
        // class LeakyService .RECEIPTS -> HashMap .table -> HashMap$Node[] [i] -> HashMap$Node .value -> Receipt
        assertThat(links.getFirst().describedClass()).isEqualTo("dev.inquest.demo.service.LeakyService");
        assertThat(links).extracting(ReferenceChain.Link::className).containsExactly("java.lang.Class",
                "java.util.HashMap", "java.util.HashMap$Node[]", "java.util.HashMap$Node", Demo.LEAKING_CLASS);
        assertThat(links.get(1).field()).isEqualTo("RECEIPTS");
        assertThat(links.get(2).field()).isEqualTo("table");
        assertThat(links.get(3).field()).isNull();
        assertThat(links.get(3).index()).isNotNegative();
        assertThat(links.get(4).field()).isEqualTo("value");
    }

    @Test
    void sampledReceiptResolvesToAReceiptInTheReceiptsMap() {
        ReferenceChain chain = receiptChain();
        ChainMatch m = ChainMatcher.match(dump, chain, 5, Progress.NONE);
        assertThat(m.complete()).isTrue();
        assertThat(m.firstStep()).isZero();
        assertThat(m.matchedSteps()).isEqualTo(5);
        // Same run, same moment: the recorded array slot holds the object, so it is the sampled one.
        assertThat(m.exact()).isTrue();
        long node = m.node();
        assertThat(dump.className(node)).isEqualTo(Demo.LEAKING_CLASS);
        long slot = chain.links().get(3).index();
        long table = m.path().get(2);
        assertThat(dump.fieldName(table, m.path().get(3))).isEqualTo("[" + slot + "]");

        // Its shortest path to a GC root runs through the receipts map, as the heap engine finds it on its own.
        List<PathStep> path = dump.pathsToRoots(node, 1, true, Progress.NONE).paths().getFirst();
        List<String> steps = new ArrayList<>();
        for (PathStep s : path) {
            steps.add(s.className() + (s.field() == null ? "" : " ." + s.field()));
        }
        assertThat(steps).containsSubsequence("java.util.HashMap$Node .value", "java.util.HashMap$Node[] .[" + slot + "]",
                "java.util.HashMap .table", "class dev.inquest.demo.service.LeakyService .RECEIPTS");
        // The dominator path ends at the service's class, the top-level dominator that holds the map.
        List<Long> doms = ChainMatcher.dominatorPath(dump, node);
        assertThat(dump.className(doms.getLast())).isEqualTo("class dev.inquest.demo.service.LeakyService");
        assertThat(doms).extracting(dump::className).contains("java.util.HashMap");
    }

    @Test
    void arrayIndexesThatMovedStillMatchByClass() {
        ReferenceChain real = receiptChain();
        List<ReferenceChain.Link> links = new ArrayList<>(real.links());
        ReferenceChain.Link slot = links.get(3);
        // A slot beyond the table: as if the map had been rehashed in another run.
        links.set(3, new ReferenceChain.Link(slot.className(), null, null, 1 << 30, 0));
        ChainMatch m = ChainMatcher.match(dump, new ReferenceChain(real.root(), links), 50, Progress.NONE);
        assertThat(m.complete()).isTrue();
        assertThat(m.exact()).isFalse();
        assertThat(m.matches()).hasSize(50).allSatisfy(n -> assertThat(dump.className(n)).isEqualTo(Demo.LEAKING_CLASS));
        assertThat(m.more()).isTrue();
        assertThat(m.describe()).contains("all 5 links").contains("50+ objects");
    }

    @Test
    void chainCutAtTheTopStartsFromTheFirstKnownClass() {
        List<ReferenceChain.Link> links = new ArrayList<>(receiptChain().links());
        links.set(0, new ReferenceChain.Link("java.lang.Class", "com.example.GoneSinceThatRun", null, -1, 0));
        ChainMatch m = ChainMatcher.match(dump, new ReferenceChain(null, links), 1, Progress.NONE);
        assertThat(m.firstStep()).isEqualTo(1);
        assertThat(m.complete()).isTrue();
        assertThat(dump.className(m.node())).isEqualTo(Demo.LEAKING_CLASS);
        assertThat(m.describe()).contains("4 of 5 links").contains("walk started at java.util.HashMap");
    }

    @Test
    void aFieldTheDumpDoesNotHaveStopsTheWalkWhereItFails() {
        List<ReferenceChain.Link> links = new ArrayList<>(receiptChain().links());
        links.set(2, new ReferenceChain.Link("java.util.HashMap$Node[]", null, "buckets", -1, 0));
        ChainMatch m = ChainMatcher.match(dump, new ReferenceChain(null, links), 1, Progress.NONE);
        assertThat(m.complete()).isFalse();
        assertThat(m.matchedSteps()).isEqualTo(2);
        assertThat(dump.className(m.node())).isEqualTo("java.util.HashMap");
        assertThat(m.describe()).startsWith("Only 2 of 5 links matched: no java.util.HashMap$Node[] in field buckets");

        ChainMatch none = ChainMatcher.match(dump, new ReferenceChain(null, List.of(ReferenceChain.Link.of("com.example.Nope"))),
                1, Progress.NONE);
        assertThat(none.node()).isEqualTo(-1);
        assertThat(none.describe()).isEqualTo("Nothing in the heap dump matches the chain: the dump has no com.example.Nope.");
    }
}
