package dev.inquest.ui.heap;

import dev.inquest.heap.query.Comparison;
import java.nio.file.Path;
import java.util.List;

/**
 * An earlier dump chosen to compare with, reduced to what the views show: the engine's comparison
 * (classes and packages for the histogram's delta columns, dominator paths) and the growth view's
 * rows. The baseline dump itself is closed once these are taken.
 */
public record Baseline(Path file, Comparison comparison, List<GrowthRows.Row> growth) {
}
