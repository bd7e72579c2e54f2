package dev.inquest.heap.model;

import java.util.List;

/**
 * The overview figures, named as the CLI's JSON names them. {@code objects} and {@code usedHeap}
 * are what MAT's overview shows: reachable objects (class objects included) and their shallow sum.
 * When {@code truncated} is set every figure covers only the part of the dump that was readable;
 * {@code problems} says what is missing and where.
 */
public record HeapSummary(String file, String format, String container, int idSize, boolean compressedOops,
        int objectAlignment, long objects, long classes, long gcRoots, long usedHeap, long unreachableObjects,
        long unreachableHeap, boolean truncated, List<String> problems, int dump, int dumps, long parseMillis) {
}
