package dev.inquest.ui.heap.compare;

import static org.assertj.core.api.Assertions.assertThat;

import dev.inquest.heap.query.DominatorDelta;
import dev.inquest.ui.heap.GrowthRows;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The growth view's order of giving way (issue 18): which secondary columns a width holds, and the holders' shorter forms. */
class GrowthColumnsTest {
    @Test
    void secondaryColumnsYieldLeastImportantFirstAndNeverOutOfOrder() {
        double[] wants = {130, 150, 120, 90}; // holders, object counts, whole names, growth bar
        // Name and retained figures take 475: everything fits at 1000 px, nothing but them at 500.
        assertThat(GrowthView.ColumnYield.shown(1000, 475, wants)).isEqualTo(4);
        assertThat(GrowthView.ColumnYield.shown(875, 475, wants)).isEqualTo(3);
        assertThat(GrowthView.ColumnYield.shown(874, 475, wants)).isEqualTo(2);
        assertThat(GrowthView.ColumnYield.shown(670, 475, wants)).isEqualTo(1);
        assertThat(GrowthView.ColumnYield.shown(500, 475, wants)).isZero();
        // The bar would fit in what the counts leave, but a less important column never shows while a more important one is hidden.
        assertThat(GrowthView.ColumnYield.shown(700, 475, wants)).isEqualTo(1);
    }

    @Test
    void holdersShortenToTheNearestHolderWhichIsAtTheEndOfThePath() {
        GrowthRows.Row row = new GrowthRows.Row(new DominatorDelta(
                List.of("class dev.inquest.demo.service.LeakyService", "java.util.concurrent.ConcurrentHashMap", "java.util.HashMap"),
                1, 1, 1_000, 7_000), 42);
        assertThat(GrowthView.holderForms(row)).containsExactly(
                "class dev.inquest.demo.service.LeakyService › java.util.concurrent.ConcurrentHashMap",
                "class d.i.d.s.LeakyService › j.u.c.ConcurrentHashMap",
                "… › j.u.c.ConcurrentHashMap",
                "… › ConcurrentHashMap");
        GrowthRows.Row single = new GrowthRows.Row(new DominatorDelta(
                List.of("class dev.inquest.demo.service.LeakyService", "java.util.HashMap"), 1, 1, 1, 2), 7);
        assertThat(GrowthView.holderForms(single)).containsExactly("class dev.inquest.demo.service.LeakyService",
                "class d.i.d.s.LeakyService", "class d.i.d.s.LeakyService", "class LeakyService");
        GrowthRows.Row top = new GrowthRows.Row(new DominatorDelta(List.of("java.util.HashMap"), 1, 1, 1, 2), 7);
        assertThat(GrowthView.holderForms(top)).containsExactly("(top level: a GC root)", "(GC root)");
    }
}
