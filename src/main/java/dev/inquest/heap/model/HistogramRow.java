package dev.inquest.heap.model;

/**
 * One histogram row: a class (or package, or class loader) with its reachable instances.
 * {@code retained} is the retained size of the set of all those instances.
 */
public record HistogramRow(String name, long count, long shallow, long retained) {
}
