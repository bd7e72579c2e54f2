package dev.inquest.jfr.events;

/**
 * One field of an event type, a column of its table.
 *
 * @param name  the field's name in the recording ("startTime", "objectClass")
 * @param label its label ("Start Time", "Object Class"), the name when the recording has none
 * @param kind  how its values are held and formatted
 */
public record EventColumn(String name, String label, FieldKind kind) {
    /** {@code value} as both faces show it. */
    public String format(Object value) {
        return kind.format(value);
    }
}
