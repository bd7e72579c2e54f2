package dev.inquest.heap.model;

/**
 * How to open a dump.
 *
 * @param dump which heap dump of the file (0-based); -1 picks the last one
 * @param keepUnreachable keep unreachable objects (MAT's option): they are then rooted and counted
 * @param useIndexFile read and write the index file beside the dump (or in the cache directory)
 */
public record OpenOptions(int dump, boolean keepUnreachable, boolean useIndexFile) {
    public static final OpenOptions DEFAULT = new OpenOptions(-1, false, true);

    public OpenOptions withDump(int d) {
        return new OpenOptions(d, keepUnreachable, useIndexFile);
    }

    public OpenOptions withIndexFile(boolean use) {
        return new OpenOptions(dump, keepUnreachable, use);
    }
}
