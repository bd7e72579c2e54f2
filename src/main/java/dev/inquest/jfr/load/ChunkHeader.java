package dev.inquest.jfr.load;

/**
 * The fixed 68-byte header every JFR chunk starts with (format 1.x/2.x). Chunks are
 * self-contained (own metadata and constant pools), which is what lets us read them in parallel
 * and keep the complete ones of a recording cut short.
 *
 * @param offset        where the chunk starts in the (uncompressed) file
 * @param size          the chunk's declared size in bytes, header included
 * @param startNanos    chunk start, nanoseconds since the epoch
 * @param durationNanos how long the chunk covers
 */
public record ChunkHeader(long offset, int major, int minor, long size, long constantPoolOffset,
                          long metadataOffset, long startNanos, long durationNanos, long startTicks,
                          long ticksPerSecond, int flags) {

    public static final int SIZE = 68;

    public long end() {
        return offset + size;
    }

    public String version() {
        return major + "." + minor;
    }
}
