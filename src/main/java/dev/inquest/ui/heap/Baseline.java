package dev.inquest.ui.heap;

import dev.inquest.heap.model.Grouping;
import dev.inquest.heap.model.HistogramRow;
import dev.inquest.heap.query.Comparison;
import dev.inquest.ui.heap.compare.GrowthRows;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * An earlier dump chosen to compare with, reduced to what the views show: its histograms by
 * class and package (the histogram's delta columns), the engine's comparison and the growth
 * view's rows. The baseline dump itself is closed once these are taken.
 */
public record Baseline(Path file, Map<Grouping, List<HistogramRow>> histograms, Comparison comparison,
        List<GrowthRows.Row> growth) {
}
