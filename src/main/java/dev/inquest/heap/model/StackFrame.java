package dev.inquest.heap.model;

/** One frame of a thread's stack trace (FRAME record); {@code line} is HPROF's: &gt;0 line, -1 unknown, -2 compiled, -3 native. */
public record StackFrame(String className, String method, String signature, String sourceFile, int line) {
}
