package dev.inquest.heap.query;

/**
 * Strings with equal contents held by more than one String object.
 *
 * @param value the text (at most 200 characters), or a redaction such as {@code <redacted: 17 chars>}
 *     unless values were asked for: dumps hold passwords and tokens
 * @param length the text's length in characters
 * @param wastedBytes bytes of all copies but one (each copy's String object plus its own backing array)
 * @param example one of the String objects
 */
public record DuplicateString(String value, boolean redacted, long length, long count, long wastedBytes,
        long totalBytes, long example, long exampleAddress) {
}
