package dev.inquest.heap.query;

import dev.inquest.format.Units;
import dev.inquest.heap.graph.DominatorTree;
import dev.inquest.heap.index.ClassInfo;
import dev.inquest.heap.index.DumpInternals;
import dev.inquest.heap.index.HeapIndex;
import dev.inquest.heap.model.FieldValue;
import dev.inquest.heap.model.HeapDump;
import dev.inquest.heap.model.ThreadInfo;
import dev.inquest.progress.Progress;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Memory beyond the heap that a heap dump can still account for (issue 20): the direct and mapped
 * byte buffers, and the threads' stacks.
 *
 * <p><b>Buffers.</b> Every instance of a {@code java.nio.Direct*Buffer*} class is a direct buffer
 * ({@code DirectByteBuffer}, its read-only {@code DirectByteBufferR}, typed views such as
 * {@code DirectIntBufferU}; a mapped buffer is a {@code DirectByteBuffer} too, its
 * {@code MappedByteBuffer.fd} set). The JDK's own fields say who owns the memory, and this follows
 * them so nothing is counted twice:
 * <ul>
 * <li>{@code att} set: a slice, duplicate, read-only or typed view; it shares the memory of its
 *     attachment and owns nothing (a <i>view</i>);</li>
 * <li>{@code att} null and {@code fd} set: the owner of a <i>mapped</i> region (file-backed);</li>
 * <li>{@code att} null and a {@code cleaner}: the owner of memory {@code allocateDirect} reserved
 *     (<i>direct</i>); its {@code cleaner} (a {@code jdk.internal.ref.Cleaner}, {@code sun.misc.Cleaner}
 *     before 9) frees it; a cleaner unlinked from its list ({@code next == this}) has run, so the
 *     buffer owns nothing any more (<i>freed</i>: {@code Unsafe.invokeCleaner} on a buffer still held);</li>
 * <li>{@code att} null, no cleaner, no file: memory the JDK did not allocate (JNI
 *     {@code NewDirectByteBuffer}, a memory segment's buffer): <i>external</i>.</li>
 * </ul>
 * An owner's bytes are its {@code capacity}. An owner that is not strongly reachable (unreachable,
 * or only through weak, soft or phantom references such as its own cleaner) whose cleaner has not
 * run still holds its memory: <i>pending</i>. So does a {@code DirectByteBuffer$Deallocator} on a
 * cleaner still linked whose buffer is no longer in the dump at all (a dump taken after a GC
 * collected it, before the cleaner thread ran); its {@code capacity} counts.
 * The JDK's own counters ({@code java.nio.Bits}) are read beside, as a check: they count every
 * reservation not yet freed, pending ones included.
 *
 * <p><b>Thread stacks.</b> One stack per platform thread in the dump's thread list; its configured
 * size is the {@code stackSize} the thread was created with ({@code Thread.stackSize}, from JDK 19
 * {@code Thread.holder.stackSize}), 0 meaning the JVM's default ({@code -Xss}). The default is not
 * in the heap; it is known only when a system property's value carries {@code -Xss} or
 * {@code -XX:ThreadStackSize} (launchers such as Gradle's {@code org.gradle.jvmargs} keep the JVM
 * options so), else "unknown". Configured sizes are reservations; the stacks' resident part is
 * usually smaller.
 */
public final class OffHeap {
    /** The overview shows a row when buffers hold more than this share of the used heap... */
    public static final double SIGNIFICANT_SHARE = 0.10;
    /** ... or more than this many bytes, whatever the heap. */
    public static final long SIGNIFICANT_BYTES = 64L * 1024 * 1024;
    /** The class whose instances hold the memory (mapped buffers are instances of it too): what "why alive" asks about. */
    public static final String BUFFER_CLASS = "java.nio.DirectByteBuffer";
    /** Holders named at most. */
    public static final int HOLDERS = 10;
    /** {@code att} links followed at most (the JDK makes them one deep: a view's att is its root's attachment). */
    private static final int ATT_HOPS = 8;
    /** Entries of one hash bucket's chain read at most when looking through the system properties. */
    private static final int CHAIN = 1_000;

