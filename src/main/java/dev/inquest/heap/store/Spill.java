package dev.inquest.heap.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.MemorySegment.Scope;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Where an index build puts the columns its memory budget cannot hold: in files, mapped, so that
 * when memory runs short the kernel writes their pages out and reads them back instead of
 * killing the process. Anonymous memory has nowhere to go on a machine without swap (a laptop's
 * container, a CI runner); a file's pages always do.
 *
 * <p>The decision travels with the arena: {@link #shared()} and {@link #confined()} return arenas
 * whose big allocations ({@link NativeMemory#allocate}) become file mappings, so the graph code
 * that allocates its scratch from an arena it was handed needs no second code path. Each file is
 * unlinked the moment it is mapped: the mapping keeps its blocks until the arena closes, and a
 * process that is killed, cancelled or fails leaves nothing behind on disk.
 */
public final class Spill {
    /** Every column in memory: the build as it was before budgets. */
    public static final Spill NONE = new Spill(null);

    /** Below this a column stays in memory: small arrays are not worth a file and a mapping each. */
    static final long MIN_SPILLED = 4L << 20;

    private final Path folder;
    private final AtomicLong live = new AtomicLong();
    private final AtomicLong peak = new AtomicLong();
    private final AtomicLong total = new AtomicLong();

    private Spill(Path folder) {
        this.folder = folder;
    }

    /** Spills into files created (and at once unlinked) in {@code folder}. */
    public static Spill into(Path folder) {
        return new Spill(folder);
    }

    public boolean active() {
        return folder != null;
    }

    /** A shared arena whose big allocations are spilled (a plain one when nothing is). */
    public Arena shared() {
        return over(Arena.ofShared());
    }

    /** A confined arena whose big allocations are spilled (a plain one when nothing is). */
    public Arena confined() {
        return over(Arena.ofConfined());
    }

    /** {@code arena}, spilling its big allocations when this spill is active. */
    private Arena over(Arena arena) {
        return folder == null || arena instanceof SpillArena ? arena : new SpillArena(arena, this);
    }

    /** Most bytes held in spill files at one time so far. */
    public long peakBytes() {
        return peak.get();
    }

    /** All bytes ever spilled (each file's size once). */
    public long totalBytes() {
        return total.get();
    }

    /** The spill an arena allocates through, or {@link #NONE}. */
    static Spill of(Arena arena) {
        return arena instanceof SpillArena s ? s.spill : NONE;
    }

    /** {@code bytes} of zeroes in a fresh unlinked file, unmapped when {@code owner} closes. */
    MemorySegment map(Arena owner, long bytes) {
        try {
            Files.createDirectories(folder);
            Path file = Files.createTempFile(folder, ".inquest-spill-", ".tmp");
            try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
                // Mapping past the end grows the file sparsely: blocks are taken as pages are written.
                MemorySegment s = ch.map(FileChannel.MapMode.READ_WRITE, 0, bytes, owner);
                long now = live.addAndGet(bytes);
                peak.accumulateAndGet(now, Math::max);
                total.addAndGet(bytes);
                return s.reinterpret(bytes, owner, ignored -> live.addAndGet(-bytes));
            } finally {
                try {
                    Files.deleteIfExists(file);
                } catch (IOException e) {
                    // A platform that cannot unlink a mapped file (Windows): remove it when the JVM ends.
                    file.toFile().deleteOnExit();
                }
            }
        } catch (IOException e) {
            throw new Failed("cannot spill " + bytes + " bytes into " + folder + ": " + e.getMessage(), e);
        }
    }

    /**
     * An arena that marks its allocations as spillable; everything else is its delegate's. The
     * JDK's own mapping code takes any arena through its {@link Scope}, so a file mapped "in" this
     * arena is released with the delegate.
     */
    private record SpillArena(Arena delegate, Spill spill) implements Arena {
        @Override
        public MemorySegment allocate(long byteSize, long byteAlignment) {
            return delegate.allocate(byteSize, byteAlignment);
        }

        @Override
        public Scope scope() {
            return delegate.scope();
        }

        @Override
        public void close() {
            delegate.close();
        }
    }

    /** A spill file could not be created or sized (a full disk, a folder gone). */
    public static final class Failed extends UncheckedIOException {
        Failed(String message, IOException cause) {
            super(message, cause);
        }
    }

    static boolean worthSpilling(long bytes) {
        return bytes >= MIN_SPILLED;
    }
}
