package dev.inquest.heap.query;

import java.util.List;

/**
 * Two dumps of one process compared by class, by package and by dominator path, largest growth
 * first. {@code newClasses}: classes loaded in the later dump only; {@code goneClasses} the reverse.
 */
public record Comparison(long usedBefore, long usedAfter, long objectsBefore, long objectsAfter,
        List<ClassDelta> classes, List<ClassDelta> packages, List<DominatorDelta> dominators,
        List<String> newClasses, List<String> goneClasses) {
}