    /**
     * The buffers of a dump.
     *
     * @param count         direct and mapped buffer objects in the dump, views included, reachable or not
     * @param views         slices, duplicates, read-only and typed views: they share their owner's memory
     * @param direct        strongly reachable owners of memory {@code allocateDirect} reserved, cleaner not run
     * @param directBytes   their capacity
     * @param mapped        strongly reachable owners of a mapped file region
     * @param mappedBytes   their capacity
     * @param external      strongly reachable owners of memory the JDK did not allocate (JNI, memory segments)
     * @param externalBytes their capacity
     * @param pending       owners not strongly reachable whose cleaner has not run, and cleaners still linked
     *                      whose buffer is gone: memory still held until the cleaner runs
     * @param pendingBytes  their capacity
     * @param freed         owners whose cleaner has already run: they hold no memory
     * @param offHeapBytes  what the buffers hold outside the heap: direct + mapped + external + pending bytes
     * @param classes       buffer objects by class, most first
     * @param holders       who holds the strongly reachable owners, most bytes first (at most {@value #HOLDERS})
     * @param jdk           the JDK's own direct memory counters, or null when the dump has none
     */
    public record Buffers(long count, long views, long direct, long directBytes, long mapped, long mappedBytes,
            long external, long externalBytes, long pending, long pendingBytes, long freed, long offHeapBytes,
            List<ClassCount> classes, List<Holder> holders, JdkCounters jdk) {
    }

    /** Buffer objects of one class. */
    public record ClassCount(String className, long count) {
    }

    /**
     * One holder of buffers.
     *
     * @param holder  "Class.field": the field of the collection's holder on its shortest strong path from a
     *                GC root (as the leak suspects name theirs), else the field that references the buffer
     *                itself; null when a GC root holds it directly
     * @param kind    the collection's kind, null when no collection holds them
     * @param via     the collection, else the object (or class) referencing the buffer; the one holding the most
     *                when several of one name are counted together
     * @param buffers owners it holds
     * @param bytes   their capacity
     */
    public record Holder(String holder, ContainerKind kind, ObjectBrief via, long buffers, long bytes) {
        public String label() {
            return holder != null ? holder : via == null ? "a GC root" : LeakSuspects.simple(via.className());
        }

        /** "OffHeapBuffers.pool (list) holds 8 buffers, 8.0 MB": the line both faces show. */
        public String describe() {
            return label() + (kind == null ? "" : " (" + kind.label() + ")") + " holds " + Units.count(buffers)
                    + (buffers == 1 ? " buffer, " : " buffers, ") + Units.bytes(bytes);
        }
    }

    /**
     * {@code java.nio.Bits}: what the JDK itself counts (every reservation not yet freed).
     *
     * @param count         buffers
     * @param totalCapacity their capacity
     * @param reserved      bytes reserved (capacity rounded up to pages with {@code -XX:+PageAlignDirectMemory})
     * @param max           the limit ({@code -XX:MaxDirectMemorySize}, else the maximum heap), or -1 when not read
     */
    public record JdkCounters(long count, long totalCapacity, long reserved, long max) {
    }

    /**
     * The threads' stacks.
     *
     * @param threads          platform threads in the dump
     * @param ownSize          threads created with a stack size of their own
     * @param ownSizeBytes     the sum of those sizes
     * @param defaultSize      the JVM's default stack size, or -1 when unknown
     * @param defaultSource    where the default was read ("system property org.gradle.jvmargs"), or null
     * @param totalBytes       the stack space the threads reserve: own sizes plus the default for the rest,
     *                         or -1 when the default is unknown and some thread uses it
     * @param sizes            threads by configured size (0 = the default), most threads first
     */
    public record ThreadStacks(long threads, long ownSize, long ownSizeBytes, long defaultSize, String defaultSource,
            long totalBytes, List<SizeCount> sizes) {
        /** "13 threads, 9.6 MB of stack reserved; default stack size 768 KB (system property ...)": the line both faces show. */
        public String describe() {
            return Units.count(threads) + (threads == 1 ? " thread, " : " threads, ")
                    + (totalBytes >= 0 ? Units.bytes(totalBytes) + " of stack reserved" : "stack total unknown")
                    + (ownSize > 0 ? " (" + Units.count(ownSize) + " with a size of their own, " + Units.bytes(ownSizeBytes) + ")" : "")
                    + "; default stack size " + (defaultSize > 0 ? Units.bytes(defaultSize) + " (" + defaultSource + ")"
                    : "unknown (no -Xss in the dump's system properties)");
        }
    }

