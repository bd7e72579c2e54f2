package dev.inquest.jfr.summary;

/**
 * What is missing from a recording cut short (a JVM crash, a copy interrupted): everything from
 * {@code offset} on was not read.
 *
 * @param offset        where the first incomplete or unreadable chunk starts
 * @param missingReason one sentence for the user, e.g. "chunk 3 declares 12 MB but only 4 MB are present"
 */
public record Truncation(long offset, String missingReason) {
}
