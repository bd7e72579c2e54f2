package dev.inquest.heap.query;

/**
 * Instances of one class that are equal by a key field, where one per key would do.
 *
 * @param instances reachable instances of the class
 * @param keyField the field that identifies an instance (the most distinct of its key-like fields)
 * @param keyType what the key field holds: "String", "UUID", "Long", an enum class, "int"...
 * @param keyedInstances instances whose key is not null
 * @param distinctKeys distinct key values among them
 * @param surplusInstances instances beyond the first per key ({@code keyedInstances - distinctKeys})
 * @param wastedBytes shallow size of the surplus instances (what sharing one instance per key saves
 *     at least; what they hold besides is counted by the retained columns elsewhere)
 * @param topKey the most common key's value (at most 200 characters), or a redaction such as
 *     {@code <redacted: 7 chars>} unless values were asked for
 * @param topKeyCount instances holding that key
 * @param example the lowest-numbered instance holding that key
 */
public record DuplicateObject(String className, long instances, String keyField, String keyType, long keyedInstances,
        long distinctKeys, long surplusInstances, long wastedBytes, String topKey, boolean redacted, long topKeyCount,
        long example, long exampleAddress) {
}
