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

    private final byte[] seed;
    private final List<Integer> records = new ArrayList<>();

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
    }

    int records() {
        return records.size();
    }

    Mutation next(Random r) {
        return switch (r.nextInt(9)) {
            case 0, 1 -> Bytes.cut(seed, r.nextInt(seed.length), true);
            case 2 -> Bytes.cut(seed, records.get(1 + r.nextInt(records.size() - 1)), true);
            case 3 -> Bytes.flipByte(seed, r);
            case 4 -> Bytes.flipBit(seed, r);
            case 5 -> Bytes.zeroRange(seed, r);
            case 6 -> idSize(r);
            case 7 -> tag(r);
            default -> length(r);
        };
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
