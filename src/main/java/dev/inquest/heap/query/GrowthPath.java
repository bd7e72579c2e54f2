package dev.inquest.heap.query;

import java.util.List;

/**
 * A dominator path that grew ({@link Comparison#dominators()}), with one object of the later dump
 * to inspect: the path stands for every object that shares it, so {@code node} is the largest of
 * them (what "inspect" and "paths to GC roots" act on).
 *
 * @param node    the largest object with this path in the later dump, or -1 when there is none
 *                (the path no longer exists there)
 * @param address that object's address, or -1 with the node
 */
public record GrowthPath(DominatorDelta delta, long node, long address) {
    public String className() {
        return delta.className();
    }

    /** The dominators above this one, top first; empty for a top-level dominator. */
    public List<String> holders() {
        return delta.path().subList(0, delta.path().size() - 1);
    }
}
