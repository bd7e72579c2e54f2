package dev.inquest.heap.model;

/** One heap dump inside a file: its 0-based index, where its first record starts, whether it is whole. */
public record DumpChoice(int index, long offset, long records, boolean complete) {
}
