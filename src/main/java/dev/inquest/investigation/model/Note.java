package dev.inquest.investigation.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * Markdown kept verbatim: a section we do not model (Timeline, Verification Steps...), or a
 * block inside a known section that is not an item (a code fence, a table).
 *
 * @param heading the heading text without the #s, or null for a block without its own heading
 * @param level   the heading level (2 for {@code ##})
 * @param after   the section it followed ({@link Section#key()}), or "" for the top of the
 *                document, so exports put it back where it was
 */
@JsonPropertyOrder({"heading", "level", "markdown", "after"})
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Note(String heading, int level, String markdown, String after) {
    public Note {
        markdown = markdown == null ? "" : markdown;
        after = after == null ? "" : after;
        level = level <= 0 ? 2 : level;
    }

    private static final java.util.regex.Pattern DERIVED = java.util.regex.Pattern.compile(
            "(?i)^(executive summary|summary|tl;? ?dr|artifacts)$");

    /**
     * A kept copy of a section the case also holds as data (an imported executive summary or
     * artifact table): the report prints the data and skips the copy; the subtask shape, which
     * has no place for that data, prints the copy.
     */
    public boolean duplicatesCaseData() {
        return heading != null && DERIVED.matcher(heading.strip()).matches();
    }
}