    /** Threads with one configured stack size (0: the JVM's default). */
    public record SizeCount(long stackSize, long threads) {
    }

    /**
     * @param significant whether the buffers' own off-heap bytes are worth a row in the overview ({@link #significant})
     */
    public record Report(long usedHeap, Buffers buffers, ThreadStacks threadStacks, boolean significant) {
        /** One line for the overview and the command line: "9.3 MB in 12 direct and mapped buffers (…)". */
        public String headline() {
            Buffers b = buffers;
            long owners = b.direct + b.mapped + b.external;
            StringBuilder s = new StringBuilder(Units.bytes(b.offHeapBytes)).append(" off the heap in ")
                    .append(Units.count(owners)).append(owners == 1 ? " buffer" : " buffers");
            List<String> parts = new ArrayList<>();
            if (b.direct > 0) {
                parts.add(Units.bytes(b.directBytes) + " direct");
            }
            if (b.mapped > 0) {
                parts.add(Units.bytes(b.mappedBytes) + " mapped");
            }
            if (b.external > 0) {
                parts.add(Units.bytes(b.externalBytes) + " external");
            }
            if (b.pending > 0) {
                parts.add(Units.bytes(b.pendingBytes) + " in " + Units.count(b.pending) + " awaiting their cleaner");
            }
            if (!parts.isEmpty()) {
                s.append(" (").append(String.join(", ", parts)).append(')');
            }
            if (usedHeap > 0) {
                s.append(", ").append(Units.percent((double) b.offHeapBytes / usedHeap)).append(" of the used heap");
            }
            return s.toString();
        }
    }

    private final HeapDump dump;
    private final ObjectReader reader;
    private final HeapIndex index;
    private final DominatorTree tree;

    private OffHeap(HeapDump dump) {
        this.dump = dump;
        this.reader = new ObjectReader(dump);
        this.index = reader.index();
        this.tree = reader.tree();
    }

    public static Report of(HeapDump dump, Progress progress) {
        return new OffHeap(dump).report(progress);
    }

    /**
     * The overview's rule: a row when the buffers' own memory (direct, mapped and pending bytes;
     * external memory is left out, as JNI libraries and the runtime itself allocate it) is more than
     * {@value #SIGNIFICANT_SHARE} of the used heap (a tenth more memory than the heap figures say),
     * or more than 64 MB.
     */
    public static boolean significant(long offHeapBytes, long usedHeap) {
        return offHeapBytes > SIGNIFICANT_BYTES || offHeapBytes > SIGNIFICANT_SHARE * usedHeap;
    }

    private Report report(Progress progress) {
        progress.phase("Direct and mapped buffers", -1, Progress.Unit.ITEMS);
        Buffers b = buffers(progress);
        ThreadStacks t = threadStacks();
        long used = tree.reachableShallowSum();
        // External memory is not the buffers' own: the JDK 9-11 runtime maps its 140 MB modules image so in every dump.
        long own = b.directBytes + b.mappedBytes + b.pendingBytes;
        return new Report(used, b, t, own > 0 && significant(own, used));
    }

    // ---- buffers ----------------------------------------------------------------------------

    /** Field offsets of one buffer class, resolved once. */
    private record Layout(int att, int cleaner, int fd, int capacity) {
    }

