package dev.inquest.heap.index;

import dev.inquest.concurrent.Threads;
import dev.inquest.heap.graph.DominatorTree;
import dev.inquest.heap.graph.IndexArray;
import dev.inquest.heap.graph.RetainedSizes;
import dev.inquest.heap.hprof.ClassDump;
import dev.inquest.input.GzipCache;
import dev.inquest.heap.hprof.HprofFile;
import dev.inquest.heap.store.IntArray;
import dev.inquest.heap.store.LongArray;
import dev.inquest.heap.store.LongList;
import dev.inquest.heap.store.SparseLongs;
import dev.inquest.heap.store.LongLongMap;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.CRC32C;

/**
 * The on-disk index of one heap dump: the sorted node columns, CSR edges, roots and the dominator
 * tree as raw little-endian arrays that reopening maps straight back (no parse), plus a small
 * checksummed metadata block (classes, thread table, problems). A stamp of the dump (size,
 * modification time, first header bytes) and the open options are checked before anything is
 * trusted; any mismatch or inconsistency means "rebuild".
 *
 * <p>Layout: a 4 KB header (magic, version, stamp, counts, section table), then 8-byte aligned
 * sections. Written to a temporary file and renamed into place, so a reader never sees half an index.
 */
public final class IndexFile {
    static final long MAGIC = 0x494E51494458_3031L; // "INQIDX01"
    /** Bump whenever the layout or any rule that shapes the stored figures changes. */
    public static final int VERSION = 13; // 13: crafted class records named in the stored problems (issue 17)
    private static final int HEADER = 4096;
    private static final boolean UNLINK_MAPPED = !System.getProperty("os.name", "").startsWith("Windows");
    private static final String[] SECTIONS = {"ids", "offsets", "classOf", "shallow", "edgeStarts", "targets",
        "roots", "gcRootNodes", "gcRootKinds", "gcRootSerials", "idDirectory", "idom", "retained", "childOffsets", "children", "meta", "retainedOverflow",
        "offsetBases", "offsetExceptions"};

    private IndexFile() {
    }

    /** What must match for an index to describe a dump as opened now. */
    public record Stamp(long size, long modified, byte[] head, int dump, boolean keepUnreachable) {
        public static Stamp of(Path dump, int dumpIndex, boolean keepUnreachable) throws IOException {
            byte[] head;
            try (InputStream in = Files.newInputStream(dump)) {
                head = in.readNBytes(64);
            }
            return new Stamp(Files.size(dump), Files.getLastModifiedTime(dump).toMillis(), Arrays.copyOf(head, 64), dumpIndex,
                    keepUnreachable);
        }
    }

    /** A reopened index: the graph and the dominator tree, both mapped from the file. */
    public record Loaded(HeapIndex index, DominatorTree tree, List<String> problems) {
    }

    /** The index file beside the dump, or in the cache directory when the dump's folder is not writable. */
    public static Path location(Path dump, boolean forWriting) throws IOException {
        Path real = dump.toRealPath();
        Path beside = real.resolveSibling(real.getFileName() + ".inquest-index");
        if (Files.isRegularFile(beside) || (forWriting && writableFolder(real.getParent()))) {
            return beside;
        }
        String key = Integer.toHexString(real.toString().hashCode());
        Path cached = GzipCache.cacheDir().resolve(real.getFileName() + "-" + key + ".inquest-index");
        if (forWriting) {
            GzipCache.noteSource(cached, real); // swept with the cache's copies when the dump goes
        }
        return cached;
    }

    /**
     * Whether we may put files in the dump's folder. Permission bits count even for root (who
     * could write anyway): a folder marked read-only, such as a shared corpus, is left alone.
     */
    static boolean writableFolder(Path dir) {
        if (dir == null || !Files.isWritable(dir)) {
            return false;
        }
        try {
            java.util.Set<java.nio.file.attribute.PosixFilePermission> p = Files.getPosixFilePermissions(dir);
            return p.contains(java.nio.file.attribute.PosixFilePermission.OWNER_WRITE)
                    || p.contains(java.nio.file.attribute.PosixFilePermission.GROUP_WRITE)
                    || p.contains(java.nio.file.attribute.PosixFilePermission.OTHERS_WRITE);
        } catch (UnsupportedOperationException | IOException e) {
            return true;
        }
    }

