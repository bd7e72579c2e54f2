package dev.inquest.heap;

import dev.inquest.format.Units;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.OptionalLong;

/**
 * The memory an open may use, and where that figure comes from. The engine plans its build to
 * fit: what does not fit is built in files the kernel may page out (see {@code heap.store.Spill})
 * rather than in memory the kernel would have to kill the process to get back.
 *
 * @param processBytes the whole process's allowance, as the kernel counts it (JVM, columns, page cache)
 * @param engineBytes  what the index build may hold: the allowance less what the JVM keeps for itself
 * @param source       where the allowance comes from
 */
public record MemoryBudget(long processBytes, long engineBytes, Source source) {
    /** Where a budget comes from, named in messages so the user knows which knob to turn. */
    public enum Source {
        /** {@code --memory SIZE} on the command line, or Settings in the window. */
        SETTING("your memory setting"),
        /** A cgroup limit (v1 {@code memory.limit_in_bytes} or v2 {@code memory.max}): a container. */
        CONTAINER("the container's memory limit"),
        /** The machine's physical memory. */
        MACHINE("the machine's memory");

        private final String phrase;

        Source(String phrase) {
            this.phrase = phrase;
        }

        public String phrase() {
            return phrase;
        }
    }

    /** What the JVM itself needs beside its heap: metaspace, code, thread stacks, GC structures. */
    private static final long JVM_NATIVE = 96L << 20;

    public MemoryBudget {
        if (processBytes <= 0 || engineBytes < 0 || source == null) {
            throw new IllegalArgumentException("memory budget " + processBytes + "/" + engineBytes + " from " + source);
        }
    }

    /** The container's limit where there is one, else the machine's memory. */
    public static MemoryBudget detect() {
        long machine = physicalMemory();
        OptionalLong limit = cgroupLimit();
        if (limit.isPresent() && limit.getAsLong() < machine) {
            return forProcess(limit.getAsLong(), Source.CONTAINER);
        }
        return forProcess(machine, Source.MACHINE);
    }

    /** The user's setting for the whole process ({@code --memory}), capped by what is really there. */
    public static MemoryBudget setting(long processBytes) {
        MemoryBudget there = detect();
        if (processBytes >= there.processBytes()) {
            return there;
        }
        return forProcess(processBytes, Source.SETTING);
    }

    /** The window's setting: a share of the machine's memory (Settings, "Maximum memory"). */
    public static MemoryBudget shareOfMachine(int percent) {
        return setting(Math.max(1, physicalMemory() / 100 * Math.clamp(percent, 1, 100)));
    }

    /** A budget for the index build alone (embedding, tests): the JVM's own needs are the caller's. */
    public static MemoryBudget engine(long engineBytes) {
        return new MemoryBudget(Math.max(1, engineBytes), engineBytes, Source.SETTING);
    }

    /** {@code processBytes} less the JVM's heap (as far as it may grow) and its native needs. */
    static MemoryBudget forProcess(long processBytes, Source source) {
        Runtime rt = Runtime.getRuntime();
        // The heap is counted at what it holds now, or 256 MB, whichever is more (but never beyond
        // its cap): a build keeps its columns off the heap, so the heap stays small while it runs.
        long heap = Math.min(rt.maxMemory(), Math.max(rt.totalMemory(), 256L << 20));
        return new MemoryBudget(processBytes, Math.max(0, processBytes - heap - JVM_NATIVE), source);
    }

    /** What a phase that spills says after its name: "on disk, over the 1.5 GB memory budget". */
    public String spillNote() {
        return "on disk, over the " + Units.bytes(processBytes) + " memory budget";
    }

    /** "1.5 GB (the container's memory limit)". */
    public String describe() {
        return Units.bytes(processBytes) + " (" + source.phrase() + ")";
    }

    /**
     * A size as people write it: {@code 1536m}, {@code 1.5g}, {@code 2GB}, {@code 800M},
     * {@code 1073741824} (binary multiples, as the JVM's {@code -Xmx} means them).
     */
    public static long parseSize(String text) {
        String t = text.strip().toLowerCase(Locale.ROOT).replace("_", "");
        if (t.endsWith("ib")) {
            t = t.substring(0, t.length() - 2);
        } else if (t.endsWith("b") && t.length() > 1 && Character.isLetter(t.charAt(t.length() - 2))) {
            t = t.substring(0, t.length() - 1);
        }
        long unit = 1;
        if (!t.isEmpty()) {
            switch (t.charAt(t.length() - 1)) {
                case 'k' -> unit = 1L << 10;
                case 'm' -> unit = 1L << 20;
                case 'g' -> unit = 1L << 30;
                case 't' -> unit = 1L << 40;
                default -> unit = 1;
            }
        }
        if (unit != 1) {
            t = t.substring(0, t.length() - 1).strip();
        }
        double v;
        try {
            v = Double.parseDouble(t);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + text + "' is not a size (examples: 1536m, 1.5g, 2GB)");
        }
        if (!(v > 0) || v * unit >= Long.MAX_VALUE) {
            throw new IllegalArgumentException("'" + text + "' is not a positive size");
        }
        return (long) (v * unit);
    }

    static long physicalMemory() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getTotalMemorySize();
        }
        return Runtime.getRuntime().maxMemory() * 4;
    }

    /**
     * The tightest memory limit of this process's cgroup and its ancestors: cgroup v2's
     * {@code memory.max}, or v1's {@code memory.limit_in_bytes} in the memory hierarchy. Empty
     * outside Linux, outside a limited cgroup, or when the files cannot be read.
     */
    static OptionalLong cgroupLimit() {
        Path self = Path.of("/proc/self/cgroup");
        if (!Files.isReadable(self)) {
            return OptionalLong.empty();
        }
        try {
            return cgroupLimit(Files.readAllLines(self), Path.of("/sys/fs/cgroup"));
        } catch (IOException | RuntimeException e) {
            return OptionalLong.empty();
        }
    }

    /** {@link #cgroupLimit()} over a given {@code /proc/self/cgroup} and cgroup mount root (tests). */
    static OptionalLong cgroupLimit(List<String> procSelfCgroup, Path root) throws IOException {
        long best = Long.MAX_VALUE;
        for (String line : procSelfCgroup) {
            String[] parts = line.split(":", 3);
            if (parts.length < 3) {
                continue;
            }
            boolean v2 = parts[0].equals("0") && parts[1].isEmpty();
            boolean v1 = List.of(parts[1].split(",")).contains("memory");
            if (!v1 && !v2) {
                continue;
            }
            Path base = v1 ? root.resolve("memory") : root;
            String file = v1 ? "memory.limit_in_bytes" : "memory.max";
            // Walk up to the mount root: a parent's limit binds its children too.
            Path dir = base.resolve(parts[2].replaceFirst("^/", ""));
            while (dir != null && dir.startsWith(base)) {
                Path f = dir.resolve(file);
                if (Files.isReadable(f)) {
                    String v = Files.readString(f).strip();
                    if (!v.equals("max") && !v.isEmpty()) {
                        long bytes = Long.parseLong(v);
                        // v1 writes "no limit" as a huge page-aligned number.
                        if (bytes > 0 && bytes < (1L << 60)) {
                            best = Math.min(best, bytes);
                        }
                    }
                }
                dir = dir.equals(base) ? null : dir.getParent();
            }
        }
        return best == Long.MAX_VALUE ? OptionalLong.empty() : OptionalLong.of(best);
    }
}