    private Buffers buffers(Progress progress) {
        // By class ordinal, so the pass over every object boxes nothing.
        Layout[] layoutOf = new Layout[index.classes().size()];
        boolean[] isDeallocator = new boolean[layoutOf.length];
        Set<Integer> bufferClasses = new HashSet<>();
        for (ClassInfo c : index.classes()) {
            if (isDirectBufferClass(c)) {
                layoutOf[c.ordinal()] = new Layout(reader.fieldOffset(c, "att"), reader.fieldOffset(c, "cleaner"),
                        reader.fieldOffset(c, "fd"), reader.fieldOffset(c, "capacity"));
                bufferClasses.add(c.ordinal());
            } else if (c.name().equals("java.nio.DirectByteBuffer$Deallocator")) {
                isDeallocator[c.ordinal()] = true;
            }
        }
        boolean anyDeallocator = false;
        for (boolean b : isDeallocator) {
            anyDeallocator |= b;
        }
        long count = 0;
        long views = 0;
        long direct = 0;
        long directBytes = 0;
        long mapped = 0;
        long mappedBytes = 0;
        long external = 0;
        long externalBytes = 0;
        long pending = 0;
        long pendingBytes = 0;
        long freed = 0;
        Map<String, long[]> byClass = new HashMap<>();
        List<long[]> liveOwners = new ArrayList<>(); // {node, capacity}
        Set<Long> claimed = new HashSet<>(); // deallocators of owners in the dump
        long[] deallocatorNodes = new long[16];
        int deallocatorCount = 0;
        boolean none = bufferClasses.isEmpty() && !anyDeallocator;
        WhyAlive.StrongParents strong = none ? null : WhyAlive.StrongParents.of(dump, progress);
        long n = none ? 0 : index.nodeCount();
        for (long v = 0; v < n; v++) {
            if ((v & 0xFFFF) == 0) {
                progress.checkCancelled();
            }
            if (index.isClassObject(v)) {
                continue;
            }
            int ordinal = index.classOrdinal(v);
            if (ordinal < 0 || ordinal >= layoutOf.length) {
                continue;
            }
            if (isDeallocator[ordinal]) {
                if (deallocatorCount == deallocatorNodes.length) {
                    deallocatorNodes = java.util.Arrays.copyOf(deallocatorNodes, deallocatorCount * 2);
                }
                deallocatorNodes[deallocatorCount++] = v;
                continue;
            }
            Layout l = layoutOf[ordinal];
            if (l == null) {
                continue;
            }
            count++;
            byClass.computeIfAbsent(index.classOf(v).name(), k -> new long[1])[0]++;
            if (attachment(v, l.att) != 0) {
                views++;
                continue;
            }
            long capacity = Math.max(0, reader.bitsAt(v, l.capacity, dev.inquest.heap.hprof.Tags.T_INT, 0));
            long cleaner = reader.refAt(v, l.cleaner);
            boolean isMapped = reader.refAt(v, l.fd) >= 0;
            boolean live = strong.reached(v);
            if (cleaner >= 0) {
                reader.forEachRef(cleaner, (field, target) -> {
                    int o = index.isClassObject(target) ? -1 : index.classOrdinal(target);
                    if (o >= 0 && o < isDeallocator.length && isDeallocator[o]) {
                        claimed.add(target);
                    }
                });
                if (!linked(cleaner)) {
                    freed++;
                    continue;
                }
            }
            if (!live) {
                // Not strongly reachable: its memory goes when its cleaner runs; without one, the JDK never frees it.
                if (cleaner >= 0) {
                    pending++;
                    pendingBytes += capacity;
                }
                continue;
            }
            if (isMapped) {
                mapped++;
                mappedBytes += capacity;
            } else if (cleaner >= 0) {
                direct++;
                directBytes += capacity;
            } else {
                external++;
                externalBytes += capacity;
            }
            liveOwners.add(new long[] {v, capacity});
        }
        // Deallocators whose buffer is gone from the dump, on a cleaner not yet run: the memory is still reserved.
        for (int i = 0; i < deallocatorCount; i++) {
            long d = deallocatorNodes[i];
            if (!claimed.contains(d) && strong != null && strong.reached(d) && deallocatorPending(d, strong)) {
                pending++;
                pendingBytes += Math.max(0, reader.primitive(d, "capacity", 0));
            }
        }
        List<ClassCount> classes = new ArrayList<>();
        byClass.forEach((k, c) -> classes.add(new ClassCount(k, c[0])));
        classes.sort(Comparator.comparingLong(ClassCount::count).reversed().thenComparing(ClassCount::className));
        return new Buffers(count, views, direct, directBytes, mapped, mappedBytes, external, externalBytes, pending,
                pendingBytes, freed, directBytes + mappedBytes + externalBytes + pendingBytes, List.copyOf(classes),
                holders(liveOwners, bufferClasses, strong, progress), jdkCounters());
    }

    /** A {@code java.nio} class named {@code Direct...Buffer...}: the JDK's direct buffers and their views. */
    private boolean isDirectBufferClass(ClassInfo c) {
        String name = c.name();
        return name.startsWith("java.nio.Direct") && name.contains("Buffer") && !name.contains("$")
                && reader.isA(c, "java.nio.Buffer");
    }

