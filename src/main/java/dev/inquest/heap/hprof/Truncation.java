package dev.inquest.heap.hprof;

/**
 * Where the readable data stops and what is missing there. Every figure computed from a dump
 * with one of these is partial, and is labelled so.
 */
public record Truncation(long offset, String what) {
}