    // ---- writing -------------------------------------------------------------------------

    /**
     * Writes an index in two halves: the graph's sections on a background thread as soon as the
     * graph is built, while the dominators are computed (that computation runs on one core, so on
     * a laptop the write costs no wall time), then the tree's sections, the metadata and the header.
     * Closing without {@link #finish} stops the thread and leaves no file behind.
     */
    public static final class Writer implements AutoCloseable {
        private static final int GRAPH_SECTIONS = 11;
        private final Path target;
        private final Path tmp;
        private final FileChannel ch;
        private final HeapIndex idx;
        private final MemorySegment[] graph;
        private final long[] offsets = new long[SECTIONS.length];
        private final long[] graphLength = new long[GRAPH_SECTIONS];
        /** The record offsets' bases and exceptions, once the writer thread has packed them. */
        private OffsetColumn.Packing packing;
        private final Thread thread;
        private volatile boolean stop;
        private volatile Throwable failure;
        private boolean finished;
        /** Whether {@link #finish} packs retained sizes on a second thread (tests compare both ways). */
        private final boolean parallel;

        private Writer(Path target, HeapIndex idx, boolean parallel) throws IOException {
            this.target = target;
            this.parallel = parallel;
            this.idx = idx;
            this.graph = new MemorySegment[] {
                // No ids: each object's record starts with its id (HeapIndex.idInDump). Record
                // offsets are packed as they are written (writeOffsets), not copied.
                MemorySegment.ofArray(new byte[0]), MemorySegment.ofArray(new byte[0]), idx.classOf.segment(), idx.shallow.segment(),
                idx.edgeStarts.segment(), idx.targets32 != null ? idx.targets32.segment() : idx.targets64.segment(),
                idx.roots.segment(),
                idx.gcRoots.nodesArray().segment().asSlice(0, idx.gcRoots.count() * 8),
                idx.gcRoots.kindsArray().segment().asSlice(0, idx.gcRoots.count() * 4),
                idx.gcRoots.serialsArray().segment().asSlice(0, idx.gcRoots.count() * 8),
                idx.idMap.directorySegment()};
            long pos = HEADER;
            for (int i = 0; i < GRAPH_SECTIONS; i++) {
                offsets[i] = pos;
                // Record offsets are stored as 4-byte distances (OffsetColumn), the rest as built.
                graphLength[i] = i == 1 ? 4 * idx.nodeCount : graph[i].byteSize();
                pos = align8(pos + graphLength[i]);
            }
            offsets[GRAPH_SECTIONS] = pos;
            Files.createDirectories(target.getParent());
            this.tmp = Files.createTempFile(target.getParent(), target.getFileName().toString(), ".tmp");
            FileChannel c = null;
            try {
                c = FileChannel.open(tmp, StandardOpenOption.READ, StandardOpenOption.WRITE);
            } finally {
                if (c == null) {
                    Files.deleteIfExists(tmp);
                }
            }
            this.ch = c;
            this.thread = Thread.ofPlatform().name("inquest-index-writer").daemon().unstarted(this::writeGraph);
        }

        /** Creates the temporary file and starts writing the graph's sections. */
        public static Writer start(Path target, HeapIndex idx) throws IOException {
            return start(target, idx, Runtime.getRuntime().availableProcessors() > 1);
        }

        /** As above; {@code parallel} false writes the tree's sections on the caller alone. */
        static Writer start(Path target, HeapIndex idx, boolean parallel) throws IOException {
            Writer w = new Writer(target, idx, parallel);
            w.thread.start();
            return w;
        }