    /** The raw {@code att} of a buffer (0 for null or no such field): nonzero even when the attachment is not in the dump. */
    private long attachment(long v, int attOffset) {
        if (attOffset < 0) {
            return 0;
        }
        long t = reader.refAt(v, attOffset);
        if (t >= 0) {
            return 1;
        }
        // refAt answers -1 for null and for an object missing from the dump; only null owns its memory.
        return reader.bitsAt(v, attOffset, dev.inquest.heap.hprof.Tags.T_OBJECT, 0) == 0 ? 0 : 1;
    }

    /**
     * Whether a cleaner has yet to run: {@code jdk.internal.ref.Cleaner.remove} (and {@code sun.misc.Cleaner}'s)
     * points a cleaner's {@code next} at itself once it has run. A cleaner of another kind (no {@code next}) is
     * taken as not run.
     */
    private boolean linked(long cleaner) {
        ClassInfo c = index.classOf(cleaner);
        int next = reader.fieldOffset(c, "next");
        if (next < 0) {
            return true;
        }
        return reader.refAt(cleaner, next) != cleaner;
    }

    /** A deallocator whose cleaner (the object whose {@code thunk} it is) is still linked. */
    private boolean deallocatorPending(long deallocator, WhyAlive.StrongParents strong) {
        long cleaner = strong.parentOf(deallocator);
        if (cleaner < 0) {
            return true;
        }
        return index.isClassObject(cleaner) || reader.fieldOffset(index.classOf(cleaner), "thunk") < 0 || linked(cleaner);
    }

    /**
     * Who holds the strongly reachable owners: the collection {@link Holdings} places each in (named
     * by its holder field), else the field its nearest strong referrer holds it by.
     */
    private List<Holder> holders(List<long[]> owners, Set<Integer> bufferClasses, WhyAlive.StrongParents strong,
            Progress progress) {
        if (owners.isEmpty()) {
            return List.of();
        }
        Containers containers = new Containers(reader);
        Holdings holdings = new Holdings(dump, reader, containers);
        Map<Long, long[]> byContainer = new HashMap<>(); // container -> {buffers, bytes}
        Map<String, long[]> byField = new HashMap<>(); // "referrer node:field" -> {buffers, bytes, referrer}
        for (long[] o : owners) {
            long v = o[0];
            long h = tree.isReachable(v) && tree.idom(v) >= 0 ? holdings.holderOf(v) : -1;
            if (h >= 0) {
                long[] acc = byContainer.computeIfAbsent(h, k -> new long[2]);
                acc[0]++;
                acc[1] += o[1];
                continue;
            }
            // No collection dominates it (its cleaner's referent and any view's att reach it too): follow its shortest
            // strong path up through arrays, collection structures and views; a collection there names it (climbed to
            // the collection its array or structure belongs to, as Holdings climbs), else the field that holds it.
            long child = v;
            long referrer = strong.parentOf(v);
            long container = -1;
            for (int i = 0; i < Holdings.UP && referrer >= 0 && !index.isClassObject(referrer); i++) {
                if (containers.isContainer(referrer)) {
                    container = referrer;
                    for (int j = 0; j < Holdings.UP; j++) {
                        long up = strong.parentOf(container);
                        if (up < 0 || index.isClassObject(up) || !(containers.isContainer(up) || containers.isStructure(up))
                                || !holdings.partOf(up, container)) {
                            break;
                        }
                        container = up;
                    }
                    break;
                }
                boolean view = bufferClasses.contains(index.classOrdinal(referrer));
                if (!view && !containers.isStructure(referrer) && reader.arrayLength(referrer) < 0) {
                    break;
                }
                child = referrer;
                referrer = strong.parentOf(referrer);
            }
            if (container >= 0) {
                long[] acc = byContainer.computeIfAbsent(container, k -> new long[2]);
                acc[0]++;
                acc[1] += o[1];
                continue;
            }
            String field = referrer < 0 ? null : fieldTo(referrer, child);
            long by = referrer;
            long[] acc = byField.computeIfAbsent(referrer + ":" + field, k -> new long[] {0, 0, by});
            acc[0]++;
            acc[1] += o[1];
        }
        List<Holder> out = new ArrayList<>();
        byContainer.forEach((c, acc) -> out.add(new Holder(holdings.holderName(c, progress), containers.kind(c),
                ObjectBrief.of(reader, c), acc[0], acc[1])));
        byField.forEach((key, acc) -> {
            long referrer = acc[2];
            String field = key.substring(key.indexOf(':') + 1);
            String name = referrer < 0 || field.equals("null") ? null
                    : LeakSuspects.simple(LeakSuspects.stripClass(reader.className(referrer))) + "." + field;
            out.add(new Holder(name, null, referrer < 0 ? null : ObjectBrief.of(reader, referrer), acc[0], acc[1]));
        });
        // One line per name: six PerfCounter objects each holding one buffer in its field lb read "PerfCounter.lb holds 6".
        out.sort(Comparator.comparingLong(Holder::bytes).reversed().thenComparing(Holder::label));
        Map<String, Holder> merged = new java.util.LinkedHashMap<>();
        for (Holder h : out) {
            merged.merge(h.label() + "\u0000" + h.kind(), h,
                    (a, b) -> new Holder(a.holder(), a.kind(), a.via(), a.buffers() + b.buffers(), a.bytes() + b.bytes()));
        }
        List<Holder> named = new ArrayList<>(merged.values());
        named.sort(Comparator.comparingLong(Holder::bytes).reversed().thenComparing(Holder::label));
        return List.copyOf(named.subList(0, Math.min(HOLDERS, named.size())));
    }

