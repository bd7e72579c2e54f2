package dev.inquest.heap.index;

import dev.inquest.format.Units;
import dev.inquest.heap.GcRootKind;
import dev.inquest.heap.graph.IndexArray;
import dev.inquest.heap.hprof.ClassDump;
import dev.inquest.heap.hprof.HeapScan;
import dev.inquest.heap.hprof.HeapScanner;
import dev.inquest.heap.hprof.HprofBytes;
import dev.inquest.heap.hprof.HprofFile;
import dev.inquest.heap.hprof.RecordLayout;
import dev.inquest.heap.hprof.Tags;
import dev.inquest.heap.hprof.Truncation;
import dev.inquest.heap.store.BigLongList;
import dev.inquest.heap.store.IntArray;
import dev.inquest.heap.store.LongArray;
import dev.inquest.heap.store.LongList;
import dev.inquest.heap.store.LongLongMap;
import dev.inquest.heap.store.NativeMemory;
import dev.inquest.heap.store.Spill;
import dev.inquest.progress.Progress;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;

/**
 * Turns one {@link HeapScan} into a {@link HeapIndex}: sorts ids into dense nodes, infers
 * reference size and alignment, lays out classes, extracts MAT's edges in parallel over node
 * ranges, resolves roots by MAT's rules and marks reachability.
 */
public final class HeapIndexBuilder {
    private static final int CHUNK_NODES = 1 << 16;
    /** Nodes of each chunk read first, across the whole dump, before any chunk's rest (see EdgeTasks). */
    private static final int HEAD_NODES = 32;

    private final HprofFile file;
    private final HprofBytes b;
    private final HeapScan scan;
    private final int id;
    private final boolean keepUnreachable;
    private final Spill spill;
    /** Whether the edge pass runs on every core (tests force the one-core path to compare). */
    private final boolean parallel;
    /** Nodes per chunk of the edge pass ({@link #CHUNK_NODES}; tests use small ones). */
    private final int chunkNodes;
    private final HeapIndex.Builder out = new HeapIndex.Builder();
    private final List<ClassInfo> classes = new ArrayList<>();
    private final LongLongMap ordinalById = new LongLongMap(1 << 12, -1);
    private final int[] primitiveClass = new int[12];
    private int javaLangClass = -1;
    private long pseudoLoaderId = Long.MIN_VALUE;
    private int refSize;
    /** The sorted record offsets, 8 bytes each, read directly on the hot paths of the build. */
    private LongArray builtOffsets;
    private int align;
    /** The edge pass's id to node map when the ids are dense enough for it, else null (see AddressBitmap). */
    private AddressBitmap bitmap;

    private HeapIndexBuilder(HprofFile file, HeapScan scan, boolean keepUnreachable, Spill spill, boolean parallel,
            int chunkNodes) {
        this.spill = spill;
        this.parallel = parallel;
        this.chunkNodes = chunkNodes;
        this.file = file;
        this.b = file.bytes();
        this.scan = scan;
        this.id = file.idSize();
        this.keepUnreachable = keepUnreachable;
    }

    /** The index of {@code scan}, its big columns in {@code spill}'s files when it is active. */
    public static HeapIndex build(HprofFile file, HeapScan scan, boolean keepUnreachable, Spill spill, Progress progress) {
        return build(file, scan, keepUnreachable, spill, progress, Runtime.getRuntime().availableProcessors() > 1,
                CHUNK_NODES);
    }

    /**
     * As above; {@code parallel} false runs every pass on the calling thread alone, and
     * {@code chunkNodes} sets the edge pass's chunks (tests compare both ways on small dumps).
     */
    static HeapIndex build(HprofFile file, HeapScan scan, boolean keepUnreachable, Spill spill, Progress progress,
            boolean parallel, int chunkNodes) {
        return new HeapIndexBuilder(file, scan, keepUnreachable, spill, parallel, chunkNodes).run(progress);
    }

    private HeapIndex run(Progress progress) {
        Arena arena = spill.shared();
        try {
            out.arena = arena;
            out.file = file;
            out.idSize = id;
            refSize = id == 8 && scan.compressedOops ? 4 : id;
            out.refSize = refSize;
            declareClasses();
            progress.phase("Sorting object ids", -1, Progress.Unit.ITEMS);
            sortNodes();
            progress.checkCancelled();
            align = alignment();
            out.objectAlign = align;
            layoutClasses();
            out.idMap = new IdMap(arena, out.ids, out.nodeCount,
                    parallel && out.nodeCount >= 1 << 20 ? Runtime.getRuntime().availableProcessors() : 1);
            long[] classNodes = new long[classes.size()];
            LongLongMap classByNode = new LongLongMap(classes.size() + 16, -1);
            for (ClassInfo c : classes) {
                classNodes[c.ordinal()] = out.idMap.index(c.id());
                if (classNodes[c.ordinal()] >= 0) {
                    classByNode.putIfAbsent(classNodes[c.ordinal()], c.ordinal());
                }
            }
            out.classNodes = classNodes;
            out.classByNode = classByNode;
            out.classes = List.copyOf(classes);
            out.javaLangClass = javaLangClass;
            Map<Long, LongList> threadEdges = resolveRoots(arena);
            extractEdges(arena, threadEdges, progress);
            if (keepUnreachable) {
                rootUnreachable(arena, progress);
            }
            return new HeapIndex(out);
        } catch (RuntimeException | Error e) {
            arena.close();
            out.extraArenas.forEach(Arena::close);
            scan.releaseObjects();
            throw e;
        }
    }

    // ---- classes -------------------------------------------------------------------------

    private int addClass(long classId, String name, ClassDump dump) {
        int ordinal = classes.size();
        ClassInfo.Kind kind = ClassInfo.Kind.INSTANCE;
        int elem = 0;
        if (name.endsWith("[]")) {
            String base = name.substring(0, name.length() - 2);
            elem = primitiveType(base);
            kind = elem > 0 ? ClassInfo.Kind.PRIMITIVE_ARRAY : ClassInfo.Kind.OBJECT_ARRAY;
        }
        classes.add(new ClassInfo(ordinal, classId, name, kind, elem, dump, -1, dump == null ? 0 : dump.loaderId(),
                0, 0, null, null, null, null, null, 0));
        ordinalById.putIfAbsent(classId, ordinal);
        return ordinal;
    }