        private void writeGraph() {
            try {
                for (int i = 0; i < GRAPH_SECTIONS && !stop; i++) {
                    if (i == 1) {
                        writeOffsets();
                    } else {
                        writeSection(graph[i], offsets[i]);
                    }
                    if (i == 2 && !stop) {
                        moveToFile();
                    }
                }
                if (!stop) {
                    // On disk while the dominators still run: the final force then waits for the tree only.
                    ch.force(false);
                }
            } catch (Throwable t) {
                failure = t;
            }
        }

        private void writeOffsets() throws IOException {
            try (Arena buffers = Arena.ofConfined()) {
                MemorySegment buffer = buffers.allocate(16L << 20, 8);
                packing = OffsetColumn.pack(idx.offsets.built(), buffer,
                        (first, distances, count) -> writeFully(ch, distances.asSlice(0, 4L * count).asByteBuffer(),
                                offsets[1] + 4 * first));
            }
        }

        /**
         * Once offsets and classes are written (the first sections; ids are not stored), the index
         * reads them from this file, its ids from the dump, and frees its built columns: the
         * dominators, running meanwhile, read none of them. Not where a mapped file cannot be deleted (Windows): a cancelled build
         * removes this file while the index still maps it.
         */
        private void moveToFile() throws IOException {
            if (idx.idsArena == null || idx.classOfArena == null || !UNLINK_MAPPED || idx.nodeCount == 0) {
                return;
            }
            Arena mapped = Arena.ofShared();
            try {
                OffsetColumn offs = OffsetColumn.packed(packing.bases(),
                        IntArray.wrap(ch.map(FileChannel.MapMode.READ_ONLY, offsets[1], graphLength[1], mapped)),
                        packing.exceptions());
                ClassColumn classOf = ClassColumn.wrap(ch.map(FileChannel.MapMode.READ_ONLY, offsets[2], graph[2].byteSize(), mapped),
                        idx.nodeCount);
                graph[2] = classOf.segment();
                idx.moveToFile(offs, classOf, mapped, List.of(idx.idsArena, idx.classOfArena));
            } catch (IOException | RuntimeException e) {
                mapped.close();
                throw e;
            }
        }

        private void writeSection(MemorySegment s, long at) throws IOException {
            for (long o = 0; o < s.byteSize() && !stop; o += 64 << 20) {
                long len = Math.min(64 << 20, s.byteSize() - o);
                at += writeFully(ch, s.asSlice(o, len).asByteBuffer(), at);
            }
        }

        /** Writes retained sizes as stored, in 4 MB pieces; returns the bytes written. */
        private long writeNarrow(RetainedSizes retained, long at, LongList overflow) throws IOException {
            long n = retained.length();
            int piece = 4 << 20;
            try (Arena buffers = Arena.ofConfined()) {
                MemorySegment buffer = buffers.allocate(piece * 4L, 8);
                for (long from = 0; from < n; from += piece) {
                    int count = (int) Math.min(piece, n - from);
                    retained.storeNarrow(from, count, buffer, overflow);
                    writeFully(ch, buffer.asSlice(0, count * 4L).asByteBuffer(), at + from * 4);
                }
            }
            return n * 4;
        }

