package dev.inquest.heap.hprof;

/** The fixed header: format string, identifier size, dump time, and where records begin. */
public record HprofHeader(String format, int idSize, long timestampMillis, long length) {
}
