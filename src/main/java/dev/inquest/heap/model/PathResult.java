package dev.inquest.heap.model;

import java.util.List;

/** Shortest paths from an object to GC roots; each path starts at the object and ends at a root. */
public record PathResult(long node, long address, String className, List<List<PathStep>> paths) {
}
