package dev.inquest.heap.query;

import dev.inquest.heap.index.ClassInfo;
import dev.inquest.progress.Progress;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Finds instances of one class that share their identity: for each key-like field (named id,
 * *Id, key, *Key, uuid, name..., holding a String, UUID, boxed number, or a primitive), counts
 * the distinct values by content; the field with the most distinct values is the key. When even
 * that field has at most half as many distinct values as there are instances, the instances are
 * duplicates of each other ("30,000 SessionView for 300 distinct userId").
 */
public final class DuplicateKeys {
    private static final Pattern KEY_NAME = Pattern.compile("(?i)(.*(id|key|uuid|guid))|name");
    /** Below this many instances duplication is not worth a line in a report. */
    static final long MIN_INSTANCES = 100;

    private final ObjectReader reader;
    private int stringValueAt = Integer.MIN_VALUE;

    public DuplicateKeys(ObjectReader reader) {
        this.reader = reader;
    }

    /** The duplication among {@code instances} (all of one class), or null when there is none worth reporting. */
    public Duplication find(long[] instances, Progress progress) {
        if (instances.length < MIN_INSTANCES) {
            return null;
        }
        ClassInfo c = reader.index().classOf(instances[0]);
        if (c.isArray() || reader.index().isClassObject(instances[0])) {
            return null;
        }
        String bestField = null;
        long bestDistinct = -1;
        for (int i = 0; i < c.fieldNameIds().length; i++) {
            String name = reader.index().file().string(c.fieldNameIds()[i]);
            if (name == null || !KEY_NAME.matcher(name).matches()) {
                continue;
            }
            boolean ref = c.fieldTypes()[i] == dev.inquest.heap.hprof.Tags.T_OBJECT;
            int at = c.fieldOffsets()[i];
            // Sized for the most it will hold (it stops at half the instances): no rehashing on the way.
            LongCounter values = new LongCounter(instances.length / 2 + 1);
            boolean usable = true;
            for (int k = 0; k < instances.length && usable; k++) {
                long v;
                if (ref) {
                    long target = reader.refAt(instances[k], at);
                    v = target < 0 ? 0 : keyOf(target);
                    usable = v != Long.MIN_VALUE;
                } else {
                    v = reader.primitive(instances[k], name, Long.MIN_VALUE);
                }
                values.add(v, 0, 0);
                if (values.size() * 2L > instances.length) {
                    // This field alone tells more than half the instances apart: no duplication, whatever the others say.
                    return null;
                }
                if ((k & 0xFFF) == 0) {
                    progress.checkCancelled();
                }
            }
            if (usable && values.size() > bestDistinct) {
                bestDistinct = values.size();
                bestField = name;
            }
        }
        if (bestField == null || bestDistinct * 2 > instances.length) {
            return null;
        }
        long retained = reader.tree().retainedSizeOfSet(instances);
        long redundant = instances.length - bestDistinct;
        return new Duplication(c.name(), instances.length, bestField, bestDistinct, redundant,
                Math.round((double) retained * redundant / instances.length));
    }

    /** A content key for a key object, or Long.MIN_VALUE when the field holds something that is not a value type. */
    private long keyOf(long target) {
        String cls = reader.index().classOf(target).name();
        switch (cls) {
            case "java.lang.String" -> {
                if (stringValueAt == Integer.MIN_VALUE) {
                    stringValueAt = reader.fieldOffset(reader.index().classOf(target), "value");
                }
                long value = reader.refAt(target, stringValueAt);
                return value < 0 ? 1 : reader.contentHash(value);
            }
            case "java.util.UUID" -> {
                long hi = reader.primitive(target, "mostSigBits", 0);
                long lo = reader.primitive(target, "leastSigBits", 0);
                return hi * 31 + lo;
            }
            case "java.lang.Long", "java.lang.Integer", "java.lang.Short", "java.lang.Character", "java.lang.Byte" -> {
                return reader.primitive(target, "value", 0);
            }
            default -> {
                // An identity object of its own (a UserId record...): equal only when it is the same object.
                return cls.toLowerCase(Locale.ROOT).endsWith("id") && !reader.index().isClassObject(target) ? target
                        : Long.MIN_VALUE;
            }
        }
    }
}
