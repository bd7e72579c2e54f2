package dev.inquest.fuzz;

import java.util.Arrays;
import java.util.Random;

/** The damage any binary file can take: cuts, flipped bytes and bits, zeroed ranges; and big-endian field access. */
final class Bytes {
    private Bytes() {
    }

    static Mutation cut(byte[] b, long at, boolean mustDetect) {
        return new Mutation("cut", "at byte " + at + " of " + b.length, mustDetect, Arrays.copyOf(b, (int) at));
    }

    static Mutation flipByte(byte[] b, Random r) {
        int at = r.nextInt(b.length);
        int mask = 1 + r.nextInt(255);
        byte[] m = b.clone();
        m[at] ^= (byte) mask;
        return new Mutation("flip byte", "byte " + at + " xor 0x" + Integer.toHexString(mask), false, m);
    }

    static Mutation flipBit(byte[] b, Random r) {
        int at = r.nextInt(b.length);
        int bit = r.nextInt(8);
        byte[] m = b.clone();
        m[at] ^= (byte) (1 << bit);
        return new Mutation("flip bit", "byte " + at + " bit " + bit, false, m);
    }

    static Mutation zeroRange(byte[] b, Random r) {
        int at = r.nextInt(b.length);
        int len = Math.min(b.length - at, 1 + r.nextInt(r.nextBoolean() ? 16 : 4096));
        byte[] m = b.clone();
        Arrays.fill(m, at, at + len, (byte) 0);
        return new Mutation("zero range", len + " bytes from byte " + at, false, m);
    }

    static long u4(byte[] b, int at) {
        return ((b[at] & 0xffL) << 24) | ((b[at + 1] & 0xffL) << 16) | ((b[at + 2] & 0xffL) << 8) | (b[at + 3] & 0xffL);
    }

    static long u8(byte[] b, int at) {
        return (u4(b, at) << 32) | u4(b, at + 4);
    }

    static byte[] putU4(byte[] b, int at, long v) {
        byte[] m = b.clone();
        for (int i = 0; i < 4; i++) {
            m[at + i] = (byte) (v >>> (24 - 8 * i));
        }
        return m;
    }

    static byte[] putU8(byte[] b, int at, long v) {
        byte[] m = b.clone();
        for (int i = 0; i < 8; i++) {
            m[at + i] = (byte) (v >>> (56 - 8 * i));
        }
        return m;
    }
}