        /** Writes the rest, forces it to disk and renames the file into place; returns where it is. */
        public Path finish(Stamp stamp, DominatorTree tree, List<String> problems) throws IOException {
            Threads.joinUninterruptibly(thread);
            if (failure != null) {
                throw failure instanceof IOException e ? e : new IOException("writing the index failed", failure);
            }
            MemorySegment meta = MemorySegment.ofArray(meta(idx, problems));
            RetainedSizes retained = tree.retainedSizes();
            // Retained sizes are stored narrower than computed (RetainedSizes), packed as they are
            // written; their overflow table is known only then, and is written in its own slot.
            LongList overflow = new LongList();
            MemorySegment[] rest = {tree.idomArray().segment(), null,
                // No child offsets: they follow from the idoms (DominatorTree counts them on first use).
                MemorySegment.ofArray(new byte[0]), tree.childrenArray().segment(), meta, null,
                MemorySegment.ofArray(packing.storedBases()), MemorySegment.ofArray(packing.exceptions().stored())};
            int retainedSlot = section("retained") - GRAPH_SECTIONS;
            int overflowSlot = section("retainedOverflow") - GRAPH_SECTIONS;
            long[] lengths = new long[rest.length];
            long pos = offsets[GRAPH_SECTIONS];
            // The sections before the overflow table have known lengths: placed first, then written
            // side by side, retained sizes (packed as they go) on a second thread while this one
            // writes the tree and starts it on its way to disk.
            for (int i = 0; i < overflowSlot; i++) {
                offsets[GRAPH_SECTIONS + i] = pos;
                lengths[i] = i == retainedSlot ? 4 * retained.length() : rest[i].byteSize();
                pos = align8(pos + lengths[i]);
            }
            long retainedAt = offsets[GRAPH_SECTIONS + retainedSlot];
            Throwable[] packFailure = new Throwable[1];
            Runnable pack = () -> {
                try {
                    writeNarrow(retained, retainedAt, overflow);
                } catch (Throwable t) {
                    packFailure[0] = t;
                }
            };
            Thread packer = parallel && retained.accessibleBy(Thread.ofPlatform().unstarted(() -> { }))
                    ? Thread.ofPlatform().name("inquest-index-packer").daemon().start(pack) : null;
            try {
                if (packer == null) {
                    pack.run();
                }
                for (int i = 0; i < overflowSlot; i++) {
                    if (i != retainedSlot) {
                        writeSection(rest[i], offsets[GRAPH_SECTIONS + i]);
                    }
                }
                if (packer != null) {
                    // On disk while the retained sizes are packed: the last force has less to wait for.
                    ch.force(false);
                }
            } finally {
                if (packer != null) {
                    Threads.joinUninterruptibly(packer);
                }
            }
            if (packFailure[0] != null) {
                throw packFailure[0] instanceof IOException e ? e : new IOException("writing the index failed", packFailure[0]);
            }
            rest[overflowSlot] = MemorySegment.ofArray(SparseLongs.of(overflow).stored());
            for (int i = overflowSlot; i < rest.length; i++) {
                offsets[GRAPH_SECTIONS + i] = pos;
                writeSection(rest[i], pos);
                lengths[i] = rest[i].byteSize();
                pos = align8(pos + lengths[i]);
            }
            ByteBuffer header = ByteBuffer.allocate(HEADER).order(ByteOrder.LITTLE_ENDIAN);
            header.putLong(MAGIC).putInt(VERSION).putInt(0);
            header.putLong(stamp.size()).putLong(stamp.modified()).put(stamp.head());
            header.putInt(stamp.dump()).putInt(stamp.keepUnreachable() ? 1 : 0);
            header.putInt(idx.idSize).putInt(idx.refSize).putInt(idx.objectAlign).putInt(idx.javaLangClass);
            header.putLong(idx.nodeCount).putLong(idx.gcRoots.count()).putLong(idx.gcRoots.dropped());
            header.putInt(idx.targets32 != null ? 4 : 8).putLong(tree.topLevelCount()).putInt(SECTIONS.length);
            for (int i = 0; i < SECTIONS.length; i++) {
                long len = i < GRAPH_SECTIONS ? graphLength[i] : lengths[i - GRAPH_SECTIONS];
                header.putLong(offsets[i]).putLong(len);
            }
            CRC32C crc = new CRC32C();
            crc.update(meta.toArray(ValueLayout.JAVA_BYTE));
            header.putLong(crc.getValue());
            header.flip();
            // The header last: a file cut short by a crash before the rename has no valid header.
            writeFully(ch, header, 0);
            ch.force(false);
            ch.close();
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
            finished = true;
            return target;
        }

