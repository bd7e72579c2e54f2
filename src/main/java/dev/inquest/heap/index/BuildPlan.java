package dev.inquest.heap.index;

import dev.inquest.format.Units;
import dev.inquest.heap.MemoryBudget;
import dev.inquest.heap.NotEnoughResourcesException;
import dev.inquest.heap.NotEnoughResourcesException.Resource;
import dev.inquest.heap.hprof.HeapScanner;
import dev.inquest.heap.store.Spill;
import java.io.IOException;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * How an index build fits its memory budget, decided twice: before the scan from the dump's size
 * (the scan's columns), and after it from the object count (the graph and the dominators). A
 * phase whose estimate exceeds the budget builds its big arrays in spill files; the figures do not
 * depend on where the arrays live. Before any work it also checks the two things that would
 * otherwise fail late: a budget too small even to spill, and a disk too full for the files.
 *
 * <p>The estimates come from measurements (docs/benchmarks.md, "Scale"): the build peaks at about
 * {@value #BYTES_PER_OBJECT} bytes an object (columns, edges, the dominator computation's scratch
 * and results), plus the dump's pages a pass keeps resident; the scan keeps 16 bytes an object,
 * and no real record is smaller than {@value #SMALLEST_RECORD} bytes; the index file is counted
 * at 1x the dump (it measures about 0.5x), the spill files at the build's whole peak.
 */
public final class BuildPlan {
    static final long BYTES_PER_OBJECT = 96;
    static final long SCAN_BYTES_PER_OBJECT = 16;
    static final long SMALLEST_RECORD = 29;
    static final long TYPICAL_RECORD = 75;
    /**
     * Below this share of the dump even spilling cannot work: the build's randomly accessed
     * arrays (the id directory while references are resolved, the DFS numbers while the
     * dominators run) must stay resident, or every access is a disk read.
     */
    static final long MIN_SHARE_DIVISOR = 16;
    static final long MIN_BASE = 16L << 20;

    private final Path dump;
    private final long dumpBytes;
    private final MemoryBudget budget;
    private final Path folder;
    private final boolean writesIndex;
    private boolean spilled;

    private BuildPlan(Path dump, long dumpBytes, MemoryBudget budget, Path folder, boolean writesIndex) {
        this.writesIndex = writesIndex;
        this.dump = dump;
        this.dumpBytes = dumpBytes;
        this.budget = budget;
        this.folder = folder;
    }

    /**
     * Checks the budget and the disk for a build of {@code dump} ({@code dumpBytes} of records),
     * spilling into {@code folder}, and writing an index file there when {@code writesIndex}.
     */
    public static BuildPlan check(Path dump, long dumpBytes, MemoryBudget budget, Path folder, boolean writesIndex)
            throws IOException {
        BuildPlan plan = new BuildPlan(dump, dumpBytes, budget, folder, writesIndex);
        long minimum = minimumBudget(dumpBytes);
        if (budget.engineBytes() < minimum) {
            throw new NotEnoughResourcesException(dump, Resource.MEMORY, minimum + (budget.processBytes() - budget.engineBytes()),
                    budget.processBytes(), "memory budget too small to index this dump, even with scratch files on disk",
                    "the budget is " + budget.describe() + "; give Inquest more memory (--memory SIZE, or Settings in the window)");
        }
        // Before the scan the object count is a guess: a typical dump's density (75 bytes a
        // record) gives the spill files' size here; forBuild checks again with the real count.
        plan.checkDisk(budget.engineBytes() < buildEstimate(dumpBytes / TYPICAL_RECORD) ? spillEstimate(dumpBytes / TYPICAL_RECORD) : 0);
        return plan;
    }

    /** The least engine budget a dump of {@code dumpBytes} can be indexed with, spilling. */
    public static long minimumBudget(long dumpBytes) {
        return MIN_BASE + dumpBytes / MIN_SHARE_DIVISOR;
    }

    /** Where the scan puts its object columns: in memory when even the densest dump of this size fits. */
    public Spill forScan() {
        long worst = dumpBytes / SMALLEST_RECORD * SCAN_BYTES_PER_OBJECT + HeapScanner.RESIDENT_BUDGET;
        if (worst <= budget.engineBytes()) {
            return Spill.NONE;
        }
        spilled = true;
        return Spill.into(folder);
    }

    /** Whether a phase of this build spills. */
    public boolean spilled() {
        return spilled;
    }

    /**
     * What to say when the disk filled up under a spilling build after the checks passed (another
     * process wrote there): the kernel could not back a page of a spill file.
     */
    public NotEnoughResourcesException ranOutOfDisk(Throwable cause) {
        long free;
        try {
            free = usableSpace(folder);
        } catch (IOException e) {
            free = 0;
        }
        NotEnoughResourcesException e = new NotEnoughResourcesException(dump, Resource.DISK,
                (writesIndex ? indexEstimate(dumpBytes) : 0) + spillEstimate(dumpBytes / TYPICAL_RECORD), free,
                "the disk filled up in " + folder + " while the index was built there with scratch files",
                "free space there, or give Inquest more memory (--memory SIZE) so less is spilled");
        e.initCause(cause);
        return e;
    }

    /**
     * Where the build and the dominators put their arrays, now that the object count is known;
     * when they spill, first checks the disk again with the real count.
     */
    public Spill forBuild(long objects) throws IOException {
        if (buildEstimate(objects) <= budget.engineBytes()) {
            return Spill.NONE;
        }
        checkDisk(spillEstimate(objects));
        spilled = true;
        return Spill.into(folder);
    }

    private void checkDisk(long spill) throws IOException {
        long disk = (writesIndex ? indexEstimate(dumpBytes) : 0) + spill;
        long free = usableSpace(folder);
        if (disk > free) {
            String what = spill > 0 ? "not enough disk space in " + folder + " for the index and the scratch files"
                    + " of a dump bigger than the memory budget (" + Units.bytes(budget.engineBytes()) + " for the index build)"
                    : "not enough disk space in " + folder + " for the index file";
            throw new NotEnoughResourcesException(dump, Resource.DISK, disk, free, what,
                    "free space there" + (spill > 0 ? ", or give Inquest more memory (--memory SIZE) so less is spilled" : ""));
        }
    }

    static long buildEstimate(long objects) {
        return objects * BYTES_PER_OBJECT + HeapScanner.RESIDENT_BUDGET;
    }

    static long indexEstimate(long dumpBytes) {
        return dumpBytes;
    }

    /** The spill files' peak: the build's arrays, all of them at worst. */
    static long spillEstimate(long objects) {
        return objects * BYTES_PER_OBJECT;
    }

    private static long usableSpace(Path folder) throws IOException {
        Path p = folder;
        while (p != null && !Files.exists(p)) {
            p = p.getParent();
        }
        if (p == null) {
            return Long.MAX_VALUE;
        }
        FileStore store = Files.getFileStore(p);
        return store.getUsableSpace();
    }
}
