package dev.inquest.heap.model;

import dev.inquest.heap.GcRootKind;
import dev.inquest.heap.MemoryBudget;
import dev.inquest.heap.graph.DominatorTree;
import dev.inquest.heap.graph.Dominators;
import dev.inquest.heap.graph.EdgeFilter;
import dev.inquest.heap.graph.InboundEdges;
import dev.inquest.heap.graph.IndexArray;
import dev.inquest.heap.graph.ShortestPaths;
import dev.inquest.heap.hprof.DumpRecords;
import dev.inquest.heap.hprof.HeapScan;
import dev.inquest.heap.hprof.HeapScanner;
import dev.inquest.heap.hprof.HprofBytes;
import dev.inquest.heap.hprof.HprofFile;
import dev.inquest.heap.hprof.RecordLayout;
import dev.inquest.heap.hprof.Tags;
import dev.inquest.heap.hprof.Truncation;
import dev.inquest.heap.index.BuildPlan;
import dev.inquest.heap.index.ClassInfo;
import dev.inquest.heap.index.DerivedStore;
import dev.inquest.heap.index.DumpInternals;
import dev.inquest.heap.index.GcRoots;
import dev.inquest.heap.index.HeapIndex;
import dev.inquest.heap.index.HeapIndexBuilder;
import dev.inquest.heap.index.IndexFile;
import dev.inquest.heap.store.LongArray;
import dev.inquest.heap.store.LongList;
import dev.inquest.heap.store.Spill;
import dev.inquest.input.BadInputException;
import dev.inquest.input.GzipCache;
import dev.inquest.progress.Progress;
import java.io.IOException;
import java.lang.foreign.Arena;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * An opened heap dump: the public face of the heap engine for the window and the command line.
 * Answers with records and node numbers (a node is an object's dense index in this dump); reads
 * field values and strings from the dump on demand. The accessors marked engine-internal return
 * types of the internal packages and are for {@code heap.query} only (see package-info).
 */
public final class HeapDump implements AutoCloseable {
    private final HprofFile file;
    private final HeapIndex index;
    private final DominatorTree tree;
    private final List<String> problems;
    private final int dumpIndex;
    private final int dumpCount;
    private final long parseMillis;
    private final Arena arena;

    HeapDump(HprofFile file, HeapIndex index, DominatorTree tree, List<String> problems, int dumpIndex, int dumpCount,
            long parseMillis, Arena arena) {
        this.file = file;
        this.index = index;
        this.tree = tree;
        this.problems = List.copyOf(problems);
        this.dumpIndex = dumpIndex;
        this.dumpCount = dumpCount;
        this.parseMillis = parseMillis;
        this.arena = arena;
    }

    /** The heap dumps a file holds (most hold one; the old hprof agent could write several). */
    public static List<DumpChoice> listDumps(Path path, Progress progress) throws IOException {
        try (HprofFile f = HprofFile.open(path, progress)) {
            List<DumpChoice> out = new ArrayList<>();
            for (DumpRecords d : f.dumps()) {
                out.add(new DumpChoice(d.index(), d.firstRecord(), d.records(), d.complete()));
            }
            return out;
        }
    }

    public static HeapDump open(Path path, OpenOptions options, Progress progress) throws IOException {
        return open(path, options, null, progress);
    }

    /**
     * As {@link #open(Path, OpenOptions, Progress)}; when the file holds several dumps and
     * {@code options} names none, {@code chooser} (if not null) picks one on this thread, after the
     * one pass over the file's records that finds them (the window asks the user, and no longer
     * reads the records twice: once to list the dumps, once to open one). An empty choice cancels.
     */
    public static HeapDump open(Path path, OpenOptions options,
            java.util.function.Function<List<DumpChoice>, java.util.Optional<DumpChoice>> chooser, Progress progress)
            throws IOException {
        return open(path, options, chooser, progress, null);
    }

    /** Builds the index file of one dump of a file elsewhere (a child JVM, {@link IndexBuildProcess}). */
    @FunctionalInterface
    interface IndexBuilder {
        /** Returns once the index of dump {@code which} is written; throws what an open in this process would. */
        void build(int which) throws IOException;
    }

    /**
     * As {@link #open(Path, OpenOptions, java.util.function.Function, Progress)}; when the dump has no
     * index file yet and {@code builder} is not null, the builder writes it and this process maps it
     * (the reopen's path), building here only when no index could be written.
     */
    static HeapDump open(Path path, OpenOptions options,
            java.util.function.Function<List<DumpChoice>, java.util.Optional<DumpChoice>> chooser, Progress progress,
            IndexBuilder builder) throws IOException {
        long t0 = System.nanoTime();
        HprofFile f = HprofFile.open(path, progress);
        // Released on failure or cancel too: the index and tree live in shared arenas, which no GC frees.
        HeapIndex built = null;
        Arena treeArena = null;
        IndexFile.Writer writer = null;
        BuildPlan plan = null;
        try {
            List<DumpRecords> dumps = f.dumps();
            if (dumps.isEmpty()) {
                if (!f.problems().isEmpty()) {
                    Truncation t = f.problems().getFirst();
                    throw new BadInputException(path, "no heap dump could be read: " + t.what(), t.offset());
                }
                throw new BadInputException(path, "the file holds no heap dump records (HEAP_DUMP or HEAP_DUMP_SEGMENT)",
                        f.bytes().size());
            }
            int wanted = options.dump();
            if (wanted < 0 && chooser != null && dumps.size() > 1) {
                List<DumpChoice> choices = new ArrayList<>();
                for (DumpRecords d : dumps) {
                    choices.add(new DumpChoice(d.index(), d.firstRecord(), d.records(), d.complete()));
                }
                wanted = chooser.apply(choices).orElseThrow(() -> new java.util.concurrent.CancellationException("no dump chosen"))
                        .index();
            }
            int which = wanted < 0 ? dumps.size() - 1 : wanted;
            if (which >= dumps.size()) {
                throw new BadInputException(path, "the file holds " + dumps.size() + " heap dump(s), numbered 0 to "
                        + (dumps.size() - 1) + "; there is no dump " + wanted, -1);
            }
            IndexFile.Stamp stamp = options.useIndexFile() ? IndexFile.Stamp.of(path, which, options.keepUnreachable()) : null;
            if (stamp != null) {
                progress.phase("Opening index", -1, Progress.Unit.ITEMS);
                Path indexFile = IndexFile.location(path, false);
                IndexFile.Loaded loaded = IndexFile.read(indexFile, stamp, f);
                if (loaded != null) {
                    HeapDump d = mapped(f, loaded, indexFile, which, dumps.size(), t0);
                    d.fromIndex = true;
                    return d;
                }
                if (builder != null) {
                    builder.build(which);
                    loaded = IndexFile.read(IndexFile.location(path, false), stamp, f);
                    if (loaded != null) {
                        return mapped(f, loaded, IndexFile.location(path, false), which, dumps.size(), t0);
                    }
                    // No index could be written there (a full disk, a read-only cache): build it here.
                }
            }
            Path folder = stamp != null ? IndexFile.location(path, true).getParent() : GzipCache.cacheDir();
            MemoryBudget budget = options.memory() != null ? options.memory() : MemoryBudget.detect();
            plan = BuildPlan.check(path, f.bytes().size(), budget, folder, stamp != null);
            Spill scanSpill = plan.forScan();
            // Spilling phases say so where their progress shows: they take longer, and this is why.
            String onDisk = budget.spillNote();
            HeapScan scan = HeapScanner.scan(f, dumps.get(which), scanSpill,
                    scanSpill.active() ? Progress.noting(progress, onDisk) : progress);
            List<String> problems = new ArrayList<>();
            for (Truncation t : f.problems()) {
                problems.add(t.what());
            }
            if (scan.stoppedAt != null) {
                problems.add(scan.stoppedAt.what());
            }
            if (!dumps.get(which).complete() && problems.isEmpty()) {
                problems.add("heap dump " + which + " is incomplete");
            }
            Spill spill;
            try {
                spill = plan.forBuild(scan.objectCount());
            } catch (IOException e) {
                scan.releaseObjects();
                throw e;
            }
            Progress building = spill.active() ? Progress.noting(progress, onDisk) : progress;
            HeapIndex index = HeapIndexBuilder.build(f, scan, options.keepUnreachable(), spill, building);
            built = index;
            for (Truncation t : scan.damage) {
                problems.add(t.what());
            }
            if (stamp != null) {
                try {
                    writer = IndexFile.Writer.start(IndexFile.location(path, true), index);
                } catch (IOException e) {
                    // The index only makes the next open fast; this analysis goes on without it.
                }
            }
            Arena arena = spill.shared();
            treeArena = arena;
            DominatorTree tree = Dominators.compute(index, building, arena, spill);
            if (writer != null) {
                progress.phase("Writing index", -1, Progress.Unit.ITEMS);
                Path written = null;
                try (IndexFile.Writer w = writer) {
                    writer = null;
                    written = w.finish(stamp, tree, problems);
                } catch (IOException e) {
                    // As above: a missing index costs the next open time, nothing else.
                }
                // Work from the file just written, as a reopen would: its pages are the page cache's
                // to evict, so a long session holds a few hundred MB instead of every column.
                IndexFile.Loaded loaded = written == null ? null : IndexFile.read(written, stamp, f);
                if (loaded != null) {
                    index.closeColumns();
                    built = loaded.index();
                    arena.close();
                    treeArena = null;
                    HeapDump d = mapped(f, loaded, written, which, dumps.size(), t0);
                    d.spilledBytes = spilled(scanSpill, spill);
                    return d;
                }
            }
            long ms = (System.nanoTime() - t0) / 1_000_000;
            HeapDump d = new HeapDump(f, index, tree, problems, which, dumps.size(), ms, arena);
            d.spilledBytes = spilled(scanSpill, spill);
            return d;
        } catch (IOException | RuntimeException | Error e) {
            if (writer != null) {
                try {
                    writer.close(); // before the index: it reads the index's arrays
                } catch (IOException suppressed) {
                    e.addSuppressed(suppressed);
                }
            }
            if (treeArena != null) {
                treeArena.close();
            }
            if (built != null) {
                built.close(); // closes f as well
            } else {
                f.close();
            }
            if (e instanceof BadInputException && f.dumps().isEmpty()) {
                f.discardCopy(); // a plain gzip's inflated copy that holds no dump would only take disk
            }
            if (plan != null && plan.spilled() && e instanceof Spill.Failed) {
                throw plan.ranOutOfDisk(e);
            }
            if (faultOnMappedPage(e)) {
                // The kernel could not back a page of a mapping: a spill file's when the disk filled
                // up after the checks (another process wrote there), else the dump's own (changed or
                // cut while we read it). Said as such, not as the JVM's "internal error".
                if (plan != null && plan.spilled()) {
                    throw plan.ranOutOfDisk(e);
                }
                throw new BadInputException(path, "the file changed or could not be read while it was indexed"
                        + " (a page of it could not be read)", -1, e);
            }
            throw e;
        }
    }

    /** The JVM's report of a SIGBUS on a mapped page (an InternalError, possibly rethrown with it as the cause). */
    private static boolean faultOnMappedPage(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof InternalError && String.valueOf(t.getMessage()).contains("unsafe memory access")) {
                return true;
            }
        }
        return false;
    }

    private static HeapDump mapped(HprofFile f, IndexFile.Loaded loaded, Path indexFile, int which, int dumps, long t0) {
        long ms = (System.nanoTime() - t0) / 1_000_000;
        HeapDump d = new HeapDump(f, loaded.index(), loaded.tree(), loaded.problems(), which, dumps, ms, Arena.ofShared());
        d.derivedStore = DerivedStore.beside(indexFile, f.bytes().size());
        return d;
    }

    private DerivedStore derivedStore = DerivedStore.NONE;

    private boolean fromIndex;

    /** Most bytes the build held in spill files at once (scan and build), 0 when it fit its budget. */
    private long spilledBytes;

    long spilledBytes() {
        return spilledBytes;
    }

    /** The two phases' spill peaks together; {@code -Dinquest.graph.trace=true} prints them (benchmarks). */
    private static long spilled(Spill scan, Spill build) {
        if (Boolean.getBoolean("inquest.graph.trace")) {
            System.err.printf("  spill files: scan peak %,d bytes, build peak %,d bytes (%,d written in all)%n",
                    scan.peakBytes(), build.peakBytes(), scan.totalBytes() + build.totalBytes());
        }
        return scan.peakBytes() + build.peakBytes();
    }

    /** Whether this dump was reopened from its index file rather than parsed. */
    public boolean fromIndex() {
        return fromIndex;
    }

    /**
     * When the JVM wrote the dump: its HPROF header's timestamp, or null when the header has none
     * (0). Links from a recording choose among open dumps by it.
     */
    public java.time.Instant takenAt() {
        long ms = file.header().timestampMillis();
        return ms <= 0 ? null : java.time.Instant.ofEpochMilli(ms);
    }

    /** The dump's file, as the user named it (not an inflated copy of a gzip file). */
    public Path file() {
        return file.file();
    }

    public boolean truncated() {
        return !problems.isEmpty();
    }

    public List<String> problems() {
        return problems;
    }

    /** The problems with what they mean for the figures, in the one wording the window and the command line share. */
    public DumpDamage damage() {
        return new DumpDamage(problems);
    }

    // ---- summary -------------------------------------------------------------------------

    private HeapSummary summary;

    public synchronized HeapSummary summary() {
        if (summary == null) {
            summary = computeSummary();
        }
        return summary;
    }

    private HeapSummary computeSummary() {
        long n = index.nodeCount();
        long reachable = tree.reachableCount();
        long used = tree.reachableShallowSum();
        long total = 0;
        for (long v = 0; v < n; v++) {
            total += index.shallowSize(v);
        }
        long classes = 0;
        for (ClassInfo c : index.classes()) {
            long node = index.classNode(c.ordinal());
            if (node >= 0 && tree.isReachable(node) && index.classDescribedBy(node) == c) {
                classes++;
            }
        }
        return new HeapSummary(file.file().toString(), "JAVA PROFILE " + file.header().format(),
                switch (file.container()) {
                    case PLAIN -> "plain";
                    case GZIP -> "gzip";
                    case GZIP_CHUNKED -> "gzip-chunked";
                }, index.idSize(), index.compressedOops(), index.objectAlign(), reachable, classes, gcRootObjects(), used,
                n - reachable, total - used, truncated(), problems, dumpIndex, dumpCount, parseMillis);
    }

    /** Distinct objects that are GC roots (root records whose object exists, and MAT's implied class roots). */
    private long gcRootObjects() {
        try (Arena a = Arena.ofConfined()) {
            dev.inquest.heap.index.Bits seen = new dev.inquest.heap.index.Bits(a, index.nodeCount());
            long count = 0;
            GcRoots r = index.gcRoots();
            for (long i = 0; i < r.count(); i++) {
                if (seen.add(r.node(i))) {
                    count++;
                }
            }
            for (long i = 0; i < index.rootCount(); i++) {
                if (seen.add(index.root(i))) {
                    count++;
                }
            }
            return count;
        }
    }

    // ---- histogram -----------------------------------------------------------------------

    /** Histogram of reachable objects, largest shallow first, with the retained size of each group's set. */
    public List<HistogramRow> histogram(Grouping by) {
        return histograms.computeIfAbsent(by, this::computeHistogram);
    }

    private final Map<Grouping, List<HistogramRow>> histograms = new java.util.concurrent.ConcurrentHashMap<>();

    private List<HistogramRow> computeHistogram(Grouping by) {
        Map<String, Integer> keys = new HashMap<>();
        List<String> names = new ArrayList<>();
        int[] keyOfClass = new int[index.classes().size()];
        for (ClassInfo c : index.classes()) {
            keyOfClass[c.ordinal()] = keys.computeIfAbsent(groupName(c, by), k -> {
                names.add(k);
                return names.size() - 1;
            });
        }
        int groups = names.size();
        long[] count = new long[groups];
        long[] shallow = new long[groups];
        long n = index.nodeCount();
        IndexArray idom = tree.idomArray();
        for (long v = 0; v < n; v++) {
            if (idom.get(v) != DominatorTree.UNREACHABLE) {
                int k = keyOfClass[index.classOrdinal(v)];
                count[k]++;
                shallow[k] += index.shallowSize(v);
            }
        }
        long[] retained = retainedByGroup(v -> keyOfClass[index.classOrdinal(v)], groups);
        List<HistogramRow> rows = new ArrayList<>();
        for (int k = 0; k < groups; k++) {
            if (count[k] > 0) {
                rows.add(new HistogramRow(names.get(k), count[k], shallow[k], retained[k]));
            }
        }
        rows.sort(Comparator.comparingLong(HistogramRow::shallow).reversed().thenComparing(HistogramRow::name));
        return List.copyOf(rows);
    }

    /** The group a class falls in: the one naming of histogram and dominator groups. */
    private String groupName(ClassInfo c, Grouping by) {
        return switch (by) {
            case CLASS -> c.name();
            case PACKAGE -> c.packageName().isEmpty() ? Grouping.DEFAULT_PACKAGE : c.packageName();
            case LOADER -> loaderLabel(c);
        };
    }

    private String loaderLabel(ClassInfo c) {
        long loader = c.loaderId();
        if (loader == 0) {
            return "<system class loader>";
        }
        long node = index.node(loader);
        if (node < 0) {
            return String.format("<unknown loader> @ 0x%x", loader);
        }
        return index.classOf(node).name() + String.format(" @ 0x%x", loader);
    }

    interface NodeKey {
        int key(long node);
    }

    /**
     * Retained size of the set of all reachable nodes of each group, in one walk of the dominator
     * tree: a node counts for its group unless an ancestor in the tree belongs to the same group
     * (then its retained size is already inside that ancestor's).
     */
    private long[] retainedByGroup(NodeKey key, int groups) {
        long[] retained = new long[groups];
        int[] active = new int[groups];
        // Raw arrays rather than tree accessors: this walk touches every reachable node.
        IndexArray offsets = tree.childOffsetsArray();
        IndexArray children = tree.childrenArray();
        var sizes = tree.retainedSizes();
        long[] stackNode = new long[1024];
        long[] stackNext = new long[1024];
        long[] stackEnd = new long[1024];
        int[] stackKey = new int[1024];
        int top = 0;
        stackNode[0] = DominatorTree.VIRTUAL_ROOT;
        stackNext[0] = offsets.get(0);
        stackEnd[0] = offsets.get(1);
        stackKey[0] = -1;
        while (top >= 0) {
            long i = stackNext[top];
            if (i < stackEnd[top]) {
                stackNext[top] = i + 1;
                long c = children.get(i);
                int k = key.key(c);
                if (active[k]++ == 0) {
                    retained[k] += sizes.get(c);
                }
                if (++top == stackNode.length) {
                    int len = top * 2;
                    stackNode = java.util.Arrays.copyOf(stackNode, len);
                    stackNext = java.util.Arrays.copyOf(stackNext, len);
                    stackEnd = java.util.Arrays.copyOf(stackEnd, len);
                    stackKey = java.util.Arrays.copyOf(stackKey, len);
                }
                stackNode[top] = c;
                stackNext[top] = offsets.get(c + 1);
                stackEnd[top] = offsets.get(c + 2);
                stackKey[top] = k;
            } else {
                if (stackKey[top] >= 0) {
                    active[stackKey[top]]--;
                }
                top--;
            }
        }
        return retained;
    }

    // ---- dominators ----------------------------------------------------------------------

    /** Top-level dominators (children of the virtual root), largest retained first. */
    public List<DominatorRow> topDominators(int limit) {
        return dominatedBy(VIRTUAL_ROOT, limit);
    }

    /** Children of a node in the dominator tree ({@link #VIRTUAL_ROOT} for the top level), largest first. */
    public List<DominatorRow> dominatedBy(long node, int limit) {
        List<DominatorRow> rows = new ArrayList<>();
        long count = tree.childCount(node);
        for (long i = 0; i < count && rows.size() < limit; i++) {
            rows.add(dominatorRow(tree.child(node, i)));
        }
        return rows;
    }

    /** One object as a dominator row: sizes and its share of the used heap. */
    DominatorRow dominatorRow(long v) {
        return new DominatorRow(v, index.address(v), className(v), 1, index.shallowSize(v), tree.retained(v),
                percent(tree.retained(v), tree.reachableShallowSum()));
    }

    /** A group of top-level dominators as a dominator row. */
    DominatorRow dominatorRow(TopDominators.Group g) {
        return new DominatorRow(-1, -1, g.name(), g.count(), g.shallow(), g.retained(), percent(g.retained(), tree.reachableShallowSum()));
    }

    /** Top-level dominators grouped by class, package or loader, largest retained first. */
    public List<DominatorRow> topDominatorsGrouped(Grouping by, int limit) {
        return topDominators(null, by, Progress.NONE).rows(limit);
    }

    /**
     * The top level of the dominator tree: the top-level dominators whose class name matches
     * {@code filter} (null: all), grouped when {@code by} is not null. Cheap per node (the filter
     * is decided once per class), but linear in the top level: call it off the UI thread.
     */
    public TopDominators topDominators(java.util.regex.Pattern filter, Grouping by, Progress progress) {
        long count = tree.topLevelCount();
        long[] objects = null;
        if (filter != null) {
            boolean[] match = new boolean[index.classes().size()];
            for (ClassInfo c : index.classes()) {
                match[c.ordinal()] = filter.matcher(c.name()).find();
            }
            LongList kept = new LongList();
            for (long i = 0; i < count; i++) {
                long v = tree.topLevel(i);
                if (match[index.classOrdinal(v)]) {
                    kept.add(v);
                }
                if ((i & 0xffff) == 0) {
                    progress.checkCancelled();
                }
            }
            objects = kept.toArray();
        }
        if (by == null) {
            return new TopDominators(this, objects, count, null, List.of(), List.of());
        }
        long matched = objects == null ? count : objects.length;
        Map<String, Integer> keys = new HashMap<>();
        List<String> names = new ArrayList<>();
        List<LongList> lists = new ArrayList<>();
        List<long[]> sums = new ArrayList<>();
        for (long i = 0; i < matched; i++) {
            long v = objects == null ? tree.topLevel(i) : objects[(int) i];
            int k = keys.computeIfAbsent(groupName(index.classOf(v), by), n -> {
                names.add(n);
                lists.add(new LongList());
                sums.add(new long[2]);
                return names.size() - 1;
            });
            lists.get(k).add(v);
            sums.get(k)[0] += index.shallowSize(v);
            sums.get(k)[1] += tree.retained(v);
            if ((i & 0xffff) == 0) {
                progress.checkCancelled();
            }
        }
        List<TopDominators.Group> groups = new ArrayList<>();
        List<long[]> members = new ArrayList<>();
        for (int k = 0; k < names.size(); k++) {
            long[] m = lists.get(k).toArray();
            members.add(m);
            long[] s = sums.get(k);
            groups.add(new TopDominators.Group(k, names.get(k), m.length, s[0], s[1]));
        }
        groups.sort(Comparator.comparingLong(TopDominators.Group::retained).reversed().thenComparing(TopDominators.Group::name));
        return new TopDominators(this, objects, count, by, List.copyOf(groups), List.copyOf(members));
    }

    /** The parent of the top-level dominators in {@link #dominatedCount} and {@link #dominated}. */
    public static final long VIRTUAL_ROOT = DominatorTree.VIRTUAL_ROOT;

    /** How many top-level dominators (objects only the GC roots as a whole keep alive) the heap has. */
    public long topLevelCount() {
        return tree.topLevelCount();
    }

    /** The {@code i}-th top-level dominator, largest retained first. */
    public long topLevel(long i) {
        return tree.topLevel(i);
    }

    /** How many objects {@code node} immediately dominates ({@link #VIRTUAL_ROOT}: the top level). */
    public long dominatedCount(long node) {
        return tree.childCount(node);
    }

    /** The {@code i}-th object {@code node} immediately dominates, largest retained first. */
    public long dominated(long node, long i) {
        return tree.child(node, i);
    }

    /** The object's dominators, from its immediate dominator up to the top level (the retained-size path). */
    public List<Long> dominators(long node) {
        List<Long> out = new ArrayList<>();
        for (long d = tree.idom(node); d >= 0; d = tree.idom(d)) {
            out.add(d);
        }
        return out;
    }

    private static double percent(long part, long whole) {
        return whole == 0 ? 0 : 100.0 * part / whole;
    }

    // ---- paths ---------------------------------------------------------------------------

    private InboundEdges inbound;
    private static final String INBOUND = "inbound";

    private final Object inboundLock = new Object(); // not the dump's monitor: summary() must not wait behind a build

    private InboundEdges inbound(Progress progress) {
        synchronized (inboundLock) {
            return inboundLocked(progress);
        }
    }

    private InboundEdges inboundLocked(Progress progress) {
        if (inbound == null) {
            inbound = derivedStore.loadOrBuild(INBOUND, 2, this::storedInbound, () -> InboundEdges.build(index, progress, arena),
                    in -> List.of(in.startSegment(), in.sourceSegment()));
        }
        return inbound;
    }

    /** Stored inbound columns, if they fit this dump: their width shows in the start column (one entry per node, plus one). */
    private InboundEdges storedInbound(List<java.lang.foreign.MemorySegment> s) {
        long entries = index.nodeCount() + 1;
        long bytes = s.get(0).byteSize();
        if (bytes != entries * Integer.BYTES && bytes != entries * Long.BYTES) {
            return null;
        }
        try {
            return InboundEdges.wrap(s.get(0), s.get(1), bytes == entries * Long.BYTES);
        } catch (IllegalArgumentException e) {
            return null; // columns that disagree: recompute
        }
    }

    /**
     * Up to {@code limit} shortest paths from the object to GC roots, shortest first. With
     * {@code excludeWeak} (MAT's default) the {@code referent} of weak, soft and phantom references
     * is not followed: those do not keep an object alive.
     */
    public PathResult pathsToRoots(long node, int limit, boolean excludeWeak, Progress progress) {
        EdgeFilter filter = excludeWeak ? weakReferentFilter() : EdgeFilter.ALL;
        ShortestPaths sp = new ShortestPaths(index, inbound(progress), filter);
        List<List<PathStep>> paths = new ArrayList<>();
        for (ShortestPaths.Path p : sp.toRoots(node, limit, progress)) {
            long[] nodes = p.nodes();
            List<PathStep> steps = new ArrayList<>();
            for (int i = 0; i < nodes.length; i++) {
                String field = i == 0 ? null : fieldName(nodes[i], nodes[i - 1]);
                if (i > 0 && field == null) {
                    field = "<local>";
                }
                steps.add(new PathStep(nodes[i], index.address(nodes[i]), className(nodes[i]), field,
                        i == nodes.length - 1 ? rootKinds(nodes[i]) : null));
            }
            paths.add(steps);
        }
        return new PathResult(node, index.address(node), className(node), paths);
    }

    /** Refuses the edge from a weak/soft/phantom reference to its referent. */
    private EdgeFilter weakReferentFilter() {
        int n = index.classes().size();
        int[] referentOffset = new int[n];
        java.util.Arrays.fill(referentOffset, -1);
        Set<String> weak = Set.of("java.lang.ref.WeakReference", "java.lang.ref.SoftReference", "java.lang.ref.PhantomReference");
        for (ClassInfo c : index.classes()) {
            boolean isWeak = false;
            int steps = 0; // bounded: an index from a damaged dump may still hold a superclass cycle
            for (ClassInfo k = c; k != null && !isWeak && steps++ <= n; k = k.superOrdinal() < 0 ? null
                    : index.classInfo(k.superOrdinal())) {
                isWeak = weak.contains(k.name());
                if (k.superOrdinal() == k.ordinal()) {
                    break;
                }
            }
            if (!isWeak) {
                continue;
            }
            for (int i = 0; i < c.refOffsets().length; i++) {
                if ("referent".equals(file.string(c.refNameIds()[i]))) {
                    referentOffset[c.ordinal()] = c.refOffsets()[i];
                }
            }
        }
        HprofBytes b = file.bytes();
        int id = index.idSize();
        return (source, target) -> {
            int ro = referentOffset[index.classOrdinal(source)];
            if (ro < 0) {
                return true;
            }
            long off = index.recordOffset(source);
            if (off < 0 || b.u1(off) != Tags.INSTANCE_DUMP) {
                return true;
            }
            long referent = b.id(RecordLayout.instanceFieldsAt(off, id) + ro, id);
            return referent != index.address(target);
        };
    }

    // ---- objects -------------------------------------------------------------------------

    /** The node of an address, or -1. */
    public long node(long address) {
        return index.node(address);
    }

    public long address(long node) {
        return index.address(node);
    }

    /** The class name as MAT shows it; class objects show as "class NAME". */
    public String className(long node) {
        ClassInfo described = index.classDescribedBy(node);
        if (described != null) {
            return "class " + described.name();
        }
        if (index.recordOffset(node) == HeapIndex.PSEUDO_LOADER) {
            return "<system class loader>";
        }
        return index.classOf(node).name();
    }

    public long shallow(long node) {
        return index.shallowSize(node);
    }

    /** Objects in the index (nodes run from 0 to this, exclusive), reachable or not. */
    public long nodeCount() {
        return index.nodeCount();
    }

    /**
     * The name of the object's own class, as the dump spells it: {@code java.lang.Class} for a
     * class object (unlike {@link #className}, which names the class it describes).
     */
    public String instanceClassName(long node) {
        return index.classOf(node).name();
    }

    /** The name of the class a class object describes, or null when the node is not a class object. */
    public String describedClassName(long node) {
        ClassInfo c = index.classDescribedBy(node);
        return c == null ? null : c.name();
    }

    /** The reachable class objects of the classes named {@code name} (one per loader that loaded it). */
    public List<Long> classObjects(String name) {
        List<Long> out = new ArrayList<>();
        for (ClassInfo c : index.classes()) {
            if (c.name().equals(name)) {
                long n = index.classNode(c.ordinal());
                if (n >= 0 && tree.isReachable(n)) {
                    out.add(n);
                }
            }
        }
        return out;
    }

    /**
     * The reachable instances of the classes named {@code name}, in node order, by one scan of
     * every node (for the shared per-class index see {@code heap.query.ClassInstances}).
     */
    public List<Long> reachableInstances(String name, Progress progress) {
        List<Long> out = new ArrayList<>();
        Set<Integer> ordinals = new java.util.HashSet<>();
        for (ClassInfo c : index.classes()) {
            if (c.name().equals(name)) {
                ordinals.add(c.ordinal());
            }
        }
        if (ordinals.isEmpty()) {
            return out;
        }
        long n = index.nodeCount();
        for (long v = 0; v < n; v++) {
            if ((v & 0xFFFF) == 0) {
                progress.checkCancelled();
            }
            if (ordinals.contains(index.classOrdinal(v)) && tree.isReachable(v)) {
                out.add(v);
            }
        }
        return out;
    }

    public long retained(long node) {
        return tree.retained(node);
    }

    public boolean isReachable(long node) {
        return tree.isReachable(node);
    }

    /** Instance fields (for instances) or static fields (for class objects), in dump order. */
    public List<FieldValue> fields(long node) {
        HprofBytes b = file.bytes();
        int id = index.idSize();
        List<FieldValue> out = new ArrayList<>();
        long off = index.recordOffset(node);
        if (off < 0) {
            return out;
        }
        int tag = b.u1(off);
        if (tag == Tags.INSTANCE_DUMP) {
            ClassInfo c = index.classOf(node);
            long len = b.u4unsigned(RecordLayout.instanceLengthAt(off, id));
            long data = RecordLayout.instanceFieldsAt(off, id);
            for (int i = 0; i < c.fieldTypes().length; i++) {
                int t = c.fieldTypes()[i];
                int fo = c.fieldOffsets()[i];
                if (fo + Tags.size(t, id) > len) {
                    break;
                }
                out.add(value(file.string(c.fieldNameIds()[i]), t, data + fo, false));
            }
        } else if (tag == Tags.CLASS_DUMP) {
            ClassInfo c = index.classDescribedBy(node);
            if (c != null && c.dump() != null) {
                for (int i = 0; i < c.dump().staticTypes().length; i++) {
                    out.add(value(file.string(c.dump().staticNameIds()[i]), c.dump().staticTypes()[i],
                            c.dump().staticValueOffsets()[i], true));
                }
            }
        }
        return out;
    }

    private FieldValue value(String name, int type, long at, boolean isStatic) {
        HprofBytes b = file.bytes();
        Object v = switch (type) {
            case Tags.T_OBJECT -> b.id(at, index.idSize());
            case Tags.T_BOOLEAN -> b.u1(at) != 0;
            case Tags.T_BYTE -> (byte) b.u1(at);
            case Tags.T_CHAR -> (char) b.u2(at);
            case Tags.T_SHORT -> (short) b.u2(at);
            case Tags.T_INT -> b.u4(at);
            case Tags.T_FLOAT -> Float.intBitsToFloat(b.u4(at));
            case Tags.T_LONG -> b.u8(at);
            case Tags.T_DOUBLE -> Double.longBitsToDouble(b.u8(at));
            default -> null;
        };
        String typeName = type == Tags.T_OBJECT ? "reference" : Tags.primitiveName(type);
        return new FieldValue(name == null ? "?" : name, typeName, v, type == Tags.T_OBJECT, isStatic);
    }

    private FieldValue field(long node, String name) {
        for (FieldValue f : fields(node)) {
            if (f.name().equals(name)) {
                return f;
            }
        }
        return null;
    }

    /**
     * The text of a {@code java.lang.String} (compact Latin-1 / UTF-16 {@code byte[]} with coder, or
     * an old {@code char[]}), at most {@code maxChars} characters; null when the node is not a
     * readable string.
     */
    public String stringValue(long node, int maxChars) {
        if (!index.classOf(node).name().equals("java.lang.String")) {
            return null;
        }
        FieldValue value = field(node, "value");
        if (value == null || (long) value.value() == 0) {
            return null;
        }
        long arr = index.node((long) value.value());
        if (arr < 0 || index.recordOffset(arr) < 0) {
            return null;
        }
        HprofBytes b = file.bytes();
        int id = index.idSize();
        long off = index.recordOffset(arr);
        if (b.u1(off) != Tags.PRIM_ARRAY_DUMP) {
            return null;
        }
        long len = b.u4unsigned(RecordLayout.arrayLengthAt(off, id));
        int type = b.u1(RecordLayout.primArrayTypeAt(off, id));
        long data = RecordLayout.primArrayDataAt(off, id);
        FieldValue coder = field(node, "coder");
        if (type == Tags.T_CHAR) {
            int n = (int) Math.min(len, maxChars);
            StringBuilder sb = new StringBuilder(n);
            for (int i = 0; i < n; i++) {
                sb.append((char) b.u2(data + 2L * i));
            }
            return sb.toString();
        }
        if (type != Tags.T_BYTE) {
            return null;
        }
        boolean utf16 = coder != null && ((Number) coder.value()).intValue() == 1;
        if (utf16) {
            // HotSpot stores UTF-16 strings in the platform's byte order; dumps come from little-endian machines.
            int n = (int) Math.min(len / 2, maxChars);
            return new String(b.bytes(data, n * 2), StandardCharsets.UTF_16LE);
        }
        int n = (int) Math.min(len, maxChars);
        return new String(b.bytes(data, n), StandardCharsets.ISO_8859_1);
    }

    /** Outbound references with the field (or array index) each goes through. */
    public List<ObjectRef> outbound(long node) {
        List<ObjectRef> out = new ArrayList<>();
        Map<Long, List<String>> labels = referenceLabels(node);
        for (long e = index.edgeStart(node); e < index.edgeEnd(node); e++) {
            long t = index.edgeTarget(e);
            List<String> names = labels.get(t);
            String label = names == null || names.isEmpty() ? "<local>" : names.removeFirst();
            out.add(new ObjectRef(t, index.address(t), className(t), label));
        }
        return out;
    }

    /**
     * Objects that reference this one, with the field each holds it in (at most {@code limit}:
     * a popular object such as an interned string may have millions).
     */
    public List<ObjectRef> inbound(long node, int limit) {
        InboundEdges in = inbound(Progress.NONE);
        List<ObjectRef> out = new ArrayList<>();
        for (long i = in.inboundStart(node); i < in.inboundEnd(node) && out.size() < limit; i++) {
            long from = in.source(i);
            String field = fieldName(from, node);
            out.add(new ObjectRef(from, index.address(from), className(from), field == null ? "?" : field));
        }
        return out;
    }

    /** The field name through which {@code from} references {@code to}, or null. */
    public String fieldName(long from, long to) {
        List<String> names = referenceLabels(from).get(to);
        return names == null || names.isEmpty() ? null : names.getFirst();
    }

    /** Target node to the labels of the references {@code node} holds to it, in edge order. */
    private Map<Long, List<String>> referenceLabels(long node) {
        Map<Long, List<String>> labels = fieldLabels(node);
        // Thread-local edges come after the field edges in the CSR; keep the labels in that order.
        if (index.recordOffset(node) >= 0) {
            addThreadLocalLabels(node, labels);
        }
        return labels;
    }

    private Map<Long, List<String>> fieldLabels(long node) {
        Map<Long, List<String>> labels = new HashMap<>();
        HprofBytes b = file.bytes();
        int id = index.idSize();
        long off = index.recordOffset(node);
        ClassInfo cls = index.classOf(node);
        long classNode = index.classNode(cls.ordinal());
        if (classNode >= 0) {
            labels.computeIfAbsent(classNode, k -> new ArrayList<>()).add("<class>");
        }
        if (off < 0) {
            return labels;
        }
        int tag = b.u1(off);
        if (tag == Tags.INSTANCE_DUMP) {
            long len = b.u4unsigned(RecordLayout.instanceLengthAt(off, id));
            long data = RecordLayout.instanceFieldsAt(off, id);
            for (int i = 0; i < cls.refOffsets().length; i++) {
                if (cls.refOffsets()[i] + id <= len) {
                    put(labels, b.id(data + cls.refOffsets()[i], id), file.string(cls.refNameIds()[i]));
                }
            }
        } else if (tag == Tags.OBJ_ARRAY_DUMP) {
            long len = b.u4unsigned(RecordLayout.arrayLengthAt(off, id));
            long data = RecordLayout.objArrayElementsAt(off, id);
            for (long i = 0; i < len; i++) {
                put(labels, b.id(data + i * id, id), "[" + i + "]");
            }
        } else if (tag == Tags.CLASS_DUMP) {
            ClassInfo c = index.classDescribedBy(node);
            if (c != null && c.dump() != null) {
                put(labels, c.dump().superId(), "<super>");
                if (c.dump().loaderId() == 0) {
                    long pseudo = index.node(0);
                    if (pseudo >= 0) {
                        labels.computeIfAbsent(pseudo, k -> new ArrayList<>()).add("<classloader>");
                    }
                } else {
                    put(labels, c.dump().loaderId(), "<classloader>");
                }
                for (int i = 0; i < c.dump().staticTypes().length; i++) {
                    if (c.dump().staticTypes()[i] == Tags.T_OBJECT) {
                        put(labels, b.id(c.dump().staticValueOffsets()[i], id), file.string(c.dump().staticNameIds()[i]));
                    }
                }
            }
        }
        return labels;
    }

    /** A thread's edges to its stack locals are labelled with the root kind, as MAT does ("<Java Local>"). */
    private void addThreadLocalLabels(long node, Map<Long, List<String>> labels) {
        GcRoots r = index.gcRoots();
        for (long serial : r.threadSerials()) {
            if (r.threadNode(serial) != node) {
                continue;
            }
            for (long i = 0; i < r.count(); i++) {
                if (r.threadSerial(i) == serial && r.kind(i).threadLocal()) {
                    labels.computeIfAbsent(r.node(i), k -> new ArrayList<>()).add("<" + r.kind(i).label() + ">");
                }
            }
        }
    }

    private void put(Map<Long, List<String>> labels, long targetId, String name) {
        if (targetId == 0) {
            return;
        }
        long t = index.node(targetId);
        if (t >= 0) {
            labels.computeIfAbsent(t, k -> new ArrayList<>()).add(name == null ? "?" : name);
        }
    }

    // ---- roots and threads ---------------------------------------------------------------

    public List<GcRoot> gcRoots() {
        GcRoots r = index.gcRoots();
        List<GcRoot> out = new ArrayList<>();
        for (long i = 0; i < r.count(); i++) {
            long node = r.node(i);
            out.add(new GcRoot(node, index.address(node), className(node), r.kind(i), r.threadSerial(i)));
        }
        return out;
    }

    /** Counts of root records by kind (roots naming missing objects excluded). */
    public Map<GcRootKind, Long> gcRootCounts() {
        Map<GcRootKind, Long> out = new java.util.EnumMap<>(GcRootKind.class);
        GcRoots r = index.gcRoots();
        for (long i = 0; i < r.count(); i++) {
            out.merge(r.kind(i), 1L, Long::sum);
        }
        return out;
    }

    /** Root kinds of a node, comma separated, or null when it is not a root. */
    public String rootKinds(long node) {
        long mask = rootKindMasks().get(node);
        if (mask == 0) {
            return null;
        }
        List<String> kinds = new ArrayList<>();
        for (GcRootKind k : GcRootKind.values()) {
            if ((mask & (1L << k.ordinal())) != 0) {
                kinds.add(k.label());
            }
        }
        return String.join(", ", kinds);
    }

    private dev.inquest.heap.store.LongLongMap rootMasks;

    /** Node to a bit mask of its root kinds; MAT's implied class roots count as system classes. */
    private synchronized dev.inquest.heap.store.LongLongMap rootKindMasks() {
        if (rootMasks == null) {
            GcRoots r = index.gcRoots();
            dev.inquest.heap.store.LongLongMap m = new dev.inquest.heap.store.LongLongMap((int) Math.min(1 << 20, r.count() + 16), 0);
            for (long i = 0; i < r.count(); i++) {
                m.put(r.node(i), m.get(r.node(i)) | (1L << r.kind(i).ordinal()));
            }
            for (long i = 0; i < index.rootCount(); i++) {
                if (m.get(index.root(i)) == 0) {
                    m.put(index.root(i), 1L << GcRootKind.STICKY_CLASS.ordinal());
                }
            }
            rootMasks = m;
        }
        return rootMasks;
    }

    public List<ThreadInfo> threads() {
        GcRoots r = index.gcRoots();
        List<ThreadInfo> out = new ArrayList<>();
        long[] serials = r.threadSerials();
        java.util.Arrays.sort(serials);
        for (long serial : serials) {
            long node = r.threadNode(serial);
            FieldValue nameField = field(node, "name");
            String name = null;
            if (nameField != null && nameField.reference() && (long) nameField.value() != 0) {
                long nameNode = index.node((long) nameField.value());
                if (nameNode >= 0) {
                    name = stringValue(nameNode, 200);
                    if (name == null && index.recordOffset(nameNode) >= 0) {
                        name = charArrayText(nameNode);
                    }
                }
            }
            out.add(new ThreadInfo(serial, node, index.address(node), name, className(node), tree.retained(node),
                    frames(r.traceSerial(serial))));
        }
        return out;
    }

    private String charArrayText(long node) {
        HprofBytes b = file.bytes();
        int id = index.idSize();
        long off = index.recordOffset(node);
        if (b.u1(off) != Tags.PRIM_ARRAY_DUMP || b.u1(RecordLayout.primArrayTypeAt(off, id)) != Tags.T_CHAR) {
            return null;
        }
        long len = Math.min(200, b.u4unsigned(RecordLayout.arrayLengthAt(off, id)));
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < len; i++) {
            sb.append((char) b.u2(RecordLayout.primArrayDataAt(off, id) + 2L * i));
        }
        return sb.toString();
    }

    private List<StackFrame> frames(long traceSerial) {
        List<StackFrame> out = new ArrayList<>();
        long pos = file.traceRecord(traceSerial);
        if (pos < 0) {
            return out;
        }
        HprofBytes b = file.bytes();
        int id = index.idSize();
        long body = pos + 9;
        long n = b.u4unsigned(body + 8);
        long len = b.u4unsigned(pos + 5);
        for (long i = 0; i < n && 12 + (i + 1) * id <= len; i++) {
            long frameId = b.id(body + 12 + i * id, id);
            long fp = file.frameRecord(frameId);
            if (fp < 0) {
                continue;
            }
            long fb = fp + 9;
            String method = file.string(b.id(fb + id, id));
            String sig = file.string(b.id(fb + 2L * id, id));
            String source = file.string(b.id(fb + 3L * id, id));
            long classSerial = b.u4unsigned(fb + 4L * id);
            int line = b.u4(fb + 4L * id + 4);
            out.add(new StackFrame(file.className(file.classIdBySerial(classSerial)), method, sig, source, line));
        }
        return out;
    }

    // ---- inbound references (added for the window's object inspector) -----------------------

    /**
     * Up to {@code limit} references into {@code node}: the referring object and the field (or
     * array slot) the reference sits in. The first call builds the inbound index over all edges,
     * so call it off the UI thread.
     */
    public List<ObjectRef> inbound(long node, int limit, Progress progress) {
        InboundEdges in = inbound(progress);
        List<ObjectRef> out = new ArrayList<>();
        for (long i = in.inboundStart(node), end = in.inboundEnd(node); i < end && out.size() < limit; i++) {
            long s = in.source(i);
            String field = fieldName(s, node);
            out.add(new ObjectRef(s, index.address(s), className(s), field == null ? "<local>" : field));
        }
        return out;
    }

    /** How many references point at {@code node} (builds the inbound index like {@link #inbound}). */
    public long inboundCount(long node, Progress progress) {
        InboundEdges in = inbound(progress);
        return in.inboundEnd(node) - in.inboundStart(node);
    }

    @Override
    public void close() {
        derivedStore.close(); // lets its writers finish: they read from the arenas closed below
        index.close();
        arena.close();
    }

    // ---- engine-internal: the parts heap.query reaches through DumpInternals ----------------

    static {
        DumpInternals.register(d -> ((HeapDump) d).parts);
    }

    private final DumpInternals.Parts parts = new DumpInternals.Parts() {
        @Override
        public HeapIndex index() {
            return index;
        }

        @Override
        public DominatorTree dominatorTree() {
            return tree;
        }

        @Override
        public DerivedStore derivedStore() {
            return derivedStore;
        }

        @Override
        public InboundEdges inboundEdges(Progress progress) {
            return inbound(progress);
        }

        @Override
        public EdgeFilter strongReferences() {
            return weakReferentFilter();
        }
    };

    private final Map<Class<?>, Object[]> derived = new java.util.concurrent.ConcurrentHashMap<>();

    /**
     * Engine-internal. A read-only structure derived from this dump (a per-class instance index, ...), computed on
     * first use and kept while the dump is open: queries share it instead of rescanning the nodes.
     * One lock per structure, not one for all: a query waiting for the instance index must not
     * wait behind the path tree being built in the background. A computation may ask for another
     * structure (never for itself); one that fails or is cancelled leaves nothing behind.
     */
    public <T> T derived(Class<T> type, java.util.function.Function<HeapDump, T> compute) {
        Object[] slot = derived.computeIfAbsent(type, k -> new Object[1]);
        synchronized (slot) {
            if (slot[0] == null) {
                slot[0] = compute.apply(this);
            }
            return type.cast(slot[0]);
        }
    }
}
