package dev.inquest.heap.model;

import java.util.List;

/** A thread object (THREAD_OBJECT root) with its stack trace and how much it retains. */
public record ThreadInfo(long serial, long node, long address, String name, String className, long retained,
        List<StackFrame> frames) {
}
