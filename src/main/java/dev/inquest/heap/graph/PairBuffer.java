package dev.inquest.heap.graph;

import java.lang.foreign.Arena;
import java.util.ArrayList;
import java.util.List;

/**
 * Append-only list of (a, b) index pairs in fixed-size off-heap chunks: grows without copying
 * and without knowing its final size, and is freed with its arena.
 */
final class PairBuffer {
    static final int CHUNK_PAIRS = 1 << 20;

    private final Arena arena;
    private final boolean wide;
    private final int chunkPairs;
    private final List<IndexArray> chunks = new ArrayList<>();
    private IndexArray current;
    private int used;
    private long size;

    PairBuffer(Arena arena, boolean wide) {
        this(arena, wide, CHUNK_PAIRS);
    }

    PairBuffer(Arena arena, boolean wide, int chunkPairs) {
        this.arena = arena;
        this.wide = wide;
        this.chunkPairs = chunkPairs;
        this.used = chunkPairs;
    }

    void add(long a, long b) {
        addIf(a, b, 1);
    }

    /**
     * Adds (a, b) when {@code keep} is 1, nothing when it is 0, without a branch on it: the pair
     * is written either way and the count advances by {@code keep}.
     */
    void addIf(long a, long b, long keep) {
        if (used == chunkPairs) {
            current = IndexArray.allocate(arena, 2L * chunkPairs, wide);
            chunks.add(current);
            used = 0;
        }
        current.set(2L * used, a);
        current.set(2L * used + 1, b);
        used += (int) keep;
        size += keep;
    }

    long size() {
        return size;
    }

    int chunkPairs() {
        return chunkPairs;
    }

    /** Chunk {@code k}: pair {@code k * chunkPairs() + i} is at elements {@code 2i, 2i+1}. */
    IndexArray chunk(int k) {
        return chunks.get(k);
    }

    interface PairConsumer {
        void accept(long a, long b);
    }

    void forEach(PairConsumer consumer) {
        long left = size;
        for (IndexArray chunk : chunks) {
            long pairs = Math.min(left, chunkPairs);
            for (long i = 0; i < pairs; i++) {
                consumer.accept(chunk.get(2 * i), chunk.get(2 * i + 1));
            }
            left -= pairs;
        }
    }
}
