package dev.inquest.fuzz;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Damages an HPROF dump: the generic byte damage, plus its header's identifier size and the tag and
 * length of its top-level records (found by walking the records of the seed dump once).
 */
final class HprofMutator {
    /** "JAVA PROFILE 1.0.2\0", then u4 identifier size, u8 timestamp. */
    static final int ID_SIZE_AT = 19;
    static final int FIRST_RECORD = 31;
    /** Top-level tags HPROF does not define (1.0.2 defines 0x01-0x0E, 0x1C, 0x2C). */
    private static final int[] UNKNOWN_TAGS = {0x00, 0x0F, 0x11, 0x20, 0x2B, 0x2D, 0x7F, 0xFF};

    /** Heap dump sub-record tags HPROF does not define. */
    private static final int[] UNKNOWN_SUB_TAGS = {0x00, 0x09, 0x0A, 0x24, 0x7F, 0xFE};

    /** A heap dump sub-record: where it starts, its tag, where its u4 length or element count is (-1: none). */
    record Sub(int at, int tag, int countAt) {
    }

    private final byte[] seed;
    private final List<Integer> records = new ArrayList<>();
    private final List<Sub> subs = new ArrayList<>();
    private final int id;

    HprofMutator(byte[] seed) {
        this.seed = seed;
        int pos = FIRST_RECORD;
        while (pos + 9 <= seed.length) {
            records.add(pos);
            pos += 9 + (int) Bytes.u4(seed, pos + 5);
        }
        if (pos != seed.length || records.isEmpty()) {
            throw new IllegalStateException("seed dump does not end on a record boundary: " + pos + " of " + seed.length);
        }
        id = (int) Bytes.u4(seed, ID_SIZE_AT);
        for (int r : records) {
            if (seed[r] == 0x0C || seed[r] == 0x1C) {
                segment(r + 9, r + 9 + (int) Bytes.u4(seed, r + 5));
            }
        }
    }

    /** Walks one heap dump segment's sub-records (the layouts of HPROF 1.0.2). */
    private void segment(int from, int end) {
        int p = from;
        while (p < end) {
            int tag = seed[p] & 0xff;
            int b = p + 1;
            int countAt = -1;
            int next = switch (tag) {
                case 0xFF, 0x05, 0x07 -> b + id;
                case 0x01 -> b + 2 * id;
                case 0x02, 0x03, 0x08 -> b + id + 8;
                case 0x04, 0x06 -> b + id + 4;
                case 0x20 -> classDump(b);
                case 0x21 -> {
                    countAt = b + 2 * id + 4;
                    yield countAt + 4 + (int) Bytes.u4(seed, countAt);
                }
                case 0x22 -> {
                    countAt = b + id + 4;
                    yield countAt + 4 + id + (int) Bytes.u4(seed, countAt) * id;
                }
                case 0x23 -> {
                    countAt = b + id + 4;
                    yield countAt + 5 + (int) Bytes.u4(seed, countAt) * size(seed[countAt + 4]);
                }
                default -> throw new IllegalStateException("seed dump: sub-record tag " + tag + " at byte " + p);
            };
            subs.add(new Sub(p, tag, countAt));
            p = next;
        }
        if (p != end) {
            throw new IllegalStateException("seed dump: segment ends at " + end + ", sub-records at " + p);
        }
    }

    private int classDump(int b) {
        int p = b + 7 * id + 8; // class, serial, super, loader, signers, domain, 2 reserved, instance size
        int constants = u2(p);
        p += 2;
        for (int i = 0; i < constants; i++) {
            p += 2 + 1 + size(seed[p + 2]);
        }
        int statics = u2(p);
        p += 2;
        for (int i = 0; i < statics; i++) {
            p += id + 1 + size(seed[p + id]);
        }
        int fields = u2(p);
        return p + 2 + fields * (id + 1);
    }

    private int u2(int at) {
        return ((seed[at] & 0xff) << 8) | (seed[at + 1] & 0xff);
    }

