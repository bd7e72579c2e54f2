package dev.inquest.heap.model;

/** A reference between two objects: the other end and the field (or {@code [i]}, {@code <class>}) it goes through. */
public record ObjectRef(long node, long address, String className, String field) {
}
