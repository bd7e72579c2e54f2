package dev.inquest.heap.model;

/** A dominator (or a group of them, then {@code address} is -1 and {@code count} how many). */
public record DominatorRow(long node, long address, String className, long count, long shallow, long retained,
        double percent) {
}
