package dev.inquest.heap.query;

/**
 * A recognised container and what it holds.
 *
 * @param type the JDK collection type it was recognised as (for example {@code java.util.HashMap}
 *     for a subclass), or the array class
 * @param elementCount elements found by walking the container's own structure: non-null values
 *     of a map's entries, items of a list or queue, keys of a set, non-null slots of an array
 * @param elementClass the most frequent class among the elements (null when empty)
 * @param elementClassCount how many elements are of that class
 * @param elementClassRetained retained size of those elements taken together: the exact retained set,
 *     so an object only several elements share counts once, and counts
 * @param sizeField the container's own count ({@code size}, {@code count}), -1 when it keeps none
 */
public record ContainerInfo(long node, long address, String className, ContainerKind kind, String type,
        long elementCount, String elementClass, long elementClassCount, long elementClassRetained, long sizeField) {
}