    /** The field (static for a class, instance otherwise; "[]" for an array slot) through which {@code from} references {@code to}. */
    private String fieldTo(long from, long to) {
        if (index.isClassObject(from)) {
            for (dev.inquest.heap.model.ObjectRef ref : dump.outbound(from)) {
                if (ref.node() == to) {
                    return ref.field();
                }
            }
            return null;
        }
        String f = reader.fieldTo(from, index.address(to));
        return f != null ? f : reader.arrayLength(from) >= 0 ? "[]" : null;
    }

    /** {@code java.nio.Bits}' statics: {@code COUNT}, {@code TOTAL_CAPACITY}, {@code RESERVED_MEMORY}, {@code MAX_MEMORY} (lower case before JDK 11). */
    private JdkCounters jdkCounters() {
        List<Long> bits = dump.classObjects("java.nio.Bits");
        if (bits.isEmpty()) {
            return null;
        }
        long count = -1;
        long total = -1;
        long reserved = -1;
        long max = -1;
        for (FieldValue f : dump.fields(bits.getFirst())) {
            String key = f.name().replace("_", "").toLowerCase(Locale.ROOT);
            long value;
            if (f.reference()) {
                long node = (long) f.value() == 0 ? -1 : dump.node((long) f.value());
                value = node < 0 ? -1 : reader.primitive(node, "value", -1); // an AtomicLong
            } else if (f.value() instanceof Number num) {
                value = num.longValue();
            } else {
                continue;
            }
            switch (key) {
                case "count" -> count = value;
                case "totalcapacity" -> total = value;
                case "reservedmemory" -> reserved = value;
                case "maxmemory" -> max = value;
                default -> {
                }
            }
        }
        return count < 0 && total < 0 && reserved < 0 ? null : new JdkCounters(count, total, reserved, max);
    }

    // ---- thread stacks ----------------------------------------------------------------------

    private static final Pattern XSS = Pattern.compile("-Xss(\\d+)([kKmMgG]?)(?![\\w])");
    private static final Pattern THREAD_STACK_SIZE = Pattern.compile("-XX:ThreadStackSize=(\\d+)([kKmMgG]?)(?![\\w])");

