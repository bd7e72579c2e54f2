package dev.inquest.heap.query;

import dev.inquest.heap.hprof.Tags;
import dev.inquest.heap.index.ClassInfo;
import dev.inquest.heap.index.HeapIndex;
import dev.inquest.progress.Progress;
import java.util.Locale;
import java.util.UUID;
import java.util.function.LongUnaryOperator;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

/**
 * Finds instances of one class that share their identity: for each key-like field (named id,
 * *Id, key, *Key, uuid, guid, name; holding a String, UUID, boxed integral number, enum constant,
 * an identity object named *Id, or a non-boolean primitive), counts the distinct values by
 * content; the field with the most distinct values is the key. When even that field has at most
 * half as many distinct values as there are keyed instances, the instances are duplicates of each
 * other ("30,000 SessionView for 300 distinct userId").
 *
 * <p>One rule for the leak suspects (the elements of one container) and the whole-heap table
 * ({@link DuplicateObjects}, every application class's instances). Instances whose key is null
 * are left out: a missing key is not a shared one. Booleans are never keys (two values cannot
 * identify anything). Keys are read in blocks, each block in parallel slices (the cost is reading
 * the key objects and hashing string contents: random reads in the dump), then counted in order,
 * so a field that tells more than half the instances apart stops the class early.
 */
public final class DuplicateKeys {
    private static final Pattern KEY_NAME = Pattern.compile("(?i)(.*(id|key|uuid|guid))|name");
    /** Below this many instances duplication is not worth a line in a report. */
    static final long MIN_INSTANCES = 100;
    /** Instances read before counting (and, possibly, giving up on the class). */
    private static final int BLOCK = 1 << 16;
    /** Instances per parallel task within a block. */
    private static final int SLICE = 1 << 12;
    /** A key for "no key here" (null reference): not counted. */
    private static final long NO_KEY = Long.MIN_VALUE + 1;
    /** A key for "this field does not hold a value type": the field is not a key. */
    private static final long UNUSABLE = Long.MIN_VALUE;

    private static final byte OTHER = 0;
    private static final byte STRING = 1;
    private static final byte UUID_KIND = 2;
    private static final byte BOXED = 3;
    private static final byte ENUM = 4;
    private static final byte IDENTITY = 5;

    private final ObjectReader reader;
    private final HeapIndex index;
    /** How an object referenced from a key field is turned into a key, by its class ordinal. */
    private final byte[] kinds;
    /** String.value, the boxed value, UUID.mostSigBits: offset in the key object's class, by ordinal. */
    private final int[] firstAt;
    /** UUID.leastSigBits offset; the boxed value's field type. */
    private final int[] secondAt;

    /**
     * How the key field of a class was judged.
     *
     * @param field index of the key field in {@link ClassInfo#fieldNameIds()}
     * @param keyed instances whose key is not null
     * @param topCount instances sharing the most common key
     * @param topExample the lowest node holding that key
     */
    record Keyed(ClassInfo type, long instances, String keyField, int field, long keyed, long distinct, long topCount,
            long topExample) {
        long surplus() {
            return keyed - distinct;
        }
    }

    public DuplicateKeys(ObjectReader reader) {
        this.reader = reader;
        this.index = reader.index();
        int n = index.classes().size();
        kinds = new byte[n];
        firstAt = new int[n];
        secondAt = new int[n];
        // Resolved once for every class (a few microseconds each), so the parallel readers share
        // read-only tables instead of each caching field offsets of their own.
        for (ClassInfo c : index.classes()) {
            int o = c.ordinal();
            switch (c.name()) {
                case "java.lang.String" -> {
                    kinds[o] = STRING;
                    firstAt[o] = reader.fieldOffset(c, "value");
                }
                case "java.util.UUID" -> {
                    kinds[o] = UUID_KIND;
                    firstAt[o] = reader.fieldOffset(c, "mostSigBits");
                    secondAt[o] = reader.fieldOffset(c, "leastSigBits");
                }
                case "java.lang.Long", "java.lang.Integer", "java.lang.Short", "java.lang.Character", "java.lang.Byte" -> {
                    kinds[o] = BOXED;
                    firstAt[o] = reader.fieldOffset(c, "value");
                    secondAt[o] = fieldType(c, "value");
                }
                default -> {
                    if (c.isArray()) {
                        kinds[o] = OTHER;
                    } else if (c.superOrdinal() >= 0 && reader.isA(c, "java.lang.Enum") && !c.name().equals("java.lang.Enum")) {
                        kinds[o] = ENUM; // constants are singletons: the object is the value
                    } else if (c.name().toLowerCase(Locale.ROOT).endsWith("id")) {
                        kinds[o] = IDENTITY; // a UserId record...: equal only when it is the same object
                    }
                }
            }
        }
    }

