package dev.inquest.link;

import static org.assertj.core.api.Assertions.assertThat;

import dev.inquest.demo.Demo;
import dev.inquest.demo.DemoResult;
import dev.inquest.heap.model.DominatorRow;
import dev.inquest.heap.model.Grouping;
import dev.inquest.heap.model.HeapDump;
import dev.inquest.heap.model.HistogramRow;
import dev.inquest.heap.model.OpenOptions;
import dev.inquest.heap.model.PathStep;
import dev.inquest.investigation.model.Evidence;
import dev.inquest.investigation.model.EvidenceKind;
import dev.inquest.investigation.model.EvidenceView;
import dev.inquest.investigation.model.Figure;
import dev.inquest.investigation.model.FigureUnit;
import dev.inquest.investigation.model.Locator;
import dev.inquest.progress.Progress;
import dev.inquest.testing.DemoFiles;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Heap evidence drafted from the demo service's second dump: figures from the engine, names escaped by format.Markdown. */
class HeapEvidenceTest {
    static DemoResult demo;
    static HeapDump dump;

    @BeforeAll
    static void open() throws Exception {
        demo = DemoFiles.get();
        dump = HeapDump.open(demo.after(), OpenOptions.DEFAULT.withIndexFile(false), Progress.NONE);
    }

    @AfterAll
    static void close() {
        dump.close();
    }

    @Test
    void anObjectPinsItsSizesShareAndPathToAGcRoot() {
        DominatorRow top = dump.topDominators(1).getFirst();
        long used = dump.summary().usedHeap();
        Evidence e = HeapEvidence.ofObject(dump, "/dumps/after.hprof", top.node(), used, Progress.NONE);

        assertThat(e.kind()).isEqualTo(EvidenceKind.DOMINATOR_ROW);
        assertThat(e.figures()).containsExactly(
                new Figure("retained", dump.retained(top.node()), FigureUnit.BYTES),
                new Figure("shallow", dump.shallow(top.node()), FigureUnit.BYTES),
                new Figure("of used heap", 100.0 * dump.retained(top.node()) / used, FigureUnit.PERCENT));
        String cls = dump.className(top.node());
        String address = "0x" + Long.toHexString(dump.address(top.node()));
        assertThat(e.summary()).isEqualTo("`" + cls + "` at " + address + " retains "
                + dev.inquest.format.Units.bytes(dump.retained(top.node())) + " ("
                + dev.inquest.format.Units.percent((double) dump.retained(top.node()) / used) + " of the used heap)");
        List<PathStep> path = dump.pathsToRoots(top.node(), 1, true, Progress.NONE).paths().getFirst();
        assertThat(e.path()).hasSize(path.size()).first().asString().startsWith(path.getFirst().className());
        assertThat(e.source().artifact()).isEqualTo("/dumps/after.hprof");
        assertThat(e.source().view()).isEqualTo(EvidenceView.HEAP_OBJECT);
        assertThat(e.source().locator()).containsExactly(java.util.Map.entry("object", address), java.util.Map.entry("class", cls));
        assertThat(Locator.HeapObject.in(e.source())).contains(new Locator.HeapObject(dump.address(top.node()), cls));
        assertThat(e.id()).isNull();
        assertThat(e.pinned()).isNull();
    }

    @Test
    void aClassPinsItsHistogramRow() {
        HistogramRow h = dump.histogram(Grouping.CLASS).stream().filter(r -> r.name().equals(Demo.LEAKING_CLASS)).findFirst().orElseThrow();
        long used = dump.summary().usedHeap();
        Evidence e = HeapEvidence.ofClass(dump, "A2", Demo.LEAKING_CLASS, used);

        assertThat(e.kind()).isEqualTo(EvidenceKind.HISTOGRAM_ROW);
        assertThat(e.figures()).containsExactly(Figure.count("instances", h.count()), Figure.bytes("shallow", h.shallow()),
                Figure.bytes("retained", h.retained()), Figure.percent("of used heap", 100.0 * h.retained() / used));
        assertThat(h.count()).isEqualTo(demo.leakedAfter());
        assertThat(e.summary()).startsWith(dev.inquest.format.Units.count(h.count()) + " instances of `" + Demo.LEAKING_CLASS + "` retain ");
        assertThat(e.source().view()).isEqualTo(EvidenceView.HEAP_CLASS);
        assertThat(e.source().locator()).containsExactly(java.util.Map.entry("class", Demo.LEAKING_CLASS));
    }

    @Test
    void aClassTheDumpDoesNotHoldIsPinnedByNameAloneInACodeSpanMarkdownEscapes() {
        Evidence e = HeapEvidence.ofClass(dump, "A2", "com.acme.`Odd`", 1);
        assertThat(e.figures()).isEmpty();
        assertThat(e.summary()).isEqualTo(dev.inquest.format.Markdown.code("com.acme.`Odd`")).isEqualTo("`` com.acme.`Odd` ``");
    }
}
