package dev.inquest.link;

import static org.assertj.core.api.Assertions.assertThat;

import dev.inquest.demo.DemoResult;
import dev.inquest.format.Units;
import dev.inquest.investigation.model.Evidence;
import dev.inquest.investigation.model.EvidenceKind;
import dev.inquest.investigation.model.EvidenceView;
import dev.inquest.investigation.model.Figure;
import dev.inquest.investigation.model.Locator;
import dev.inquest.jfr.Recording;
import dev.inquest.jfr.heap.HeapTimeline;
import dev.inquest.jfr.oldobj.OldObjectReport;
import dev.inquest.jfr.stack.EventKind;
import dev.inquest.jfr.stack.StackNode;
import dev.inquest.jfr.stack.StackTree;
import dev.inquest.jfr.stack.StackTreeQuery;
import dev.inquest.jfr.stack.Weight;
import dev.inquest.progress.Progress;
import dev.inquest.testing.DemoFiles;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Evidence drafted from the demo service's recording, figures as the engine read them. */
class RecordingEvidenceTest {
    static DemoResult demo;
    static StackTree alloc;
    static StackTree cpu;
    static HeapTimeline timeline;
    static OldObjectReport old;
    static Instant start;

    @BeforeAll
    static void read() throws Exception {
        demo = DemoFiles.get();
        try (Recording rec = Recording.open(demo.recording(), Progress.NONE)) {
            alloc = rec.stacks(StackTreeQuery.of(EventKind.ALLOC), Progress.NONE);
            cpu = rec.stacks(StackTreeQuery.of(EventKind.CPU), Progress.NONE);
            timeline = rec.heapTimeline(Progress.NONE);
            old = rec.oldObjects(Progress.NONE);
            start = rec.start();
        }
    }

    private static RecordingEvidence.Frame hottest(StackTree t) {
        StackNode n = t.root();
        List<String> stack = new ArrayList<>();
        while (!n.children().isEmpty() && stack.size() < 4) {
            n = n.children().stream().max(Comparator.comparingLong(StackNode::total)).orElseThrow();
            stack.add(n.name());
        }
        return new RecordingEvidence.Frame(n.name(), stack, (double) n.total() / t.total(), n.total(), n.self());
    }

    @Test
    void anAllocationFrameByBytesWithItsRange() {
        RecordingEvidence.Frame f = hottest(alloc);
        assertThat(alloc.weight()).isEqualTo(Weight.BYTES);
        Locator.TimeRange range = new Locator.TimeRange(start, start.plusSeconds(1));
        Evidence e = RecordingEvidence.flameFrame("service.jfr", "A3", true, alloc.weight(), alloc.events(), f, range);

        assertThat(e.kind()).isEqualTo(EvidenceKind.FLAME_FRAME);
        assertThat(e.summary()).isEqualTo("`" + f.label() + "` accounts for " + Units.percent(f.shareOfRoot())
                + " of allocated bytes in service.jfr");
        assertThat(e.figures()).containsExactly(Figure.percent("share", f.shareOfRoot() * 100), Figure.bytes("total", f.total()),
                Figure.bytes("self", f.self()), Figure.count("events in view", alloc.events()));
        assertThat(e.path()).isEqualTo(f.stack());
        assertThat(e.source().view()).isEqualTo(EvidenceView.JFR_ALLOC);
        assertThat(e.source().locator()).containsExactly(Map.entry("frame", String.join(";", f.stack())),
                Map.entry("weight", "bytes"), Map.entry("from", start.toString()), Map.entry("to", start.plusSeconds(1).toString()));
        assertThat(Locator.TimeRange.in(e.source())).contains(range);
        assertThat(Locator.FlameFrame.stackIn(e.source())).contains(f.stack());
    }

    @Test
    void everyEngineWeightHasALocatorWord() {
        for (Weight w : Weight.values()) {
            assertThat(Locator.FlameWeight.valueOf(w.name()).word()).isEqualTo(w.name().toLowerCase(java.util.Locale.ROOT));
        }
    }

    @Test
    void aCpuFrameCountsSamples() {
        RecordingEvidence.Frame f = hottest(cpu);
        Evidence e = RecordingEvidence.flameFrame("service.jfr", "A3", false, cpu.weight(), cpu.events(), f, null);
        assertThat(e.summary()).endsWith(" of CPU samples in service.jfr");
        assertThat(e.figures()).containsExactly(Figure.percent("share", f.shareOfRoot() * 100), Figure.count("total", f.total()),
                Figure.count("self", f.self()), Figure.count("events in view", cpu.events()));
        assertThat(e.source().view()).isEqualTo(EvidenceView.JFR_CPU);
        assertThat(e.source().locator()).containsOnlyKeys("frame", "weight");
    }

    @Test
    void theHeapTrendHasOnePointPerCollection() {
        Evidence e = RecordingEvidence.heapTrend("service.jfr", "A3", timeline, start).orElseThrow();
        List<HeapTimeline.HeapSample> after = timeline.heap().stream().filter(HeapTimeline.HeapSample::afterGc).toList();
        assertThat(e.kind()).isEqualTo(EvidenceKind.HEAP_TREND);
        assertThat(e.figures()).hasSize(after.size()).isNotEmpty();
        assertThat(e.figures()).extracting(Figure::value).containsExactlyElementsOf(after.stream().map(s -> (double) s.used()).toList());
        assertThat(e.figures().getFirst().name()).matches("\\d+\\.\\d s");
        assertThat(e.summary()).isEqualTo(RecordingEvidence.describe(timeline.trend()) + " (service.jfr)");
        assertThat(e.source().view()).isEqualTo(EvidenceView.JFR_HEAP_TREND);
        assertThat(e.source().locator()).isEmpty();
        assertThat(RecordingEvidence.heapTrend("x", "A3", null, start)).isEmpty();
    }

    @Test
    void anOldObjectGroupByTypeAndBySite() {
        OldObjectReport.Group type = old.byType().getFirst();
        Evidence e = RecordingEvidence.oldObjectGroup("service.jfr", "A3", old, type, false);
        assertThat(e.kind()).isEqualTo(EvidenceKind.OLD_OBJECT_SAMPLE);
        assertThat(e.summary()).isEqualTo(Units.count(type.count()) + " old-object samples of `" + type.key()
                + "` still alive at the end of service.jfr");
        assertThat(e.figures().getFirst()).isEqualTo(Figure.count("samples", type.count()));
        assertThat(e.source().locator()).containsExactly(Map.entry("group", type.key()), Map.entry("by", "type"));
        assertThat(old.samples().stream().filter(s -> RecordingEvidence.inGroup(s, type, false)).count()).isEqualTo(type.count());

        OldObjectReport.Group site = old.bySite().getFirst();
        Evidence bySite = RecordingEvidence.oldObjectGroup("service.jfr", "A3", old, site, true);
        assertThat(bySite.summary()).contains(" old-object samples allocated at `" + site.key() + "`");
        assertThat(Locator.OldObjectGroup.in(bySite.source())).contains(new Locator.OldObjectGroup(site.key(), true));
        assertThat(old.samples().stream().filter(s -> RecordingEvidence.inGroup(s, site, true)).count()).isEqualTo(site.count());
    }
}