    /** The duplication among {@code instances} (all of one class), or null when there is none worth reporting. */
    public Duplication find(long[] instances, Progress progress) {
        if (instances.length == 0) {
            return null;
        }
        Keyed k = keyed(index.classOf(instances[0]), instances.length, i -> instances[(int) i], progress);
        if (k == null) {
            return null;
        }
        long retained = reader.retainedOfSet(instances, progress);
        return new Duplication(k.type().name(), instances.length, k.keyField(), k.distinct(), k.surplus(),
                Math.round((double) retained * k.surplus() / instances.length));
    }

    /** Whether instances of the class have a field this rule would try as a key. */
    boolean hasKeyField(ClassInfo c) {
        for (int i = 0; i < c.fieldNameIds().length; i++) {
            if (keyField(c, i) != null) {
                return true;
            }
        }
        return false;
    }

    /**
     * The key of {@code n} instances of class {@code c} ({@code nodeAt(i)} is the i-th), or null
     * when they are not duplicates: fewer than {@link #MIN_INSTANCES} keyed instances, no key-like
     * field, or a key-like field with more distinct values than half the keyed instances.
     */
    Keyed keyed(ClassInfo c, long n, LongUnaryOperator nodeAt, Progress progress) {
        if (n < MIN_INSTANCES || c.isArray() || index.isClassObject(nodeAt.applyAsLong(0))) {
            return null;
        }
        Keyed best = null;
        long[] keys = new long[(int) Math.min(n, BLOCK)];
        for (int f = 0; f < c.fieldNameIds().length; f++) {
            String name = keyField(c, f);
            if (name == null) {
                continue;
            }
            boolean ref = c.fieldTypes()[f] == Tags.T_OBJECT;
            int at = c.fieldOffsets()[f];
            int type = c.fieldTypes()[f];
            // Presized for a block, not for n/2: a class with a few hundred distinct keys stays small.
            LongCounter values = new LongCounter((int) Math.min(n / 2 + 1, BLOCK));
            long keyed = 0;
            boolean usable = true;
            for (long from = 0; from < n && usable; from += BLOCK) {
                int len = (int) Math.min(BLOCK, n - from);
                long base = from;
                IntStream slices = IntStream.range(0, (len + SLICE - 1) / SLICE);
                (len > 2 * SLICE ? slices.parallel() : slices).forEach(s -> {
                    for (int i = s * SLICE, end = Math.min(len, i + SLICE); i < end; i++) {
                        long v = nodeAt.applyAsLong(base + i);
                        keys[i] = ref ? keyOf(reader.refAt(v, at)) : reader.bitsAt(v, at, type, NO_KEY);
                    }
                    progress.checkCancelled();
                });
                for (int i = 0; i < len; i++) {
                    long k = keys[i];
                    if (k == UNUSABLE) {
                        usable = false;
                        break;
                    }
                    if (k == NO_KEY) {
                        continue;
                    }
                    values.add(k, 0, nodeAt.applyAsLong(from + i));
                    keyed++;
                }
                if (values.size() * 2L > n) {
                    // This field alone tells more than half the instances apart: no duplication, whatever the others say.
                    return null;
                }
            }
            if (!usable || keyed < MIN_INSTANCES || (best != null && values.size() <= best.distinct())) {
                continue;
            }
            long[] top = {0, Long.MAX_VALUE};
            values.forEach((key, count, bytes, first) -> {
                if (count > top[0] || (count == top[0] && first < top[1])) {
                    top[0] = count;
                    top[1] = first;
                }
            });
            best = new Keyed(c, n, name, f, keyed, values.size(), top[0], top[1]);
        }
        if (best == null || best.distinct() * 2 > best.keyed()) {
            return null;
        }
        return best;
    }