        /** Stops the background write (if still going) and removes the temporary file unless finished. */
        @Override
        public void close() throws IOException {
            stop = true;
            Threads.joinUninterruptibly(thread);
            if (!finished) {
                ch.close();
                Files.deleteIfExists(tmp);
            }
        }
    }

    /** The position of the section called {@code name} in {@link #SECTIONS}. */
    private static int section(String name) {
        int i = Arrays.asList(SECTIONS).indexOf(name);
        if (i < 0) {
            throw new IllegalArgumentException("no section " + name);
        }
        return i;
    }

    private static long writeFully(FileChannel ch, ByteBuffer b, long at) throws IOException {
        long n = 0;
        while (b.hasRemaining()) {
            n += ch.write(b, at + n);
        }
        return n;
    }

    private static long align8(long v) {
        return (v + 7) & ~7L;
    }

    private static byte[] meta(HeapIndex idx, List<String> problems) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream o = new DataOutputStream(bytes);
        o.writeInt(idx.classes.size());
        for (ClassInfo c : idx.classes) {
            o.writeLong(c.id());
            o.writeUTF(c.name());
            o.writeByte(c.kind().ordinal());
            o.writeByte(c.elementType());
            o.writeInt(c.superOrdinal());
            o.writeLong(c.loaderId());
            o.writeLong(c.instanceShallow());
            o.writeLong(c.staticShallow());
            ints(o, c.refOffsets());
            longs(o, c.refNameIds());
            ints(o, c.fieldOffsets());
            longs(o, c.fieldNameIds());
            o.writeInt(c.fieldTypes().length);
            o.write(c.fieldTypes());
            o.writeInt(c.fieldBytes());
            ClassDump d = c.dump();
            o.writeBoolean(d != null);
            if (d != null) {
                o.writeLong(d.id());
                o.writeLong(d.offset());
                o.writeLong(d.superId());
                o.writeLong(d.loaderId());
                o.writeInt(d.declaredInstanceSize());
                longs(o, d.staticNameIds());
                o.writeInt(d.staticTypes().length);
                o.write(d.staticTypes());
                longs(o, d.staticValueOffsets());
                longs(o, d.fieldNameIds());
                o.writeInt(d.fieldTypes().length);
                o.write(d.fieldTypes());
            }
            o.writeLong(idx.classNodes[c.ordinal()]);
        }
        map(o, idx.hugeShallow);
        map(o, idx.gcRoots.threadNodeMap());
        map(o, idx.gcRoots.traceMap());
        o.writeInt(problems.size());
        for (String p : problems) {
            byte[] b = p.getBytes(StandardCharsets.UTF_8);
            o.writeInt(b.length);
            o.write(b);
        }
        o.flush();
        return bytes.toByteArray();
    }

    private static void ints(DataOutputStream o, int[] a) throws IOException {
        o.writeInt(a.length);
        for (int v : a) {
            o.writeInt(v);
        }
    }

    private static void longs(DataOutputStream o, long[] a) throws IOException {
        o.writeInt(a.length);
        for (long v : a) {
            o.writeLong(v);
        }
    }

    private static void map(DataOutputStream o, LongLongMap m) throws IOException {
        long[] keys = m.keys();
        o.writeInt(keys.length);
        for (long k : keys) {
            o.writeLong(k);
            o.writeLong(m.get(k));
        }
    }

    // ---- reading -------------------------------------------------------------------------

    /**
     * Maps the index if it exists and matches the dump and options; null when it is absent,
     * stale, or inconsistent in any way (the caller rebuilds and overwrites it).
     */
    public static Loaded read(Path file, Stamp stamp, HprofFile dump) {
        if (!Files.isRegularFile(file)) {
            return null;
        }
        Arena arena = Arena.ofShared();
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = ch.size();
            if (size < HEADER) {
                arena.close();
                return null;
            }
            MemorySegment all = ch.map(FileChannel.MapMode.READ_ONLY, 0, size, arena);
            ByteBuffer h = all.asSlice(0, HEADER).asByteBuffer().order(ByteOrder.LITTLE_ENDIAN);
            byte[] head = new byte[64];
            if (h.getLong() != MAGIC || h.getInt() != VERSION) {
                arena.close();
                return null;
            }
            h.getInt();
            long dumpSize = h.getLong();
            long modified = h.getLong();
            h.get(head);
            int dumpIndex = h.getInt();
            boolean keep = h.getInt() == 1;
            if (dumpSize != stamp.size() || modified != stamp.modified() || !Arrays.equals(head, stamp.head())
                    || dumpIndex != stamp.dump() || keep != stamp.keepUnreachable()) {
                arena.close();
                return null;
            }
            HeapIndex.Builder b = new HeapIndex.Builder();
            b.arena = arena;
            b.file = dump;
            b.idSize = h.getInt();
            b.refSize = h.getInt();
            b.objectAlign = h.getInt();
            b.javaLangClass = h.getInt();
            b.nodeCount = h.getLong();
            long gcRootCount = h.getLong();
            long dropped = h.getLong();
            int targetWidth = h.getInt();
            long topLevel = h.getLong();
            int count = h.getInt();
            if (count != SECTIONS.length || b.idSize != dump.idSize()) {
                arena.close();
                return null;
            }
            MemorySegment[] s = new MemorySegment[count];
            for (int i = 0; i < count; i++) {
                long off = h.getLong();
                long len = h.getLong();
                // An empty section may sit at the aligned end, a few bytes past the file's last byte.
                if (len < 0 || (len > 0 && (off < HEADER || off + len > size))) {
                    arena.close();
                    return null;
                }
                s[i] = len == 0 ? all.asSlice(0, 0) : all.asSlice(off, len);
            }
            long crcStored = h.getLong();
            byte[] metaBytes = s[15].toArray(ValueLayout.JAVA_BYTE);
            CRC32C crc = new CRC32C();
            crc.update(metaBytes);
            long n = b.nodeCount;
            boolean wideNodes = IndexArray.needsWide(n + 2);
            int nodeWidth = wideNodes ? 8 : 4;
            if (crc.getValue() != crcStored || s[0].byteSize() != 0 || ClassColumn.wrap(s[2], n) == null
                    || s[3].byteSize() != 4 * n || (s[4].byteSize() != 8 * (n + 1) && s[4].byteSize() != 4 * (n + 1)) || s[11].byteSize() != nodeWidth * n
                    || s[12].byteSize() != 4 * n || s[13].byteSize() != 0
                    || s[14].byteSize() % nodeWidth != 0 || (targetWidth != 4 && targetWidth != 8)) {
                arena.close();
                return null;
            }
            b.offsets = OffsetColumn.stored(s[1], s[17], s[18], n);
            if (b.offsets == null) {
                arena.close();
                return null;
            }
            b.classOf = ClassColumn.wrap(s[2], n);
            b.shallow = IntArray.wrap(s[3]);
            // Edge starts are 4 bytes each while the edges number below 2^31.
            b.edgeStarts = IndexArray.wrap(s[4], s[4].byteSize() == 8 * (n + 1));
            long edges = b.edgeStarts.get(n);
            if (s[5].byteSize() != edges * targetWidth) {
                arena.close();
                return null;
            }
            b.targets32 = targetWidth == 4 ? IntArray.wrap(s[5]) : null;
            b.targets64 = targetWidth == 8 ? LongArray.wrap(s[5]) : null;
            b.roots = LongArray.wrap(s[6]);
            List<String> problems = readMeta(metaBytes, b, gcRootCount, dropped, s);
            b.idMap = IdMap.wrap(HeapIndex.dumpIds(dump, b.idSize, b.offsets, b.classes), n, s[10]);
            if (b.idMap == null) {
                arena.close();
                return null;
            }
            RetainedSizes retained = RetainedSizes.wrap(s[12], s[16]);
            if (retained == null) {
                arena.close();
                return null;
            }
            DominatorTree tree = new DominatorTree(IndexArray.wrap(s[11], wideNodes), retained, topLevel,
                    IndexArray.wrap(s[14], wideNodes));
            return new Loaded(new HeapIndex(b), tree, problems);
        } catch (IOException | RuntimeException e) {
            // Unreadable or inconsistent: never trusted, rebuilt by the caller.
            arena.close();
            return null;
        }
    }

    private static List<String> readMeta(byte[] meta, HeapIndex.Builder b, long gcRootCount, long dropped,
            MemorySegment[] s) throws IOException {
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(meta));
        int classes = in.readInt();
        List<ClassInfo> list = new ArrayList<>(classes);
        long[] classNodes = new long[classes];
        LongLongMap classByNode = new LongLongMap(classes + 16, -1);
        for (int i = 0; i < classes; i++) {
            long id = in.readLong();
            String name = in.readUTF();
            ClassInfo.Kind kind = ClassInfo.Kind.values()[in.readByte()];
            int elem = in.readByte();
            int superOrdinal = in.readInt();
            long loader = in.readLong();
            long instanceShallow = in.readLong();
            long staticShallow = in.readLong();
            int[] refOffsets = ints(in);
            long[] refNames = longs(in);
            int[] fieldOffsets = ints(in);
            long[] fieldNames = longs(in);
            byte[] fieldTypes = new byte[in.readInt()];
            in.readFully(fieldTypes);
            int fieldBytes = in.readInt();
            ClassDump dump = null;
            if (in.readBoolean()) {
                long did = in.readLong();
                long off = in.readLong();
                long sup = in.readLong();
                long ld = in.readLong();
                int declared = in.readInt();
                long[] sNames = longs(in);
                byte[] sTypes = new byte[in.readInt()];
                in.readFully(sTypes);
                long[] sValues = longs(in);
                long[] fNames = longs(in);
                byte[] fTypes = new byte[in.readInt()];
                in.readFully(fTypes);
                dump = new ClassDump(did, off, sup, ld, declared, sNames, sTypes, sValues, fNames, fTypes);
            }
            classNodes[i] = in.readLong();
            if (classNodes[i] >= 0) {
                classByNode.putIfAbsent(classNodes[i], i);
            }
            list.add(new ClassInfo(i, id, name, kind, elem, dump, superOrdinal, loader, instanceShallow, staticShallow,
                    refOffsets, refNames, fieldOffsets, fieldNames, fieldTypes, fieldBytes));
        }
        b.classes = List.copyOf(list);
        b.classNodes = classNodes;
        b.classByNode = classByNode;
        b.hugeShallow = map(in);
        LongLongMap threads = map(in);
        LongLongMap traces = map(in);
        b.gcRoots = new GcRoots(LongArray.wrap(s[7]), IntArray.wrap(s[8]), LongArray.wrap(s[9]), gcRootCount, dropped,
                threads, traces);
        int problems = in.readInt();
        List<String> out = new ArrayList<>();
        for (int i = 0; i < problems; i++) {
            byte[] p = new byte[in.readInt()];
            in.readFully(p);
            out.add(new String(p, StandardCharsets.UTF_8));
        }
        return out;
    }

    private static int[] ints(DataInputStream in) throws IOException {
        int[] a = new int[in.readInt()];
        for (int i = 0; i < a.length; i++) {
            a[i] = in.readInt();
        }
        return a;
    }

    private static long[] longs(DataInputStream in) throws IOException {
        long[] a = new long[in.readInt()];
        for (int i = 0; i < a.length; i++) {
            a[i] = in.readLong();
        }
        return a;
    }

    private static LongLongMap map(DataInputStream in) throws IOException {
        int n = in.readInt();
        LongLongMap m = new LongLongMap(n + 4, -1);
        for (int i = 0; i < n; i++) {
            long k = in.readLong();
            m.put(k, in.readLong());
        }
        return m;
    }
}