    private static int primitiveType(String name) {
        return switch (name) {
            case "boolean" -> Tags.T_BOOLEAN;
            case "char" -> Tags.T_CHAR;
            case "float" -> Tags.T_FLOAT;
            case "double" -> Tags.T_DOUBLE;
            case "byte" -> Tags.T_BYTE;
            case "short" -> Tags.T_SHORT;
            case "int" -> Tags.T_INT;
            case "long" -> Tags.T_LONG;
            default -> 0;
        };
    }

    /** Creates class infos for every CLASS_DUMP and the synthetic classes MAT would create, and their nodes. */
    private void declareClasses() {
        for (ClassDump d : scan.classes) {
            String name = file.className(d.id());
            if (name == null) {
                name = String.format("unknown class 0x%x", d.id());
            }
            addClass(d.id(), name, d);
        }
        long fake = scan.maxId;
        List<long[]> synthetic = new ArrayList<>();
        List<long[]> undefined = new ArrayList<>();
        long[][] named = {scan.instanceClassIds.keys(), scan.arrayClassIds.keys()};
        for (int k = 0; k < named.length; k++) {
            long[] ids = named[k];
            java.util.Arrays.sort(ids);
            for (long cid : ids) {
                if (ordinalById.get(cid) < 0) {
                    String name = file.className(cid);
                    if (k == 0) {
                        undefined.add(new long[] {cid, scan.instanceClassIds.get(cid)});
                    }
                    if (name == null) {
                        name = String.format("unknown class 0x%x", cid);
                    }
                    int ord = addClass(cid, name, null);
                    synthetic.add(new long[] {cid, ord});
                }
            }
        }
        // Instances of a class no CLASS_DUMP defines: counted under a placeholder, their fields unknown.
        undefined.sort(java.util.Comparator.comparingLong(u -> u[1]));
        Damage missing = new Damage(scan.damage);
        for (long[] u : undefined) {
            String name = file.className(u[0]);
            missing.add(u[1], String.format("instances name class %s, which no CLASS_DUMP defines (the first INSTANCE_DUMP "
                    + "at byte %d); their fields cannot be read", name == null ? String.format("id 0x%x", u[0])
                    : name + String.format(" (id 0x%x)", u[0]), u[1]), "more undefined classes");
        }
        missing.finish();
        for (ClassInfo c : classes) {
            if (c.kind() == ClassInfo.Kind.PRIMITIVE_ARRAY && primitiveClass[c.elementType()] == 0) {
                primitiveClass[c.elementType()] = c.ordinal() + 1;
            }
        }
        for (int t = 0; t < 12; t++) {
            if (scan.primitiveTypesSeen[t] && primitiveClass[t] == 0) {
                fake += 8;
                int ord = addClass(fake, Tags.primitiveName(t) + "[]", null);
                primitiveClass[t] = ord + 1;
                synthetic.add(new long[] {fake, ord});
            }
        }
        for (int t = 0; t < 12; t++) {
            primitiveClass[t]--;
        }
        for (ClassInfo c : classes) {
            if (c.name().equals("java.lang.Class") && !c.synthetic()) {
                javaLangClass = c.ordinal();
                break;
            }
        }
        if (javaLangClass < 0) {
            fake += 8;
            javaLangClass = addClass(fake, "java.lang.Class", null);
            synthetic.add(new long[] {fake, javaLangClass});
        }
        BigLongList extraIds = new BigLongList();
        BigLongList extraOffsets = new BigLongList();
        scan.idParts.add(extraIds);
        scan.offsetParts.add(extraOffsets);
        for (long[] s : synthetic) {
            extraIds.add(s[0]);
            extraOffsets.add(-2 - s[1]);
        }
        boolean loaderZero = false;
        for (ClassDump d : scan.classes) {
            loaderZero |= d.loaderId() == 0;
        }
        if (loaderZero) {
            // MAT models class loader id 0 as a pseudo object: "<system class loader>".
            pseudoLoaderId = 0;
            extraIds.add(0);
            extraOffsets.add(HeapIndex.PSEUDO_LOADER);
        }
    }

    /** Deeper chains are damage: real hierarchies are a few dozen deep, and every walk up one is bounded by this. */
    static final int MAX_SUPERCLASSES = 256;
    private static final long MIN_LAYOUT_SLOTS = 1L << 22;
    private static final long LAYOUT_SLOTS_PER_FIELD = 32;

