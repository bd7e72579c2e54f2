package dev.inquest.heap.hprof;

import dev.inquest.input.BadInputException;
import dev.inquest.input.GzipCache;
import dev.inquest.progress.Progress;
import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * Random access into a multi-member gzip file as written by {@code jcmd GC.heap_dump -gz=N}:
 * every member inflates on its own, so an index of (compressed start, uncompressed start) per
 * member lets us read any byte by inflating one block, without ever unpacking the file to disk.
 * Each thread keeps a few recently inflated blocks, so the sequential scan and the parallel
 * edge extraction inflate each block about once.
 */
public final class GzipMemberBytes extends HprofBytes {
    private static final int CACHED_BLOCKS_PER_THREAD = 4;

    private final Arena arena;
    private final MemorySegment compressed;
    private final long[] memberStart;     // compressed offset of each member's deflate data
    private final long[] uncompressedStart; // plus one trailing entry = total size
    private final int uniformBlock;       // > 0 when every member but the last has this size
    private final byte[] tail;            // inflated bytes of a cut last member, or null
    private final long size;
    private final String problem;         // why the gzip data ended early, or null
    private final long problemOffset;
    private final ThreadLocal<Block[]> cache = ThreadLocal.withInitial(() -> new Block[CACHED_BLOCKS_PER_THREAD]);

    private record Block(int index, byte[] data) {
    }

    private GzipMemberBytes(Arena arena, MemorySegment compressed, long[] memberStart, long[] uncompressedStart,
            byte[] tail, String problem, long problemOffset) {
        this.arena = arena;
        this.compressed = compressed;
        this.memberStart = memberStart;
        this.uncompressedStart = uncompressedStart;
        this.tail = tail;
        this.size = uncompressedStart[uncompressedStart.length - 1];
        this.problem = problem;
        this.problemOffset = problemOffset;
        int members = memberStart.length;
        long first = members > 0 ? uncompressedStart[1] - uncompressedStart[0] : 0;
        boolean uniform = first > 0 && first < Integer.MAX_VALUE;
        for (int i = 1; uniform && i < members - 1; i++) {
            uniform = uncompressedStart[i + 1] - uncompressedStart[i] == first;
        }
        this.uniformBlock = uniform ? (int) first : 0;
    }