    private ThreadStacks threadStacks() {
        Map<Long, long[]> bySize = new HashMap<>();
        long threads = 0;
        long own = 0;
        long ownBytes = 0;
        for (ThreadInfo t : dump.threads()) {
            if (t.node() < 0 || index.recordOffset(t.node()) < 0
                    || reader.isA(index.classOf(t.node()), "java.lang.VirtualThread")) {
                continue; // a virtual thread runs on a carrier's stack
            }
            threads++;
            long size = stackSize(t.node());
            bySize.computeIfAbsent(size, k -> new long[1])[0]++;
            if (size > 0) {
                own++;
                ownBytes += size;
            }
        }
        long defaultSize = -1;
        String source = null;
        for (Map.Entry<String, String> p : systemProperties().entrySet()) {
            long s = parseStackSize(p.getValue());
            if (s > 0) {
                defaultSize = s;
                source = "system property " + p.getKey();
                break;
            }
        }
        long rest = threads - own;
        long total = rest == 0 ? ownBytes : defaultSize < 0 ? -1 : ownBytes + rest * defaultSize;
        List<SizeCount> sizes = new ArrayList<>();
        bySize.forEach((s, c) -> sizes.add(new SizeCount(s, c[0])));
        sizes.sort(Comparator.comparingLong(SizeCount::threads).reversed().thenComparingLong(SizeCount::stackSize));
        return new ThreadStacks(threads, own, ownBytes, defaultSize, source, total, List.copyOf(sizes));
    }

    /** The stack size a thread was created with: {@code Thread.stackSize} to JDK 18, {@code Thread.holder.stackSize} after; 0 = the default. */
    private long stackSize(long thread) {
        long s = reader.primitive(thread, "stackSize", Long.MIN_VALUE);
        if (s == Long.MIN_VALUE) {
            long holder = reader.ref(thread, "holder");
            s = holder < 0 ? 0 : reader.primitive(holder, "stackSize", 0);
        }
        return Math.max(0, s);
    }

    /** The size in bytes a JVM option string gives the default stack ({@code -XX:ThreadStackSize} is in KB), or -1. */
    static long parseStackSize(String options) {
        if (options == null) {
            return -1;
        }
        long found = -1;
        Matcher m = XSS.matcher(options);
        while (m.find()) {
            found = scaled(m.group(1), m.group(2), 1); // the last one wins, as on the JVM's command line
        }
        Matcher t = THREAD_STACK_SIZE.matcher(options);
        while (t.find()) {
            found = scaled(t.group(1), t.group(2), t.group(2).isEmpty() ? 1024 : 1);
        }
        return found;
    }

    private static long scaled(String digits, String unit, long plain) {
        long v;
        try {
            v = Long.parseLong(digits);
        } catch (NumberFormatException e) {
            return -1;
        }
        long m = switch (unit.toLowerCase(Locale.ROOT)) {
            case "k" -> 1024L;
            case "m" -> 1024L * 1024;
            case "g" -> 1024L * 1024 * 1024;
            default -> plain;
        };
        return v > Long.MAX_VALUE / m ? -1 : v * m;
    }

    /**
     * The system properties as the dump holds them ({@code System.props}: a {@code Properties} whose
     * {@code map} is a {@code ConcurrentHashMap} from JDK 9, itself a {@code Hashtable} before), keys in
     * order; empty when they cannot be read. Iterative and bounded: a damaged chain cannot loop.
     */
    Map<String, String> systemProperties() {
        Map<String, String> out = new java.util.TreeMap<>();
        List<Long> system = dump.classObjects("java.lang.System");
        if (system.isEmpty()) {
            return out;
        }
        long props = -1;
        for (FieldValue f : dump.fields(system.getFirst())) {
            if (f.name().equals("props") && f.reference() && (long) f.value() != 0) {
                props = dump.node((long) f.value());
            }
        }
        if (props < 0) {
            return out;
        }
        long map = reader.ref(props, "map");
        long table = reader.ref(map >= 0 ? map : props, "table");
        long slots = table < 0 ? -1 : reader.arrayLength(table);
        if (slots <= 0) {
            return out;
        }
        List<Long> heads = new ArrayList<>();
        reader.forEachRef(table, (f, t) -> heads.add(t));
        for (long e : heads) {
            for (int i = 0; e >= 0 && i < CHAIN; i++, e = reader.ref(e, "next")) {
                String k = text(reader.ref(e, "key"));
                long valueNode = reader.ref(e, "val");
                String v = text(valueNode >= 0 ? valueNode : reader.ref(e, "value"));
                if (k != null && v != null) {
                    out.put(k, v);
                }
            }
        }
        return out;
    }

    private String text(long node) {
        return node < 0 || index.isClassObject(node) ? null : dump.stringValue(node, 4096);
    }
}
