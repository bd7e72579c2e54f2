package dev.inquest.heap.model;

/**
 * One object on a path to a GC root. {@code field} names the reference from this object to the
 * previous one on the path (the object the path started from is first, its field is null);
 * for the root itself, {@code rootKinds} lists why it is a root.
 */
public record PathStep(long node, long address, String className, String field, String rootKinds) {
}
