package dev.inquest.jfr.summary;

/**
 * A chunk of a recording that was skipped because it is damaged (a flipped byte, a header that
 * points outside the chunk): its events are missing from every figure, the other chunks are read.
 *
 * @param chunk   the chunk's number in the file, from 1
 * @param offset  where the damage was seen: the chunk's start plus the position inside it, where known
 * @param problem what is wrong, in words, e.g. "the header's constant-pool offset 0 is outside the chunk"
 */
public record ChunkDamage(int chunk, long offset, String problem) {

    /** One line for the user: "chunk 2 skipped, damaged: ... at byte 1234". */
    public String describe() {
        return "chunk " + chunk + " skipped, damaged: " + problem + " at byte " + offset;
    }
}
