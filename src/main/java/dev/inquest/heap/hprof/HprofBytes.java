package dev.inquest.heap.hprof;

/**
 * Random access to the uncompressed bytes of a dump, big-endian as HPROF writes them. A plain
 * file is one mapped segment; a {@code jcmd -gz} file is a set of independently inflatable
 * members. Callers bounds-check against {@link #size()} before reading: the scanner treats the
 * end of the data as truncation, never as an exception.
 */
public abstract class HprofBytes implements AutoCloseable {

    /** Number of (uncompressed) bytes available. */
    public abstract long size();

    public abstract int u1(long offset);

    public abstract int u2(long offset);

    /** Signed; callers mask with {@code 0xffffffffL} where the value is a length. */
    public abstract int u4(long offset);

    public abstract long u8(long offset);

    public abstract void read(long offset, byte[] dst, int dstOffset, int length);

    public final long id(long offset, int idSize) {
        return idSize == 4 ? (u4(offset) & 0xffffffffL) : u8(offset);
    }

    public final long u4unsigned(long offset) {
        return u4(offset) & 0xffffffffL;
    }

    /**
     * Reads a few bytes far from the last ones read (a record header after a 1 MB segment) without
     * mapping the pages around them where the source can: a mapped file's page fault brings in a
     * whole readahead window (8 MB on some kernels), so walking a dump's segment headers through
     * the mapping reads the entire file, twice over when memory is short. The default reads
     * through {@link #read}.
     */
    public void readFar(long offset, byte[] dst, int length) {
        read(offset, dst, 0, length);
    }

    public byte[] bytes(long offset, int length) {
        byte[] b = new byte[length];
        read(offset, b, 0, length);
        return b;
    }

    /**
     * Drops this process's resident copy of the data (the OS page cache keeps it, pages come
     * back on the next read). Called between passes so that a big dump's pages do not count
     * against the process's memory while the graph algorithms run.
     */
    public void releaseResident() {
    }

    /**
     * Whether the next pass reads the data in order, once ({@code true}), or at random (false,
     * the default). A sequential pass over a mapped dump then reads ahead, and the pages it has
     * read are the first the kernel reclaims, not the columns the pass keeps using.
     */
    public void readInOrder(boolean inOrder) {
    }

    /**
     * Drops the pages of bytes {@code from .. to-1} from memory altogether (the process's and the
     * page cache's, where the source can): a pass that has read them will not come back, and
     * under a memory limit the kernel would otherwise evict the pages the pass still needs.
     */
    public void dropRange(long from, long to) {
    }

    /** Bytes read since pages were last dropped; see {@link #readAbout}. */
    private final java.util.concurrent.atomic.AtomicLong readSinceRelease = new java.util.concurrent.atomic.AtomicLong();

    /**
     * Readers of a whole pass call this with roughly how many bytes they read; every
     * {@code budget} bytes the mapped pages are dropped. A pass over a mapped dump would otherwise
     * keep all of it resident, and a 1 GB dump's pages alone would exceed the memory the engine
     * aims at (1.5 GB peak for a 1 GB dump). Dropping is safe while other threads read: they
     * fault pages back in from the page cache.
     */
    public void readAbout(long bytes, long budget) {
        long before = readSinceRelease.getAndAdd(bytes);
        if (before / budget != (before + bytes) / budget) {
            releaseResident();
        }
    }

    @Override
    public abstract void close();
}
