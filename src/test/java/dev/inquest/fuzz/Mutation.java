package dev.inquest.fuzz;

/**
 * One damaged copy of a seed file, described well enough to redo it by hand.
 *
 * @param kind       what kind of damage (cut, flip, zero, a header field...)
 * @param detail     where and what exactly, in bytes of the original file
 * @param mustDetect whether an exit 0 must carry the damage: a cut inside the data or a broken
 *                   length always can be told; a flipped byte may land in an array's values
 * @param bytes      the damaged file
 */
record Mutation(String kind, String detail, boolean mustDetect, byte[] bytes) {
    @Override
    public String toString() {
        return kind + " (" + detail + ")" + (mustDetect ? " [must be detected]" : "");
    }
}
