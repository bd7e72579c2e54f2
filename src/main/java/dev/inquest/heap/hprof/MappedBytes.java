package dev.inquest.heap.hprof;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** A plain dump mapped whole: one segment of any size (no 2 GB window juggling). */
public final class MappedBytes extends HprofBytes {
    private static final ValueLayout.OfShort U2 = ValueLayout.JAVA_SHORT_UNALIGNED.withOrder(ByteOrder.BIG_ENDIAN);
    private static final ValueLayout.OfInt U4 = ValueLayout.JAVA_INT_UNALIGNED.withOrder(ByteOrder.BIG_ENDIAN);
    private static final ValueLayout.OfLong U8 = ValueLayout.JAVA_LONG_UNALIGNED.withOrder(ByteOrder.BIG_ENDIAN);

    private final Arena arena;
    private final MemorySegment segment;
    private final long size;
    /** For {@link #readFar}: a positional read brings in a small readahead, not a mapping's window. */
    private final FileChannel channel;

    private MappedBytes(Arena arena, MemorySegment segment, FileChannel channel) {
        this.arena = arena;
        this.segment = segment;
        this.size = segment.byteSize();
        this.channel = channel;
    }

    public static MappedBytes map(Path file) throws IOException {
        Arena arena = Arena.ofShared();
        FileChannel ch = FileChannel.open(file, StandardOpenOption.READ);
        try {
            long size = ch.size();
            MemorySegment seg = size == 0 ? MemorySegment.NULL.reinterpret(0) : ch.map(FileChannel.MapMode.READ_ONLY, 0, size, arena);
            return new MappedBytes(arena, seg, ch);
        } catch (IOException | RuntimeException e) {
            arena.close();
            ch.close();
            throw e;
        }
    }

    public MemorySegment segment() {
        return segment;
    }

    @Override
    public long size() {
        return size;
    }

    @Override
    public int u1(long offset) {
        return segment.get(ValueLayout.JAVA_BYTE, offset) & 0xff;
    }

    @Override
    public int u2(long offset) {
        return segment.get(U2, offset) & 0xffff;
    }

    @Override
    public int u4(long offset) {
        return segment.get(U4, offset);
    }

    @Override
    public long u8(long offset) {
        return segment.get(U8, offset);
    }

    @Override
    public void read(long offset, byte[] dst, int dstOffset, int length) {
        MemorySegment.copy(segment, ValueLayout.JAVA_BYTE, offset, dst, dstOffset, length);
    }

    @Override
    public void readFar(long offset, byte[] dst, int length) {
        java.nio.ByteBuffer b = java.nio.ByteBuffer.wrap(dst, 0, length);
        try {
            while (b.hasRemaining()) {
                if (channel.read(b, offset + b.position()) < 0) {
                    throw new java.io.EOFException("end of file at byte " + (offset + b.position()));
                }
            }
        } catch (IOException e) {
            // The file shrank or went away under us: read through the mapping, which reports it as it can.
            read(offset, dst, 0, length);
        }
    }

    @Override
    public void readInOrder(boolean inOrder) {
        if (size > 0 && segment.isMapped()) {
            dev.inquest.heap.store.NativeMemory.advise(segment, inOrder ? dev.inquest.heap.store.NativeMemory.Access.SEQUENTIAL
                    : dev.inquest.heap.store.NativeMemory.Access.NORMAL);
        }
    }

    @Override
    public void dropRange(long from, long to) {
        if (size > 0 && segment.isMapped()) {
            dev.inquest.heap.store.NativeMemory.advise(segment, from, to, dev.inquest.heap.store.NativeMemory.Access.PAGE_OUT);
        }
    }

    @Override
    public void releaseResident() {
        if (size > 0 && segment.isMapped()) {
            segment.unload();
        }
    }

    @Override
    public void close() {
        try {
            channel.close();
        } catch (IOException e) {
            // Closing a read-only channel: nothing was written that could be lost.
        }
        arena.close();
    }
}
