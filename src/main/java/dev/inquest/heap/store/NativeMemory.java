package dev.inquest.heap.store;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.util.Locale;

/**
 * Big off-heap arrays from anonymous {@code mmap} rather than {@link Arena#allocate}.
 *
 * <p>Both are zero-filled, but {@code Arena.allocate} writes the zeros itself: every page of a
 * 120 MB column is touched (and counted in the resident set) the moment it is allocated, and
 * scratch space reserved for a worst case costs its full size. The kernel's anonymous pages cost
 * nothing until first written, and {@code munmap} hands them back to the system as soon as the
 * arena closes (a freed malloc block may stay in the process). That is most of the difference
 * between the engine's peak RSS and its working set on a 1 GB dump.
 *
 * <p>Linux and macOS; elsewhere, and for small requests, it falls back to the arena. An arena
 * from a {@link Spill} gets its big arrays from files instead, when the memory budget is short.
 */
public final class NativeMemory {
    /** Below this, pages are not worth a system call each way. */
    static final long MIN_MAPPED = 1L << 20;
    /** The page size big allocations are advised to use: ranges faulted in piece by piece come in these. */
    public static final long HUGE_PAGE = 2L << 20;

    private static final MethodHandle MMAP;
    private static final MethodHandle MUNMAP;
    private static final MethodHandle MADVISE;
    private static final int MAP_FLAGS;
    /** Linux's MADV_HUGEPAGE: 2 MB pages for this range when THP is in "madvise" mode. */
    private static final int MADV_HUGEPAGE = 14;

    static {
        MethodHandle mmap = null;
        MethodHandle munmap = null;
        MethodHandle madvise = null;
        int flags = 0;
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        boolean linux = os.startsWith("linux");
        boolean mac = os.startsWith("mac");
        if ((linux || mac) && !Boolean.getBoolean("inquest.noMmapArrays")) {
            try {
                Linker linker = Linker.nativeLinker();
                mmap = linker.downcallHandle(linker.defaultLookup().find("mmap").orElseThrow(),
                        FunctionDescriptor.of(ValueLayout.ADDRESS, ValueLayout.ADDRESS, ValueLayout.JAVA_LONG,
                                ValueLayout.JAVA_INT, ValueLayout.JAVA_INT, ValueLayout.JAVA_INT, ValueLayout.JAVA_LONG));
                munmap = linker.downcallHandle(linker.defaultLookup().find("munmap").orElseThrow(),
                        FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.ADDRESS, ValueLayout.JAVA_LONG));
                if (linux) {
                    madvise = linker.downcallHandle(linker.defaultLookup().find("madvise").orElseThrow(),
                            FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.ADDRESS, ValueLayout.JAVA_LONG,
                                    ValueLayout.JAVA_INT));
                }
                // MAP_PRIVATE | MAP_ANONYMOUS (0x20 on Linux, MAP_ANON 0x1000 on macOS) | MAP_NORESERVE on Linux:
                // reservations sized for a worst case must not count against overcommit.
                flags = 0x02 | (linux ? 0x20 | 0x4000 : 0x1000);
            } catch (Throwable t) {
                // No native access (a restricted JVM): the arena's own allocation still works.
                mmap = null;
                munmap = null;
                madvise = null;
            }
        }
        MMAP = mmap;
        MUNMAP = munmap;
        MADVISE = madvise;
        MAP_FLAGS = flags;
    }

    private NativeMemory() {
    }

    /** {@code bytes} of zeroes, 8-byte aligned, released when {@code arena} closes. */
    public static MemorySegment allocate(Arena arena, long bytes) {
        Spill spill = Spill.of(arena);
        if (spill.active() && Spill.worthSpilling(bytes)) {
            return spill.map(arena, bytes);
        }
        if (MMAP == null || bytes < MIN_MAPPED) {
            return arena.allocate(Math.max(1, bytes), Long.BYTES);
        }
        MemorySegment at;
        try {
            at = (MemorySegment) MMAP.invokeExact(MemorySegment.NULL, bytes, 0x1 | 0x2, MAP_FLAGS, -1, 0L);
        } catch (Throwable t) {
            throw new IllegalStateException("mmap failed", t);
        }
        if (at.address() == -1L || at.address() == 0L) {
            // Out of address space or memory: let the arena try (and fail with Java's own error).
            return arena.allocate(bytes, Long.BYTES);
        }
        if (MADVISE != null && bytes >= HUGE_PAGE) {
            // Every 4 KB page of a fresh column is a fault of its own (600k of them on a 15M-object
            // dump, a third of the system's CPU time); 2 MB pages make that a thousand. Advice only:
            // a refusal changes nothing but speed.
            try {
                int ignored = (int) MADVISE.invokeExact(at, bytes, MADV_HUGEPAGE);
            } catch (Throwable t) {
                // As above.
            }
        }
        long size = bytes;
        return at.reinterpret(bytes, arena, s -> {
            try {
                int rc = (int) MUNMAP.invokeExact(MemorySegment.ofAddress(s.address()), size);
                assert rc == 0;
            } catch (Throwable t) {
                throw new IllegalStateException("munmap failed", t);
            }
        });
    }

    /** How a mapped range will be read, for the kernel's readahead and page reclaim ({@link #advise}). */
    public enum Access {
        /** The default: a fault reads the pages around it (a readahead window, up to megabytes). */
        NORMAL(0),
        /** Read-ahead in the reading direction, and pages once read are reclaimed before others. */
        SEQUENTIAL(2),
        /** A fault reads its own page only. */
        RANDOM(1),
        /** Done with for now: written back if dirty and dropped, so that other pages need not be. */
        PAGE_OUT(21),
        /**
         * About to be written: the kernel allocates and zeroes the pages now (Linux 5.14 and later),
         * contents unchanged, so a second thread can take the faults off the one that will use them.
         */
        POPULATE(23);

        final int advice;

        Access(int advice) {
            this.advice = advice;
        }
    }

    /**
     * Tells the kernel how {@code segment} (a mapping, page aligned) will be read; Linux only,
     * advice only: elsewhere, or when refused, nothing changes but speed.
     */
    public static void advise(MemorySegment segment, Access access) {
        if (MADVISE == null || segment.byteSize() == 0 || segment.address() % 4096 != 0) {
            return;
        }
        try {
            int ignored = (int) MADVISE.invokeExact(segment, segment.byteSize(), access.advice);
        } catch (Throwable t) {
            // As in allocate: advice only.
        }
    }

    /** As {@link #advise} for the whole pages within bytes {@code from .. to-1} of {@code segment}. */
    public static void advise(MemorySegment segment, long from, long to, Access access) {
        long start = segment.address() + Math.max(0, from);
        long end = segment.address() + Math.min(segment.byteSize(), to);
        long first = (start + 4095) & ~4095L;
        long last = end & ~4095L;
        if (last > first) {
            advise(segment.asSlice(first - segment.address(), last - first), access);
        }
    }

    /** Whether big allocations come from the kernel's lazily committed pages on this platform. */
    public static boolean lazy() {
        return MMAP != null;
    }
}
