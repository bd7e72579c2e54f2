package dev.inquest.heap.query;

/**
 * Many instances of one class that are equal by a key field, where one per key would do.
 *
 * @param keyField the field that identifies an instance (the most distinct of the key-like fields)
 * @param redundantInstances instances beyond the first per key
 * @param redundantRetained estimated bytes those redundant instances keep: their share of the
 *     instances' combined retained size
 */
public record Duplication(String className, long instances, String keyField, long distinctKeys,
        long redundantInstances, long redundantRetained) {
}
