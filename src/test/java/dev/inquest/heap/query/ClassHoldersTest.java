package dev.inquest.heap.query;

import static org.assertj.core.api.Assertions.assertThat;

import dev.inquest.demo.Demo;
import dev.inquest.demo.DemoResult;
import dev.inquest.heap.index.DumpInternals;
import dev.inquest.heap.model.Grouping;
import dev.inquest.heap.model.HeapDump;
import dev.inquest.heap.model.HistogramRow;
import dev.inquest.heap.model.OpenOptions;
import dev.inquest.progress.Progress;
import dev.inquest.testing.DemoFiles;
import org.junit.jupiter.api.Test;

/** The demo service's leaked receipts, all held by one map: who holds them, from the dominator tree. */
class ClassHoldersTest {
    @Test
    void receiptsAreHeldByTheTableOfTheReceiptsMap() throws Exception {
        DemoResult demo = DemoFiles.get();
        try (HeapDump dump = HeapDump.open(demo.after(), OpenOptions.DEFAULT.withIndexFile(false), Progress.NONE)) {
            ClassHolders.Result r = ClassHolders.of(dump, Demo.LEAKING_CLASS, 10, Progress.NONE);
            HistogramRow row = dump.histogram(Grouping.CLASS).stream().filter(h -> h.name().equals(Demo.LEAKING_CLASS))
                    .findFirst().orElseThrow();
            assertThat(r.instances()).isEqualTo(row.count()).isEqualTo(demo.leakedAfter());
            assertThat(r.retained()).isEqualTo(row.retained());
            assertThat(r.groups()).isEqualTo(1);
            ClassHolders.Holder h = r.holders().getFirst();
            assertThat(h.instances()).isEqualTo(demo.leakedAfter());
            assertThat(h.retained()).isEqualTo(row.retained());
            // The lowest object above every receipt is the map's bucket array; above it the map, then the service's class.
            assertThat(h.holder().className()).isEqualTo("java.util.HashMap$Node[]");
            assertThat(h.above()).extracting(ObjectBrief::className)
                    .containsExactly("java.util.HashMap", "class dev.inquest.demo.service.LeakyService");
            assertThat(dump.fieldName(h.above().get(0).node(), h.holder().node())).isEqualTo("table");
            assertThat(dump.fieldName(h.above().get(1).node(), h.above().get(0).node())).isEqualTo("RECEIPTS");
            assertThat(h.top().node()).isEqualTo(h.above().getLast().node());
            assertThat(DumpInternals.of(dump).dominatorTree().idom(h.top().node())).isEqualTo(-1);

            // A class the dump lacks: nothing, not a failure.
            ClassHolders.Result none = ClassHolders.of(dump, "com.example.Nope", 10, Progress.NONE);
            assertThat(none.instances()).isZero();
            assertThat(none.holders()).isEmpty();
        }
    }
}
