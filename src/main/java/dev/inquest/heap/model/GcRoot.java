package dev.inquest.heap.model;

import dev.inquest.heap.GcRootKind;

/** A GC root record: the object, its kind, and the thread serial for thread-local kinds (0 otherwise). */
public record GcRoot(long node, long address, String className, GcRootKind kind, long threadSerial) {
}
