package dev.inquest.jfr.events;

import dev.inquest.format.Units;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * What an event field holds, from its JFR content type ({@code @Timespan}, {@code @DataAmount},
 * {@code @Percentage}...), so that both faces format a value the same way through {@link Units}.
 * The values an {@link EventRow} carries per kind are named on each constant.
 */
public enum FieldKind {
    /** A string (or anything shown as its text): String. */
    TEXT,
    /** A plain number: Long. */
    INTEGER,
    /** A plain fractional number: Double. */
    DECIMAL,
    /** {@code @DataAmount} in bytes: Long. */
    BYTES,
    /** {@code @Timespan}: Long nanoseconds. */
    DURATION,
    /** {@code @Timestamp}: Instant. */
    TIMESTAMP,
    /** {@code @Percentage}: Double fraction (0.25 is 25 %). */
    PERCENT,
    /** {@code @MemoryAddress}: Long. */
    ADDRESS,
    /** {@code @Frequency}: Long or Double per second. */
    FREQUENCY,
    /** A boolean: Boolean. */
    BOOLEAN,
    /** A thread: String, its Java name (else the OS name). */
    THREAD,
    /** A class: String, its Java source name. */
    CLASS,
    /** A method: String, "pkg.Class.method". */
    METHOD,
    /** A nested value (a struct of fields): String, its fields one level deep. */
    OBJECT;

    private static final DateTimeFormatter CLOCK =
            DateTimeFormatter.ofPattern("HH:mm:ss.SSS", Locale.ROOT).withZone(ZoneOffset.UTC);

    /** The value as both faces show it; "" for a field the event does not have (null). */
    public String format(Object value) {
        if (value == null) {
            return "";
        }
        return switch (this) {
            case BYTES -> value instanceof Number n ? Units.bytes(n.doubleValue()) : value.toString();
            case DURATION -> value instanceof Number n ? Units.duration(n.longValue()) : value.toString();
            case TIMESTAMP -> value instanceof Instant i ? CLOCK.format(i) : value.toString();
            case PERCENT -> value instanceof Number n ? Units.percent(n.doubleValue()) : value.toString();
            case ADDRESS -> value instanceof Number n ? String.format(Locale.ROOT, "0x%x", n.longValue()) : value.toString();
            case FREQUENCY -> value instanceof Number n ? Units.grouped(n.doubleValue()) + " Hz" : value.toString();
            case INTEGER -> value instanceof Number n ? Units.count(n.longValue()) : value.toString();
            case DECIMAL -> value instanceof Number n ? Units.grouped(n.doubleValue()) : value.toString();
            default -> value.toString();
        };
    }

    /** Whether the value is a figure (right-aligned in tables). */
    public boolean numeric() {
        return switch (this) {
            case INTEGER, DECIMAL, BYTES, DURATION, PERCENT, FREQUENCY -> true;
            default -> false;
        };
    }
}
