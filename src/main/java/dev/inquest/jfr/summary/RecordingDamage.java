package dev.inquest.jfr.summary;

import java.util.ArrayList;
import java.util.List;

/**
 * Why events are missing from a recording's answers, in the words both faces use (issue 17): the
 * command line prints {@link #sentences()} above a verb's text and {@link #warnings} on stderr, the
 * window shows {@link #sentence()} above the recording's views. A snapshot: a query may find more
 * damaged chunks, so ask the recording again after each one.
 *
 * @param cut    what a recording cut short lacks, or null when it ends with a complete chunk
 * @param chunks the damaged chunks skipped, in file order
 */
public record RecordingDamage(Truncation cut, List<ChunkDamage> chunks) {
    public RecordingDamage {
        chunks = List.copyOf(chunks);
    }

    /** Whether events are missing: the file is cut short or a chunk is damaged. */
    public boolean partial() {
        return cut != null || !chunks.isEmpty();
    }

    /** The cut in words with its offset ("chunk 3 declares ... at byte 1234"), or null. */
    public String missing() {
        return cut == null ? null : cut.missingReason() + " at byte " + cut.offset();
    }

    /** Every reason events are missing, the cut first, each with its byte offset. */
    public List<String> problems() {
        List<String> out = new ArrayList<>();
        if (cut != null) {
            out.add(missing());
        }
        chunks.forEach(d -> out.add(d.describe()));
        return List.copyOf(out);
    }

    /**
     * One sentence per reason, with what it means for the figures: "Cut short: ...; the figures count
     * the complete chunks only." and "Chunk 2 skipped, damaged: ...; the figures count the other chunks only."
     */
    public List<String> sentences() {
        List<String> out = new ArrayList<>();
        if (cut != null) {
            out.add("Cut short: " + missing() + "; the figures count the complete chunks only.");
        }
        // describe() already says "skipped, damaged"; a "Damaged:" label before it would say it twice.
        chunks.forEach(d -> out.add(capitalized(d.describe()) + "; the figures count the other chunks only."));
        return List.copyOf(out);
    }

    private static String capitalized(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    /** {@link #sentences()} as one text; empty when the recording was read whole. */
    public String sentence() {
        return String.join(" ", sentences());
    }

    /**
     * The same reasons as stderr warnings after the file's name, {@code using} saying what the
     * command did with the rest ("showing", "comparing"): "cut short, ... at byte N; showing the
     * complete chunks", "chunk 2 skipped, damaged: ... at byte N; showing the other chunks".
     */
    public List<String> warnings(String using) {
        List<String> out = new ArrayList<>();
        if (cut != null) {
            out.add("cut short, " + missing() + "; " + using + " the complete chunks");
        }
        chunks.forEach(d -> out.add(d.describe() + "; " + using + " the other chunks"));
        return List.copyOf(out);
    }
}
