package dev.inquest.heap.model;

import dev.inquest.heap.MemoryBudget;

/**
 * How to open a dump.
 *
 * @param dump which heap dump of the file (0-based); -1 picks the last one
 * @param keepUnreachable keep unreachable objects (MAT's option): they are then rooted and counted
 * @param useIndexFile read and write the index file beside the dump (or in the cache directory)
 * @param memory the memory the open may use; null detects it ({@link MemoryBudget#detect()})
 */
public record OpenOptions(int dump, boolean keepUnreachable, boolean useIndexFile, MemoryBudget memory) {
    public static final OpenOptions DEFAULT = new OpenOptions(-1, false, true, null);

    public OpenOptions(int dump, boolean keepUnreachable, boolean useIndexFile) {
        this(dump, keepUnreachable, useIndexFile, null);
    }

    public OpenOptions withDump(int d) {
        return new OpenOptions(d, keepUnreachable, useIndexFile, memory);
    }

    public OpenOptions withIndexFile(boolean use) {
        return new OpenOptions(dump, keepUnreachable, use, memory);
    }

    public OpenOptions withMemory(MemoryBudget budget) {
        return new OpenOptions(dump, keepUnreachable, useIndexFile, budget);
    }
}