    /** Superclass links, instance layouts and MAT sizes; needs refSize and alignment. */
    private void layoutClasses() {
        int n = classes.size();
        int[] sup = superOrdinals();
        // Each class's layout is its own fields, then its superclass's shifted after them (HotSpot
        // packs them so); computed supers first, by an explicit stack: a chain may be long.
        int[][] offs = new int[n][];
        long[][] names = new long[n][];
        int[][] allOffs = new int[n][];
        long[][] allNames = new long[n][];
        byte[][] allTypes = new byte[n][];
        int[] bytes = new int[n];
        long[] size = new long[n];
        boolean[] done = new boolean[n];
        int[] stack = new int[n];
        int[] depth = new int[n];
        // Each class holds its whole chain's fields, so a crafted chain would cost depth^2: the
        // slots of all layouts are capped well above real dumps' (a few per declared field).
        long ownFields = 0;
        for (ClassInfo c : classes) {
            ownFields += c.dump() == null ? 0 : c.dump().fieldTypes().length;
        }
        long budget = Math.max(MIN_LAYOUT_SLOTS, LAYOUT_SLOTS_PER_FIELD * ownFields);
        Damage deep = new Damage(scan.damage);
        Damage wide = new Damage(scan.damage);
        for (int i = 0; i < n; i++) {
            int top = 0;
            for (int k = i; k >= 0 && !done[k]; k = sup[k]) {
                stack[top++] = k; // sup[] has no cycles left, so this ends within n steps
            }
            while (top > 0) {
                int k = stack[--top];
                int s = sup[k];
                int own = classes.get(k).dump() == null ? 0 : classes.get(k).dump().fieldTypes().length;
                if (s >= 0 && depth[s] + 1 > MAX_SUPERCLASSES) {
                    long at = classes.get(k).dump().offset();
                    deep.add(at, "class " + classes.get(k).name() + " (CLASS_DUMP at byte " + at + ") has more than "
                            + MAX_SUPERCLASSES + " superclasses; the chain is cut there and the fields above are not read",
                            "more classes with chains cut at " + MAX_SUPERCLASSES + " superclasses");
                    s = sup[k] = -1;
                } else if (s >= 0 && own + (long) allOffs[s].length > budget) {
                    long at = classes.get(k).dump().offset();
                    wide.add(at, "class " + classes.get(k).name() + " (CLASS_DUMP at byte " + at + "): the dump's superclass "
                            + "chains declare more inherited fields than " + Units.count(budget) + " slots for all classes; "
                            + "its superclass link is ignored and the inherited fields are not read",
                            "more classes whose superclass links are ignored for the field limit");
                    s = sup[k] = -1;
                }
                depth[k] = s < 0 ? 0 : depth[s] + 1;
                layout(k, s, offs, names, allOffs, allNames, allTypes, bytes, size);
                budget -= allOffs[k].length;
                done[k] = true;
            }
        }
        deep.finish();
        wide.finish();
        for (int i = 0; i < n; i++) {
            ClassInfo c = classes.get(i);
            long staticBytes = 0;
            if (c.dump() != null) {
                for (byte t : c.dump().staticTypes()) {
                    staticBytes += t == Tags.T_OBJECT ? refSize : Tags.size(t, id);
                }
            }
            classes.set(i, new ClassInfo(i, c.id(), c.name(), c.kind(), c.elementType(), c.dump(), sup[i],
                    c.loaderId(), alignUp(size[i], align), alignUp(staticBytes, align), offs[i], names[i],
                    allOffs[i], allNames[i], allTypes[i], bytes[i]));
        }
    }

    /**
     * Class {@code k}'s layout and MAT size from its own fields and its superclass's (already laid
     * out). MAT: S(C) = idSize + refSize without a superclass, else alignUp(ownFieldBytes + S(super), refSize).
     */
    private void layout(int k, int s, int[][] offs, long[][] names, int[][] allOffs, long[][] allNames,
            byte[][] allTypes, int[] bytes, long[] size) {
        ClassDump d = classes.get(k).dump();
        byte[] own = d == null ? new byte[0] : d.fieldTypes();
        long[] ownNames = d == null ? new long[0] : d.fieldNameIds();
        int ownBytes = 0;
        int ownRefs = 0;
        long ownShallow = 0;
        for (byte t : own) {
            ownBytes += Tags.size(t, id);
            ownRefs += t == Tags.T_OBJECT ? 1 : 0;
            ownShallow += t == Tags.T_OBJECT ? refSize : Tags.size(t, id);
        }
        int superFields = s < 0 ? 0 : allOffs[s].length;
        int superRefs = s < 0 ? 0 : offs[s].length;
        int[] o = new int[ownRefs + superRefs];
        long[] on = new long[ownRefs + superRefs];
        int[] a = new int[own.length + superFields];
        long[] an = new long[own.length + superFields];
        byte[] at = new byte[own.length + superFields];
        int off = 0;
        int r = 0;
        for (int f = 0; f < own.length; f++) {
            if (own[f] == Tags.T_OBJECT) {
                o[r] = off;
                on[r++] = ownNames[f];
            }
            a[f] = off;
            an[f] = ownNames[f];
            at[f] = own[f];
            off += Tags.size(own[f], id);
        }
        if (s >= 0) {
            for (int f = 0; f < superRefs; f++) {
                o[ownRefs + f] = offs[s][f] + ownBytes;
                on[ownRefs + f] = names[s][f];
            }
            for (int f = 0; f < superFields; f++) {
                a[own.length + f] = allOffs[s][f] + ownBytes;
                an[own.length + f] = allNames[s][f];
                at[own.length + f] = allTypes[s][f];
            }
        }
        offs[k] = o;
        names[k] = on;
        allOffs[k] = a;
        allNames[k] = an;
        allTypes[k] = at;
        bytes[k] = ownBytes + (s < 0 ? 0 : bytes[s]);
        size[k] = s < 0 ? id + refSize : alignUp(ownShallow + size[s], refSize);
    }

