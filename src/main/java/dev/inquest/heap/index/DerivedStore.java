package dev.inquest.heap.index;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Structures a query derives from an index (the instance index, the shortest-path tree, the
 * inbound references) kept in files beside the index file, so that every later open, and every
 * later command-line run, maps them instead of paying seconds to recompute them.
 *
 * <p>A file is a list of raw sections (the structures' own off-heap columns, byte for byte)
 * behind a header that names the index file it was derived from by size and modification time:
 * a rebuilt index makes the old files stale, and they are ignored and replaced. Each section
 * carries a CRC32C, checked when the file is mapped (about 20 ms per 100 MB): a damaged file is
 * recomputed, never trusted, since a wrong node number would send a query astray. Files are
 * written to a temporary name and renamed, not forced: a file torn by a crash fails its
 * checksum. A failed write only costs the next open the recomputation.
 */
public final class DerivedStore {
    private static final long MAGIC = 0x494E51445256_3031L; // "INQDRV01"
    private static final int VERSION = 2;
    private static final int ALIGN = 64;

    /** A store that keeps nothing: dumps opened without an index file. */
    public static final DerivedStore NONE = new DerivedStore(null, 0, 0, 0);

    /**
     * All the files beside a dump (index and derived structures) stay within this share of the
     * dump's (uncompressed) size: a structure that would go beyond it lives for its open only and
     * is recomputed the next time. Laptops that open 40 GB dumps do not have 80 GB to spare.
     */
    public static final double BESIDE_SHARE = 0.6;

    private final Path indexFile;
    private final long indexSize;
    private final long indexModified;
    /** Bytes the derived files together may take. */
    private final long allowance;
    private final List<Thread> writers = new ArrayList<>();
    private volatile boolean closed;
    private final java.util.concurrent.atomic.AtomicInteger loads = new java.util.concurrent.atomic.AtomicInteger();

    private DerivedStore(Path indexFile, long indexSize, long indexModified, long allowance) {
        this.allowance = allowance;
        this.indexFile = indexFile;
        this.indexSize = indexSize;
        this.indexModified = indexModified;
    }

    /**
     * The store beside {@code indexFile}, stamped with its current size and time, keeping what fits
     * {@link #BESIDE_SHARE} of {@code dumpBytes} with the index; {@link #NONE} if it cannot be read.
     */
    public static DerivedStore beside(Path indexFile, long dumpBytes) {
        try {
            long size = Files.size(indexFile);
            return new DerivedStore(indexFile, size, Files.getLastModifiedTime(indexFile).toMillis(),
                    (long) (dumpBytes * BESIDE_SHARE) - size);
        } catch (IOException e) {
            return NONE;
        }
    }

    /** The derived files beside the index now, by name ("inbound", ...), with their sizes. */
    public java.util.Map<String, Long> files() {
        java.util.Map<String, Long> out = new java.util.TreeMap<>();
        if (indexFile == null) {
            return out;
        }
        String prefix = indexFile.getFileName() + ".";
        try (var list = Files.list(indexFile.getParent())) {
            for (Path p : (Iterable<Path>) list::iterator) {
                String name = p.getFileName().toString();
                if (name.startsWith(prefix) && !name.contains(".tmp-") && Files.isRegularFile(p)) {
                    out.put(name.substring(prefix.length()), Files.size(p));
                }
            }
        } catch (IOException | UncheckedIOException e) {
            // A folder we cannot list: nothing counted, and save() finds out when it writes.
        }
        return out;
    }

    /** Where the structure called {@code name} is kept, or null for {@link #NONE}. */
    public Path file(String name) {
        return indexFile == null ? null : indexFile.resolveSibling(indexFile.getFileName() + "." + name);
    }

    /**
     * The sections stored under {@code name}, mapped read-only into an automatic arena (unmapped
     * when the last section is no longer referenced); empty when there is no file, it is stale,
     * or it does not have {@code sections} sections.
     */
    public Optional<List<MemorySegment>> load(String name, int sections) {
        Path file = file(name);
        if (file == null || !Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = ch.size();
            long headerSize = headerSize(sections);
            if (size < headerSize) {
                return Optional.empty();
            }
            ByteBuffer h = ByteBuffer.allocate((int) headerSize).order(ByteOrder.LITTLE_ENDIAN);
            while (h.hasRemaining() && ch.read(h, h.position()) >= 0) {
                // read the whole header
            }
            h.flip();
            if (h.remaining() < headerSize || h.getLong() != MAGIC || h.getInt() != VERSION || h.getInt() != sections
                    || h.getLong() != indexSize || h.getLong() != indexModified) {
                return Optional.empty();
            }
            long[] offset = new long[sections];
            long[] length = new long[sections];
            long[] crc = new long[sections];
            for (int i = 0; i < sections; i++) {
                offset[i] = h.getLong();
                length[i] = h.getLong();
                crc[i] = h.getLong();
                if (offset[i] < headerSize || length[i] < 0 || offset[i] + length[i] > size) {
                    return Optional.empty();
                }
            }
            MemorySegment all = ch.map(FileChannel.MapMode.READ_ONLY, 0, size, Arena.ofAuto());
            List<MemorySegment> out = new ArrayList<>(sections);
            for (int i = 0; i < sections; i++) {
                MemorySegment section = all.asSlice(offset[i], length[i]);
                if (crc32c(section) != crc[i]) {
                    return Optional.empty();
                }
                out.add(section);
            }
            loads.incrementAndGet();
            return Optional.of(out);
        } catch (IOException | RuntimeException e) {
            return Optional.empty(); // unreadable: recompute, as if absent
        }
    }

    /**
     * The structure stored under {@code name}, else a new one, stored for the next open.
     *
     * @param wrap    views the stored sections as the structure, or null when they do not fit this dump
     * @param build   computes the structure
     * @param columns the sections to store for a built one
     */
    public <T> T loadOrBuild(String name, int sections, java.util.function.Function<List<MemorySegment>, T> wrap,
            java.util.function.Supplier<T> build, java.util.function.Function<T, List<MemorySegment>> columns) {
        T stored = load(name, sections).map(wrap).orElse(null);
        if (stored != null) {
            return stored;
        }
        T built = build.get();
        saveLater(name, columns.apply(built));
        return built;
    }

    /**
     * Stores {@code sections} on a thread of its own, so the query that built them answers
     * without waiting for the disk. The thread is not a daemon: a command-line run finishes the
     * file before the JVM exits. {@link #close} waits for it.
     */
    public void saveLater(String name, List<MemorySegment> sections) {
        if (indexFile == null) {
            return;
        }
        synchronized (writers) {
            if (closed) {
                return;
            }
            writers.removeIf(t -> !t.isAlive());
            Thread t = Thread.ofPlatform().name("inquest-derived-" + name).daemon(false).unstarted(() -> save(name, sections));
            writers.add(t);
            t.start();
        }
    }

    /**
     * Lets the writes started so far finish, then refuses new ones: the caller is about to free
     * the memory they read from. Writes go to the page cache (no force: a file torn by a crash
     * fails its checksum and is recomputed), so this waits a fraction of a second at most.
     */
    public void close() {
        synchronized (writers) {
            closed = true;
        }
        awaitSaves();
    }

    /** Waits until the writes started so far have finished (or been abandoned). */
    public void awaitSaves() {
        List<Thread> pending;
        synchronized (writers) {
            pending = List.copyOf(writers);
            writers.clear();
        }
        for (Thread t : pending) {
            dev.inquest.concurrent.Threads.joinUninterruptibly(t);
        }
    }

    /** How many structures this store has handed out from files rather than leaving to be recomputed. */
    public int loads() {
        return loads.get();
    }

    /**
     * Stores {@code sections} under {@code name}. Returns whether the file now holds them; never
     * throws for I/O (a read-only folder, a full disk): the structure then lives for this open only.
     */
    public boolean save(String name, List<MemorySegment> sections) {
        Path file = file(name);
        if (file == null) {
            return false;
        }
        long need = headerSize(sections.size());
        for (MemorySegment s : sections) {
            need = align(need + s.byteSize());
        }
        synchronized (DerivedStore.class) {
            // Within the share beside the dump, counting the others already there (a file being
            // replaced gives its room back). Concurrent saves of one store serialise here.
            long used = 0;
            for (var e : files().entrySet()) {
                used += e.getKey().equals(name) ? 0 : e.getValue();
            }
            if (used + need > allowance) {
                return false;
            }
            return write(name, file, sections);
        }
    }

    private boolean write(String name, Path file, List<MemorySegment> sections) {
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp-" + ProcessHandle.current().pid() + "-"
                + Thread.currentThread().threadId());
        try {
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
                    StandardOpenOption.WRITE)) {
                long headerSize = headerSize(sections.size());
                ByteBuffer h = ByteBuffer.allocate((int) headerSize).order(ByteOrder.LITTLE_ENDIAN);
                h.putLong(MAGIC).putInt(VERSION).putInt(sections.size()).putLong(indexSize).putLong(indexModified);
                long at = headerSize;
                for (MemorySegment s : sections) {
                    h.putLong(at).putLong(s.byteSize()).putLong(crc32c(s));
                    at = align(at + s.byteSize());
                }
                h.flip();
                write(ch, h, 0);
                at = headerSize;
                for (MemorySegment s : sections) {
                    // In slices: a mapped buffer view is limited to 2 GB.
                    for (long done = 0; done < s.byteSize(); ) {
                        long n = Math.min(1L << 30, s.byteSize() - done);
                        write(ch, s.asSlice(done, n).asByteBuffer(), at + done);
                        done += n;
                    }
                    at = align(at + s.byteSize());
                }
            }
            try {
                Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
            return true;
        } catch (IOException | RuntimeException e) {
            try {
                Files.deleteIfExists(tmp);
            } catch (IOException ignored) {
                // nothing more to undo
            }
            return false;
        }
    }

    private static long headerSize(int sections) {
        return align(32 + 24L * sections);
    }

    /** CRC32C of a segment, in slices: a buffer view is limited to 2 GB. */
    static long crc32c(MemorySegment s) {
        java.util.zip.CRC32C crc = new java.util.zip.CRC32C();
        for (long done = 0; done < s.byteSize(); ) {
            long n = Math.min(1L << 30, s.byteSize() - done);
            crc.update(s.asSlice(done, n).asByteBuffer());
            done += n;
        }
        return crc.getValue();
    }

    private static long align(long v) {
        return (v + ALIGN - 1) / ALIGN * ALIGN;
    }

    private static void write(FileChannel ch, ByteBuffer b, long at) throws IOException {
        while (b.hasRemaining()) {
            at += ch.write(b, at);
        }
    }
}
