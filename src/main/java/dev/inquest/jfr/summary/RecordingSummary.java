package dev.inquest.jfr.summary;

import java.time.Instant;
import java.util.List;
import java.util.SortedMap;

/**
 * What a recording is, at a glance: which JVM, how long, how many events of which types, and
 * whether part of it is missing. Field names follow the {@code jfr summary --json} contract
 * (file, jvm, start, durationMillis, chunks, events, byType, truncated); the rest are additions.
 *
 * @param jvm           JVM name and version, e.g. "OpenJDK 64-Bit Server VM 25+36"; "unknown" when not recorded
 * @param truncatedAt   byte offset where the missing part starts, or -1
 * @param missing       one sentence on what is missing, or null
 * @param gc            young and old collector names, e.g. "G1New / G1Old", or null
 * @param maxHeapBytes  the configured maximum heap, or -1 when not recorded
 * @param notes         plain-language remarks (metadata only, no stack traces, ...)
 * @param problems      every reason events are missing: the cut, each damaged chunk skipped (with its byte offset)
 * @param truncated     true whenever events are missing (cut short or a damaged chunk skipped)
 */
public record RecordingSummary(String file, String jvm, Instant start, long durationMillis, int chunks, long events,
                               SortedMap<String, Long> byType, boolean truncated, long truncatedAt, String missing,
                               String jvmArguments, String gc, long maxHeapBytes, long initialHeapBytes,
                               List<String> notes, List<String> problems) {
}