    /**
     * Each class's superclass ordinal, -1 for none (or one without a CLASS_DUMP). A crafted or
     * damaged dump can name a class as its own superclass or close a cycle (A extends B extends
     * A): every walk up the chain would spin, so each class on a cycle loses its link, and the
     * dump's problems say which and where.
     */
    private int[] superOrdinals() {
        int n = classes.size();
        int[] sup = new int[n];
        for (int i = 0; i < n; i++) {
            ClassDump d = classes.get(i).dump();
            long s = d == null ? 0 : d.superId();
            sup[i] = s == 0 ? -1 : (int) ordinalById.get(s);
        }
        // Each class has at most one superclass: walk from each unvisited class, marking the path;
        // meeting the current path again closes a cycle, meeting an earlier walk's class does not.
        int[] walk = new int[n]; // 0 unvisited, else the walk (i + 1) that reached it
        int[] pathPos = new int[n];
        int[] path = new int[n];
        Damage self = new Damage(scan.damage);
        Damage cycles = new Damage(scan.damage);
        List<int[]> found = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int len = 0;
            int k = i;
            while (k >= 0 && walk[k] == 0) {
                walk[k] = i + 1;
                pathPos[k] = len;
                path[len++] = k;
                k = sup[k];
            }
            if (k >= 0 && walk[k] == i + 1) {
                found.add(java.util.Arrays.copyOfRange(path, pathPos[k], len));
            }
        }
        for (int[] cycle : found) {
            for (int c = 0; c < cycle.length; c++) {
                ClassInfo ci = classes.get(cycle[c]);
                long at = ci.dump().offset();
                if (cycle.length == 1) {
                    self.add(at, "class " + ci.name() + " (CLASS_DUMP at byte " + at
                            + ") names itself as its superclass; the link is ignored", "more classes name themselves as their superclass");
                } else {
                    StringBuilder chain = new StringBuilder();
                    for (int j = 0; j <= cycle.length; j++) {
                        if (j > 0) {
                            chain.append(" -> ");
                        }
                        if (j == 3 && cycle.length > 4) {
                            chain.append("... (").append(cycle.length).append(" classes) -> ");
                            j = cycle.length;
                        }
                        chain.append(classes.get(cycle[(c + j) % cycle.length]).name());
                    }
                    cycles.add(at, "class " + ci.name() + " (CLASS_DUMP at byte " + at + ") is in a superclass cycle ("
                            + chain + "); its superclass link is ignored", "more classes in superclass cycles");
                }
            }
            for (int c : cycle) {
                sup[c] = -1;
            }
        }
        self.finish();
        cycles.finish();
        return sup;
    }

    /** Damage lines of one kind: at most {@link #LIMIT}, then one counting the rest, so a crafted dump stays readable. */
    private static final class Damage {
        static final int LIMIT = 20;
        private final List<Truncation> to;
        private long count;
        private long firstOmitted;
        private String rest;

        Damage(List<Truncation> to) {
            this.to = to;
        }

        void add(long offset, String what, String restLabel) {
            if (count++ < LIMIT) {
                to.add(new Truncation(offset, what));
            } else if (count == LIMIT + 1) {
                firstOmitted = offset;
                rest = restLabel;
            }
        }

        void finish() {
            if (count > LIMIT) {
                to.add(new Truncation(firstOmitted, "and " + (count - LIMIT) + " " + rest + " (the first at byte "
                        + firstOmitted + ")"));
            }
        }
    }

    static long alignUp(long v, long a) {
        return (v + a - 1) / a * a;
    }

    // ---- nodes ---------------------------------------------------------------------------

    private void sortNodes() {
        long n = scan.objectCount();
        RadixSort.Sorted sorted = RadixSort.sort(scan.idParts, scan.offsetParts, n, spill, parallel);
        scan.releaseObjects();
        out.extraArenas.add(sorted.arena());
        out.idsArena = sorted.arena();
        LongArray ids = sorted.keys();
        LongArray offs = sorted.values();
        // Drop duplicate ids (damaged dumps): the first record in file order wins. Looked for
        // first, on every core: a sound dump has none, and then nothing needs rewriting.
        long w = repeatsId(ids, n) ? 0 : n;
        long repeats = 0;
        long firstRepeat = Long.MAX_VALUE;
        for (long i = w; i < n; i++) {
            long v = ids.get(i);
            if (w > 0 && ids.get(w - 1) == v) {
                long off = offs.get(i);
                if (off >= 0) { // a record's offset (negative ones mark synthetic nodes)
                    repeats++;
                    firstRepeat = Math.min(firstRepeat, off);
                }
                continue;
            }
            ids.set(w, v);
            offs.set(w, offs.get(i));
            w++;
        }
        if (repeats > 0) {
            scan.damage.add(new Truncation(firstRepeat, (repeats == 1 ? "an object record repeats the id of an earlier one"
                    : Units.count(repeats) + " object records repeat the ids of earlier ones") + " (the first at byte "
                    + firstRepeat + "); only the first record of each id is read"));
        }
        out.nodeCount = w;
        out.ids = LongArray.wrap(ids.segment().asSlice(0, w * 8));
        builtOffsets = LongArray.wrap(offs.segment().asSlice(0, w * 8));
        out.offsets = OffsetColumn.of(builtOffsets);
    }

    /** Whether two neighbours of the sorted {@code ids} are equal. */
    private boolean repeatsId(LongArray ids, long n) {
        int parts = parallel && n >= 1 << 20 ? Runtime.getRuntime().availableProcessors() : 1;
        return IntStream.range(0, parts).parallel().anyMatch(part -> {
            long from = Math.max(1, n * part / parts);
            long to = n * (part + 1) / parts;
            long same = 0;
            for (long i = from; i < to; i++) {
                long d = ids.get(i) ^ ids.get(i - 1);
                same |= ~((d | -d) >> 63); // all ones when equal, without a branch the JIT never saw taken
            }
            return same != 0;
        });
    }

    /** MAT: gcd of gaps between consecutive sorted addresses of real objects, clamped to [8, 256]. */
    private int alignment() {
        long g = 0;
        long prev = Long.MIN_VALUE;
        for (long i = 0; i < out.nodeCount; i++) {
            long off = builtOffsets.get(i);
            if (off < 0) {
                continue;
            }
            long v = out.ids.get(i);
            if (prev != Long.MIN_VALUE) {
                g = gcd(g, v - prev);
                if (g != 0 && g <= 8) {
                    return 8;
                }
            }
            prev = v;
        }
        if (g == 0) {
            return 8;
        }
        return (int) Math.max(8, Math.min(256, g));
    }

    private static long gcd(long a, long b) {
        while (b != 0) {
            long t = a % b;
            a = b;
            b = t;
        }
        return a;
    }

    // ---- roots ---------------------------------------------------------------------------

    private Map<Long, LongList> resolveRoots(Arena arena) {
        IdMap map = out.idMap;
        long n = scan.rootIds.size();
        LongArray nodes = LongArray.allocate(arena, n);
        IntArray kinds = IntArray.allocate(arena, n);
        LongArray serials = LongArray.allocate(arena, n);
        LongLongMap threadNodes = new LongLongMap(64, -1);
        for (long s : scan.threadObjectBySerial.keys()) {
            long node = map.index(scan.threadObjectBySerial.get(s));
            if (node >= 0) {
                threadNodes.put(s, node);
            }
        }
        Map<Long, LongList> threadEdges = new HashMap<>();
        Bits isRoot = new Bits(arena, out.nodeCount);
        LongList rootList = new LongList();
        long kept = 0;
        long dropped = 0;
        boolean sticky = scan.rootCountsByKind[Tags.ROOT_STICKY_CLASS] > 0;
        for (long i = 0; i < n; i++) {
            long node = map.index(scan.rootIds.get(i));
            long meta = scan.rootMeta.get(i);
            int kind = (int) (meta >>> 32);
            long serial = meta & 0xffffffffL;
            if (node < 0) {
                dropped++;
                continue;
            }
            nodes.set(kept, node);
            kinds.set(kept, kind);
            serials.set(kept, serial);
            kept++;
            GcRootKind k = GcRootKind.of(kind);
            long thread = k.threadLocal() ? threadNodes.get(serial) : -1;
            if (thread >= 0) {
                threadEdges.computeIfAbsent(thread, t -> new LongList()).add(node);
            } else if (isRoot.add(node)) {
                rootList.add(node);
            }
        }
        if (!sticky) {
            // MAT: without STICKY_CLASS roots, every non-array class of the bootstrap loader is a root.
            for (ClassInfo c : classes) {
                long node = map.index(c.id());
                if (c.dump() != null && c.loaderId() == 0 && !c.isArray() && node >= 0 && isRoot.add(node)) {
                    rootList.add(node);
                }
            }
        }
        LongArray roots = LongArray.allocate(arena, rootList.size());
        rootList.copyTo(roots, 0);
        out.roots = roots;
        LongLongMap traces = new LongLongMap(64, -1);
        for (long s : scan.threadTraceBySerial.keys()) {
            traces.put(s, scan.threadTraceBySerial.get(s));
        }
        out.gcRoots = new GcRoots(nodes, kinds, serials, kept, dropped, threadNodes, traces);
        return threadEdges;
    }

    // ---- edges ---------------------------------------------------------------------------

    private void extractEdges(Arena arena, Map<Long, LongList> threadEdges, Progress progress) {
        long n = out.nodeCount;
        // In an arena of its own, so that it can be freed alone once written (HeapIndex.moveToFile).
        Arena classOfArena = spill.shared();
        out.extraArenas.add(classOfArena);
        out.classOfArena = classOfArena;
        ClassColumn classOf = ClassColumn.allocate(classOfArena, n, classes.size());
        IntArray shallow = IntArray.allocate(arena, n);
        // Per-node edge counts, then (prefix-summed) edge starts: 4 bytes each while the edges
        // number below 2^31, which only the end of the pass knows; widened then if need be.
        Arena countsArena = spill.shared();
        out.extraArenas.add(countsArena);
        IntArray counts = IntArray.allocate(countsArena, n + 1);
        IndexArray starts;
        LongLongMap huge = new LongLongMap(16, 0);
        LongLongMap threadSlot = new LongLongMap(threadEdges.size() + 4, -1);
        List<LongList> threadLists = new ArrayList<>();
        for (Map.Entry<Long, LongList> e : threadEdges.entrySet()) {
            threadSlot.put(e.getKey(), threadLists.size());
            threadLists.add(e.getValue());
        }
        EdgeTasks plan = EdgeTasks.of(n, chunkNodes, Math.min(HEAD_NODES, chunkNodes / 2), !spill.active());
        long[] taskStarts = plan.starts();
        int tasks = plan.count();
        boolean compact = n < Integer.MAX_VALUE;
        // Targets are ints while node indices fit (half the memory), longs beyond.
        int width = compact ? Integer.BYTES : Long.BYTES;
        EdgeSink[] sinks = new EdgeSink[tasks];
        AtomicLong done = new AtomicLong();
        progress.phase("Extracting references", n, Progress.Unit.ITEMS);
        long loaderNode = pseudoLoaderId == Long.MIN_VALUE ? -1 : out.idMap.index(pseudoLoaderId);
        int loaderClass = pseudoLoaderClass();
        // Nodes with thread-local roots take their extra edges outside the per-node loop, so that
        // loop has no branch its first thousands of nodes never take (each such branch cost a
        // deoptimisation and a recompilation of the loop mid-pass).
        long[] threadNodes = new long[threadLists.size()];
        for (long t : threadSlot.keys()) {
            threadNodes[(int) threadSlot.get(t)] = t;
        }
        java.util.Arrays.sort(threadNodes);
        // Spilled, the pass resolves references through a bitmap, in anonymous memory: it is the
        // pass's one randomly read array. In memory the IdMap is as fast and the bitmap would
        // only add its size to the open's peak (18 MB of max RSS on the benchmark dump).
        Arena bitmapArena = Arena.ofShared();
        if (spill.active()) {
            b.readInOrder(true);
        }
        try (Scratch scratch = new Scratch(spill, width)) {
            bitmap = spill.active() ? AddressBitmap.of(bitmapArena, out.ids, n, out.idMap,
                    parallel && n >= 1 << 20 ? Runtime.getRuntime().availableProcessors() : 1) : null;
            if (spill.active() && Boolean.getBoolean("inquest.graph.trace")) {
                System.err.println("  address bitmap: " + (bitmap == null ? "none (ids too sparse)"
                        : Units.bytes(bitmap.bytes()) + " for " + Units.count(n) + " nodes"));
            }
            if (spill.active() && bitmap != null) {
                // The pass reads neither the ids (but for a class's own) nor the directory: under a
                // memory limit their pages would only crowd out the ones it streams through.
                NativeMemory.advise(out.ids.segment(), NativeMemory.Access.PAGE_OUT);
                NativeMemory.advise(out.idMap.directorySegment(), NativeMemory.Access.PAGE_OUT);
            }
            // Spilled, the columns the pass streams through are file mappings: a fault on one
            // reads a readahead window around it, half of it behind the pass (pages it is done
            // with, read back from disk); read ahead only.
            streams(NativeMemory.Access.SEQUENTIAL, builtOffsets.segment(), classOf.segment(), shallow.segment(),
                    counts.segment());
            // Each worker takes the next task from one counter, in the plan's order: small heads
            // spread over the whole dump first, then the rest (see EdgeTasks).
            java.util.concurrent.atomic.AtomicInteger nextTask = new java.util.concurrent.atomic.AtomicInteger();
            // A worker that fails (a cancel, a damaged record) stops the others at their next task.
            java.util.concurrent.atomic.AtomicBoolean failed = new java.util.concurrent.atomic.AtomicBoolean();
            int workers = parallel ? Math.max(1, Math.min(tasks, Runtime.getRuntime().availableProcessors())) : 1;
            Runnable worker = () -> {
                try {
                    EdgeReader reader = new EdgeReader();
                    for (int t = nextTask.getAndIncrement(); t < tasks && !failed.get(); t = nextTask.getAndIncrement()) {
                        progress.checkCancelled();
                        int task = plan.order(t);
                        long from = taskStarts[task];
                        long to = taskStarts[task + 1];
                        EdgeSink edges = new EdgeSink(scratch);
                        long node = from;
                        int thread = java.util.Arrays.binarySearch(threadNodes, from);
                        thread = thread >= 0 ? thread : -thread - 1;
                        while (node < to) {
                            long stop = thread < threadNodes.length ? Math.min(to, threadNodes[thread]) : to;
                            reader.nodes(node, stop, edges, classOf, shallow, counts, huge, loaderNode, loaderClass);
                            node = stop;
                            if (node < to) {
                                long before = edges.size();
                                reader.nodes(node, node + 1, edges, classOf, shallow, counts, huge, loaderNode, loaderClass);
                                LongList extra = threadLists.get((int) threadSlot.get(node));
                                for (long i = 0; i < extra.size(); i++) {
                                    edges.add(extra.get(i));
                                }
                                counts.set(node + 1, (int) (edges.size() - before));
                                node++;
                                thread++;
                            }
                        }
                        edges.finish();
                        sinks[task] = edges;
                        progress.progress(done.addAndGet(to - from));
                        // Nodes are in address order, which HotSpot also writes in: a node range reads about its share of the file.
                        b.readAbout(b.size() / Math.max(1, n) * (to - from), HeapScanner.RESIDENT_BUDGET);
                        if (spill.active()) {
                            dropRead(from, to, n);
                        }
                    }
                } catch (RuntimeException | Error e) {
                    failed.set(true);
                    throw e;
                }
            };
            if (workers == 1) {
                worker.run();
            } else {
                IntStream.range(0, workers).parallel().forEach(w -> worker.run());
            }
            // The dump's pages are done with: drop them before the edges are copied into place,
            // the pass's other memory peak.
            b.releaseResident();
            bitmap = null;
            bitmapArena.close();
            // Each task's first edge goes after all the earlier tasks' edges: the edge starts
            // follow task by task, side by side, instead of in one pass over every node.
            long[] taskBase = new long[tasks + 1];
            for (int t = 0; t < tasks; t++) {
                taskBase[t + 1] = taskBase[t] + sinks[t].size();
            }
            long edgeCount = taskBase[tasks];
            boolean wideStarts = IndexArray.needsWide(edgeCount);
            IndexArray placed = wideStarts ? IndexArray.allocate(arena, n + 1, true) : IndexArray.wrap(counts.segment(), false);
            IntStream byTask = IntStream.range(0, tasks);
            (parallel ? byTask.parallel() : byTask).forEach(t -> {
                long run = taskBase[t];
                for (long i = taskStarts[t]; i < taskStarts[t + 1]; i++) {
                    run += counts.get(i + 1);
                    placed.set(i + 1, run);
                }
            });
            if (wideStarts) {
                out.extraArenas.remove(countsArena);
                countsArena.close();
            }
            starts = placed;
            MemorySegment targets = compact ? IntArray.allocate(arena, edgeCount).segment()
                    : LongArray.allocate(arena, edgeCount).segment();
            streams(NativeMemory.Access.SEQUENTIAL, targets);
            IntStream copies = IntStream.range(0, tasks);
            (parallel ? copies.parallel() : copies).forEach(c -> {
                long at = taskBase[c] * width;
                for (Piece piece : sinks[c].pieces) {
                    MemorySegment.copy(piece.segment(), 0, targets, at, piece.segment().byteSize());
                    at += piece.segment().byteSize();
                    piece.block().copied();
                }
                sinks[c] = null;
            });
            streams(NativeMemory.Access.NORMAL, targets, placed.segment());
            out.targets32 = compact ? IntArray.wrap(targets) : null;
            out.targets64 = compact ? null : LongArray.wrap(targets);
        } finally {
            if (spill.active()) {
                b.readInOrder(false);
            }
            streams(NativeMemory.Access.NORMAL, builtOffsets.segment(), classOf.segment(), shallow.segment());
            bitmap = null;
            if (bitmapArena.scope().isAlive()) {
                bitmapArena.close();
            }
        }
        b.releaseResident();
        out.classOf = classOf;
        out.shallow = shallow;
        out.hugeShallow = huge;
        out.edgeStarts = starts;
    }

    /** Advises the kernel how the pass reads {@code columns}, when they are spill files. */
    private void streams(NativeMemory.Access access, MemorySegment... columns) {
        if (spill.active()) {
            for (MemorySegment c : columns) {
                NativeMemory.advise(c, access);
            }
        }
    }

    /**
     * Drops the dump's pages that nodes {@code from .. to-1} were read from, when their records
     * lie together (as HotSpot writes them, in address order): the pass will not read them again.
     */
    private void dropRead(long from, long to, long n) {
        long lo = Long.MAX_VALUE;
        long hi = -1;
        for (long node = from; node < to; node++) {
            long off = builtOffsets.get(node);
            if (off >= 0) {
                lo = Math.min(lo, off);
                hi = Math.max(hi, off);
            }
        }
        // A range far wider than its share holds other tasks' records: leave it to the kernel.
        if (hi >= lo && hi - lo <= 4 * (b.size() / Math.max(1, n)) * (to - from)) {
            b.dropRange(lo, hi);
        }
    }

    private int pseudoLoaderClass() {
        for (String name : new String[] {"java.lang.ClassLoader", "java.lang.Object"}) {
            for (ClassInfo c : classes) {
                if (c.name().equals(name) && !c.synthetic()) {
                    return c.ordinal();
                }
            }
        }
        return javaLangClass;
    }

    /**
     * Off-heap scratch for the edges before their final place is known (that needs every node's
     * count). Each worker thread fills its own blocks, each block in an arena of its own: a block
     * is unmapped as soon as its last piece is copied into place, so the copy does not hold the
     * edges twice. On-heap lists here cost the JVM a heap of twice the edges' size, which it kept.
     */
    private static final class Scratch implements AutoCloseable {
        static final long BLOCK_EDGES = 1 << 20;
        /**
         * A worker's first block; each next one is twice the last, up to {@link #BLOCK_EDGES}. Small
         * first blocks make "this block is full" happen while the JIT still profiles the pass, so
         * its compiled code keeps that path instead of trapping (and recompiling) on it later.
         */
        static final long FIRST_BLOCK_EDGES = 1 << 12;
        final Spill spill;
        final int width;
        final List<Block> all = java.util.Collections.synchronizedList(new ArrayList<>());
        /** The calling worker's block being filled; starts full so the first edge takes a fresh one. */
        final ThreadLocal<Block> current = ThreadLocal.withInitial(() -> new Block(null, null, FIRST_BLOCK_EDGES / 2, FIRST_BLOCK_EDGES / 2));

        Scratch(Spill spill, int width) {
            this.spill = spill;
            this.width = width;
        }

        Block fresh() {
            Arena arena = spill.shared();
            long capacity = Math.min(BLOCK_EDGES, 2 * current.get().capacity);
            MemorySegment segment = NativeMemory.allocate(arena, capacity * width);
            if (spill.active()) {
                NativeMemory.advise(segment, NativeMemory.Access.SEQUENTIAL); // written, then read, once, in order
            }
            Block b = new Block(arena, segment, 0, capacity);
            all.add(b);
            current.set(b);
            return b;
        }

        /** Frees the blocks a failed or cancelled pass left (a finished one has freed them all). */
        @Override
        public void close() {
            synchronized (all) {
                all.forEach(Block::release);
            }
        }
    }

    private static final class Block {
        final Arena arena;
        final MemorySegment segment;
        final java.util.concurrent.atomic.AtomicInteger pieces = new java.util.concurrent.atomic.AtomicInteger();
        final java.util.concurrent.atomic.AtomicBoolean released = new java.util.concurrent.atomic.AtomicBoolean();
        long used;

        final long capacity;

        Block(Arena arena, MemorySegment segment, long used, long capacity) {
            this.arena = arena;
            this.segment = segment;
            this.used = used;
            this.capacity = capacity;
        }

        /** One of this block's pieces is in place; the last one frees the block. */
        void copied() {
            if (pieces.decrementAndGet() == 0) {
                release();
            }
        }

        void release() {
            if (arena != null && released.compareAndSet(false, true)) {
                arena.close();
            }
        }
    }

    /** A run of one node range's targets inside a block. */
    private record Piece(MemorySegment segment, Block block) {
    }

    /** Where a worker collects one node range's targets: pieces of its blocks, in order. */
    private static final class EdgeSink {
        final Scratch scratch;
        final List<Piece> pieces = new ArrayList<>(2);
        Block block;
        long pieceStart;
        long size;

        EdgeSink(Scratch scratch) {
            this.scratch = scratch;
            this.block = scratch.current.get();
            this.pieceStart = block.used;
        }

        void add(long target) {
            if (block.used == block.capacity) {
                finish();
                block = scratch.fresh();
                pieceStart = 0;
            }
            if (scratch.width == Integer.BYTES) {
                block.segment.setAtIndex(ValueLayout.JAVA_INT_UNALIGNED, block.used++, (int) target);
            } else {
                block.segment.setAtIndex(ValueLayout.JAVA_LONG_UNALIGNED, block.used++, target);
            }
            size++;
        }

        /**
         * Adds {@code target} unless it is -1 (a reference to no object in the dump), without a
         * branch on which: such references are rare, and a branch the JIT never saw taken traps
         * and recompiles the pass's hottest method the first time it is.
         */
        void addFound(long target) {
            if (block.used == block.capacity) {
                finish();
                block = scratch.fresh();
                pieceStart = 0;
            }
            if (scratch.width == Integer.BYTES) {
                block.segment.setAtIndex(ValueLayout.JAVA_INT_UNALIGNED, block.used, (int) target);
            } else {
                block.segment.setAtIndex(ValueLayout.JAVA_LONG_UNALIGNED, block.used, target);
            }
            long one = 1 + (target >> 63); // 0 for -1, else 1
            block.used += one;
            size += one;
        }

        long size() {
            return size;
        }

        /** Closes the current piece; the block's rest goes to the worker's next range. */
        void finish() {
            if (block.used > pieceStart) {
                block.pieces.incrementAndGet();
                pieces.add(new Piece(block.segment.asSlice(pieceStart * scratch.width, (block.used - pieceStart) * scratch.width),
                        block));
            }
            pieceStart = block.used;
        }
    }

    /** Per-thread reader: remembers the last class looked up (instances of one class cluster). */
    private final class EdgeReader {
        // Direct-mapped cache of class id -> ordinal: neighbours in a heap alternate among a few classes.
        private final long[] cachedIds = new long[256];
        private final int[] cachedOrdinals = new int[256];

        EdgeReader() {
            java.util.Arrays.fill(cachedOrdinals, -1);
        }

        private int ordinal(long classId) {
            int slot = (int) ((classId * 0x9E3779B97F4A7C15L) >>> 56);
            if (cachedOrdinals[slot] >= 0 && cachedIds[slot] == classId) {
                return cachedOrdinals[slot];
            }
            int ord = (int) ordinalById.get(classId);
            cachedIds[slot] = classId;
            cachedOrdinals[slot] = ord;
            return ord;
        }

        private final AddressBitmap bitmap = HeapIndexBuilder.this.bitmap;

        private void edge(long targetId, EdgeSink edges) {
            if (targetId != 0) {
                edges.addFound(bitmap != null ? bitmap.index(targetId) : out.idMap.index(targetId));
            }
        }

        private void classEdge(int ordinal, EdgeSink edges) {
            long t = out.classNodes[ordinal];
            if (t >= 0) {
                edges.add(t);
            }
        }

        /** Nodes {@code from .. to-1}: their edges, classes, shallow sizes and edge counts. */
        void nodes(long from, long to, EdgeSink edges, ClassColumn classOf, IntArray shallow, IntArray counts,
                LongLongMap huge, long loaderNode, int loaderClass) {
            for (long node = from; node < to; node++) {
                long before = edges.size();
                long size = node(node, edges, classOf, loaderNode, loaderClass);
                if (size > Integer.MAX_VALUE) {
                    synchronized (huge) {
                        huge.put(node, size);
                    }
                    shallow.set(node, -1);
                } else {
                    shallow.set(node, (int) size);
                }
                counts.set(node + 1, (int) (edges.size() - before));
            }
        }

        /** Adds the node's edges, sets its class; returns its shallow size. */
        long node(long node, EdgeSink edges, ClassColumn classOf, long loaderNode, int loaderClass) {
            long off = builtOffsets.get(node);
            if (off == HeapIndex.PSEUDO_LOADER) {
                classOf.set(node, loaderClass);
                // MAT's "<system class loader>" is an instance of java.lang.ClassLoader and weighs
                // what one would: MAT's used heap counts it (the 56 bytes of a 32-bit JDK 6 dump,
                // the 136 of a 64-bit JDK 5 one). No class to size it by: it weighs nothing.
                return loaderClass == javaLangClass ? 0 : classes.get(loaderClass).instanceShallow();
            }
            if (off < 0) {
                classOf.set(node, javaLangClass);
                classEdge(javaLangClass, edges);
                return 0;
            }
            int tag = b.u1(off);
            switch (tag) {
                case Tags.INSTANCE_DUMP -> {
                    int ord = ordinal(b.id(RecordLayout.instanceClassIdAt(off, id), id));
                    classOf.set(node, ord);
                    ClassInfo c = classes.get(ord);
                    classEdge(ord, edges);
                    long len = b.u4unsigned(RecordLayout.instanceLengthAt(off, id));
                    long data = RecordLayout.instanceFieldsAt(off, id);
                    for (int ro : c.refOffsets()) {
                        if (ro + id <= len) {
                            edge(b.id(data + ro, id), edges);
                        }
                    }
                    return c.instanceShallow();
                }
                case Tags.OBJ_ARRAY_DUMP -> {
                    long len = b.u4unsigned(RecordLayout.arrayLengthAt(off, id));
                    int ord = ordinal(b.id(RecordLayout.objArrayClassIdAt(off, id), id));
                    classOf.set(node, ord);
                    classEdge(ord, edges);
                    long data = RecordLayout.objArrayElementsAt(off, id);
                    for (long i = 0; i < len; i++) {
                        edge(b.id(data + i * id, id), edges);
                    }
                    return alignUp(id + refSize + 4 + len * refSize, align);
                }
                case Tags.PRIM_ARRAY_DUMP -> {
                    long len = b.u4unsigned(RecordLayout.arrayLengthAt(off, id));
                    int type = b.u1(RecordLayout.primArrayTypeAt(off, id));
                    int ord = primitiveClass[type];
                    classOf.set(node, ord);
                    classEdge(ord, edges);
                    return alignUp(alignUp(id + refSize + 4, refSize) + len * Tags.size(type, id), align);
                }
                case Tags.CLASS_DUMP -> {
                    classOf.set(node, javaLangClass);
                    classEdge(javaLangClass, edges);
                    int self = (int) ordinalById.get(out.ids.get(node));
                    ClassInfo c = classes.get(self);
                    ClassDump d = c.dump();
                    if (d == null) {
                        return 0;
                    }
                    edge(d.superId(), edges);
                    if (d.loaderId() == 0) {
                        if (loaderNode >= 0) {
                            edges.add(loaderNode);
                        }
                    } else {
                        edge(d.loaderId(), edges);
                    }
                    for (int i = 0; i < d.staticTypes().length; i++) {
                        if (d.staticTypes()[i] == Tags.T_OBJECT) {
                            edge(b.id(d.staticValueOffsets()[i], id), edges);
                        }
                    }
                    return c.staticShallow();
                }
                default -> throw new IllegalStateException("node " + node + " points at tag " + tag + " at byte " + off);
            }
        }
    }

    // ---- reachability --------------------------------------------------------------------

    /** With "keep unreachable objects", extends the roots so that every node is reachable. */
    private void rootUnreachable(Arena arena, Progress progress) {
        long n = out.nodeCount;
        progress.phase("Marking reachable objects", n, Progress.Unit.ITEMS);
        Bits seen = new Bits(arena, n);
        try (Arena tmp = spill.confined()) {
            LongArray queue = LongArray.allocate(tmp, n);
            long[] tail = {0};
            for (long i = 0; i < out.roots.length(); i++) {
                if (seen.add(out.roots.get(i))) {
                    queue.set(tail[0]++, out.roots.get(i));
                }
            }
            long head = bfs(queue, 0, tail, seen, progress);
            if (tail[0] < n) {
                // MAT's "keep unreachable objects": those without inbound references become roots;
                // what is left (unreachable cycles) is rooted at its lowest node.
                Bits hasInbound = new Bits(tmp, n);
                for (long e = 0; e < out.edgeStarts.get(n); e++) {
                    hasInbound.set(out.targets32 != null ? out.targets32.get(e) : out.targets64.get(e));
                }
                LongList extra = new LongList();
                for (long v = 0; v < n; v++) {
                    if (!seen.get(v) && !hasInbound.get(v)) {
                        extra.add(v);
                        seen.set(v);
                        queue.set(tail[0]++, v);
                    }
                }
                head = bfs(queue, head, tail, seen, progress);
                for (long v = 0; v < n && tail[0] < n; v++) {
                    if (seen.add(v)) {
                        extra.add(v);
                        queue.set(tail[0]++, v);
                        head = bfs(queue, head, tail, seen, progress);
                    }
                }
                LongArray roots = LongArray.allocate(arena, out.roots.length() + extra.size());
                MemorySegmentCopy.copy(out.roots, roots);
                extra.copyTo(roots, out.roots.length());
                out.roots = roots;
            }
        }
    }

    private long bfs(LongArray queue, long head, long[] tail, Bits seen, Progress progress) {
        while (head < tail[0]) {
            long v = queue.get(head++);
            if ((head & 0xffff) == 0) {
                progress.progress(head);
                progress.checkCancelled();
            }
            long end = out.edgeStarts.get(v + 1);
            for (long e = out.edgeStarts.get(v); e < end; e++) {
                long t = out.targets32 != null ? out.targets32.get(e) : out.targets64.get(e);
                if (seen.add(t)) {
                    queue.set(tail[0]++, t);
                }
            }
        }
        return head;
    }

    /** Tiny helper so the roots array can grow without a loop at the call site. */
    private static final class MemorySegmentCopy {
        static void copy(LongArray from, LongArray to) {
            to.segment().asSlice(0, from.length() * 8).copyFrom(from.segment());
        }
    }
}