    private int size(byte basicType) {
        return switch (basicType) {
            case 2 -> id;
            case 4, 8 -> 1;
            case 5, 9 -> 2;
            case 6, 10 -> 4;
            case 7, 11 -> 8;
            default -> throw new IllegalStateException("seed dump: basic type " + basicType);
        };
    }

    int subRecords() {
        return subs.size();
    }

    int records() {
        return records.size();
    }

    Mutation next(Random r) {
        return switch (r.nextInt(11)) {
            case 0, 1 -> Bytes.cut(seed, r.nextInt(seed.length), true);
            case 2 -> Bytes.cut(seed, records.get(1 + r.nextInt(records.size() - 1)), true);
            case 3 -> Bytes.flipByte(seed, r);
            case 4 -> Bytes.flipBit(seed, r);
            case 5 -> Bytes.zeroRange(seed, r);
            case 6 -> idSize(r);
            case 7 -> tag(r);
            case 8 -> length(r);
            case 9 -> subTag(r);
            default -> subCount(r);
        };
    }

    private Mutation subTag(Random r) {
        Sub sub = subs.get(r.nextInt(subs.size()));
        int v = UNKNOWN_SUB_TAGS[r.nextInt(UNKNOWN_SUB_TAGS.length)];
        byte[] m = seed.clone();
        m[sub.at()] = (byte) v;
        return new Mutation("hprof sub-record tag", String.format("sub-record at byte %d: tag 0x%02x to 0x%02x", sub.at(), sub.tag(), v),
                true, m);
    }

    /** An instance's field byte count or an array's length: the rest of the segment no longer lines up. */
    private Mutation subCount(Random r) {
        Sub sub;
        do {
            sub = subs.get(r.nextInt(subs.size()));
        } while (sub.countAt() < 0);
        long old = Bytes.u4(seed, sub.countAt());
        long v = switch (r.nextInt(4)) {
            case 0 -> old + 1 + r.nextInt(8);
            case 1 -> 0x7fffffffL;
            case 2 -> 0xffffffffL;
            default -> old == 0 ? 3 : r.nextLong(old);
        };
        return new Mutation("hprof sub-record count", String.format("sub-record at byte %d (tag 0x%02x): u4 at byte %d from %d to %d",
                sub.at(), sub.tag(), sub.countAt(), old, v), true, Bytes.putU4(seed, sub.countAt(), v));
    }

    private Mutation idSize(Random r) {
        long[] sizes = {0, 1, 2, 3, 4, 7, 16, 255, 0x7fffffffL, 0xffffffffL};
        long old = Bytes.u4(seed, ID_SIZE_AT);
        long v;
        do {
            v = sizes[r.nextInt(sizes.length)];
        } while (v == old);
        return new Mutation("hprof id size", "u4 at byte " + ID_SIZE_AT + " from " + old + " to " + v, true,
                Bytes.putU4(seed, ID_SIZE_AT, v));
    }

    private Mutation tag(Random r) {
        int at = records.get(r.nextInt(records.size()));
        int v = UNKNOWN_TAGS[r.nextInt(UNKNOWN_TAGS.length)];
        byte[] m = seed.clone();
        int old = m[at] & 0xff;
        m[at] = (byte) v;
        return new Mutation("hprof record tag", String.format("record at byte %d: tag 0x%02x to 0x%02x", at, old, v), true, m);
    }

    private Mutation length(Random r) {
        int at = records.get(r.nextInt(records.size()));
        long old = Bytes.u4(seed, at + 5);
        long v = switch (r.nextInt(4)) {
            case 0 -> seed.length - at; // one past the end of the file
            case 1 -> 0xffffffffL;
            case 2 -> old + 1 + r.nextInt(64);
            default -> old == 0 ? 1 : r.nextLong(old);
        };
        return new Mutation("hprof record length", String.format("record at byte %d (tag 0x%02x): length %d to %d",
                at, seed[at] & 0xff, old, v), true, Bytes.putU4(seed, at + 5, v));
    }
}
