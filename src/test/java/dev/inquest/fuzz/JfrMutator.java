package dev.inquest.fuzz;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Damages a flight recording: the generic byte damage, plus its chunk headers' fields (size,
 * constant pool and metadata offsets, start ticks, version) and the size of its events (found by
 * walking the chunks and their event sizes once).
 */
final class JfrMutator {
    // Chunk header: magic "FLR\0", u2 major, u2 minor, u8 size, u8 constant pool offset,
    // u8 metadata offset, u8 start nanos, u8 duration nanos, u8 start ticks, u8 ticks/s, u4 features.
    static final int SIZE = 8;
    static final int CONSTANT_POOL = 16;
    static final int METADATA = 24;
    static final int START_TICKS = 48;
    static final int HEADER = 68;

    /** An event's size field: where, how many bytes, what it says. */
    record EventSize(int at, int length, long value) {
    }

    private final byte[] seed;
    private final List<Integer> chunks = new ArrayList<>();
    private final List<EventSize> events = new ArrayList<>();

    JfrMutator(byte[] seed) {
        this.seed = seed;
        int pos = 0;
        while (pos + HEADER <= seed.length) {
            chunks.add(pos);
            long size = Bytes.u8(seed, pos + SIZE);
            boolean compressed = (Bytes.u4(seed, pos + 64) & 1) != 0;
            int e = pos + HEADER;
            while (e < pos + size) {
                EventSize s = compressed ? varint(e) : new EventSize(e, 4, Bytes.u4(seed, e));
                if (s.value() <= 0) {
                    break;
                }
                events.add(s);
                e += (int) s.value();
            }
            pos += (int) size;
        }
        if (pos != seed.length || events.isEmpty()) {
            throw new IllegalStateException("seed recording does not end on a chunk boundary: " + pos + " of " + seed.length);
        }
    }

    private EventSize varint(int at) {
        long v = 0;
        for (int i = 0; i < 9; i++) {
            int b = seed[at + i] & 0xff;
            if (i == 8) {
                return new EventSize(at, 9, v | ((long) b << 56));
            }
            v |= (long) (b & 0x7f) << (7 * i);
            if ((b & 0x80) == 0) {
                return new EventSize(at, i + 1, v);
            }
        }
        throw new AssertionError();
    }

    int chunks() {
        return chunks.size();
    }

    int events() {
        return events.size();
    }

    Mutation next(Random r) {
        return switch (r.nextInt(11)) {
            case 0, 1 -> cut(r.nextInt(seed.length));
            case 2 -> Bytes.flipByte(seed, r);
            case 3 -> Bytes.flipBit(seed, r);
            case 4 -> Bytes.zeroRange(seed, r);
            case 5 -> headerField(r, SIZE, "chunk size", true);
            case 6 -> headerField(r, CONSTANT_POOL, "constant pool offset", true);
            case 7 -> headerField(r, METADATA, "metadata offset", true);
            case 8 -> headerField(r, START_TICKS, "start ticks", false);
            case 9 -> version(r);
            default -> eventSize(r);
        };
    }

    /** A recording cut between two chunks is a shorter, whole recording: nothing to tell. */
    private Mutation cut(int at) {
        return Bytes.cut(seed, at, at != 0 && !chunks.contains(at));
    }

    private Mutation headerField(Random r, int field, String name, boolean structural) {
        int chunk = chunks.get(r.nextInt(chunks.size()));
        long old = Bytes.u8(seed, chunk + field);
        long size = Bytes.u8(seed, chunk + SIZE);
        long v;
        do {
            v = switch (r.nextInt(5)) {
                case 0 -> 1 + r.nextLong(Math.max(1, size - 1)); // somewhere inside the chunk
                case 1 -> size + 1 + r.nextInt(1 << 20); // past the chunk
                case 2 -> Long.MAX_VALUE;
                case 3 -> -1 - r.nextInt(1000);
                default -> old + (r.nextBoolean() ? 1 : -1) * (1 + r.nextInt(16));
            };
        } while (v == old || v == 0);
        return new Mutation("jfr " + name, "chunk at byte " + chunk + ": u8 at byte " + (chunk + field) + " from " + old
                + " to " + v, structural, Bytes.putU8(seed, chunk + field, v));
    }

    private Mutation version(Random r) {
        int chunk = chunks.get(r.nextInt(chunks.size()));
        int[] majors = {0, 1, 3, 99, 0xffff};
        int v = majors[r.nextInt(majors.length)];
        byte[] m = seed.clone();
        m[chunk + 4] = (byte) (v >> 8);
        m[chunk + 5] = (byte) v;
        return new Mutation("jfr major version", "chunk at byte " + chunk + ": major version to " + v, true, m);
    }

    private Mutation eventSize(Random r) {
        EventSize e = events.get(r.nextInt(events.size()));
        long max = e.length() >= 9 ? Long.MAX_VALUE : (1L << (7 * e.length())) - 1;
        long v;
        do {
            v = switch (r.nextInt(5)) {
                case 0 -> 0;
                case 1 -> e.value() - 1;
                case 2 -> e.value() + 1;
                case 3 -> e.value() * 2;
                default -> r.nextLong(Math.max(1, max));
            };
        } while (v == e.value() || v < 0 || v > max);
        byte[] m = seed.clone();
        // Same number of bytes (padded varint): the damage is the size, not a shifted file.
        long rest = v;
        for (int i = 0; i < e.length(); i++) {
            boolean last = i == e.length() - 1;
            m[e.at() + i] = (byte) (last && e.length() == 9 ? rest : (rest & 0x7f) | (last ? 0 : 0x80));
            rest >>>= 7;
        }
        return new Mutation("jfr event size", "event at byte " + e.at() + ": size " + e.value() + " to " + v
                + " (" + e.length() + "-byte field)", true, m);
    }
}
