package dev.inquest.jfr.read;

import dev.inquest.jfr.events.EventColumn;
import dev.inquest.jfr.events.FieldKind;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import jdk.jfr.DataAmount;
import jdk.jfr.EventType;
import jdk.jfr.ValueDescriptor;
import jdk.jfr.consumer.RecordedClass;
import jdk.jfr.consumer.RecordedMethod;
import jdk.jfr.consumer.RecordedObject;
import jdk.jfr.consumer.RecordedThread;

/** An event type's fields as typed columns, and an event's values as those columns hold them. */
final class EventValues {
    /** The stack trace is asked for separately, never a column. */
    static final String STACK_TRACE = "stackTrace";
    /** How deep a nested value is spelled out in its cell: a fixed bound, not the value's own depth. */
    private static final int NESTING = 2;

    private EventValues() {
    }

    static List<EventColumn> columns(EventType type) {
        List<EventColumn> out = new ArrayList<>();
        for (ValueDescriptor v : type.getFields()) {
            if (STACK_TRACE.equals(v.getName()) && v.getTypeName().equals("jdk.types.StackTrace")) {
                continue;
            }
            out.add(new EventColumn(v.getName(), v.getLabel() == null ? v.getName() : v.getLabel(), kind(v)));
        }
        return List.copyOf(out);
    }

    static boolean hasStack(EventType type) {
        return type.getField(STACK_TRACE) != null;
    }

    static FieldKind kind(ValueDescriptor v) {
        if (v.isArray()) {
            return FieldKind.OBJECT;
        }
        for (jdk.jfr.AnnotationElement a : v.getAnnotationElements()) {
            FieldKind k = switch (a.getTypeName()) {
                case "jdk.jfr.Timestamp" -> FieldKind.TIMESTAMP;
                case "jdk.jfr.Timespan" -> FieldKind.DURATION;
                case "jdk.jfr.DataAmount" -> DataAmount.BITS.equals(a.getValue("value")) ? FieldKind.INTEGER : FieldKind.BYTES;
                case "jdk.jfr.Percentage" -> FieldKind.PERCENT;
                case "jdk.jfr.MemoryAddress" -> FieldKind.ADDRESS;
                case "jdk.jfr.Frequency" -> FieldKind.FREQUENCY;
                default -> null;
            };
            if (k != null) {
                // By the annotation's name: older recordings do not mark these as content types.
                return k;
            }
        }
        String content = v.getContentType();
        if (content != null) {
            switch (content) {
                case "jdk.jfr.Timestamp" -> {
                    return FieldKind.TIMESTAMP;
                }
                case "jdk.jfr.Timespan" -> {
                    return FieldKind.DURATION;
                }
                case "jdk.jfr.DataAmount" -> {
                    DataAmount a = v.getAnnotation(DataAmount.class);
                    return a == null || DataAmount.BYTES.equals(a.value()) ? FieldKind.BYTES : FieldKind.INTEGER;
                }
                case "jdk.jfr.Percentage" -> {
                    return FieldKind.PERCENT;
                }
                case "jdk.jfr.MemoryAddress" -> {
                    return FieldKind.ADDRESS;
                }
                case "jdk.jfr.Frequency" -> {
                    return FieldKind.FREQUENCY;
                }
                default -> {
                }
            }
        }
        return switch (v.getTypeName()) {
            case "boolean" -> FieldKind.BOOLEAN;
            case "long", "int", "short", "byte" -> FieldKind.INTEGER;
            case "float", "double" -> FieldKind.DECIMAL;
            case "char", "java.lang.String" -> FieldKind.TEXT;
            case "java.lang.Thread" -> FieldKind.THREAD;
            case "java.lang.Class" -> FieldKind.CLASS;
            case "jdk.types.Method" -> FieldKind.METHOD;
            default -> v.getFields().isEmpty() ? FieldKind.TEXT : FieldKind.OBJECT;
        };
    }

    /** The event's value for {@code column}, held as its kind says, or null. */
    static Object value(RecordedObject e, EventColumn column) {
        String name = column.name();
        if (!e.hasField(name)) {
            return null;
        }
        try {
            Object raw = e.getValue(name);
            if (raw == null) {
                return null;
            }
            return switch (column.kind()) {
                case TIMESTAMP -> e.getInstant(name);
                case DURATION -> nanos(e.getDuration(name));
                case PERCENT, DECIMAL -> raw instanceof Number n ? n.doubleValue() : raw.toString();
                case BYTES, INTEGER, ADDRESS -> raw instanceof Number n ? n.longValue() : raw.toString();
                case FREQUENCY -> raw instanceof Number n ? n : raw.toString();
                case BOOLEAN -> raw instanceof Boolean b ? b : raw.toString();
                case THREAD -> raw instanceof RecordedThread t ? threadName(t) : raw.toString();
                case CLASS -> raw instanceof RecordedClass c ? FrameNames.className(c.getName()) : raw.toString();
                case METHOD -> raw instanceof RecordedMethod m ? FrameNames.method(m) : raw.toString();
                case OBJECT -> spell(raw, NESTING);
                case TEXT -> raw.toString();
            };
        } catch (RuntimeException bad) {
            // A value the recording cannot give in the declared form: shown as it is, not a failure.
            return String.valueOf(e.getValue(name));
        }
    }

    static String threadName(RecordedThread t) {
        if (t == null) {
            return null;
        }
        String n = t.getJavaName();
        return n != null ? n : t.getOSName();
    }

    private static long nanos(Duration d) {
        if (d == null) {
            return 0;
        }
        try {
            return d.toNanos();
        } catch (ArithmeticException forever) {
            return d.isNegative() ? Long.MIN_VALUE : Long.MAX_VALUE;
        }
    }

    /** A nested value on one line, "{a=1, b=x}", its own nested values spelled to {@code depth} levels. */
    private static String spell(Object v, int depth) {
        if (v instanceof RecordedThread t) {
            return threadName(t);
        }
        if (v instanceof RecordedClass c) {
            return FrameNames.className(c.getName());
        }
        if (v instanceof RecordedMethod m) {
            return FrameNames.method(m);
        }
        if (v instanceof Object[] a) {
            StringBuilder sb = new StringBuilder("[");
            for (int i = 0; i < a.length && i < 16; i++) {
                sb.append(i == 0 ? "" : ", ").append(depth > 0 ? spell(a[i], depth - 1) : "…");
            }
            return sb.append(a.length > 16 ? ", …]" : "]").toString();
        }
        if (v instanceof RecordedObject o) {
            if (depth == 0) {
                return "{…}";
            }
            StringBuilder sb = new StringBuilder("{");
            boolean first = true;
            for (ValueDescriptor f : o.getFields()) {
                Object fv = o.getValue(f.getName());
                sb.append(first ? "" : ", ").append(f.getName()).append('=')
                        .append(fv == null ? "null" : spell(fv, depth - 1));
                first = false;
            }
            return sb.append('}').toString();
        }
        return String.valueOf(v);
    }
}