    /** The field's name when it is key-like (by name, and not a boolean), else null. */
    private String keyField(ClassInfo c, int f) {
        if (c.fieldTypes()[f] == Tags.T_BOOLEAN) {
            return null;
        }
        String name = index.file().string(c.fieldNameIds()[f]);
        return name != null && KEY_NAME.matcher(name).matches() ? name : null;
    }

    /** A content key for the object a key field references; thread-safe (reads only). */
    private long keyOf(long target) {
        if (target < 0) {
            return NO_KEY;
        }
        int o = index.classOf(target).ordinal();
        return switch (kinds[o]) {
            case STRING -> {
                long value = reader.refAt(target, firstAt[o]);
                yield value < 0 ? 1 : reader.contentHash(value);
            }
            case UUID_KIND -> {
                long hi = reader.bitsAt(target, firstAt[o], Tags.T_LONG, 0);
                long lo = reader.bitsAt(target, secondAt[o], Tags.T_LONG, 0);
                yield hi * 0x9E3779B97F4A7C15L ^ lo;
            }
            case BOXED -> reader.bitsAt(target, firstAt[o], secondAt[o], 0);
            case ENUM -> target;
            case IDENTITY -> index.isClassObject(target) ? UNUSABLE : target;
            default -> UNUSABLE;
        };
    }

    /**
     * The key value of one instance as text: a String's text, a UUID, a number, an enum constant's
     * name, or "Class@0xADDRESS" for an identity object; null when the field is null.
     */
    String keyText(long node, ClassInfo c, int f) {
        int at = c.fieldOffsets()[f];
        int type = c.fieldTypes()[f];
        if (type != Tags.T_OBJECT) {
            long bits = reader.bitsAt(node, at, type, 0);
            return switch (type) {
                case Tags.T_FLOAT -> String.valueOf(Float.intBitsToFloat((int) bits));
                case Tags.T_DOUBLE -> String.valueOf(Double.longBitsToDouble(bits));
                case Tags.T_CHAR -> String.valueOf((char) bits);
                default -> String.valueOf(bits);
            };
        }
        long target = reader.refAt(node, at);
        if (target < 0) {
            return null;
        }
        int o = index.classOf(target).ordinal();
        return switch (kinds[o]) {
            case STRING -> reader.dump().stringValue(target, Integer.MAX_VALUE);
            case UUID_KIND -> new UUID(reader.bitsAt(target, firstAt[o], Tags.T_LONG, 0),
                    reader.bitsAt(target, secondAt[o], Tags.T_LONG, 0)).toString();
            case BOXED -> {
                long bits = reader.bitsAt(target, firstAt[o], secondAt[o], 0);
                yield secondAt[o] == Tags.T_CHAR ? String.valueOf((char) bits) : String.valueOf(bits);
            }
            case ENUM -> {
                String constant = reader.dump().stringValue(reader.ref(target, "name"), 200);
                yield constant != null ? constant : reader.className(target) + "@0x" + Long.toHexString(reader.dump().address(target));
            }
            default -> reader.className(target) + "@0x" + Long.toHexString(reader.dump().address(target));
        };
    }

    /** The key field's type for people: "String", "UUID", "Long", an enum's simple name, "int"... */
    String keyType(long node, ClassInfo c, int f) {
        int type = c.fieldTypes()[f];
        if (type != Tags.T_OBJECT) {
            return Tags.primitiveName(type);
        }
        long target = reader.refAt(node, c.fieldOffsets()[f]);
        if (target < 0) {
            return "null";
        }
        String name = index.classOf(target).name();
        return name.startsWith("java.") ? name.substring(name.lastIndexOf('.') + 1) : name;
    }

    private int fieldType(ClassInfo c, String field) {
        for (int i = 0; i < c.fieldNameIds().length; i++) {
            if (field.equals(index.file().string(c.fieldNameIds()[i]))) {
                return c.fieldTypes()[i];
            }
        }
        return Tags.T_INT;
    }
}