    /** The block size from the first member's header comment, or -1 when it is not a jcmd chunked gzip. */
    public static long chunkedBlockSize(byte[] head) {
        if (head.length < 10 || (head[0] & 0xff) != 0x1f || (head[1] & 0xff) != 0x8b || head[2] != 8) {
            return -1;
        }
        int flags = head[3] & 0xff;
        int p = 10;
        if ((flags & 4) != 0) {
            if (p + 2 > head.length) {
                return -1;
            }
            p += 2 + ((head[p] & 0xff) | (head[p + 1] & 0xff) << 8);
        }
        if ((flags & 8) != 0) {
            while (p < head.length && head[p] != 0) {
                p++;
            }
            p++;
        }
        if ((flags & 16) == 0 || p >= head.length) {
            return -1;
        }
        int end = p;
        while (end < head.length && head[end] != 0) {
            end++;
        }
        String comment = new String(head, p, end - p, StandardCharsets.ISO_8859_1);
        if (!comment.startsWith("HPROF BLOCKSIZE=")) {
            return -1;
        }
        try {
            return Long.parseLong(comment.substring("HPROF BLOCKSIZE=".length()).trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private boolean fromCache;

    /** Whether the member index came from the cache directory rather than a full inflate. */
    public boolean loadedFromCache() {
        return fromCache;
    }

    /**
     * Inflates every member once to learn where each starts (keeping nothing but that index),
     * or reads the index saved in the cache directory by an earlier open of the same file.
     */
    public static GzipMemberBytes open(Path file, Progress progress) throws IOException {
        dev.inquest.input.FileProblems.requireRegularFile(file); // a FIFO would block the open below
        Path cached = GzipCache.cacheDir().resolve(file.getFileName() + "-" + GzipCache.key(file) + ".gzindex");
        Arena arena = Arena.ofShared();
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            long csize = ch.size();
            MemorySegment seg = ch.map(FileChannel.MapMode.READ_ONLY, 0, csize, arena);
            GzipMemberBytes saved = readIndex(cached, arena, seg, csize);
            if (saved != null) {
                return saved;
            }
            GzipMemberBytes built = build(file, progress, arena, seg, csize);
            try {
                writeIndex(cached, built, csize);
                GzipCache.noteSource(cached, file); // swept with the cache's copies when the .gz goes
            } catch (IOException e) {
                // Only the next open's speed depends on it.
            }
            return built;
        } catch (IOException | RuntimeException e) {
            arena.close();
            throw e;
        }
    }

    private static final long INDEX_MAGIC = 0x494E51475A495831L; // "INQGZIX1"

    private static void writeIndex(Path target, GzipMemberBytes g, long csize) throws IOException {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        try (java.io.DataOutputStream o = new java.io.DataOutputStream(bytes)) {
            o.writeLong(INDEX_MAGIC);
            o.writeLong(csize);
            o.writeInt(g.memberStart.length);
            for (long v : g.memberStart) {
                o.writeLong(v);
            }
            for (long v : g.uncompressedStart) {
                o.writeLong(v);
            }
            o.writeUTF(g.problem == null ? "" : g.problem);
            o.writeLong(g.problemOffset);
            o.writeInt(g.tail == null ? -1 : g.tail.length);
            if (g.tail != null) {
                o.write(g.tail);
            }
        }
        Path tmp = java.nio.file.Files.createTempFile(target.getParent(), target.getFileName().toString(), ".tmp");
        try {
            java.nio.file.Files.write(tmp, bytes.toByteArray());
            java.nio.file.Files.move(tmp, target, java.nio.file.StandardCopyOption.ATOMIC_MOVE,
                    java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        } finally {
            java.nio.file.Files.deleteIfExists(tmp);
        }
    }

    /** The saved member index, or null when absent or not consistent with the file. */
    private static GzipMemberBytes readIndex(Path file, Arena arena, MemorySegment seg, long csize) {
        if (!java.nio.file.Files.isRegularFile(file)) {
            return null;
        }
        try (java.io.DataInputStream in = new java.io.DataInputStream(
                new java.io.BufferedInputStream(java.nio.file.Files.newInputStream(file)))) {
            if (in.readLong() != INDEX_MAGIC || in.readLong() != csize) {
                return null;
            }
            int n = in.readInt();
            if (n < 0 || n > csize / 10 + 1) {
                return null;
            }
            long[] starts = new long[n];
            long[] ustarts = new long[n + 1];
            for (int i = 0; i < n; i++) {
                starts[i] = in.readLong();
                if (starts[i] < 0 || starts[i] >= csize || (i > 0 && starts[i] <= starts[i - 1])) {
                    return null;
                }
            }
            for (int i = 0; i <= n; i++) {
                ustarts[i] = in.readLong();
                if (ustarts[i] < 0 || (i > 0 && ustarts[i] < ustarts[i - 1])) {
                    return null;
                }
            }
            String problem = in.readUTF();
            long problemOffset = in.readLong();
            int tailLength = in.readInt();
            byte[] tail = null;
            if (tailLength >= 0) {
                tail = in.readNBytes(tailLength);
                if (tail.length != tailLength) {
                    return null;
                }
            }
            GzipMemberBytes g = new GzipMemberBytes(arena, seg, starts, ustarts, tail, problem.isEmpty() ? null : problem,
                    problemOffset);
            g.fromCache = true;
            return g;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private static GzipMemberBytes build(Path file, Progress progress, Arena arena, MemorySegment seg, long csize)
            throws IOException {
        progress.phase("Indexing gzip members", csize, Progress.Unit.BYTES);
        long[] starts = new long[64];
        long[] ustarts = new long[65];
        int n = 0;
        long cpos = 0;
        long upos = 0;
        byte[] out = new byte[1 << 20];
        byte[] tail = null;
        String problem = null;
        long problemOffset = -1;
        Inflater inf = new Inflater(true);
        try {
            while (cpos < csize) {
                progress.checkCancelled();
                progress.progress(cpos);
                long data = headerEnd(seg, cpos, csize);
                if (data < 0) {
                    if (n == 0) {
                        throw new BadInputException(file, "not a gzip member header", cpos);
                    }
                    problem = "gzip data ends or is damaged in the member header at compressed byte " + cpos;
                    problemOffset = cpos;
                    break;
                }
                inf.reset();
                long avail = csize - data;
                ByteBuffer in = seg.asSlice(data, Math.min(avail, Integer.MAX_VALUE - 8)).asByteBuffer();
                inf.setInput(in);
                long produced = 0;
                java.io.ByteArrayOutputStream partial = null;
                boolean ok = true;
                while (!inf.finished()) {
                    int k;
                    try {
                        k = inf.inflate(out);
                    } catch (DataFormatException e) {
                        ok = false;
                        break;
                    }
                    if (k == 0 && (inf.needsInput() || inf.needsDictionary())) {
                        ok = false;
                        break;
                    }
                    if (partial == null) {
                        partial = new java.io.ByteArrayOutputStream();
                    }
                    partial.write(out, 0, k);
                    produced += k;
                }
                if (!ok) {
                    // A cut or damaged last member: keep what inflated, it is the dump's tail.
                    tail = partial == null ? new byte[0] : partial.toByteArray();
                    problem = "gzip member at compressed byte " + cpos + " is cut or damaged";
                    problemOffset = cpos;
                }
                if (n == starts.length) {
                    starts = Arrays.copyOf(starts, n * 2);
                    ustarts = Arrays.copyOf(ustarts, n * 2 + 1);
                }
                starts[n] = data;
                ustarts[n] = upos;
                n++;
                upos += ok ? produced : tail.length;
                if (!ok) {
                    break;
                }
                cpos = data + inf.getBytesRead() + 8;
            }
        } finally {
            inf.end();
        }
        ustarts[n] = upos;
        progress.progress(csize);
        return new GzipMemberBytes(arena, seg, Arrays.copyOf(starts, n), Arrays.copyOf(ustarts, n + 1), tail,
                problem, problemOffset);
    }

    /** Offset of the deflate data after a gzip member header at {@code p}, or -1. */
    private static long headerEnd(MemorySegment s, long p, long size) {
        if (p + 10 > size) {
            return -1;
        }
        if ((s.get(ValueLayout.JAVA_BYTE, p) & 0xff) != 0x1f || (s.get(ValueLayout.JAVA_BYTE, p + 1) & 0xff) != 0x8b
                || s.get(ValueLayout.JAVA_BYTE, p + 2) != 8) {
            return -1;
        }
        int flags = s.get(ValueLayout.JAVA_BYTE, p + 3) & 0xff;
        long q = p + 10;
        if ((flags & 4) != 0) {
            if (q + 2 > size) {
                return -1;
            }
            q += 2 + ((s.get(ValueLayout.JAVA_BYTE, q) & 0xff) | (s.get(ValueLayout.JAVA_BYTE, q + 1) & 0xff) << 8);
        }
        for (int bit : new int[] {8, 16}) {
            if ((flags & bit) != 0) {
                while (q < size && s.get(ValueLayout.JAVA_BYTE, q) != 0) {
                    q++;
                }
                q++;
            }
        }
        if ((flags & 2) != 0) {
            q += 2;
        }
        return q <= size ? q : -1;
    }

    /** Why the compressed data ended before its natural end, or null when it is whole. */
    public String problem() {
        return problem;
    }

    public long problemOffset() {
        return problemOffset;
    }

    public int memberCount() {
        return memberStart.length;
    }

    @Override
    public long size() {
        return size;
    }

    private int blockIndex(long offset) {
        if (uniformBlock > 0) {
            return (int) Math.min(offset / uniformBlock, memberStart.length - 1);
        }
        int i = Arrays.binarySearch(uncompressedStart, offset);
        return i >= 0 ? Math.min(i, memberStart.length - 1) : -i - 2;
    }

    private Block block(int index) {
        Block[] blocks = cache.get();
        for (int i = 0; i < blocks.length; i++) {
            Block b = blocks[i];
            if (b != null && b.index == index) {
                if (i > 0) {
                    System.arraycopy(blocks, 0, blocks, 1, i);
                    blocks[0] = b;
                }
                return b;
            }
        }
        Block b = new Block(index, inflate(index));
        System.arraycopy(blocks, 0, blocks, 1, blocks.length - 1);
        blocks[0] = b;
        return b;
    }

    private byte[] inflate(int index) {
        if (tail != null && index == memberStart.length - 1) {
            return tail;
        }
        int len = (int) (uncompressedStart[index + 1] - uncompressedStart[index]);
        byte[] out = new byte[len];
        Inflater inf = new Inflater(true);
        try {
            long data = memberStart[index];
            inf.setInput(compressed.asSlice(data, Math.min(compressed.byteSize() - data, Integer.MAX_VALUE - 8)).asByteBuffer());
            int done = 0;
            while (done < len) {
                int k = inf.inflate(out, done, len - done);
                if (k == 0 && (inf.finished() || inf.needsInput())) {
                    break;
                }
                done += k;
            }
            return out;
        } catch (DataFormatException e) {
            throw new IllegalStateException("gzip member " + index + " inflated before but not now", e);
        } finally {
            inf.end();
        }
    }

    @Override
    public int u1(long offset) {
        if (offset < 0 || offset >= size) {
            throw new IndexOutOfBoundsException(offset);
        }
        Block b = block(blockIndex(offset));
        return b.data[(int) (offset - uncompressedStart[b.index])] & 0xff;
    }

    private long be(long offset, int n) {
        int bi = blockIndex(offset);
        long rel = offset - uncompressedStart[bi];
        Block b = block(bi);
        if (rel + n <= b.data.length) {
            long v = 0;
            int r = (int) rel;
            for (int i = 0; i < n; i++) {
                v = v << 8 | (b.data[r + i] & 0xff);
            }
            return v;
        }
        long v = 0;
        for (int i = 0; i < n; i++) {
            v = v << 8 | u1(offset + i);
        }
        return v;
    }

    @Override
    public int u2(long offset) {
        return (int) be(offset, 2);
    }

    @Override
    public int u4(long offset) {
        return (int) be(offset, 4);
    }

    @Override
    public long u8(long offset) {
        return be(offset, 8);
    }

    @Override
    public void read(long offset, byte[] dst, int dstOffset, int length) {
        long o = offset;
        int d = dstOffset;
        int left = length;
        while (left > 0) {
            int bi = blockIndex(o);
            Block b = block(bi);
            int rel = (int) (o - uncompressedStart[bi]);
            int k = Math.min(left, b.data.length - rel);
            if (k <= 0) {
                throw new IndexOutOfBoundsException(o);
            }
            System.arraycopy(b.data, rel, dst, d, k);
            o += k;
            d += k;
            left -= k;
        }
    }

    @Override
    public void close() {
        arena.close();
    }
}
